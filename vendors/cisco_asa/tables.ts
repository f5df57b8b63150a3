/**
 * The value tables of the finishing steps, read against Elastic's two pipelines: severity names,
 * FTD outcomes and actions by message id, security-event actions, DNS names, and the fields the
 * pipelines convert to numbers. Tables looked up with wire text are Maps.
 */

/** event.severity -> log.level */
export const LEVELS = ['unknown', 'alert', 'critical', 'error', 'warning', 'notification', 'informational', 'debug'];

/** FTD event.outcome as written (lower-cased) -> ECS outcome */
export const FTD_OUTCOMES = new Map<string, string>([
  ['est-allowed', 'success'], ['permitted', 'success'], ['allow', 'success'], ['denied', 'failure'], ['deny', 'failure'],
  ['dropped', 'failure'],
]);
export const FTD_SUCCESS = new Set(['113004', '113008', '113009', '113012', '602303', '602304', '611101', '734001', '713120', '304001']);
export const FTD_FAILURE = new Set(['113002', '113005', '113014', '113021', '605004', '611102', '716039', '710005', '713901',
  '713902', '713903', '713904', '713905', '110002']);

/** FTD event.action by message id (later rows win, as the pipeline's later `set`s do). */
export const FTD_ACTION = new Map<string, string>();
for (const id of ['113039', '746012']) FTD_ACTION.set(id, 'client-vpn-connected');
FTD_ACTION.set('602101', 'vpn-pmtu-d');
for (const id of ['113029', '113030', '113031', '113032', '113033', '113034', '113035', '113036', '113037', '113038',
  '113040']) FTD_ACTION.set(id, 'client-vpn-error');
for (const id of ['113019', '746013']) FTD_ACTION.set(id, 'client-vpn-disconnected');
for (const id of ['750002', '750003']) FTD_ACTION.set(id, 'connection-started');
for (const id of ['750003', '713905', '713904', '713906', '713902', '713901']) FTD_ACTION.set(id, 'error');
for (const id of ['113005', '113014', '113021', '605004', '611102', '716039']) FTD_ACTION.set(id, 'logon-failed');
for (const id of ['113004', '113008', '113009', '113012', '611101', '734001']) FTD_ACTION.set(id, 'logged-in');
for (const id of ['305012', '302014', '302016', '302018', '302021', '302036', '302304', '302306', '609001', '609002']) {
  FTD_ACTION.set(id, 'flow-expiration');
}
FTD_ACTION.set('302020', 'flow-creation');

/** Security event id -> event.action */
export const SEC_ACTIONS = new Map<string, string>([
  ['430001', 'intrusion-detected'], ['430002', 'connection-started'], ['430003', 'connection-finished'],
  ['430004', 'file-detected'], ['430005', 'malware-detected'],
]);

/** DNSRecordType text (lower-cased) -> dns.question.type */
export const DNS_TYPES = new Map<string, string>([
  ['a host address', 'A'], ['ip6 address', 'AAAA'], ['text strings', 'TXT'], ['a domain name pointer', 'PTR'],
  ['an authoritative name server', 'NS'], ['the canonical name for an alias', 'CNAME'],
  ['marks the start of a zone of authority', 'SOA'], ['mail exchange', 'MX'], ['server selection', 'SRV'],
]);
/** DNSResponseType text (lower-cased) -> dns.response_code */
export const DNS_CODES = new Map<string, string>([
  ['non-existent domain', 'NXDOMAIN'], ['server failure', 'SERVFAIL'], ['query refused', 'REFUSED'], ['no error', 'NOERROR'],
]);

/** Security-event keys converted to numbers. */
export const SEC_EVENT_INTS = ['connection_duration', 'dns_ttl', 'dst_port', 'file_count', 'file_size', 'http_response',
  'initiator_bytes', 'initiator_packets', 'responder_bytes', 'responder_packets', 'src_port'];

/** Vendor keys converted to numbers (a value that is not one is removed). */
export const VENDOR_INTS = ['mapped_source_port', 'mapped_destination_port', 'icmp_code', 'icmp_type', 'original_iana_number',
  'connections_in_use', 'connections_most_used', 'missed_updates_count', 'effective_mtu'];
