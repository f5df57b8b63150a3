/** Tunnel inspection log (PAN-OS 8.1+, type START or END): sessions inside GTP, GRE, IPSec... tunnels. */
import type { Fields, LogType } from '../shared.js';
import { COUNTER_ECS, NET_ECS, copyPairs, compilePairs } from './network-common.js';
import { DG_COLUMNS, SESSION_FLOW, SESSION_HEAD } from './session-columns.js';

const TUNNEL_ECS = compilePairs([
  ...NET_ECS,
  ...COUNTER_ECS,
  ['panw.panos.severity', 'log.level'],
  ['panw.panos.tunnel_inspection_rule', 'rule.name'],
]);

export const tunnel: LogType = {
  columns: [
    ...SESSION_HEAD, '_temp_.future_use1', ...SESSION_FLOW, 'panw.panos.severity', 'panw.panos.sequence_number',
    'panw.panos.action_flags', '_temp_.srcloc', '_temp_.dstloc', ...DG_COLUMNS, 'panw.panos.imsi', 'panw.panos.imei',
    'panw.panos.parent_session.id', 'panw.panos.parent_session.start_time', 'panw.panos.tunnel_type',
    'panw.panos.network.bytes', 'panw.panos.bytes_sent', 'panw.panos.bytes_received', 'panw.panos.network.packets',
    'panw.panos.packets_sent', 'panw.panos.packets_received', 'panw.panos.max_encapsulation',
    'panw.panos.unknown_protocol', 'panw.panos.strict_check', 'panw.panos.tunnel_fragment',
    'panw.panos.sessions.created', 'panw.panos.sessions.closed', 'panw.panos.endreason', 'panw.panos.action_source',
    'panw.panos.start_time', 'panw.panos.elapsed_time', 'panw.panos.tunnel_inspection_rule',
    'panw.panos.remote_user.ip', 'panw.panos.remote_user.id', 'panw.panos.rule_uuid', 'panw.panos.pcap_id',
    'panw.panos.dynamic_user.group.name', 'panw.panos.src.external_dynamic_list',
    'panw.panos.dst.external_dynamic_list', '_temp_.high_res_timestamp', 'panw.panos.nssai_sd', 'panw.panos.nssai_sst',
    'panw.panos.pdu_session.id', 'panw.panos.application.sub_category', 'panw.panos.application.category',
    'panw.panos.application.technology', 'panw.panos.application.risk_level', 'panw.panos.application.characteristics',
    'panw.panos.application.container', 'panw.panos.application.is_saas', 'panw.panos.application.is_sanctioned',
  ],
  kind: 'event',
  category: ['network'],
  map(f: Fields, doc) {
    copyPairs(f, doc, TUNNEL_ECS);
    doc.event.outcome = f.get('panw.panos.action') === 'allow' ? 'success' : 'failure';
  },
};
