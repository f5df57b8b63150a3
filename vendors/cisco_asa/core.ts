/**
 * The Cisco ASA / FTD parse path shared by both families: marker and header, dispatch on the
 * message id through one table, then the common finishing steps of Elastic's pipelines (addresses,
 * NAT, durations, users, categorization, observer, related, community id). `flavor` selects the
 * few places where the FTD pipeline differs.
 */
import type { EcsDoc, SyslogMessage } from '../../src/core/types.js';
import { appendUnique, getField, isIp, setField, toInt, deleteField } from '../../src/ecs/fields.js';
import { communityId } from '../../src/ecs/community-id.js';
import { isoTime } from '../../src/ecs/base.js';
import type { Flavor, Handler, Work } from './work.js';
import { findMarker, readHeader, repeatedBefore, unwrapRepeated } from './header.js';
import { FIREWALL } from './messages/firewall.js';
import { VPN } from './messages/vpn.js';
import { parseSecurity, SECURITY_EVENT_IDS } from './messages/security-events.js';
import { categorizeAsa, categorizeFtd } from './categorize.js';
import type { VendorContext } from '../../src/core/stages.js';

const HANDLERS: Record<string, Handler> = { ...FIREWALL, ...VPN };

const LEVELS = ['unknown', 'alert', 'critical', 'error', 'warning', 'notification', 'informational', 'debug'];

const IANA: Record<string, number> = {
  icmp: 1, igmp: 2, ipv4: 4, tcp: 6, egp: 8, igp: 9, pup: 12, udp: 17, rdp: 27, irtp: 28, dccp: 33, idpr: 35,
  ipv6: 41, 'ipv6-route': 43, 'ipv6-frag': 44, rsvp: 46, gre: 47, esp: 50, 'ipv6-icmp': 58, 'ipv6-nonxt': 59,
  'ipv6-opts': 60,
};
const IANA_REV: Record<string, string> = {};
for (const k in IANA) IANA_REV[String(IANA[k])] = k;

const FTD_OUTCOMES: Record<string, string> = {
  'est-allowed': 'success', permitted: 'success', allow: 'success', denied: 'failure', deny: 'failure',
  dropped: 'failure',
};
const FTD_SUCCESS = new Set(['113004', '113008', '113009', '113012', '602303', '602304', '611101', '734001', '713120', '304001']);
const FTD_FAILURE = new Set(['113002', '113005', '113014', '113021', '605004', '611102', '716039', '710005', '713901',
  '713902', '713903', '713904', '713905', '110002']);
const FTD_ACTION: Record<string, string> = {};
for (const id of ['113039', '746012']) FTD_ACTION[id] = 'client-vpn-connected';
FTD_ACTION['602101'] = 'vpn-pmtu-d';
for (const id of ['113029', '113030', '113031', '113032', '113033', '113034', '113035', '113036', '113037', '113038',
  '113040']) FTD_ACTION[id] = 'client-vpn-error';
for (const id of ['113019', '746013']) FTD_ACTION[id] = 'client-vpn-disconnected';
for (const id of ['750002', '750003']) FTD_ACTION[id] = 'connection-started';
for (const id of ['750003', '713905', '713904', '713906', '713902', '713901']) FTD_ACTION[id] = 'error';
for (const id of ['113005', '113014', '113021', '605004', '611102', '716039']) FTD_ACTION[id] = 'logon-failed';
for (const id of ['113004', '113008', '113009', '113012', '611101', '734001']) FTD_ACTION[id] = 'logged-in';
for (const id of ['305012', '302014', '302016', '302018', '302021', '302036', '302304', '302306', '609001', '609002']) {
  FTD_ACTION[id] = 'flow-expiration';
}
FTD_ACTION['302020'] = 'flow-creation';
const SEC_ACTIONS: Record<string, string> = {
  '430001': 'intrusion-detected', '430002': 'connection-started', '430003': 'connection-finished',
  '430004': 'file-detected', '430005': 'malware-detected',
};
const DNS_TYPES: Record<string, string> = {
  'a host address': 'A', 'ip6 address': 'AAAA', 'text strings': 'TXT', 'a domain name pointer': 'PTR',
  'an authoritative name server': 'NS', 'the canonical name for an alias': 'CNAME',
  'marks the start of a zone of authority': 'SOA', 'mail exchange': 'MX', 'server selection': 'SRV',
};
const DNS_CODES: Record<string, string> = {
  'non-existent domain': 'NXDOMAIN', 'server failure': 'SERVFAIL', 'query refused': 'REFUSED', 'no error': 'NOERROR',
};
const SEC_EVENT_INTS = ['connection_duration', 'dns_ttl', 'dst_port', 'file_count', 'file_size', 'http_response',
  'initiator_bytes', 'initiator_packets', 'responder_bytes', 'responder_packets', 'src_port'];

/** Parses one Cisco message into `doc`; returns null or the failed step. */
export function parseCisco(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext, flavor: Flavor): string | null {
  const raw = msg.raw;
  const mk = findMarker(raw);
  const ev: EcsDoc = (doc.event ??= {});
  if (flavor === 'asa') {
    ev.kind = 'event';
    ev.category = ['network'];
  }
  const w: Work = {
    flavor, id: mk?.id ?? '', msg: '', doc, c: {}, natsrc: undefined, natdst: undefined, hms: undefined,
    outcome: undefined, srcUserSgt: undefined, dstUserSgt: undefined, security: undefined,
  };
  let step: string | null = null;
  // header
  const h = readHeader(mk === null ? '' : raw.slice(0, mk.at), ctx.timezone, ctx.receivedAt);
  if (h.hostHostname) setField(doc, 'host.hostname', h.hostHostname);
  if (h.hostName) setField(doc, 'host.name', h.hostName);
  if (h.processName) setField(doc, 'process.name', h.processName);
  if (h.processPid !== undefined) setField(doc, 'process.pid', h.processPid);
  const zone = h.zone ?? h.leadZone;
  ev.timezone = zone ?? ctx.timezone;
  if (h.ms !== undefined && !Number.isNaN(h.ms)) doc['@timestamp'] = isoTime(h.ms);
  else if (doc['@timestamp'] === undefined && h.leadMs !== undefined && !Number.isNaN(h.leadMs)) doc['@timestamp'] = isoTime(h.leadMs);
  if (mk === null) {
    ev.severity = 7;
    if (doc.log) doc.log.level = LEVELS[7];
    step = 'no_message_id';
    w.msg = msg.message;
  } else {
    ev.severity = mk.severity;
    setField(doc, 'log.level', LEVELS[mk.severity] ?? undefined);
    if (mk.suffix !== undefined) w.c.suffix = mk.suffix;
    let body = raw.slice(mk.body);
    // `%FTD-6-113005: %ASA-6-113005: ...`
    if (body.charCodeAt(0) === 37) {
      const again = findMarker(body, 1);
      if (again !== null) body = body.slice(again.body);
    }
    w.msg = unwrapRepeated(body.trimEnd(), mk.at > 0 && repeatedBefore(raw, mk.at));
  }
  if (flavor === 'ftd' && w.id !== '') {
    ev.action = 'firewall-rule';
    const n = Number(w.id);
    if (n >= 101001 && n <= 105052) ev.reason = w.msg;
  }
  if (step === null || step === 'no_message_id') {
    if (w.id === '' || SECURITY_EVENT_IDS.has(w.id)) {
      if (w.msg.indexOf(':') > 0 && parseSecurity(w, w.msg)) step = null;
      else if (w.id !== '') step = 'parse_' + w.id;
    } else {
      const handler = HANDLERS[w.id];
      if (handler === undefined) step = 'unknown_message_id';
      else if (!handler(w)) step = 'parse_' + w.id;
    }
  }
  finish(w, ctx);
  return step;
}

function ipOk(s: string): boolean {
  return isIp(s);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** `v1:outside` + `10.1.1.1`: an address captured with part of a colon-bearing interface name. */
function fixIfaceAddr(w: Work, side: 'source' | 'destination', ifKey: string): void {
  const o = w.doc[side] as EcsDoc | undefined;
  const a = o?.address;
  if (typeof a !== 'string' || ipOk(a) || a.indexOf(':') < 0) return;
  let i = a.indexOf(':');
  while (i >= 0) {
    const rest = a.slice(i + 1);
    if (isIp(rest)) {
      const iface = w.c[ifKey];
      w.c[ifKey] = (typeof iface === 'string' ? iface + ':' : '') + a.slice(0, i);
      o!.address = rest;
      return;
    }
    i = a.indexOf(':', i + 1);
  }
}

/** `LOCAL\user, 5:Name` -> username, SGT tag and name (the pipeline's CISCO_USER_OR_SGT). */
function userSgt(w: Work, text: string, side: 'source' | 'destination'): void {
  const t = text.trim();
  let user = t;
  let tag: string | undefined;
  let name: string | undefined;
  const comma = t.indexOf(',');
  if (comma >= 0) {
    user = t.slice(0, comma);
    const sg = /^\s*(\d+)(?::(\w+))?/.exec(t.slice(comma + 1));
    if (sg !== null) { tag = sg[1]; name = sg[2]; }
  } else {
    const sg = /^(\d+):(\w+)$/.exec(t);
    if (sg !== null) { user = ''; tag = sg[1]; name = sg[2]; }
  }
  user = user.replace(/\$$/, '').replace(/\)$/, '');
  if (user !== '') w.c[side + '_username'] = user;
  if (tag !== undefined) w.c[side + '_user_security_group_tag'] = Number(tag);
  if (name !== undefined) w.c[side + '_user_security_group_tag_name'] = name;
}

/** source.user.name `LOCAL\dom\user@host` -> name, domain, email (the masked `*****` is kept). */
function splitUser(doc: EcsDoc, side: 'source' | 'destination'): void {
  const u = get3(doc, side, 'user', 'name');
  if (typeof u !== 'string' || u === '' || /^\*+$/.test(u)) return;
  let s = u;
  if (s.startsWith('LOCAL\\')) s = s.slice(6);
  const bs = s.indexOf('\\');
  if (bs > 0 && s.indexOf('\\', bs + 1) < 0) {
    setField(doc, side + '.user.domain', s.slice(0, bs));
    s = s.slice(bs + 1);
  }
  const at = s.indexOf('@');
  if (at > 0) {
    const dom = s.slice(at + 1);
    if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(dom)) {
      setField(doc, side + '.user.email', s);
      setField(doc, side + '.user.domain', dom);
      s = s.slice(0, at);
    }
  }
  const dollar = s.indexOf('$');
  if (dollar > 0) s = s.slice(0, dollar);
  setField(doc, side + '.user.name', s);
}

function parseHms(s: string): number {
  let cur = 0, total = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) cur = cur * 10 + (c - 48);
    else if (c === 58) { total = (total + cur) * 60; cur = 0; }
  }
  return total + cur;
}

function addrToIp(doc: EcsDoc, side: string): void {
  const o = doc[side] as EcsDoc | undefined;
  const a = o?.address;
  if (typeof a !== 'string') return;
  if (isIp(a)) o!.ip = a;
  else if (a !== '' && o!.domain === undefined) o!.domain = a;
}

function urlParts(doc: EcsDoc): void {
  const orig = getField(doc, 'url.original');
  if (typeof orig !== 'string') return;
  let u: URL;
  try {
    u = new URL(orig);
  } catch {
    return;
  }
  const prevDomain = getField(doc, 'url.domain');
  if (u.protocol) setField(doc, 'url.scheme', u.protocol.replace(/:$/, ''));
  if (u.hostname) setField(doc, 'url.domain', u.hostname.replace(/^\[|\]$/g, ''));
  if (u.port) setField(doc, 'url.port', Number(u.port));
  if (u.pathname) setField(doc, 'url.path', u.pathname);
  if (u.search.length > 1) setField(doc, 'url.query', u.search.slice(1));
  if (u.hash.length > 1) setField(doc, 'url.fragment', u.hash.slice(1));
  const dot = u.pathname.lastIndexOf('.');
  if (dot > u.pathname.lastIndexOf('/')) setField(doc, 'url.extension', u.pathname.slice(dot + 1));
  if (typeof prevDomain === 'string' && prevDomain !== u.hostname) appendUnique(doc, 'url.domain', prevDomain);
}

/** `doc[a][b]` as getField reads `a.b`. */
function get2(doc: EcsDoc, a: string, b: string): unknown {
  const o = doc[a];
  return o !== null && typeof o === 'object' ? (o as EcsDoc)[b] : undefined;
}

/** `doc[a][b][c]` as getField reads `a.b.c`. */
function get3(doc: EcsDoc, a: string, b: string, c: string): unknown {
  const o = doc[a];
  if (o === null || typeof o !== 'object') return undefined;
  const p = (o as EcsDoc)[b];
  return p !== null && typeof p === 'object' ? (p as EcsDoc)[c] : undefined;
}

/** The object at `o[k]`, created (or replacing a non-object) as setField does on its way. */
function child(o: EcsDoc, k: string): EcsDoc {
  let n = o[k];
  if (n === undefined || n === null || typeof n !== 'object' || Array.isArray(n)) {
    n = {};
    o[k] = n;
  }
  return n as EcsDoc;
}

/** intField for `a.b`: integer strings become numbers, anything else is removed. */
function int2(doc: EcsDoc, a: string, b: string, path: string): void {
  const o = doc[a];
  if (o === null || typeof o !== 'object') return;
  const v = (o as EcsDoc)[b];
  if (v === undefined || (typeof v === 'number' && Number.isInteger(v))) return;
  const n = toInt(v);
  if (n === undefined) deleteField(doc, path);
  else (o as EcsDoc)[b] = n;
}

/** intField for `a.b.c`. */
function int3(doc: EcsDoc, a: string, b: string, c: string, path: string): void {
  const o = doc[a];
  if (o === null || typeof o !== 'object') return;
  const p = (o as EcsDoc)[b];
  if (p === null || typeof p !== 'object') return;
  const v = (p as EcsDoc)[c];
  if (v === undefined || (typeof v === 'number' && Number.isInteger(v))) return;
  const n = toInt(v);
  if (n === undefined) deleteField(doc, path);
  else (p as EcsDoc)[c] = n;
}

/** lower() for `o[k]`. */
function lowerKey(o: EcsDoc, k: string): void {
  const v = o[k];
  if (typeof v === 'string' && v !== '') o[k] = v.toLowerCase();
}

/** appendUnique(doc, 'related.' + key, v) for a non-empty string. */
function addRelated(doc: EcsDoc, key: string, v: string): void {
  const rel = doc.related;
  if (rel === undefined) {
    const r: EcsDoc = {};
    r[key] = [v];
    doc.related = r;
    return;
  }
  const arr = rel !== null && typeof rel === 'object' ? (rel as EcsDoc)[key] : undefined;
  if (Array.isArray(arr)) {
    if (!arr.includes(v)) arr.push(v);
  } else appendUnique(doc, 'related.' + key, v);
}

function relIp(doc: EcsDoc, ip: unknown): void {
  if (isIp(ip)) addRelated(doc, 'ip', ip);
}

/** relatedUser unless the name is masked (`*****`). */
function relUser(doc: EcsDoc, u: unknown): void {
  if (typeof u !== 'string' || u === '') return;
  let i = 0;
  while (i < u.length && u.charCodeAt(i) === 42) i++;
  if (i < u.length) addRelated(doc, 'user', u);
}

function relHost(doc: EcsDoc, v: unknown): void {
  const h = str(v);
  if (h !== undefined && h !== '') addRelated(doc, 'hosts', h);
}

function hasKeys(o: Record<string, unknown>): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) return true;
  return false;
}

function finish(w: Work, ctx: VendorContext): void {
  void ctx;
  const doc = w.doc;
  const ev = doc.event as EcsDoc;
  const ftd = w.flavor === 'ftd';
  const c = w.c;
  fixIfaceAddr(w, 'source', 'source_interface');
  fixIfaceAddr(w, 'destination', 'destination_interface');
  if (c.evout !== undefined) {
    if (ftd) ev.outcome = c.evout;
    delete c.evout;
  }
  if (w.outcome !== undefined && ftd && w.id !== '111004') ev.outcome = w.outcome;
  if (w.id === '111004' && ftd) {
    if (w.outcome === 'OK') ev.outcome = 'success';
    else if (w.outcome === 'FAILED') ev.outcome = 'failure';
    ev.type = ['change'];
  }
  if (w.srcUserSgt !== undefined) userSgt(w, w.srcUserSgt, 'source');
  if (w.dstUserSgt !== undefined) userSgt(w, w.dstUserSgt, 'destination');
  if (c.source_username !== undefined && get3(doc, 'source', 'user', 'name') === undefined) {
    setField(doc, 'source.user.name', c.source_username);
  }
  if (c.destination_username !== undefined && get3(doc, 'destination', 'user', 'name') === undefined) {
    setField(doc, 'destination.user.name', c.destination_username);
  }
  splitUser(doc, 'source');
  splitUser(doc, 'destination');

  // security events
  const hostType = c._host_type as string | undefined;
  if (hostType !== undefined) {
    delete c._host_type;
    if (ftd) endpointProfile(doc, hostType);
  }
  if (SEC_ACTIONS[w.id] !== undefined) ev.action = SEC_ACTIONS[w.id];
  const dns = doc.dns;
  if (dns !== null && typeof dns === 'object') {
    const dq = getField(doc, 'dns.question.type');
    if (typeof dq === 'string' && DNS_TYPES[dq.toLowerCase()]) setField(doc, 'dns.question.type', DNS_TYPES[dq.toLowerCase()]);
    const dr = getField(doc, 'dns.response_code');
    if (typeof dr === 'string' && DNS_CODES[dr.toLowerCase()]) setField(doc, 'dns.response_code', DNS_CODES[dr.toLowerCase()]);
    if (dq !== undefined && getField(doc, 'dns.response_code') === undefined) setField(doc, 'dns.response_code', 'NOERROR');
  }
  const se = c.security_event as EcsDoc | undefined;
  if (se !== undefined) {
    for (const k of SEC_EVENT_INTS) if (se[k] !== undefined) { const n = toInt(se[k]); if (n !== undefined) se[k] = n; }
    if (typeof se.first_packet_second === 'string') {
      const t = Date.parse(se.first_packet_second);
      if (!Number.isNaN(t)) doc['@timestamp'] = isoTime(t);
    }
  }

  // network normalization
  const net0 = doc.network;
  if (net0 !== null && typeof net0 === 'object') {
    lowerKey(net0 as EcsDoc, 'transport');
    lowerKey(net0 as EcsDoc, 'protocol');
    lowerKey(net0 as EcsDoc, 'application');
  }
  const file0 = doc.file;
  if (file0 !== null && typeof file0 === 'object') lowerKey(file0 as EcsDoc, 'type');
  if (net0 !== null && typeof net0 === 'object') {
    lowerKey(net0 as EcsDoc, 'direction');
    lowerKey(net0 as EcsDoc, 'type');
  }
  const net = doc.network as EcsDoc | undefined;
  if (net?.transport !== undefined) {
    const t = String(net.transport);
    const n = IANA[t];
    if (n !== undefined) net.iana_number = String(n);
    else if (IANA_REV[t] !== undefined) { net.iana_number = t; net.transport = IANA_REV[t]; }
    if (net.transport === 'icmpv6') net.transport = 'ipv6-icmp';
  }
  if (typeof ev.outcome === 'string') {
    ev.outcome = ev.outcome.toLowerCase();
    if (ftd && FTD_OUTCOMES[ev.outcome] !== undefined) ev.outcome = FTD_OUTCOMES[ev.outcome];
  }
  if (ftd) {
    if (FTD_SUCCESS.has(w.id)) ev.outcome = 'success';
    else if (FTD_FAILURE.has(w.id)) ev.outcome = 'failure';
    if (w.id === '434002' || w.id === '434004') ev.outcome = 'unknown';
    if (w.id === '419002') { setField(doc, 'network.protocol', 'tcp'); }
    if (FTD_ACTION[w.id] !== undefined) ev.action = FTD_ACTION[w.id];
    if (w.id === '502103') { ev.type = ['group', 'change']; ev.category = ['iam']; }
  } else if (w.id === '419002') setField(doc, 'network.transport', 'tcp');
  if (w.id === '419002' && !ftd) setField(doc, 'network.iana_number', '6');

  int2(doc, 'source', 'port', 'source.port');
  int2(doc, 'destination', 'port', 'destination.port');
  int2(doc, 'source', 'bytes', 'source.bytes');
  int2(doc, 'destination', 'bytes', 'destination.bytes');
  int2(doc, 'network', 'bytes', 'network.bytes');
  int2(doc, 'source', 'packets', 'source.packets');
  int2(doc, 'destination', 'packets', 'destination.packets');
  int3(doc, 'http', 'response', 'status_code', 'http.response.status_code');
  int2(doc, 'file', 'size', 'file.size');
  int2(doc, 'client', 'port', 'client.port');
  int2(doc, 'server', 'port', 'server.port');
  int3(doc, 'source', 'nat', 'port', 'source.nat.port');
  int3(doc, 'destination', 'nat', 'port', 'destination.nat.port');
  for (const k of VENDOR_INTS) {
    if (c[k] !== undefined) { const n = toInt(c[k]); if (n === undefined) delete c[k]; else c[k] = n; }
  }
  addrToIp(doc, 'source');
  addrToIp(doc, 'destination');
  addrToIp(doc, 'client');
  addrToIp(doc, 'server');
  // NAT
  if (w.natsrc !== undefined) {
    if (isIp(w.natsrc)) c.mapped_source_ip = w.natsrc; else c.mapped_source_host = w.natsrc;
  }
  if (w.natdst !== undefined) {
    if (isIp(w.natdst)) c.mapped_destination_ip = w.natdst; else c.mapped_destination_host = w.natdst;
  }
  const src = doc.source as EcsDoc | undefined;
  const dst = doc.destination as EcsDoc | undefined;
  if (c.mapped_source_ip !== undefined && c.mapped_source_ip !== src?.ip) setField(doc, 'source.nat.ip', c.mapped_source_ip);
  if (c.mapped_source_port !== undefined && c.mapped_source_port !== src?.port) setField(doc, 'source.nat.port', c.mapped_source_port);
  if (c.mapped_destination_ip !== undefined && c.mapped_destination_ip !== dst?.ip) setField(doc, 'destination.nat.ip', c.mapped_destination_ip);
  if (c.mapped_destination_port !== undefined && c.mapped_destination_port !== dst?.port) {
    setField(doc, 'destination.nat.port', c.mapped_destination_port);
  }
  if (ftd) {
    const sb = get2(doc, 'source', 'bytes'), db = get2(doc, 'destination', 'bytes');
    if (typeof sb === 'number' && typeof db === 'number' && get2(doc, 'network', 'bytes') === undefined) {
      setField(doc, 'network.bytes', sb + db);
    }
  }
  // durations
  if (ev.duration !== undefined && w.hms === undefined) w.hms = String(ev.duration);
  if (w.hms !== undefined) {
    const ts = Date.parse(String(doc['@timestamp'] ?? ''));
    const secs = parseHms(w.hms);
    ev.duration = secs * 1e9;
    if (!Number.isNaN(ts)) {
      if (ftd && w.id === '430003') {
        ev.start = isoTime(ts);
        ev.end = isoTime(ts + secs * 1000);
      } else {
        ev.end = isoTime(ts);
        ev.start = isoTime(ts - secs * 1000);
      }
    }
  }
  // users
  if (ftd) {
    const un = get2(doc, 'user', 'name');
    if (un === 'Not Found' || un === 'No Authentication Required') { deleteField(doc, 'user.id'); deleteField(doc, 'user.name'); }
    else if (typeof un === 'string' && un.indexOf('\\') >= 0 && (w.id === '' || SECURITY_EVENT_IDS.has(w.id))) {
      setField(doc, 'user.name', un.slice(un.lastIndexOf('\\') + 1));
    }
  }
  if (get2(doc, 'user', 'name') === undefined) {
    const du = get3(doc, 'destination', 'user', 'name');
    if (typeof du === 'string' && du !== '') setField(doc, 'user.name', du);
  }
  const un = get2(doc, 'user', 'name');
  if (typeof un === 'string' && !ftd && un !== '') {
    const q0 = un.charCodeAt(0), q1 = un.charCodeAt(un.length - 1);
    if (q0 === 34 || q0 === 39 || q1 === 34 || q1 === 39) setField(doc, 'user.name', un.replace(/^['"]|['"]$/g, ''));
  }
  if (get2(doc, 'url', 'original') !== undefined) urlParts(doc);

  // event.code and the vendor namespace
  if (w.id !== '') ev.code = w.id;
  if (c.list_id !== undefined) { c.rule_name = c.list_id; delete c.list_id; }
  if (ftd && se !== undefined) {
    if (se.access_control_rule_name !== undefined) setField(doc, 'rule.name', se.access_control_rule_name);
    if (se.ac_policy !== undefined) setField(doc, 'rule.ruleset', se.ac_policy);
    else if (se.file_policy !== undefined) setField(doc, 'rule.ruleset', se.file_policy);
  }
  if (ftd && get2(doc, 'rule', 'ruleset') === undefined) {
    const ip = (c.security as EcsDoc | undefined)?.intrusion_policy;
    if (ip !== undefined) setField(doc, 'rule.ruleset', ip);
  }
  if (hasKeys(c)) child(doc, 'cisco')[ftd ? 'ftd' : 'asa'] = c;

  // categorization
  if (ftd) categorizeFtd(ev);
  else categorizeAsa(ev, w.id, w.outcome);
  if (w.id === '430005') {
    const disp = (c.security_event as EcsDoc | undefined)?.sha_disposition ?? (c.security as EcsDoc | undefined)?.sha_disposition;
    if (disp === 'Malware' || disp === 'Custom Detection') ev.kind = 'alert';
    else appendUnique(doc, 'event.category', 'file');
  }

  // observer and related
  const hh = get2(doc, 'host', 'hostname');
  const ob = child(doc, 'observer');
  if (typeof hh === 'string' && hh !== '') ob.hostname = hh;
  ob.vendor = 'Cisco';
  ob.type = ftd ? 'idps' : 'firewall';
  ob.product = ftd ? 'ftd' : 'asa';
  const dif = c.destination_interface, sif = c.source_interface;
  if (typeof dif === 'string' && dif !== '') child(child(ob, 'egress'), 'interface').name = dif;
  if (typeof sif === 'string' && sif !== '') child(child(ob, 'ingress'), 'interface').name = sif;
  relIp(doc, src?.ip);
  relIp(doc, get3(doc, 'source', 'nat', 'ip'));
  relIp(doc, dst?.ip);
  relIp(doc, get3(doc, 'destination', 'nat', 'ip'));
  if (ftd) relIp(doc, se?.encrypt_peer_ip);
  relUser(doc, get2(doc, 'user', 'name'));
  relUser(doc, get3(doc, 'server', 'user', 'name'));
  relUser(doc, get3(doc, 'source', 'user', 'name'));
  relUser(doc, get3(doc, 'destination', 'user', 'name'));
  const sha = get3(doc, 'file', 'hash', 'sha256');
  if (typeof sha === 'string' && sha !== '') addRelated(doc, 'hash', sha);
  relHost(doc, get2(doc, 'host', 'hostname'));
  relHost(doc, ob.hostname);
  relHost(doc, get2(doc, 'destination', 'domain'));
  relHost(doc, get2(doc, 'source', 'domain'));
  relHost(doc, get3(doc, 'source', 'user', 'domain'));
  relHost(doc, get3(doc, 'destination', 'user', 'domain'));

  // community id
  const iana = net?.iana_number !== undefined ? Number(net.iana_number) : NaN;
  if (typeof src?.ip === 'string' && typeof dst?.ip === 'string' && !Number.isNaN(iana)) {
    const sp = typeof src.port === 'number' ? src.port : undefined;
    const dp = typeof dst.port === 'number' ? dst.port : undefined;
    if (iana !== 1 && iana !== 58) {
      const id = communityId(src.ip, dst.ip, iana, sp, dp);
      if (id !== undefined) setField(doc, 'network.community_id', id);
    }
  }
}

const VENDOR_INTS = ['mapped_source_port', 'mapped_destination_port', 'icmp_code', 'icmp_type', 'original_iana_number',
  'connections_in_use', 'connections_most_used'];

/** Cisco ISE endpoint profile `Workstation:Microsoft-Workstation:Windows11-Workstation` -> device / host. */
function endpointProfile(doc: EcsDoc, v: string): void {
  if (v === 'Invalid ID') return;
  let s = v.replace(/Device/g, ' ');
  s = s.replace(/^.*Macintosh-Workstation/, 'Macintosh:Mac');
  s = s.replace(/^.*Microsoft-Workstation/, 'Microsoft:Microsoft');
  s = s.replace(/^.*ChromeBook-Workstation/, 'ChromeBook:ChromeBook');
  s = s.replace(/Workstation|[-_]/g, ' ');
  const parts = s.split(':').map((p) => p.trim());
  if (parts[0]) setField(doc, 'device.manufacturer', parts[0]);
  if (parts[1]) setField(doc, 'host.type', parts[1]);
  if (parts[2]) setField(doc, 'device.model.name', parts[2]);
  if (parts[3]) setField(doc, 'host.os.full', parts[3]);
}
