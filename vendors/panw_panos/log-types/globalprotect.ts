/** GLOBALPROTECT log (PAN-OS 9.1+ layout). */
import { setField, isIp } from '../../../src/ecs/fields.js';
import type { Fields, LogType } from '../shared.js';
import { copyPairs, compilePairs, type Pairs } from './network-common.js';

const GP_ECS: Pairs = [
  ['panw.panos.event.id', 'event.code'],
  ['panw.panos.login_duration', 'event.duration'],
  ['panw.panos.event.status', 'event.outcome'],
  ['panw.panos.event.reason', 'event.reason'],
  ['panw.panos.host.id', 'host.id'],
  ['panw.panos.machine.name', 'host.name'],
  ['panw.panos.client.os', 'host.os.family'],
  ['panw.panos.client.os_version', 'host.os.full'],
  ['panw.panos.location', 'observer.geo.name'],
];
const GP_ECS_C = compilePairs(GP_ECS);

/** The v4 column when it holds an address, else the v6 one when it is not the `0.0.0.0` placeholder. */
function pick(v4: string | undefined, v6: string | undefined): string | undefined {
  const a = v4 !== undefined && isIp(v4) ? v4 : undefined;
  if ((a === undefined || a === '0.0.0.0') && v6 !== undefined && v6 !== '0.0.0.0' && isIp(v6)) return v6;
  return a;
}

export const globalprotect: LogType = {
  columns: [
    'panw.panos.virtual_sys', 'panw.panos.event.id', 'panw.panos.stage', 'panw.panos.auth_method', 'panw.panos.tunnel_type',
    '_temp_.srcuser', '_temp_.srcloc', 'panw.panos.machine.name', 'panw.panos.public.ip', '_temp_.public_ipv6',
    'panw.panos.private.ip', '_temp_.private_ipv6', 'panw.panos.host.id', 'panw.panos.serial_number',
    'panw.panos.client_ver', 'panw.panos.client.os', 'panw.panos.client.os_version', 'panw.panos.repeat_count',
    'panw.panos.event.reason', 'panw.panos.error_message', 'panw.panos.description', 'panw.panos.event.status',
    'panw.panos.location', 'panw.panos.login_duration', 'panw.panos.connect_method', 'panw.panos.error_code',
    'panw.panos.portal', 'panw.panos.sequence_number', 'panw.panos.action_flags', '_temp_.high_res_timestamp',
    'panw.panos.selection_type', 'panw.panos.response_time', 'panw.panos.priority', 'panw.panos.attempted_gateways',
    'panw.panos.gateway', 'panw.panos.device_group_hierarchy1', 'panw.panos.device_group_hierarchy2',
    'panw.panos.device_group_hierarchy3', 'panw.panos.device_group_hierarchy4', 'panw.panos.vsys_name',
    'panw.panos.device_name', 'panw.panos.vsys_id',
  ],
  kind: 'event',
  category: ['network'],
  map(f: Fields, doc) {
    const src = pick(f.get('panw.panos.private.ip'), f.get('_temp_.private_ipv6'));
    if (src !== undefined) {
      setField(doc, 'source.ip', src);
      setField(doc, 'host.ip', [src]);
    }
    const nat = pick(f.get('panw.panos.public.ip'), f.get('_temp_.public_ipv6'));
    if (nat !== undefined) setField(doc, 'source.nat.ip', nat);
    copyPairs(f, doc, GP_ECS_C);
  },
};
