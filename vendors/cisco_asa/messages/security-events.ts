/**
 * Firepower security events (430001 intrusion, 430002/430003 connection, 430004 file, 430005
 * malware): `Key: Value, Key: Value` pairs. Each key maps to a vendor field and, for some, ECS
 * fields (several keys may feed one ECS field, which then becomes an array). Messages without an id
 * (before FTD 6.3) get the id whose keys are most represented.
 */
import type { Work } from '../work.js';
import { putAppend } from '../work.js';

interface KeySpec { t: string; ids?: readonly string[]; ecs?: readonly string[]; event?: boolean }

const I1 = ['430001'], I23 = ['430002', '430003'], I3 = ['430003'], I45 = ['430004', '430005'], I5 = ['430005'];
const I123 = ['430001', '430002', '430003'], I2345 = ['430002', '430003', '430004', '430005'];

/** key -> target, counted ids, ECS fields; `event` marks FTD `security_event` keys (else `security`). */
export const SECURITY_KEYS: Record<string, KeySpec> = {
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
};

function isKeyChar(c: number): boolean {
  // the pipeline's `[A-za-z1-9\s]` (the A-z range also takes [ \ ] ^ _ `)
  return (c >= 65 && c <= 122) || (c >= 49 && c <= 57) || c === 32 || c === 9;
}

/** Splits `K: V, K: V` on commas followed by `key:`; the first `:` separates key and value. */
export function splitSecurity(s: string): Record<string, string> | undefined {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  let any = false;
  let start = 0;
  const n = s.length;
  const take = (a: number, b: number): void => {
    const part = s.slice(a, b);
    const colon = part.indexOf(':');
    if (colon <= 0) return;
    const k = part.slice(0, colon).trim();
    if (k === '' || k in out) return;
    out[k] = part.slice(colon + 1).trim();
    any = true;
  };
  for (let i = 0; i < n; i++) {
    if (s.charCodeAt(i) !== 44) continue;
    let j = i + 1;
    while (j < n && isKeyChar(s.charCodeAt(j))) j++;
    if (j < n && j > i + 1 && s.charCodeAt(j) === 58) {
      take(start, i);
      start = i + 1;
    }
  }
  take(start, n);
  return any ? out : undefined;
}

/** Maps the pairs into the vendor namespace and ECS; returns the guessed id when the message had none. */
export function applySecurity(w: Work, kv: Record<string, string>): void {
  const security: Record<string, unknown> = {};
  const securityEvent: Record<string, unknown> = {};
  const counters: Record<string, number> = {};
  for (const key in kv) {
    const spec = SECURITY_KEYS[key];
    if (spec === undefined) continue;
    if (spec.ids) for (const id of spec.ids) counters[id] = (counters[id] ?? 0) + 1;
    const v = kv[key]!;
    if (v === '') continue;
    if (spec.ecs) {
      for (const f of spec.ecs) {
        if (f.charCodeAt(0) === 95) {
          // `_rule_name` etc: vendor fields, appended like ECS ones
          const vk = f.slice(1);
          if (vk === 'host_type') { w.c._host_type = v; continue; }
          const cur = w.c[vk];
          w.c[vk] = cur === undefined ? v : Array.isArray(cur) ? [...cur, v] : [cur, v];
        } else putAppend(w, f, v);
      }
    }
    if (w.flavor === 'ftd' && spec.event) securityEvent[spec.t] = v;
    else security[spec.t] = v;
  }
  if (Object.keys(security).length > 0) w.c.security = security;
  if (Object.keys(securityEvent).length > 0) w.c.security_event = securityEvent;
  if (w.id === '') {
    let best = '';
    let n = 0;
    for (const id in counters) if (counters[id]! > n) { n = counters[id]!; best = id; }
    w.id = best;
  }
}

export const SECURITY_EVENT_IDS = new Set(['430001', '430002', '430003', '430004', '430005']);
export { I3 };
