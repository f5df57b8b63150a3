/** TRAFFIC log (PAN-OS 8.1-11.x columns; older releases simply stop earlier). */
import { setField } from '../../../src/ecs/fields.js';
import type { Fields, LogType } from '../shared.js';
import { NET_ECS, copyPairs, compilePairs } from './network-common.js';

const TRAFFIC_ECS: readonly (readonly [string, string])[] = [
  ...NET_ECS,
  ['panw.panos.bytes_received', 'destination.bytes'],
  ['panw.panos.packets_received', 'destination.packets'],
  ['panw.panos.bytes_sent', 'source.bytes'],
  ['panw.panos.packets_sent', 'source.packets'],
  ['panw.panos.network.bytes', 'network.bytes'],
  ['panw.panos.network.packets', 'network.packets'],
  ['panw.panos.elapsed_time', 'event.duration'],
  ['panw.panos.start_time', 'event.start'],
];
const TRAFFIC_ECS_C = compilePairs(TRAFFIC_ECS);

export const traffic: LogType = {
  columns: [
    'panw.panos.source.ip', 'panw.panos.destination.ip', 'panw.panos.source.nat.ip', 'panw.panos.destination.nat.ip',
    'panw.panos.ruleset', '_temp_.srcuser', '_temp_.dstuser', 'panw.panos.network.application', 'panw.panos.virtual_sys',
    'panw.panos.source.zone', 'panw.panos.destination.zone', 'panw.panos.inbound_interface', 'panw.panos.outbound_interface',
    'panw.panos.log_profile', '_temp_.future_use1', 'panw.panos.flow_id', 'panw.panos.repeat_count', 'panw.panos.source.port',
    'panw.panos.destination.port', 'panw.panos.source.nat.port', 'panw.panos.destination.nat.port', '_temp_.labels',
    'panw.panos.protocol', 'panw.panos.action', 'panw.panos.network.bytes', 'panw.panos.bytes_sent', 'panw.panos.bytes_received',
    'panw.panos.network.packets', 'panw.panos.start_time', 'panw.panos.elapsed_time', 'panw.panos.url.category',
    '_temp_.future_use2', 'panw.panos.sequence_number', 'panw.panos.action_flags', '_temp_.srcloc', '_temp_.dstloc',
    '_temp_.future_use3', 'panw.panos.packets_sent', 'panw.panos.packets_received', 'panw.panos.endreason',
    'panw.panos.device_group_hierarchy1', 'panw.panos.device_group_hierarchy2', 'panw.panos.device_group_hierarchy3',
    'panw.panos.device_group_hierarchy4', 'panw.panos.vsys_name', 'panw.panos.device_name', 'panw.panos.action_source',
    'panw.panos.source_vm_uuid', 'panw.panos.destination_vm_uuid', 'panw.panos.imsi', 'panw.panos.imei',
    'panw.panos.parent_session.id', 'panw.panos.parent_session.start_time', 'panw.panos.tunnel_type',
    'panw.panos.sctp.assoc_id', 'panw.panos.sctp.chunks', 'panw.panos.sctp.chunks_sent', 'panw.panos.sctp.chunks_received',
    'panw.panos.rule_uuid', 'panw.panos.http2_connection', 'panw.panos.link.change_count', 'panw.panos.policy.id',
    'panw.panos.link.switches', 'panw.panos.sdwan.cluster.name', 'panw.panos.sdwan.device_type',
    'panw.panos.sdwan.cluster.type', 'panw.panos.sdwan.site', 'panw.panos.dynamic_user.group.name', 'panw.panos.xff.ip',
    'panw.panos.src.category', 'panw.panos.src.profile', 'panw.panos.src.model', 'panw.panos.src.vendor',
    'panw.panos.src.os.family', 'panw.panos.src.os.version', 'panw.panos.src.host', 'panw.panos.src.mac',
    'panw.panos.dst.category', 'panw.panos.dst.profile', 'panw.panos.dst.model', 'panw.panos.dst.vendor',
    'panw.panos.dst.os.family', 'panw.panos.dst.os.version', 'panw.panos.dst.host', 'panw.panos.dst.mac',
    'panw.panos.container.id', 'panw.panos.pod.namespace', 'panw.panos.pod.name', 'panw.panos.src.external_dynamic_list',
    'panw.panos.dst.external_dynamic_list', 'panw.panos.host.id', 'panw.panos.serial_number',
    'panw.panos.src.dynamic_address_group', 'panw.panos.dst.dynamic_address_group', 'panw.panos.session.owner',
    '_temp_.high_res_timestamp', 'panw.panos.nsdsai_sst', 'panw.panos.nsdsai_sd', 'panw.panos.application.sub_category',
    'panw.panos.application.category', 'panw.panos.application.technology', 'panw.panos.application.risk_level',
    'panw.panos.application.characteristics', 'panw.panos.application.container', 'panw.panos.application.tunneled',
    'panw.panos.application.is_saas', 'panw.panos.application.is_sanctioned', 'panw.panos.is_offloaded',
  ],
  kind: 'event',
  category: ['network'],
  map(f: Fields, doc) {
    copyPairs(f, doc, TRAFFIC_ECS_C);
    const h2 = f.get('panw.panos.http2_connection');
    if (h2 !== undefined && h2 !== '0') setField(doc, 'http.version', '2');
    doc.event.outcome = f.get('panw.panos.action') === 'allow' ? 'success' : 'failure';
  },
};
