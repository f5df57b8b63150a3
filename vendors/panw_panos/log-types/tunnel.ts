/** Tunnel inspection log (PAN-OS 8.1+, type START or END): sessions inside GTP, GRE, IPSec... tunnels. */
import type { Fields, LogType } from '../shared.js';
import { NET_ECS, copyPairs, compilePairs } from './network-common.js';

const TUNNEL_ECS = compilePairs([
  ...NET_ECS,
  ['panw.panos.bytes_received', 'destination.bytes'],
  ['panw.panos.packets_received', 'destination.packets'],
  ['panw.panos.bytes_sent', 'source.bytes'],
  ['panw.panos.packets_sent', 'source.packets'],
  ['panw.panos.network.bytes', 'network.bytes'],
  ['panw.panos.network.packets', 'network.packets'],
  ['panw.panos.elapsed_time', 'event.duration'],
  ['panw.panos.start_time', 'event.start'],
  ['panw.panos.severity', 'log.level'],
  ['panw.panos.tunnel_inspection_rule', 'rule.name'],
]);

export const tunnel: LogType = {
  columns: [
    'panw.panos.source.ip', 'panw.panos.destination.ip', 'panw.panos.source.nat.ip', 'panw.panos.destination.nat.ip',
    'panw.panos.ruleset', '_temp_.srcuser', '_temp_.dstuser', 'panw.panos.network.application', 'panw.panos.virtual_sys',
    'panw.panos.source.zone', 'panw.panos.destination.zone', 'panw.panos.inbound_interface', 'panw.panos.outbound_interface',
    'panw.panos.log_profile', '_temp_.future_use1', 'panw.panos.flow_id', 'panw.panos.repeat_count', 'panw.panos.source.port',
    'panw.panos.destination.port', 'panw.panos.source.nat.port', 'panw.panos.destination.nat.port', '_temp_.labels',
    'panw.panos.protocol', 'panw.panos.action', 'panw.panos.severity', 'panw.panos.sequence_number',
    'panw.panos.action_flags', '_temp_.srcloc', '_temp_.dstloc', 'panw.panos.device_group_hierarchy1',
    'panw.panos.device_group_hierarchy2', 'panw.panos.device_group_hierarchy3', 'panw.panos.device_group_hierarchy4',
    'panw.panos.vsys_name', 'panw.panos.device_name', 'panw.panos.imsi', 'panw.panos.imei', 'panw.panos.parent_session.id',
    'panw.panos.parent_session.start_time', 'panw.panos.tunnel_type', 'panw.panos.network.bytes', 'panw.panos.bytes_sent',
    'panw.panos.bytes_received', 'panw.panos.network.packets', 'panw.panos.packets_sent', 'panw.panos.packets_received',
    'panw.panos.max_encapsulation', 'panw.panos.unknown_protocol', 'panw.panos.strict_check', 'panw.panos.tunnel_fragment',
    'panw.panos.sessions.created', 'panw.panos.sessions.closed', 'panw.panos.endreason', 'panw.panos.action_source',
    'panw.panos.start_time', 'panw.panos.elapsed_time', 'panw.panos.tunnel_inspection_rule', 'panw.panos.remote_user.ip',
    'panw.panos.remote_user.id', 'panw.panos.rule_uuid', 'panw.panos.pcap_id', 'panw.panos.dynamic_user.group.name',
    'panw.panos.src.external_dynamic_list', 'panw.panos.dst.external_dynamic_list', '_temp_.high_res_timestamp',
    'panw.panos.nssai_sd', 'panw.panos.nssai_sst', 'panw.panos.pdu_session.id', 'panw.panos.application.sub_category',
    'panw.panos.application.category', 'panw.panos.application.technology', 'panw.panos.application.risk_level',
    'panw.panos.application.characteristics', 'panw.panos.application.container', 'panw.panos.application.is_saas',
    'panw.panos.application.is_sanctioned',
  ],
  kind: 'event',
  category: ['network'],
  map(f: Fields, doc) {
    copyPairs(f, doc, TUNNEL_ECS);
    doc.event.outcome = f.get('panw.panos.action') === 'allow' ? 'success' : 'failure';
  },
};
