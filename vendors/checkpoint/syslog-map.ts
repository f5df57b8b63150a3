/**
 * Check Point Log Exporter fields -> ECS, in the order and with the rules of Elastic's checkpoint
 * pipeline. Fields it maps are taken out of the key/value map; what is left stays under
 * `checkpoint.*` with its Check Point name.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { appendUnique, getField, relatedIp, relatedUser, setField, toInt } from '../../src/ecs/fields.js';
import { copyLong, move as moveKey, peek, take } from '../../src/ecs/kv-ops.js';
import type { CpKv } from './kv.js';
import { cpTime, subsExp } from './time.js';
import { isoTime as isoMs, isoTimeIn } from '../../src/ecs/base.js';
import { table } from '../../src/core/null-proto.js';

const TRANSPORT = table<string>({
  '0': 'hopopt', '1': 'icmp', '2': 'igmp', '6': 'tcp', '8': 'egp', '17': 'udp', '47': 'gre', '50': 'esp',
  '58': 'ipv6-icmp', '112': 'vrrp', '132': 'sctp',
});

/** fields dropped at the end of Elastic's pipeline (copied elsewhere or internal) */
const CLEANUP = [
  'ifname', 'server_outbound_interface', 'client_outbound_packets', 'server_outbound_packets', 'client_outbound_bytes',
  'server_outbound_bytes', 'client_inbound_packets', 'server_inbound_packets', 'client_inbound_bytes',
  'server_inbound_bytes', 'sent_byte', 'received_bytes', 'service', 'xlatedport', 's_port', 'xlatesport', 'contextnum',
  'sequencenum', 'file_size', 'product', 'severity', 'xlatesrc', 'xlatedst', 'uid', 'time', '__nsons', '__p_dport',
  '__pos', 'hll_key', 'segment_time', 'lastupdatetime', 'endpoint_ip', 'origin_ip',
];

function push(list: string[], v: string): void {
  if (!list.includes(v)) list.push(v);
}

function inList(v: string | undefined, list: readonly string[]): boolean {
  return v !== undefined && list.includes(v);
}

const LOGIN_OUT = ['Log In', 'Log Out'];
/** source.user.* copied (lower-cased) to user.* when unset */
const USER_COPY = (['name', 'id', 'group.name', 'email', 'domain'] as const).map((f) => ['source.user.' + f, 'user.' + f] as const);
const HASH_KEYS = ['file_md5', 'file_sha1', 'file_sha256'];
const ALERT_ACTIONS = ['Prevent', 'Detect', 'Quarantine'];
const IDS_ACTIONS = ['Detect', 'Prevent'];
const ALLOW = ['Accept', 'Allow'];
const DENY = ['Drop', 'Reject', 'Block', 'Prevent'];

/** `<ip,port,ip,port,proto[;ifname]>` tuples of a packet-drop log */
function packetsDropped(v: string): EcsDoc[] {
  const out: EcsDoc[] = [];
  let p = v.indexOf('<');
  while (p >= 0 && out.length < 1024) {
    const e = v.indexOf('>', p);
    if (e < 0) break;
    const body = v.slice(p + 1, e);
    const semi = body.indexOf(';');
    const tuple = (semi >= 0 ? body.slice(0, semi) : body).split(',');
    const d: EcsDoc = {};
    if (tuple.length >= 5) {
      setField(d, 'source.ip', tuple[0]!.trim());
      setField(d, 'source.port', toInt(tuple[1]!.trim()));
      setField(d, 'destination.ip', tuple[2]!.trim());
      setField(d, 'destination.port', toInt(tuple[3]!.trim()));
      setField(d, 'network.iana_number', tuple[4]!.trim());
      if (semi >= 0) setField(d, 'interface.name', body.slice(semi + 1).trim());
      out.push(d);
    }
    p = v.indexOf('<', e);
  }
  return out;
}

/** rename as Elastic's pipeline does it here: the first key that reaches a field wins, later ones stay. */
function move(cp: CpKv, doc: EcsDoc, k: string, target: string): void {
  moveKey(doc, cp, k, target, true);
}

/** Runs of plain renames, in the pipeline's order: [Check Point key, ECS field]. */
type Renames = readonly (readonly [string, string])[];

const ENDPOINT_RENAMES: Renames = [
  ['mac_source_address', 'source.mac'], ['src_machine_name', 'source.domain'],
  ['destination_dns_hostname', 'destination.domain'], ['dst_machine_name', 'destination.domain'],
  ['dst_user_name', 'destination.user.name'], ['dst_user_dn', 'destination.user.domain'],
  ['src_user_group', 'source.user.group.name'],
];
const EVENT_FILE_RENAMES: Renames = [
  ['packet_capture', 'event.url'], ['start_time', 'event.start'], ['first_detection', 'event.start'],
  ['last_detection', 'event.end'], ['app_risk', 'event.risk_score'], ['file_id', 'file.inode'], ['file_type', 'file.type'],
  ['file_name', 'file.name'],
];
const HASH_RENAMES: Renames = [
  ['file_md5', 'file.hash.md5'], ['file_sha1', 'file.hash.sha1'], ['file_sha256', 'file.hash.sha256'],
  ['dlp_file_name', 'file.name'], ['user_group', 'group.name'], ['os_version', 'host.os.version'],
  ['os_name', 'host.os.name'], ['method', 'http.request.method'], ['referrer', 'http.request.referrer'],
  ['service_id', 'network.application'], ['ifdir', 'network.direction'],
];
const ZONE_RENAMES: Renames = [
  ['outzone', 'observer.egress.zone'], ['inzone', 'observer.ingress.zone'], ['security_outzone', 'observer.egress.zone'],
  ['security_inzone', 'observer.ingress.zone'], ['update_version', 'observer.version'], ['process_md5', 'process.hash.md5'],
  ['process_name', 'process.name'], ['parent_process_md5', 'process.parent.hash.md5'],
  ['parent_process_name', 'process.parent.name'], ['matched_category', 'rule.category'], ['categories', 'rule.category'],
  ['malware_action', 'rule.description'], ['malware_rule_id', 'rule.id'], ['app_rule_id', 'rule.id'],
  ['objectname', 'rule.name'], ['rule_name', 'rule.name'], ['malware_rule_name', 'rule.name'], ['app_rule_name', 'rule.name'],
  ['dlp_rule_name', 'rule.name'], ['smartdefence_profile', 'rule.ruleset'], ['policy', 'rule.ruleset'],
  ['rule_uid', 'rule.uuid'], ['dlp_rule_uid', 'rule.uuid'], ['url', 'url.original'], ['resource', 'url.original'],
  ['http_host', 'url.domain'], ['web_client_type', 'user_agent.name'], ['user_agent', 'user_agent.original'],
  ['industry_reference', 'vulnerability.id'],
];

function moveAll(cp: CpKv, doc: EcsDoc, renames: Renames): void {
  for (let i = 0; i < renames.length; i++) move(cp, doc, renames[i]![0], renames[i]![1]);
}

/** What decides an event's classification: the keys read before they are renamed away. */
interface Verdict {
  readonly operation: string | undefined;
  readonly action: string | undefined;
  readonly ruleAction: string | undefined;
  readonly auditStatus: string | undefined;
  readonly malware: boolean;
  readonly category: string[];
  readonly type: string[];
  outcome: string | undefined;
}

/** Addresses, NAT, users, byte and packet counts, ports, MACs and domains of both sides. */
function endpoints(cp: CpKv, doc: EcsDoc): void {
  move(cp, doc, 'src', 'source.ip');
  move(cp, doc, 'client_ip', 'source.ip');
  const xs = peek(cp, 'xlatesrc');
  if (xs !== undefined && xs !== '0.0.0.0' && xs !== '') move(cp, doc, 'xlatesrc', 'source.nat.ip');
  move(cp, doc, 'dst', 'destination.ip');
  const xd = peek(cp, 'xlatedst');
  if (xd !== undefined && xd !== '0.0.0.0' && xd !== '') move(cp, doc, 'xlatedst', 'destination.nat.ip');
  move(cp, doc, 'uid', 'source.user.id');
  move(cp, doc, 'administrator', 'source.user.name');
  move(cp, doc, 'src_user_name', 'source.user.name');
  copyLong(doc, cp, 'client_outbound_packets', 'source.packets');
  copyLong(doc, cp, 'server_outbound_packets', 'destination.packets');
  copyLong(doc, cp, 'client_outbound_bytes', 'source.bytes');
  copyLong(doc, cp, 'sent_byte', 'source.bytes', true);
  copyLong(doc, cp, 'server_outbound_bytes', 'destination.bytes');
  copyLong(doc, cp, 'received_bytes', 'destination.bytes', true);
  copyLong(doc, cp, 'service', 'destination.port');
  if (peek(cp, 'xlatedport') !== '0') copyLong(doc, cp, 'xlatedport', 'destination.nat.port');
  copyLong(doc, cp, 's_port', 'source.port');
  if (peek(cp, 'xlatesport') !== '0') copyLong(doc, cp, 'xlatesport', 'source.nat.port');
  moveAll(cp, doc, ENDPOINT_RENAMES);
}

/** event.kind, category, type and outcome from rule_action, audit_status, operation and action. */
function classify(v: Verdict, doc: EcsDoc): void {
  const { operation, action, ruleAction, auditStatus, category, type } = v;
  if (inList(operation, LOGIN_OUT)) push(category, 'authentication');
  doc.event.kind = inList(ruleAction, ALERT_ACTIONS) ? 'alert' : 'event';
  if (inList(ruleAction, ALLOW)) {
    v.outcome = 'success';
    if (!inList(operation, LOGIN_OUT)) {
      push(type, 'allowed');
      push(type, 'connection');
    }
  }
  if (auditStatus === 'Success') v.outcome = 'success';
  if (auditStatus === 'Failure') v.outcome = 'failure';
  if (inList(ruleAction, DENY)) {
    v.outcome = 'success';
    push(type, 'connection');
    push(type, 'denied');
  }
  if (v.malware) push(category, 'malware');
  if (inList(ruleAction, IDS_ACTIONS)) push(category, 'intrusion_detection');
  if (action === 'Log In') v.outcome = 'success';
  if (action === 'Failed Log In') v.outcome = 'failure';
  if (operation === 'Log Out') v.outcome = 'success';
  if (operation === 'Log In' && (auditStatus === 'Success' || auditStatus === undefined)) v.outcome = 'success';
  if (action === 'Log In' || action === 'Failed Log In') push(category, 'authentication');
  if (action === 'Log In' || operation === 'Log In') push(type, 'start');
  if (action === 'Log Out' || operation === 'Log Out') push(type, 'end');
  if (action === 'Failed Log In') push(type, 'denied');
}

/** email.* from the Anti-Spam and Email Security fields (Elastic fills from and to from the recipient). */
function email(cp: CpKv, doc: EcsDoc): void {
  move(cp, doc, 'from', 'source.user.email');
  move(cp, doc, 'to', 'destination.user.email');
  const toMail = getField(doc, 'destination.user.email');
  if (toMail !== undefined) {
    setField(doc, 'email.from.address', [toMail]);
    setField(doc, 'email.to.address', [toMail]);
  }
  appendUnique(doc, 'email.from.address', peek(cp, 'mime_from'));
  appendUnique(doc, 'email.to.address', peek(cp, 'mime_to'));
  setField(doc, 'email.subject', peek(cp, 'email_subject'));
  appendUnique(doc, 'email.bcc.address', peek(cp, 'bcc'));
  appendUnique(doc, 'email.cc.address', peek(cp, 'cc'));
  setField(doc, 'email.delivery_timestamp', peek(cp, 'delivery_time'));
  setField(doc, 'email.message_id', peek(cp, 'email_message_id'));
  setField(doc, 'email.local_id', peek(cp, 'email_queue_id'));
}

/** DNS fields; an administrator's logout carries the user's domain in domain_name. */
function dns(cp: CpKv, doc: EcsDoc, v: Verdict): void {
  move(cp, doc, 'usercheck_incident_uid', 'destination.user.id');
  move(cp, doc, 'service_name', 'destination.service.name');
  move(cp, doc, 'mac_destination_address', 'destination.mac');
  move(cp, doc, 'dns_type', 'dns.question.type');
  move(cp, doc, 'domain_name', 'dns.question.name');
  if (v.operation === 'Log Out' && getField(doc, 'source.user.domain') === undefined) {
    const q = getField(doc, 'dns.question.name');
    if (q !== undefined) {
      setField(doc, 'source.user.domain', q);
      delete doc.dns.question.name;
      if (Object.keys(doc.dns.question).length === 0) delete doc.dns.question;
      if (Object.keys(doc.dns).length === 0) delete doc.dns;
    }
  }
  if (v.operation === 'Log In' && v.auditStatus === 'Failure') {
    const info = peek(cp, 'additional_info');
    const pre = 'Administrator failed to log in: ';
    if (info !== undefined && info.startsWith(pre)) setField(doc, 'event.reason', info.slice(pre.length));
  }
  move(cp, doc, 'dns_message_type', 'dns.type');
  move(cp, doc, 'tid', 'dns.id');
}

/** event.id, sequence, severity and action; administrator logins: host, protocol, user.* */
function eventAndLogin(cp: CpKv, doc: EcsDoc, v: Verdict): void {
  const { operation, auditStatus } = v;
  move(cp, doc, 'loguid', 'event.id');
  copyLong(doc, cp, 'sequencenum', 'event.sequence');
  copyLong(doc, cp, 'severity', 'event.severity');
  delete cp.action;
  const action = v.action === 'Log In' ? 'logged-in' : v.action === 'Failed Log In' ? 'logon-failed' : v.action;
  const event = doc.event as EcsDoc;
  if (action !== undefined && action !== '') event.action = action;
  if (operation === 'Log In') event.action = auditStatus === 'Failure' ? 'logon-failed' : auditStatus === 'Success' || auditStatus === undefined ? 'logged-in' : event.action;
  if (operation === 'Log Out') event.action = 'logged-out';
  const product = peek(cp, 'product');
  if (operation === 'Log In' && product === 'Expert Shell') {
    setField(doc, 'host.name', peek(cp, 'device_name'));
    setField(doc, 'host.type', peek(cp, 'device_type'));
  }
  const machine = peek(cp, 'machine');
  if (inList(operation, LOGIN_OUT) && machine !== 'localhost' && getField(doc, 'source.domain') === undefined) {
    setField(doc, 'source.domain', machine);
  }
  if (operation === 'Log In' && product === 'Expert Shell' && getField(doc, 'network.protocol') === undefined) {
    setField(doc, 'network.protocol', 'ssh');
  }
  for (let i = 0; i < USER_COPY.length; i++) {
    const pair = USER_COPY[i]!;
    const u = getField(doc, pair[0]);
    if (typeof u === 'string' && u !== '' && getField(doc, pair[1]) === undefined) setField(doc, pair[1], u.toLowerCase());
  }
  setField(doc, 'event.code', peek(cp, 'operation_number'));
}

/** Byte and packet totals, protocol, subscription expiry, packet-drop tuples. */
function counters(cp: CpKv, doc: EcsDoc, tz: string): void {
  const bytes = toInt(peek(cp, 'bytes'));
  if (bytes !== undefined) {
    delete cp.bytes;
    setField(doc, 'network.bytes', bytes);
  }
  const proto = take(cp, 'proto');
  if (proto !== undefined) {
    setField(doc, 'network.iana_number', proto);
    setField(doc, 'network.transport', TRANSPORT[proto]);
  }
  const sx = peek(cp, 'subs_exp');
  if (sx !== undefined) {
    const ms = subsExp(sx, tz);
    if (Number.isNaN(ms)) delete cp.subs_exp;
    else cp.subs_exp = isoTimeIn(ms, tz);
  }
  const packets = peek(cp, 'packets');
  if (packets === undefined) return;
  if (packets.indexOf('<') >= 0) {
    delete cp.packets;
    const dropped = packetsDropped(packets);
    if (dropped.length) (doc.checkpoint ??= {}).packets_dropped = dropped;
    return;
  }
  const n = toInt(packets);
  if (n !== undefined) {
    delete cp.packets;
    setField(doc, 'network.packets', n);
  }
}

/** The gateway: layer, application, interfaces by direction, type, name, MAC and address. */
function observer(cp: CpKv, doc: EcsDoc): void {
  move(cp, doc, 'layer_name', 'network.name');
  move(cp, doc, 'app_name', 'network.application');
  move(cp, doc, 'client_inbound_interface', 'observer.ingress.interface.name');
  move(cp, doc, 'client_outbound_interface', 'observer.egress.interface.name');
  const dir = getField(doc, 'network.direction');
  if (dir === 'inbound') move(cp, doc, 'ifname', 'observer.ingress.interface.name');
  else if (dir === 'outbound') move(cp, doc, 'ifname', 'observer.egress.interface.name');
  setField(doc, 'observer.type', take(cp, 'type'));
  move(cp, doc, 'origin', 'observer.name');
  const mac = take(cp, 'mac_address');
  if (mac !== undefined) appendUnique(doc, 'observer.mac', mac.replace(/:/g, '-').toUpperCase());
  const originIp = peek(cp, 'origin_ip');
  if (originIp !== undefined) appendUnique(doc, 'observer.ip', originIp);
  else appendUnique(doc, 'observer.ip', peek(cp, 'endpoint_ip'));
}

/** `time`: the event time; a repeated `time` keeps all values and takes the earliest. */
function eventTime(cp: CpKv, doc: EcsDoc, tz: string, headerMs: number): void {
  const time = cp.time;
  if (time !== undefined) {
    const list = Array.isArray(time) ? time : [time];
    let min = NaN;
    const iso: string[] = [];
    for (const t of list) {
      const ms = cpTime(t, tz);
      if (Number.isNaN(ms)) continue;
      iso.push(isoMs(ms));
      if (Number.isNaN(min) || ms < min) min = ms;
    }
    if (!Number.isNaN(min)) doc['@timestamp'] = isoMs(min);
    else if (!Number.isNaN(headerMs)) doc['@timestamp'] = isoMs(headerMs);
    if (Array.isArray(time) && iso.length) cp.times = iso;
  }
  const lut = peek(cp, 'lastupdatetime');
  if (lut !== undefined) {
    const ms = cpTime(lut, 'UTC');
    if (!Number.isNaN(ms)) setField(doc, 'event.end', isoMs(ms));
  }
}

/** message, related users, byte/packet sums, action_reason text, the dropped keys. */
function finish(cp: CpKv, doc: EcsDoc): void {
  const message = take(cp, 'message') ?? take(cp, 'reason') ?? take(cp, 'subject');
  if (message !== undefined) doc.message = message;
  const sys = peek(cp, 'sys_message');
  if (sys !== undefined && sys.startsWith(':"')) cp.sys_message = sys.slice(2);
  relatedUser(doc, getField(doc, 'source.user.name'));
  relatedUser(doc, getField(doc, 'destination.user.name'));
  const sb = getField(doc, 'source.bytes'), db = getField(doc, 'destination.bytes');
  if (typeof sb === 'number' && typeof db === 'number' && getField(doc, 'network.bytes') === undefined) {
    setField(doc, 'network.bytes', sb + db);
  }
  const sp = getField(doc, 'source.packets'), dp = getField(doc, 'destination.packets');
  if (typeof sp === 'number' && typeof dp === 'number' && getField(doc, 'network.packets') === undefined) {
    setField(doc, 'network.packets', sp + dp);
  }
  const ar = peek(cp, 'action_reason');
  if (ar !== undefined && ar.indexOf(' ') >= 0) {
    cp.action_reason_msg = cp.action_reason!;
    delete cp.action_reason;
  }
  for (const k of CLEANUP) delete cp[k];
  if (cp.times !== undefined) {
    cp.time = cp.times;
    delete cp.times;
  }
}

/** What is left stays in the vendor namespace (ICMP type and code as numbers). */
function vendorNamespace(cp: CpKv, doc: EcsDoc): void {
  const out: EcsDoc = doc.checkpoint ?? {};
  for (const k of Object.keys(cp)) {
    const v = cp[k]!;
    if (v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if ((k === 'icmp_code' || k === 'icmp_type') && typeof v === 'string') {
      const n = toInt(v);
      out[k] = n === undefined ? v : n;
      continue;
    }
    out[k] = v;
  }
  if (Object.keys(out).length) doc.checkpoint = out;
}

/**
 * Maps the pairs onto `doc`, step by step in the order of Elastic's pipeline. `tz` is the
 * normalised event timezone; `headerMs` the syslog header time (NaN when absent).
 */
export function mapCheckpoint(cp: CpKv, doc: EcsDoc, tz: string, headerMs: number): void {
  const v: Verdict = {
    operation: peek(cp, 'operation'), action: peek(cp, 'action'), ruleAction: peek(cp, 'rule_action'),
    auditStatus: peek(cp, 'audit_status'), malware: cp.malware_action !== undefined, category: [], type: [], outcome: undefined,
  };
  const event: EcsDoc = doc.event ?? (doc.event = {});
  event.timezone = tz;
  if (cp.time === undefined && !Number.isNaN(headerMs)) doc['@timestamp'] = isoMs(headerMs);
  if (!inList(v.operation, LOGIN_OUT) && !inList(v.action, LOGIN_OUT)) push(v.category, 'network');
  setField(doc, 'observer.vendor', 'Checkpoint');
  if (cp.type === undefined) setField(doc, 'observer.type', 'firewall');
  setField(doc, 'observer.product', peek(cp, 'product'));

  endpoints(cp, doc);
  if (cp.originsicname !== undefined) {
    cp.origin_sic_name = cp.originsicname;
    delete cp.originsicname;
  }
  classify(v, doc);
  relatedIp(doc, getField(doc, 'source.ip'));
  relatedIp(doc, getField(doc, 'source.nat.ip'));
  relatedIp(doc, getField(doc, 'destination.ip'));
  relatedIp(doc, getField(doc, 'destination.nat.ip'));
  for (let i = 0; i < HASH_KEYS.length; i++) appendUnique(doc, 'related.hash', peek(cp, HASH_KEYS[i]!));
  email(cp, doc);
  dns(cp, doc, v);
  eventAndLogin(cp, doc, v);
  moveAll(cp, doc, EVENT_FILE_RENAMES);
  copyLong(doc, cp, 'file_size', 'file.size');
  moveAll(cp, doc, HASH_RENAMES);
  counters(cp, doc, tz);
  observer(cp, doc);
  moveAll(cp, doc, ZONE_RENAMES);
  eventTime(cp, doc, tz, headerMs);
  finish(cp, doc);
  if (v.category.length) event.category = v.category;
  if (v.type.length) event.type = v.type;
  if (v.outcome !== undefined) event.outcome = v.outcome;
  vendorNamespace(cp, doc);
}
