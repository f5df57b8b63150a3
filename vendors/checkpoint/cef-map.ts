/**
 * Check Point's CEF (`CEF:0|Check Point|...`): after the generic CEF decoding, the extensions are
 * mapped to ECS and `checkpoint.*` as Elastic's cef integration does in its Check Point
 * sub-pipeline: plain copies, copies through a value table, and label-driven custom fields
 * (`cs1Label=Application Rule Name` makes `cs1` the rule name).
 */
import type { EcsDoc } from '../../src/core/types.js';
import { getField, setField } from '../../src/ecs/fields.js';
import type { CefEvent } from '../cef/decode.js';
import { table } from '../../src/core/null-proto.js';

const RISK = table<number>({
  unknown: 0, informational: 0, 'very-low': 1, low: 2, medium: 3, high: 4, 'very-high': 5, critical: 5,
});
const SEVERITY = table<number>({
  unknown: 0, informational: 0, 'very-low': 1, low: 1, medium: 2, high: 3, 'very-high': 4, critical: 4,
});
const FACILITY = table<string>({ '0': 'Network', '1': 'Endpoint', '2': 'Access', '3': 'Threat', '4': 'Mobile' });

/** extension -> field, copied as is */
const COPY: readonly [string, string][] = [
  ['cp_app_risk', 'checkpoint.app_risk'], ['cp_severity', 'checkpoint.severity'],
  ['baseEventCount', 'checkpoint.event_count'], ['deviceExternalId', 'observer.type'],
  ['deviceInboundInterface', 'observer.ingress.interface.name'],
  ['deviceOutboundInterface', 'observer.egress.interface.name'], ['externalId', 'checkpoint.uuid'],
  ['fileHash', 'checkpoint.file_hash'], ['Reason', 'checkpoint.termination_reason'],
  ['requestCookies', 'checkpoint.cookie'], ['checkrequestCookies', 'checkpoint.cookie'],
  ['sourceNtDomain', 'dns.question.name'], ['Signature', 'vulnerability.id'],
  ['Recipient', 'destination.user.email'], ['Sender', 'source.user.email'],
];

/** extension -> (lower-cased label -> field) */
const LABELLED: readonly [string, Record<string, string>][] = [
  ['deviceCustomFloatingPoint1', table({ 'update version': 'observer.version' })],
  ['deviceCustomIPv6Address2', table({ 'source ipv6 address': 'source.ip' })],
  ['c6a2', table({ 'source ipv6 address': 'source.ip' })],
  ['deviceCustomIPv6Address3', table({ 'destination ipv6 address': 'destination.ip' })],
  ['deviceCustomNumber1', table({
    payload: 'network.bytes', 'elapsed time in seconds': 'event.duration',
    'email recipients number': 'checkpoint.email_recipients_num',
  })],
  ['deviceCustomNumber2', table({ 'duration in seconds': 'event.duration', 'icmp type': 'checkpoint.icmp_type' })],
  ['DeviceCustomNumber2', table({ 'duration in seconds': 'event.duration', 'icmp type': 'checkpoint.icmp_type' })],
  ['deviceCustomNumber3', table({ 'icmp code': 'checkpoint.icmp_code' })],
  ['deviceCustomString1', table({
    'application rule name': 'rule.name', 'dlp rule name': 'rule.name', 'threat prevention rule name': 'rule.name',
    'connectivity state': 'checkpoint.connectivity_state', 'email id': 'checkpoint.email_id',
    'voip log type': 'checkpoint.voip_log_type',
  })],
  ['deviceCustomString2', table({
    'protection id': 'checkpoint.protection_id', 'update status': 'checkpoint.update_status',
    'email subject': 'checkpoint.email_subject', 'sensor mode': 'checkpoint.sensor_mode',
    'scan invoke type': 'checkpoint.integrity_av_invoke_type', category: 'checkpoint.category',
    categories: 'rule.category', 'peer gateway': 'checkpoint.peer_gateway',
  })],
  ['deviceCustomString6', table({
    'application name': 'network.application', 'virus name': 'checkpoint.virus_name',
    'malware name': 'checkpoint.spyware_name', 'malware family': 'checkpoint.malware_family',
  })],
  ['deviceCustomString3', table({
    'user group': 'group.name', 'incident extension': 'checkpoint.incident_extension',
    'identity type': 'checkpoint.identity_type', 'email spool id': 'checkpoint.email_spool_id',
    'protection type': 'checkpoint.protection_type',
  })],
  ['deviceCustomString4', table({
    'malware status': 'checkpoint.spyware_status', 'destination os': 'os.name', 'scan result': 'checkpoint.scan_result',
    frequency: 'checkpoint.frequency', 'protection name': 'checkpoint.protection_name',
    'user response': 'checkpoint.user_status', 'email control': 'checkpoint.email_control',
    'tcp flags': 'checkpoint.tcp_flags', 'threat prevention rule id': 'rule.id',
  })],
  ['deviceCustomString5', table({
    'matched category': 'rule.category', 'authentication method': 'checkpoint.auth_method',
    'email session id': 'checkpoint.email_session_id', 'vlan id': 'network.vlan.id',
  })],
  ['deviceCustomDate2', table({ 'subscription expiration': 'checkpoint.subs_exp' })],
  ['deviceFlexNumber1', table({ confidence: 'checkpoint.confidence_level' })],
  ['deviceFlexNumber2', table({
    'destination phone number': 'checkpoint.dst_phone_number', 'performance impact': 'checkpoint.performance_impact',
  })],
  ['flexString1', table({ 'application signature id': 'checkpoint.app_sig_id' })],
  ['flexString2', table({ 'malware action': 'rule.description', 'attack information': 'event.action' })],
];

const COPY_AFTER: readonly [string, string][] = [
  ['rule_uid', 'rule.uuid'], ['ifname', 'observer.ingress.interface.name'], ['inzone', 'observer.ingress.zone'],
  ['outzone', 'observer.egress.zone'], ['product', 'observer.product'],
];

function str(v: string | number | undefined): string | undefined {
  return v === undefined ? undefined : String(v);
}

/** The Check Point sub-pipeline; runs inside cefToEcs where Elastic calls it. */
export function checkpointCef(ev: CefEvent, doc: EcsDoc): void {
  const x = ev.ext;
  const risk = str(x.cp_app_risk);
  const sev = str(x.cp_severity);
  for (const [k, to] of COPY.slice(0, 2)) setField(doc, to, str(x[k]));
  if (risk !== undefined) setField(doc, 'event.risk_score', RISK[risk.toLowerCase()]);
  if (sev !== undefined) setField(doc, 'event.severity', SEVERITY[sev.toLowerCase()]);
  for (const [k, to] of COPY.slice(2, 4)) setField(doc, to, str(x[k]));
  const fac = str(x.deviceFacility);
  if (fac !== undefined && FACILITY[fac] !== undefined) setField(doc, 'observer.type', FACILITY[fac]);
  for (const [k, to] of COPY.slice(4)) setField(doc, to, str(x[k]));
  for (const [k, labels] of LABELLED) {
    const v = x[k];
    if (v === undefined) continue;
    const label = x[k + 'Label'] ?? (k === 'c6a2' ? x.c6a2Label : undefined);
    if (label === undefined) continue;
    const to = labels[String(label).toLowerCase()];
    if (to !== undefined) setField(doc, to, to === 'event.duration' || to === 'network.bytes' ? v : String(v));
  }
  for (const [k, to] of COPY_AFTER) setField(doc, to, str(x[k]));

  // event.duration is in seconds
  const dur = getField(doc, 'event.duration');
  if (dur !== undefined) {
    const n = typeof dur === 'number' ? dur : Number(dur);
    if (Number.isInteger(n)) doc.event.duration = n * 1_000_000_000;
    else delete doc.event.duration;
  }
  const hash = getField(doc, 'checkpoint.file_hash');
  if (typeof hash === 'string') {
    const target = hash.length === 32 ? 'md5' : hash.length === 40 ? 'sha1' : hash.length === 64 ? 'sha256' : null;
    if (target !== null) {
      setField(doc, 'file.hash.' + target, hash);
      delete doc.checkpoint.file_hash;
    }
  }
  setField(doc, 'event.kind', x.cp_app_risk !== undefined && doc.rule !== undefined ? 'alert' : 'event');
  const cp: EcsDoc = doc.checkpoint ?? {};
  if (getField(doc, 'source.ip') !== undefined && getField(doc, 'destination.ip') !== undefined) {
    setField(doc, 'event.category', 'network');
  }
  if (cp.protection_id !== undefined || cp.spyware_name !== undefined || cp.malware_family !== undefined ||
    cp.spyware_status !== undefined) {
    setField(doc, 'event.category', 'malware');
  }
  if (getField(doc, 'event.category') !== 'malware' && (cp.protection_type !== undefined ||
    x.flexString2Label === 'Attack Information')) {
    setField(doc, 'event.category', 'intrusion_detection');
  }
  if (cp.event_count !== undefined) {
    const n = Number(cp.event_count);
    if (Number.isInteger(n)) cp.event_count = n;
  }
}
