/** THREAT log: url, file, virus, spyware, vulnerability, wildfire, scan, flood, packet, data subtypes. */
import { setField, isIp } from '../../../src/ecs/fields.js';
import type { EcsDoc } from '../../../src/core/types.js';
import type { Fields, LogType } from '../shared.js';
import { NET_ECS, copyPairs, compilePairs, type Pairs } from './network-common.js';
import { setBareUrl } from '../../../src/ecs/url.js';

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
    'panw.panos.source.ip', 'panw.panos.destination.ip', 'panw.panos.source.nat.ip', 'panw.panos.destination.nat.ip',
    'panw.panos.ruleset', '_temp_.srcuser', '_temp_.dstuser', 'panw.panos.network.application', 'panw.panos.virtual_sys',
    'panw.panos.source.zone', 'panw.panos.destination.zone', 'panw.panos.inbound_interface', 'panw.panos.outbound_interface',
    'panw.panos.log_profile', '_temp_.logged_time', 'panw.panos.flow_id', 'panw.panos.repeat_count', 'panw.panos.source.port',
    'panw.panos.destination.port', 'panw.panos.source.nat.port', 'panw.panos.destination.nat.port', '_temp_.labels',
    'panw.panos.protocol', 'panw.panos.action', 'panw.panos.misc', 'panw.panos.threat.name', 'panw.panos.url.category',
    'panw.panos.severity', '_temp_.direction', 'panw.panos.sequence_number', 'panw.panos.action_flags', '_temp_.srcloc',
    '_temp_.dstloc', '_temp_.future_use2', 'panw.panos.http_content_type', 'panw.panos.network.pcap_id',
    'panw.panos.file.hash', 'panw.panos.wildfire.name', 'panw.panos.url_idx', '_temp_.user_agent', 'panw.panos.file.type',
    '_temp_.forwarded_ip', 'panw.panos.referrer', 'panw.panos.sender', 'panw.panos.subject', 'panw.panos.recipient',
    'panw.panos.wildfire.report_id', 'panw.panos.device_group_hierarchy1', 'panw.panos.device_group_hierarchy2',
    'panw.panos.device_group_hierarchy3', 'panw.panos.device_group_hierarchy4', 'panw.panos.vsys_name',
    'panw.panos.device_name', '_temp_.future_use3', 'panw.panos.source_vm_uuid', 'panw.panos.destination_vm_uuid',
    'panw.panos.http_method', 'panw.panos.imsi', 'panw.panos.imei', 'panw.panos.parent_session.id',
    'panw.panos.parent_session.start_time', 'panw.panos.tunnel_type', 'panw.panos.threat_category',
    'panw.panos.content_version', '_temp_.future_use4', 'panw.panos.sctp.assoc_id', 'panw.panos.payload_protocol_id',
    'panw.panos.http_headers', 'panw.panos.url_category_list', 'panw.panos.rule_uuid', 'panw.panos.http2_connection',
    'panw.panos.dynamic_user.group.name', 'panw.panos.xff.ip', 'panw.panos.src.category', 'panw.panos.src.profile',
    'panw.panos.src.model', 'panw.panos.src.vendor', 'panw.panos.src.os.family', 'panw.panos.src.os.version',
    'panw.panos.src.host', 'panw.panos.src.mac', 'panw.panos.dst.category', 'panw.panos.dst.profile',
    'panw.panos.dst.model', 'panw.panos.dst.vendor', 'panw.panos.dst.os.family', 'panw.panos.dst.os.version',
    'panw.panos.dst.host', 'panw.panos.dst.mac', 'panw.panos.container.id', 'panw.panos.pod.namespace',
    'panw.panos.pod.name', 'panw.panos.src.external_dynamic_list', 'panw.panos.dst.external_dynamic_list',
    'panw.panos.host.id', 'panw.panos.serial_number', 'panw.panos.domain_edl', 'panw.panos.src.dynamic_address_group',
    'panw.panos.dst.dynamic_address_group', 'panw.panos.partial_hash', '_temp_.high_res_timestamp', 'panw.panos.reason',
    'panw.panos.justification', 'panw.panos.nssai_sst', 'panw.panos.application.sub_category',
    'panw.panos.application.category', 'panw.panos.application.technology', 'panw.panos.application.risk_level',
    'panw.panos.application.characteristics', 'panw.panos.application.container', 'panw.panos.application.tunneled',
    'panw.panos.application.is_saas', 'panw.panos.application.is_sanctioned', 'panw.panos.cloud_report.id',
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
