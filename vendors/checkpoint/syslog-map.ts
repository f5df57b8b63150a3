/**
 * Check Point Log Exporter fields -> ECS, in the order and with the rules of Elastic's checkpoint
 * pipeline. Fields it maps are taken out of the key/value map; what is left stays under
 * `checkpoint.*` with its Check Point name.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { appendUnique, getField, relatedIp, relatedUser, setField, toInt } from '../../src/ecs/fields.js';
import type { CpKv } from './kv.js';
import { cpTime, isoInZone, subsExp } from './time.js';
import { isoTime as isoMs } from '../../src/ecs/base.js';
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

/** first value of a key (a repeated key has an array) */
function peek(cp: CpKv, k: string): string | undefined {
  const v = cp[k];
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v[0] : v;
}

/** takes a key out of the map */
function take(cp: CpKv, k: string): string | undefined {
  const v = peek(cp, k);
  if (v !== undefined) delete cp[k];
  return v;
}

/** rename: moves the key to an ECS field when the field is still empty */
function move(cp: CpKv, doc: EcsDoc, k: string, target: string): void {
  if (cp[k] === undefined || getField(doc, target) !== undefined) return;
  const v = take(cp, k)!;
  if (v !== '') setField(doc, target, v);
}

/** convert to long into an ECS field (the source key stays; most are dropped at cleanup) */
function toLong(cp: CpKv, doc: EcsDoc, k: string, target: string): void {
  const n = toInt(peek(cp, k));
  if (n !== undefined) setField(doc, target, n);
}

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

/**
 * Maps the pairs onto `doc`. `tz` is the normalised event timezone; `headerMs` the syslog header
 * time (NaN when absent).
 */
export function mapCheckpoint(cp: CpKv, doc: EcsDoc, tz: string, headerMs: number): void {
  const operation = peek(cp, 'operation');
  const action0 = peek(cp, 'action');
  const ruleAction = peek(cp, 'rule_action');
  const auditStatus = peek(cp, 'audit_status');
  const event: EcsDoc = doc.event ?? (doc.event = {});

  event.timezone = tz;
  if (cp.time === undefined && !Number.isNaN(headerMs)) doc['@timestamp'] = isoMs(headerMs);

  const category: string[] = [];
  const type: string[] = [];
  if (!inList(operation, LOGIN_OUT) && !inList(action0, LOGIN_OUT)) push(category, 'network');

  setField(doc, 'observer.vendor', 'Checkpoint');
  if (cp.type === undefined) setField(doc, 'observer.type', 'firewall');
  setField(doc, 'observer.product', peek(cp, 'product'));

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
  toLong(cp, doc, 'client_outbound_packets', 'source.packets');
  toLong(cp, doc, 'server_outbound_packets', 'destination.packets');
  toLong(cp, doc, 'client_outbound_bytes', 'source.bytes');
  if (getField(doc, 'source.bytes') === undefined) toLong(cp, doc, 'sent_byte', 'source.bytes');
  toLong(cp, doc, 'server_outbound_bytes', 'destination.bytes');
  if (getField(doc, 'destination.bytes') === undefined) toLong(cp, doc, 'received_bytes', 'destination.bytes');
  toLong(cp, doc, 'service', 'destination.port');
  if (peek(cp, 'xlatedport') !== '0') toLong(cp, doc, 'xlatedport', 'destination.nat.port');
  toLong(cp, doc, 's_port', 'source.port');
  if (peek(cp, 'xlatesport') !== '0') toLong(cp, doc, 'xlatesport', 'source.nat.port');
  move(cp, doc, 'mac_source_address', 'source.mac');
  move(cp, doc, 'src_machine_name', 'source.domain');
  move(cp, doc, 'destination_dns_hostname', 'destination.domain');
  move(cp, doc, 'dst_machine_name', 'destination.domain');
  move(cp, doc, 'dst_user_name', 'destination.user.name');
  move(cp, doc, 'dst_user_dn', 'destination.user.domain');
  move(cp, doc, 'src_user_group', 'source.user.group.name');
  if (inList(operation, LOGIN_OUT)) push(category, 'authentication');
  if (cp.originsicname !== undefined) {
    cp.origin_sic_name = cp.originsicname;
    delete cp.originsicname;
  }

  event.kind = inList(ruleAction, ALERT_ACTIONS) ? 'alert' : 'event';
  let outcome: string | undefined;
  if (inList(ruleAction, ALLOW)) {
    outcome = 'success';
    if (!inList(operation, LOGIN_OUT)) {
      push(type, 'allowed');
      push(type, 'connection');
    }
  }
  if (auditStatus === 'Success') outcome = 'success';
  if (auditStatus === 'Failure') outcome = 'failure';
  if (inList(ruleAction, DENY)) {
    outcome = 'success';
    push(type, 'connection');
    push(type, 'denied');
  }
  if (cp.malware_action !== undefined) push(category, 'malware');
  if (inList(ruleAction, IDS_ACTIONS)) push(category, 'intrusion_detection');
  if (action0 === 'Log In') outcome = 'success';
  if (action0 === 'Failed Log In') outcome = 'failure';
  if (operation === 'Log Out') outcome = 'success';
  if (operation === 'Log In' && (auditStatus === 'Success' || auditStatus === undefined)) outcome = 'success';
  if (action0 === 'Log In' || action0 === 'Failed Log In') push(category, 'authentication');
  if (action0 === 'Log In' || operation === 'Log In') push(type, 'start');
  if (action0 === 'Log Out' || operation === 'Log Out') push(type, 'end');
  let action = action0;
  if (action === 'Log In') action = 'logged-in';
  if (action === 'Failed Log In') {
    push(type, 'denied');
    action = 'logon-failed';
  }

  relatedIp(doc, getField(doc, 'source.ip'));
  relatedIp(doc, getField(doc, 'source.nat.ip'));
  relatedIp(doc, getField(doc, 'destination.ip'));
  relatedIp(doc, getField(doc, 'destination.nat.ip'));
  for (let i = 0; i < HASH_KEYS.length; i++) appendUnique(doc, 'related.hash', peek(cp, HASH_KEYS[i]!));

  move(cp, doc, 'from', 'source.user.email');
  move(cp, doc, 'to', 'destination.user.email');
  const toMail = getField(doc, 'destination.user.email');
  if (toMail !== undefined) {
    // Elastic fills both from the recipient
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
  move(cp, doc, 'usercheck_incident_uid', 'destination.user.id');
  move(cp, doc, 'service_name', 'destination.service.name');
  move(cp, doc, 'mac_destination_address', 'destination.mac');
  move(cp, doc, 'dns_type', 'dns.question.type');
  move(cp, doc, 'domain_name', 'dns.question.name');
  if (operation === 'Log Out' && getField(doc, 'source.user.domain') === undefined) {
    const q = getField(doc, 'dns.question.name');
    if (q !== undefined) {
      setField(doc, 'source.user.domain', q);
      delete doc.dns.question.name;
      if (Object.keys(doc.dns.question).length === 0) delete doc.dns.question;
      if (Object.keys(doc.dns).length === 0) delete doc.dns;
    }
  }
  if (operation === 'Log In' && auditStatus === 'Failure') {
    const info = peek(cp, 'additional_info');
    const pre = 'Administrator failed to log in: ';
    if (info !== undefined && info.startsWith(pre)) setField(doc, 'event.reason', info.slice(pre.length));
  }
  move(cp, doc, 'dns_message_type', 'dns.type');
  move(cp, doc, 'tid', 'dns.id');
  move(cp, doc, 'loguid', 'event.id');
  toLong(cp, doc, 'sequencenum', 'event.sequence');
  toLong(cp, doc, 'severity', 'event.severity');
  delete cp.action;
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
    const v = getField(doc, pair[0]);
    if (typeof v === 'string' && v !== '' && getField(doc, pair[1]) === undefined) setField(doc, pair[1], v.toLowerCase());
  }
  setField(doc, 'event.code', peek(cp, 'operation_number'));

  move(cp, doc, 'packet_capture', 'event.url');
  move(cp, doc, 'start_time', 'event.start');
  move(cp, doc, 'first_detection', 'event.start');
  move(cp, doc, 'last_detection', 'event.end');
  move(cp, doc, 'app_risk', 'event.risk_score');
  move(cp, doc, 'file_id', 'file.inode');
  move(cp, doc, 'file_type', 'file.type');
  move(cp, doc, 'file_name', 'file.name');
  toLong(cp, doc, 'file_size', 'file.size');
  move(cp, doc, 'file_md5', 'file.hash.md5');
  move(cp, doc, 'file_sha1', 'file.hash.sha1');
  move(cp, doc, 'file_sha256', 'file.hash.sha256');
  move(cp, doc, 'dlp_file_name', 'file.name');
  move(cp, doc, 'user_group', 'group.name');
  move(cp, doc, 'os_version', 'host.os.version');
  move(cp, doc, 'os_name', 'host.os.name');
  move(cp, doc, 'method', 'http.request.method');
  move(cp, doc, 'referrer', 'http.request.referrer');
  move(cp, doc, 'service_id', 'network.application');
  move(cp, doc, 'ifdir', 'network.direction');
  const bytes = toInt(peek(cp, 'bytes'));
  if (bytes !== undefined) {
    delete cp.bytes;
    setField(doc, 'network.bytes', bytes);
  }
  const proto = take(cp, 'proto');
  if (proto !== undefined && proto !== '') {
    setField(doc, 'network.iana_number', proto);
    setField(doc, 'network.transport', TRANSPORT[proto]);
  }
  const sx = peek(cp, 'subs_exp');
  if (sx !== undefined) {
    const ms = subsExp(sx, tz);
    if (Number.isNaN(ms)) delete cp.subs_exp;
    else cp.subs_exp = isoInZone(ms, tz);
  }
  const packets = peek(cp, 'packets');
  if (packets !== undefined) {
    if (packets.indexOf('<') >= 0) {
      delete cp.packets;
      const dropped = packetsDropped(packets);
      if (dropped.length) (doc.checkpoint ??= {}).packets_dropped = dropped;
    } else {
      const n = toInt(packets);
      if (n !== undefined) {
        delete cp.packets;
        setField(doc, 'network.packets', n);
      }
    }
  }
  move(cp, doc, 'layer_name', 'network.name');
  move(cp, doc, 'app_name', 'network.application');
  move(cp, doc, 'client_inbound_interface', 'observer.ingress.interface.name');
  move(cp, doc, 'client_outbound_interface', 'observer.egress.interface.name');
  const dir = getField(doc, 'network.direction');
  if (dir === 'inbound') move(cp, doc, 'ifname', 'observer.ingress.interface.name');
  else if (dir === 'outbound') move(cp, doc, 'ifname', 'observer.egress.interface.name');
  const cpType = take(cp, 'type');
  if (cpType !== undefined && cpType !== '') setField(doc, 'observer.type', cpType);
  move(cp, doc, 'origin', 'observer.name');
  const mac = take(cp, 'mac_address');
  if (mac !== undefined && mac !== '') appendUnique(doc, 'observer.mac', mac.replace(/:/g, '-').toUpperCase());
  const originIp = peek(cp, 'origin_ip');
  if (originIp !== undefined) appendUnique(doc, 'observer.ip', originIp);
  else appendUnique(doc, 'observer.ip', peek(cp, 'endpoint_ip'));
  move(cp, doc, 'outzone', 'observer.egress.zone');
  move(cp, doc, 'inzone', 'observer.ingress.zone');
  move(cp, doc, 'security_outzone', 'observer.egress.zone');
  move(cp, doc, 'security_inzone', 'observer.ingress.zone');
  move(cp, doc, 'update_version', 'observer.version');
  move(cp, doc, 'process_md5', 'process.hash.md5');
  move(cp, doc, 'process_name', 'process.name');
  move(cp, doc, 'parent_process_md5', 'process.parent.hash.md5');
  move(cp, doc, 'parent_process_name', 'process.parent.name');
  move(cp, doc, 'matched_category', 'rule.category');
  move(cp, doc, 'categories', 'rule.category');
  move(cp, doc, 'malware_action', 'rule.description');
  move(cp, doc, 'malware_rule_id', 'rule.id');
  move(cp, doc, 'app_rule_id', 'rule.id');
  move(cp, doc, 'objectname', 'rule.name');
  move(cp, doc, 'rule_name', 'rule.name');
  move(cp, doc, 'malware_rule_name', 'rule.name');
  move(cp, doc, 'app_rule_name', 'rule.name');
  move(cp, doc, 'dlp_rule_name', 'rule.name');
  move(cp, doc, 'smartdefence_profile', 'rule.ruleset');
  move(cp, doc, 'policy', 'rule.ruleset');
  move(cp, doc, 'rule_uid', 'rule.uuid');
  move(cp, doc, 'dlp_rule_uid', 'rule.uuid');
  move(cp, doc, 'url', 'url.original');
  move(cp, doc, 'resource', 'url.original');
  move(cp, doc, 'http_host', 'url.domain');
  move(cp, doc, 'web_client_type', 'user_agent.name');
  move(cp, doc, 'user_agent', 'user_agent.original');
  move(cp, doc, 'industry_reference', 'vulnerability.id');

  // `time`: the event time; a repeated `time` keeps all values and takes the earliest
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
  const message = take(cp, 'message') ?? take(cp, 'reason') ?? take(cp, 'subject');
  if (message !== undefined && message !== '') doc.message = message;
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

  if (category.length) event.category = category;
  if (type.length) event.type = type;
  if (outcome !== undefined) event.outcome = outcome;

  // what is left stays in the vendor namespace
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
