/** GTP log (PAN-OS 8.1+ with GTP security): GTP-C/GTP-U events of mobile network tunnels. */
import type { Fields, LogType } from '../shared.js';
import { ENDPOINT_ECS, OBSERVER_ECS, copyPairs, compilePairs } from './network-common.js';

const GTP_ECS = compilePairs([
  ...ENDPOINT_ECS,
  ...OBSERVER_ECS,
  ['panw.panos.elapsed_time', 'event.duration'],
  ['panw.panos.start_time', 'event.start'],
  ['panw.panos.severity', 'log.level'],
  ['panw.panos.network.application', 'network.application'],
  ['panw.panos.protocol', 'network.transport'],
  ['panw.panos.tunnel_inspection_rule', 'rule.name'],
]);

/** FUTURE_USE columns 19 to 34 of the GTP format, between Monitor Tag/IMEI and Start Time */
const FUTURE_19_34 = Array.from({ length: 16 }, (_, i) => `_temp_.future_use${i + 19}`);

export const gtp: LogType = {
  columns: [
    'panw.panos.source.ip', 'panw.panos.destination.ip', '_temp_.future_use1', '_temp_.future_use2', 'panw.panos.ruleset',
    '_temp_.future_use3', '_temp_.future_use4', 'panw.panos.network.application', 'panw.panos.virtual_sys',
    'panw.panos.source.zone', 'panw.panos.destination.zone', 'panw.panos.inbound_interface', 'panw.panos.outbound_interface',
    'panw.panos.log_profile', '_temp_.future_use5', 'panw.panos.flow_id', '_temp_.future_use6', 'panw.panos.source.port',
    'panw.panos.destination.port', '_temp_.future_use7', '_temp_.future_use8', '_temp_.future_use9', 'panw.panos.protocol',
    'panw.panos.action', 'panw.panos.event_type', 'panw.panos.msisdn', 'panw.panos.access_point.name',
    'panw.panos.radio_access_technology_type', 'panw.panos.message_type', 'panw.panos.end_ip_address',
    'panw.panos.tunnel_endpoint.identifier1', 'panw.panos.tunnel_endpoint.identifier2', 'panw.panos.interface',
    'panw.panos.cause_code', 'panw.panos.severity', 'panw.panos.mcc', 'panw.panos.mnc', 'panw.panos.area_code',
    'panw.panos.cell.id', 'panw.panos.event_code', '_temp_.future_use10', '_temp_.future_use11', '_temp_.srcloc',
    '_temp_.dstloc', '_temp_.future_use12', '_temp_.future_use13', '_temp_.future_use14', '_temp_.future_use15',
    '_temp_.future_use16', '_temp_.future_use17', '_temp_.future_use18', 'panw.panos.imsi', 'panw.panos.imei',
    ...FUTURE_19_34, 'panw.panos.start_time', 'panw.panos.elapsed_time', 'panw.panos.tunnel_inspection_rule',
    'panw.panos.remote_user.ip', 'panw.panos.remote_user.id', 'panw.panos.rule_uuid', 'panw.panos.pcap_id',
    '_temp_.high_res_timestamp', 'panw.panos.nsdsai_sst', 'panw.panos.nsdsai_sd', 'panw.panos.application.sub_category',
    'panw.panos.application.category', 'panw.panos.application.technology', 'panw.panos.application.risk_level',
    'panw.panos.application.characteristics', 'panw.panos.application.container', 'panw.panos.application.is_saas',
    'panw.panos.application.is_sanctioned',
  ],
  kind: 'event',
  category: ['network', 'malware'],
  map(f: Fields, doc) {
    copyPairs(f, doc, GTP_ECS);
  },
};
