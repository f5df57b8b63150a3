/**
 * Firepower security events (430001 intrusion, 430002/430003 connection, 430004 file, 430005
 * malware): `Key: Value, Key: Value` pairs. Each key maps to a vendor field and, for some, ECS
 * fields (several keys may feed one ECS field, which then becomes an array). Messages without an id
 * (before FTD 6.3) get the id whose keys are most represented.
 */
import type { Work } from '../work.js';
import { table } from '../../../src/core/null-proto.js';

interface KeySpec { t: string; ids?: readonly string[]; ecs?: readonly string[]; event?: boolean }

const I1 = ['430001'], I23 = ['430002', '430003'], I3 = ['430003'], I45 = ['430004', '430005'], I5 = ['430005'];
const I123 = ['430001', '430002', '430003'], I2345 = ['430002', '430003', '430004', '430005'];

/** key -> target, counted ids, ECS fields; `event` marks FTD `security_event` keys (else `security`). */
export const SECURITY_KEYS = table<KeySpec>({
  ACPolicy: { t: 'ac_policy', ids: I123, ecs: ['_rule_name'], event: true },
  AccessControlRuleAction: { t: 'access_control_rule_action', ids: I23, ecs: ['event.outcome'], event: true },
  AccessControlRuleName: { t: 'access_control_rule_name', ids: I23, ecs: ['_rule_name'], event: true },
  AccessControlRuleReason: { t: 'access_control_rule_reason', ids: I23, event: true },
  ApplicationProtocol: { t: 'application_protocol', ecs: ['network.protocol'], event: true },
  ArchiveDepth: { t: 'archive_depth', ids: I45 },
  ArchiveFileName: { t: 'archive_file_name', ids: I45, ecs: ['file.name'] },
  ArchiveFileStatus: { t: 'archive_file_status', ids: I45 },
  ArchiveSHA256: { t: 'archive_sha256', ids: I45, ecs: ['file.hash.sha256'] },
  Classification: { t: 'classification', ids: I1 },
  Client: { t: 'client', ecs: ['network.application'], event: true },
  ClientVersion: { t: 'client_version', ids: I23, event: true },
  ConnectionDuration: { t: 'connection_duration', ids: I3, ecs: ['event.duration'], event: true },
  DNS_Sinkhole: { t: 'dns_sinkhole', ids: I23 },
  DNS_TTL: { t: 'dns_ttl', ids: I23, event: true },
  DNSQuery: { t: 'dns_query', ids: I23, ecs: ['dns.question.name'], event: true },
  DNSRecordType: { t: 'dns_record_type', ids: I23, ecs: ['dns.question.type'], event: true },
  DNSResponseType: { t: 'dns_response_type', ids: I23, ecs: ['dns.response_code'], event: true },
  DNSSICategory: { t: 'dnssi_category', ids: I23 },
  DstIP: { t: 'dst_ip', ecs: ['destination.address'], event: true },
  DstPort: { t: 'dst_port', ecs: ['destination.port'], event: true },
  EgressInterface: { t: 'egress_interface', ids: I123, ecs: ['_destination_interface'], event: true },
  EgressZone: { t: 'egress_zone', ids: I123, ecs: ['observer.egress.zone'], event: true },
  EncryptPeerIP: { t: 'encrypt_peer_ip', ids: I123, event: true },
  'Endpoint Profile': { t: 'endpoint_profile', ids: I23, ecs: ['_host_type'] },
  FileAction: { t: 'file_action', ids: I45, event: true },
  FileCount: { t: 'file_count', ids: I23, event: true },
  FileDirection: { t: 'file_direction', ids: I45, event: true },
  FileName: { t: 'file_name', ids: I45, ecs: ['file.name'], event: true },
  FilePolicy: { t: 'file_policy', ids: I45, ecs: ['_rule_name'], event: true },
  FileSHA256: { t: 'file_sha256', ids: I45, ecs: ['file.hash.sha256'], event: true },
  FileSandboxStatus: { t: 'file_sandbox_status', ids: I45, event: true },
  FileSize: { t: 'file_size', ids: I45, ecs: ['file.size'], event: true },
  FileStorageStatus: { t: 'file_storage_status', ids: I45 },
  FileType: { t: 'file_type', ids: I45, event: true },
  FirstPacketSecond: { t: 'first_packet_second', ids: I45, ecs: ['event.start'], event: true },
  GID: { t: 'gid', ids: I1, ecs: ['service.id'] },
  HTTPReferer: { t: 'http_referer', ids: I23, ecs: ['http.request.referrer'], event: true },
  HTTPResponse: { t: 'http_response', ids: I123, ecs: ['http.response.status_code'], event: true },
  ICMPCode: { t: 'icmp_code', ids: I123, event: true },
  ICMPType: { t: 'icmp_type', ids: I123, event: true },
  IPReputationSICategory: { t: 'ip_reputation_si_category', ids: I23 },
  IPSCount: { t: 'ips_count', ids: I23 },
  IngressInterface: { t: 'ingress_interface', ids: I123, ecs: ['_source_interface'], event: true },
  IngressZone: { t: 'ingress_zone', ids: I123, ecs: ['observer.ingress.zone'], event: true },
  InitiatorBytes: { t: 'initiator_bytes', ids: I3, ecs: ['source.bytes'], event: true },
  InitiatorPackets: { t: 'initiator_packets', ids: I3, ecs: ['source.packets'], event: true },
  InlineResult: { t: 'inline_result', ids: I1, ecs: ['event.outcome'] },
  IntrusionPolicy: { t: 'intrusion_policy', ids: I1, ecs: ['_rule_name'] },
  MPLS_Label: { t: 'mpls_label', ids: I1 },
  Message: { t: 'message', ids: I1 },
  NAT_InitiatorIP: { t: 'nat_src_ip', ids: I23, ecs: ['source.nat.ip'] },
  NAT_InitiatorPort: { t: 'nat_src_port', ids: I23, ecs: ['source.nat.port'] },
  NAT_ResponderIP: { t: 'nat_dst_ip', ids: I23, ecs: ['destination.nat.ip'] },
  NAT_ResponderPort: { t: 'nat_dst_port', ids: I23, ecs: ['destination.nat.port'] },
  NAPPolicy: { t: 'nap_policy', ids: I123, event: true },
  NetBIOSDomain: { t: 'net_bios_domain', ids: I23, ecs: ['host.hostname'] },
  NumIOC: { t: 'num_ioc', ids: I1 },
  'Prefilter Policy': { t: 'prefilter_policy', ids: I23, event: true },
  Priority: { t: 'priority', ids: I1 },
  Protocol: { t: 'protocol', ecs: ['network.transport'], event: true },
  ReferencedHost: { t: 'referenced_host', ids: I23, ecs: ['url.domain'], event: true },
  ResponderBytes: { t: 'responder_bytes', ids: I3, ecs: ['destination.bytes'], event: true },
  ResponderPackets: { t: 'responder_packets', ids: I3, ecs: ['destination.packets'], event: true },
  Revision: { t: 'revision', ids: I1, ecs: ['rule.version'] },
  SHA_Disposition: { t: 'sha_disposition', ids: I45, event: true },
  SID: { t: 'sid', ids: I1, ecs: ['rule.id'] },
  SSLActualAction: { t: 'ssl_actual_action', ecs: ['event.outcome'], event: true },
  SSLCertificate: { t: 'ssl_certificate', ids: I2345, event: true },
  SSLExpectedAction: { t: 'ssl_expected_action', ids: I23, event: true },
  SSLFlowStatus: { t: 'ssl_flow_status', ids: I2345, event: true },
  SSLPolicy: { t: 'ssl_policy', ids: I23, event: true },
  SSLRuleName: { t: 'ssl_rule_name', ids: I23, event: true },
  SSLServerCertStatus: { t: 'ssl_server_cert_status', ids: I23, event: true },
  SSLServerName: { t: 'ssl_server_name', ids: I23, ecs: ['server.domain'], event: true },
  SSLSessionID: { t: 'ssl_session_id', ids: I23, event: true },
  SSLTicketID: { t: 'ssl_ticket_id', ids: I23, event: true },
  SSLURLCategory: { t: 'sslurl_category', ids: I23, event: true },
  SSLVersion: { t: 'ssl_version', ids: I23, event: true },
  SSSLCipherSuite: { t: 'sssl_cipher_suite', ids: I23 },
  SecIntMatchingIP: { t: 'sec_int_matching_ip', ids: I23 },
  'Security Group': { t: 'security_group', ids: I23 },
  SperoDisposition: { t: 'spero_disposition', ids: I45, event: true },
  SrcIP: { t: 'src_ip', ecs: ['source.address'], event: true },
  SrcPort: { t: 'src_port', ecs: ['source.port'], event: true },
  TCPFlags: { t: 'tcp_flags', ids: I23 },
  ThreatName: { t: 'threat_name', ids: I5, ecs: ['_threat_category'] },
  ThreatScore: { t: 'threat_score', ids: I5, ecs: ['_threat_level'] },
  'Tunnel or Prefilter Rule': { t: 'tunnel_or_prefilter_rule', ids: I23, event: true },
  URI: { t: 'uri', ids: I45, ecs: ['url.original'], event: true },
  URL: { t: 'url', ids: I23, ecs: ['url.original'], event: true },
  URLCategory: { t: 'url_category', ids: I23, event: true },
  URLReputation: { t: 'url_reputation', ids: I23, event: true },
  URLSICategory: { t: 'urlsi_category', ids: I23 },
  User: { t: 'user', ecs: ['user.id', 'user.name'], event: true },
  UserAgent: { t: 'user_agent', ids: I23, ecs: ['user_agent.original'], event: true },
  VLAN_ID: { t: 'vlan_id', ids: I123 },
  VPN_Action: { t: 'vpn_action', ids: I123, event: true },
  WebApplication: { t: 'web_application', ecs: ['network.application'], event: true },
  originalClientSrcIP: { t: 'original_client_src_ip', ids: I23, ecs: ['client.address'] },
  SourceSecurityGroup: { t: 'source_security_group', event: true },
  SourceSecurityGroupTag: { t: 'source_security_group_tag', event: true },
  SourceSecurityGroupType: { t: 'source_security_group_type', event: true },
  DestinationSecurityGroup: { t: 'destination_security_group', event: true },
  DestinationSecurityGroupTag: { t: 'destination_security_group_tag', event: true },
  DestinationSecurityGroupType: { t: 'destination_security_group_type', event: true },
  DestinationIP_DynamicAttribute: { t: 'destination_ip_dynamic_attribute', event: true },
  SourceIP_DynamicAttribute: { t: 'source_ip_dynamic_attribute', event: true },
});

function isKeyChar(c: number): boolean {
  // the pipeline's `[A-za-z1-9\s]` (the A-z range also takes [ \ ] ^ _ `)
  return (c >= 65 && c <= 122) || (c >= 49 && c <= 57) || c === 32 || c === 9;
}

/** One ECS target of a key, resolved at load: a vendor key (`_rule_name`), `_host_type`, or a dotted path. */
interface Target { vendor: string | undefined; hostType: boolean; parts: string[] }
/** A key with its index (for the per-message duplicate check), targets and counted ids (0..4 for 430001..5). */
interface Compiled { idx: number; t: string; event: boolean; targets: Target[]; ids: number[] }

const COMPILED = new Map<string, Compiled>();
{
  let idx = 0;
  for (const key of Object.keys(SECURITY_KEYS)) {
    const spec = SECURITY_KEYS[key]!;
    const targets: Target[] = [];
    for (const f of spec.ecs ?? []) {
      if (f.charCodeAt(0) === 95) {
        const vk = f.slice(1);
        targets.push({ vendor: vk === 'host_type' ? undefined : vk, hostType: vk === 'host_type', parts: [] });
      } else targets.push({ vendor: undefined, hostType: false, parts: f.split('.') });
    }
    COMPILED.set(key, { idx: idx++, t: spec.t, event: spec.event === true, targets, ids: (spec.ids ?? []).map((id) => Number(id) - 430001) });
  }
}
/** seen[idx] === generation: the key already appeared in this message (the first one wins). */
const seen = new Int32Array(COMPILED.size);
let generation = 0;
const counts = [0, 0, 0, 0, 0];

/** putAppend with a pre-split path (getField / setField semantics). */
function appendAt(doc: Record<string, unknown>, parts: string[], value: string): void {
  const last = parts.length - 1;
  let cur = doc;
  for (let i = 0; i < last; i++) {
    const k = parts[i]!;
    let next = cur[k];
    if (next === undefined || next === null || typeof next !== 'object' || Array.isArray(next)) {
      next = {};
      cur[k] = next;
    }
    cur = next as Record<string, unknown>;
  }
  const k = parts[last]!;
  const old = cur[k];
  if (old === undefined) cur[k] = value;
  else if (Array.isArray(old)) old.push(value);
  else cur[k] = [old, value];
}

/**
 * splitSecurity + applySecurity in one pass, without the intermediate dictionary. False when the
 * text holds no `key: value` pair (nothing is written then).
 */
export function parseSecurity(w: Work, s: string): boolean {
  const n = s.length;
  let any = false;
  let start = 0;
  if (++generation > 0x3fffffff) { generation = 1; seen.fill(0); }
  const gen = generation;
  const guess = w.id === '';
  if (guess) { counts[0] = 0; counts[1] = 0; counts[2] = 0; counts[3] = 0; counts[4] = 0; }
  const ftd = w.flavor === 'ftd';
  const c = w.c;
  let security: Record<string, unknown> | undefined;
  let securityEvent: Record<string, unknown> | undefined;
  for (let i = 0; i <= n; i++) {
    let a: number, b: number;
    if (i === n) { a = start; b = n; }
    else {
      if (s.charCodeAt(i) !== 44) continue;
      let j = i + 1;
      while (j < n && isKeyChar(s.charCodeAt(j))) j++;
      if (!(j < n && j > i + 1 && s.charCodeAt(j) === 58)) continue;
      a = start; b = i;
      start = i + 1;
    }
    // one `key: value` part
    const colon = s.indexOf(':', a);
    if (colon <= a || colon >= b) continue;
    const k = s.slice(a, colon).trim();
    if (k === '') continue;
    any = true;
    const spec = COMPILED.get(k);
    if (spec === undefined || seen[spec.idx] === gen) continue;
    seen[spec.idx] = gen;
    if (guess) for (let q = 0; q < spec.ids.length; q++) counts[spec.ids[q]!]!++;
    const v = s.slice(colon + 1, b).trim();
    if (v === '') continue;
    const ts = spec.targets;
    for (let q = 0; q < ts.length; q++) {
      const t = ts[q]!;
      if (t.hostType) c._host_type = v;
      else if (t.vendor !== undefined) {
        const cur = c[t.vendor];
        c[t.vendor] = cur === undefined ? v : Array.isArray(cur) ? [...cur, v] : [cur, v];
      } else appendAt(w.doc, t.parts, v);
    }
    if (ftd && spec.event) (securityEvent ??= {})[spec.t] = v;
    else (security ??= {})[spec.t] = v;
  }
  if (!any) return false;
  if (security !== undefined) c.security = security;
  if (securityEvent !== undefined) c.security_event = securityEvent;
  if (guess) {
    let best = '';
    let m = 0;
    for (let q = 0; q < 5; q++) if (counts[q]! > m) { m = counts[q]!; best = String(430001 + q); }
    w.id = best;
  }
  return true;
}

export const SECURITY_EVENT_IDS = new Set(['430001', '430002', '430003', '430004', '430005']);
export { I3 };
