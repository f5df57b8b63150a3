/** TRAFFIC log (PAN-OS 8.1-11.x columns; older releases simply stop earlier). */
import { setField } from '../../../src/ecs/fields.js';
import type { Fields, LogType } from '../shared.js';
import { COUNTER_ECS, NET_ECS, copyPairs, compilePairs } from './network-common.js';
import { APP_COLUMNS, DEVICE_ID_COLUMNS, DG_COLUMNS, SESSION_FLOW, SESSION_HEAD } from './session-columns.js';

const TRAFFIC_ECS_C = compilePairs([...NET_ECS, ...COUNTER_ECS]);

export const traffic: LogType = {
  columns: [
    ...SESSION_HEAD, '_temp_.future_use1', ...SESSION_FLOW, 'panw.panos.network.bytes', 'panw.panos.bytes_sent',
    'panw.panos.bytes_received', 'panw.panos.network.packets', 'panw.panos.start_time', 'panw.panos.elapsed_time',
    'panw.panos.url.category', '_temp_.future_use2', 'panw.panos.sequence_number', 'panw.panos.action_flags',
    '_temp_.srcloc', '_temp_.dstloc', '_temp_.future_use3', 'panw.panos.packets_sent', 'panw.panos.packets_received',
    'panw.panos.endreason', ...DG_COLUMNS, 'panw.panos.action_source', 'panw.panos.source_vm_uuid',
    'panw.panos.destination_vm_uuid', 'panw.panos.imsi', 'panw.panos.imei', 'panw.panos.parent_session.id',
    'panw.panos.parent_session.start_time', 'panw.panos.tunnel_type', 'panw.panos.sctp.assoc_id',
    'panw.panos.sctp.chunks', 'panw.panos.sctp.chunks_sent', 'panw.panos.sctp.chunks_received', 'panw.panos.rule_uuid',
    'panw.panos.http2_connection', 'panw.panos.link.change_count', 'panw.panos.policy.id', 'panw.panos.link.switches',
    'panw.panos.sdwan.cluster.name', 'panw.panos.sdwan.device_type', 'panw.panos.sdwan.cluster.type',
    'panw.panos.sdwan.site', 'panw.panos.dynamic_user.group.name', 'panw.panos.xff.ip', ...DEVICE_ID_COLUMNS,
    'panw.panos.container.id', 'panw.panos.pod.namespace', 'panw.panos.pod.name',
    'panw.panos.src.external_dynamic_list', 'panw.panos.dst.external_dynamic_list', 'panw.panos.host.id',
    'panw.panos.serial_number', 'panw.panos.src.dynamic_address_group', 'panw.panos.dst.dynamic_address_group',
    'panw.panos.session.owner', '_temp_.high_res_timestamp', 'panw.panos.nsdsai_sst', 'panw.panos.nsdsai_sd',
    ...APP_COLUMNS, 'panw.panos.is_offloaded',
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
