/** HIP-MATCH log: host information profile matches of GlobalProtect clients. */
import { setField, isIp } from '../../../src/ecs/fields.js';
import type { Fields, LogType } from '../shared.js';
import { normMac } from '../convert.js';

export const hipmatch: LogType = {
  columns: [
    '_temp_.srcuser', 'panw.panos.virtual_sys', 'panw.panos.machine.name', 'panw.panos.machine.os', 'panw.panos.source.ip',
    'panw.panos.matchname', 'panw.panos.repeat_count', 'panw.panos.matchtype', '_temp_.future_use3', '_temp_.future_use4',
    'panw.panos.sequence_number', 'panw.panos.action_flags', 'panw.panos.device_group_hierarchy1',
    'panw.panos.device_group_hierarchy2', 'panw.panos.device_group_hierarchy3', 'panw.panos.device_group_hierarchy4',
    'panw.panos.vsys_name', 'panw.panos.device_name', 'panw.panos.vsys_id', '_temp_.source_ipv6', 'panw.panos.host.id',
    'panw.panos.serial_number', 'panw.panos.machine.mac_address', '_temp_.high_res_timestamp',
  ],
  kind: 'event',
  category: ['network'],
  map(f: Fields, doc) {
    const v4 = f.get('panw.panos.source.ip');
    const v6 = f.get('_temp_.source_ipv6');
    const src = v6 !== undefined && v6 !== '0.0.0.0' && isIp(v6) ? v6 : v4;
    if (src !== undefined) setField(doc, 'source.ip', src);
    const hostId = f.get('panw.panos.host.id');
    if (hostId !== undefined) setField(doc, 'host.id', hostId);
    const mac = f.get('panw.panos.machine.mac_address');
    if (mac !== undefined) setField(doc, 'host.mac', normMac(mac));
    const name = f.get('panw.panos.machine.name');
    if (name !== undefined) setField(doc, 'host.name', name.toLowerCase());
    const os = f.get('panw.panos.machine.os');
    if (os !== undefined) setField(doc, 'host.os.full', os);
  },
};
