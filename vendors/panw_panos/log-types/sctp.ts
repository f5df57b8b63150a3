/** SCTP log (PAN-OS 8.1+): SCTP associations and chunks seen by SCTP security. */
import type { Fields, LogType } from '../shared.js';
import { ENDPOINT_ECS, OBSERVER_ECS, copyPairs, compilePairs } from './network-common.js';

const SCTP_ECS = compilePairs([
  ...ENDPOINT_ECS,
  ...OBSERVER_ECS,
  ['panw.panos.packets_received', 'destination.packets'],
  ['panw.panos.packets_sent', 'source.packets'],
  ['panw.panos.network.packets', 'network.packets'],
  ['panw.panos.severity', 'log.level'],
  ['panw.panos.protocol', 'network.transport'],
]);

export const sctp: LogType = {
  columns: [
    'panw.panos.source.ip', 'panw.panos.destination.ip', '_temp_.future_use1', '_temp_.future_use2', 'panw.panos.ruleset',
    '_temp_.future_use3', '_temp_.future_use4', '_temp_.future_use5', 'panw.panos.virtual_sys', 'panw.panos.source.zone',
    'panw.panos.destination.zone', 'panw.panos.inbound_interface', 'panw.panos.outbound_interface', 'panw.panos.log_profile',
    '_temp_.future_use6', 'panw.panos.flow_id', 'panw.panos.repeat_count', 'panw.panos.source.port',
    'panw.panos.destination.port', '_temp_.future_use7', '_temp_.future_use8', '_temp_.future_use9', '_temp_.future_use10',
    'panw.panos.protocol', 'panw.panos.action', 'panw.panos.device_group_hierarchy1', 'panw.panos.device_group_hierarchy2',
    'panw.panos.device_group_hierarchy3', 'panw.panos.device_group_hierarchy4', 'panw.panos.vsys_name',
    'panw.panos.device_name', 'panw.panos.sequence_number', '_temp_.future_use11', 'panw.panos.sctp.assoc_id',
    'panw.panos.payload_protocol_id', 'panw.panos.severity', 'panw.panos.sctp.chunk_type', '_temp_.future_use12',
    'panw.panos.sctp.verification.tag_1', 'panw.panos.sctp.verification.tag_2', 'panw.panos.sctp.cause_code',
    'panw.panos.diameter_app_id', 'panw.panos.diameter_cmd_code', 'panw.panos.diameter_avp_code',
    'panw.panos.sctp.stream_id', 'panw.panos.sctp.assoc_end_reason', 'panw.panos.op_code', 'panw.panos.sccp.calling_ssn',
    'panw.panos.sccp.calling_gt', 'panw.panos.sctp.filter', 'panw.panos.sctp.chunks', 'panw.panos.sctp.chunks_sent',
    'panw.panos.sctp.chunks_received', 'panw.panos.network.packets', 'panw.panos.packets_sent',
    'panw.panos.packets_received', 'panw.panos.rule_uuid', '_temp_.high_res_timestamp',
  ],
  kind: 'event',
  category: ['network'],
  map(f: Fields, doc) {
    copyPairs(f, doc, SCTP_ECS);
  },
};
