/** THREAT log: url, file, virus, spyware, vulnerability, wildfire, scan, flood, packet, data subtypes. */
import { setField, isIp } from '../../../src/ecs/fields.js';
import type { EcsDoc } from '../../../src/core/types.js';
import type { Fields, LogType } from '../shared.js';
import { NET_ECS, copyPairs, compilePairs, type Pairs } from './network-common.js';
import { setBareUrl } from '../../../src/ecs/url.js';
import { APP_COLUMNS, DEVICE_ID_COLUMNS, DG_COLUMNS, SESSION_FLOW, SESSION_HEAD } from './session-columns.js';

const THREAT_ECS: Pairs = [
  ...NET_ECS,
  ['panw.panos.recipient', 'destination.user.email'],
  ['panw.panos.sender', 'source.user.email'],
  ['panw.panos.file.type', 'file.type'],
  ['panw.panos.http_method', 'http.request.method'],
  ['panw.panos.referrer', 'http.request.referrer'],
  ['panw.panos.severity', 'log.level'],
  ['_temp_.user_agent', 'user_agent.original'],
];
const THREAT_ECS_C = compilePairs(THREAT_ECS);

const SUCCESS_ACTIONS = new Set(['alert', 'allow', 'continue']);

export const threat: LogType = {
  columns: [
    ...SESSION_HEAD, '_temp_.logged_time', ...SESSION_FLOW, 'panw.panos.misc', 'panw.panos.threat.name',
    'panw.panos.url.category', 'panw.panos.severity', '_temp_.direction', 'panw.panos.sequence_number',
    'panw.panos.action_flags', '_temp_.srcloc', '_temp_.dstloc', '_temp_.future_use2', 'panw.panos.http_content_type',
    'panw.panos.network.pcap_id', 'panw.panos.file.hash', 'panw.panos.wildfire.name', 'panw.panos.url_idx',
    '_temp_.user_agent', 'panw.panos.file.type', '_temp_.forwarded_ip', 'panw.panos.referrer', 'panw.panos.sender',
    'panw.panos.subject', 'panw.panos.recipient', 'panw.panos.wildfire.report_id', ...DG_COLUMNS, '_temp_.future_use3',
    'panw.panos.source_vm_uuid', 'panw.panos.destination_vm_uuid', 'panw.panos.http_method', 'panw.panos.imsi',
    'panw.panos.imei', 'panw.panos.parent_session.id', 'panw.panos.parent_session.start_time', 'panw.panos.tunnel_type',
    'panw.panos.threat_category', 'panw.panos.content_version', '_temp_.future_use4', 'panw.panos.sctp.assoc_id',
    'panw.panos.payload_protocol_id', 'panw.panos.http_headers', 'panw.panos.url_category_list', 'panw.panos.rule_uuid',
    'panw.panos.http2_connection', 'panw.panos.dynamic_user.group.name', 'panw.panos.xff.ip', ...DEVICE_ID_COLUMNS,
    'panw.panos.container.id', 'panw.panos.pod.namespace', 'panw.panos.pod.name',
    'panw.panos.src.external_dynamic_list', 'panw.panos.dst.external_dynamic_list', 'panw.panos.host.id',
    'panw.panos.serial_number', 'panw.panos.domain_edl', 'panw.panos.src.dynamic_address_group',
    'panw.panos.dst.dynamic_address_group', 'panw.panos.partial_hash', '_temp_.high_res_timestamp', 'panw.panos.reason',
    'panw.panos.justification', 'panw.panos.nssai_sst', ...APP_COLUMNS, 'panw.panos.cloud_report.id',
  ],
  kind: 'alert',
  category: ['intrusion_detection', 'threat', 'network'],
  map(f: Fields, doc, _tz, subType) {
    copyPairs(f, doc, THREAT_ECS_C);
    const h2 = f.get('panw.panos.http2_connection');
    if (h2 !== undefined && h2 !== '0') setField(doc, 'http.version', '2');
    const dir = f.get('_temp_.direction');
    if (dir !== undefined) setField(doc, 'panw.panos.network.direction', dir);
    doc.network ??= {};
    doc.network.direction = dir === '0' || dir === 'client-to-server' ? 'inbound'
      : dir === '1' || dir === 'server-to-client' ? 'outbound' : 'unknown';
    const action = f.get('panw.panos.action');
    doc.event.outcome = action !== undefined && SUCCESS_ACTIONS.has(action) ? 'success' : 'failure';
    const fwd = f.get('_temp_.forwarded_ip');
    if (fwd !== undefined) {
      if (isIp(fwd)) {
        setField(doc, 'network.forwarded_ip', fwd);
        setField(doc, 'panw.panos.forwarded_ip', fwd);
      } else setField(doc, 'panw.panos.x_forwarded_for', fwd);
    }
    const misc = f.get('panw.panos.misc');
    if (misc !== undefined) {
      const hasSlash = misc.indexOf('/') >= 0;
      if (subType === 'url' || ((subType === 'virus' || subType === 'vulnerability') && hasSlash)) {
        const url: EcsDoc = {};
        setField(doc, 'destination.domain', setBareUrl(url, misc));
        doc.url = url;
      }
      const hasSep = hasSlash || misc.indexOf('\\') >= 0;
      if (subType === 'file' && hasSep) {
        setField(doc, 'file.path', misc);
        let idx = misc.lastIndexOf('/');
        if (idx < 0) idx = misc.lastIndexOf('\\');
        setField(doc, 'file.name', misc.slice(idx + 1));
      }
      if ((subType === 'file' || subType === 'virus' || subType === 'vulnerability') && !hasSep) setField(doc, 'file.name', misc);
      if (subType === 'vulnerability' && doc.file?.name !== undefined) delete doc.url;
    }
    const list = f.get('panw.panos.url_category_list');
    if (list !== undefined) {
      const parts = list.trim().split(',');
      setField(doc, 'panw.panos.url_category_list', parts);
    }
  },
};
