/**
 * The Cisco ASA / FTD parse path shared by both families: marker and header, dispatch on the
 * message id through one table, then the common finishing steps of Elastic's pipelines (addresses,
 * NAT, durations, users, categorization, observer, related, community id). `flavor` selects the
 * few places where the FTD pipeline differs.
 */
import type { EcsDoc, SyslogMessage, VendorContext } from '../../src/core/types.js';
import { appendUnique, getField, isIp, relatedHost, relatedIp, relatedUser, setField, toInt, deleteField } from '../../src/ecs/fields.js';
import { communityId } from '../../src/ecs/community-id.js';
import { isoTime } from '../../src/ecs/base.js';
import type { Flavor, Handler, Work } from './work.js';
import { findMarker, readHeader } from './header.js';
import { FIREWALL } from './messages/firewall.js';
import { VPN } from './messages/vpn.js';
import { applySecurity, SECURITY_EVENT_IDS, splitSecurity } from './messages/security-events.js';
import { categorizeAsa, categorizeFtd } from './categorize.js';

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
    w.msg = body.trimEnd();
  }
  if (flavor === 'ftd' && w.id !== '') {
    ev.action = 'firewall-rule';
    const n = Number(w.id);
    if (n >= 101001 && n <= 105052) ev.reason = w.msg;
  }
  if (step === null || step === 'no_message_id') {
    if (w.id === '' || SECURITY_EVENT_IDS.has(w.id)) {
      const kv = w.msg.indexOf(':') > 0 ? splitSecurity(w.msg) : undefined;
      if (kv !== undefined) {
        applySecurity(w, kv);
        step = null;
      } else if (w.id !== '') step = 'parse_' + w.id;
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
  const u = getField(doc, side + '.user.name');
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

function intField(doc: EcsDoc, path: string): void {
  const v = getField(doc, path);
  if (v === undefined) return;
  const n = toInt(v);
  if (n === undefined) deleteField(doc, path);
  else setField(doc, path, n);
}

function lower(doc: EcsDoc, path: string): void {
  const v = getField(doc, path);
  if (typeof v === 'string') setField(doc, path, v.toLowerCase());
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
  if (c.source_username !== undefined && getField(doc, 'source.user.name') === undefined) {
    setField(doc, 'source.user.name', c.source_username);
  }
  if (c.destination_username !== undefined && getField(doc, 'destination.user.name') === undefined) {
    setField(doc, 'destination.user.name', c.destination_username);
  }
  splitUser(doc, 'source');
  splitUser(doc, 'destination');

  // security events
  const hostType = c._host_type as string | undefined;
  delete c._host_type;
  if (hostType !== undefined && ftd) endpointProfile(doc, hostType);
  if (SEC_ACTIONS[w.id] !== undefined) ev.action = SEC_ACTIONS[w.id];
  const dq = getField(doc, 'dns.question.type');
  if (typeof dq === 'string' && DNS_TYPES[dq.toLowerCase()]) setField(doc, 'dns.question.type', DNS_TYPES[dq.toLowerCase()]);
  const dr = getField(doc, 'dns.response_code');
  if (typeof dr === 'string' && DNS_CODES[dr.toLowerCase()]) setField(doc, 'dns.response_code', DNS_CODES[dr.toLowerCase()]);
  if (dq !== undefined && getField(doc, 'dns.response_code') === undefined) setField(doc, 'dns.response_code', 'NOERROR');
  const se = c.security_event as EcsDoc | undefined;
  if (se !== undefined) {
    for (const k of SEC_EVENT_INTS) if (se[k] !== undefined) { const n = toInt(se[k]); if (n !== undefined) se[k] = n; }
    if (typeof se.first_packet_second === 'string') {
      const t = Date.parse(se.first_packet_second);
      if (!Number.isNaN(t)) doc['@timestamp'] = isoTime(t);
    }
  }

  // network normalization
  for (const p of ['network.transport', 'network.protocol', 'network.application', 'file.type', 'network.direction', 'network.type']) {
    lower(doc, p);
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

  for (const p of ['source.port', 'destination.port', 'source.bytes', 'destination.bytes', 'network.bytes', 'source.packets',
    'destination.packets', 'http.response.status_code', 'file.size', 'client.port', 'server.port', 'source.nat.port',
    'destination.nat.port']) intField(doc, p);
  for (const k of ['mapped_source_port', 'mapped_destination_port', 'icmp_code', 'icmp_type', 'original_iana_number',
    'connections_in_use', 'connections_most_used']) {
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
    const sb = getField(doc, 'source.bytes'), db = getField(doc, 'destination.bytes');
    if (typeof sb === 'number' && typeof db === 'number' && getField(doc, 'network.bytes') === undefined) {
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
    const un = getField(doc, 'user.name');
    if (un === 'Not Found' || un === 'No Authentication Required') { deleteField(doc, 'user.id'); deleteField(doc, 'user.name'); }
    else if (typeof un === 'string' && un.indexOf('\\') >= 0 && (w.id === '' || SECURITY_EVENT_IDS.has(w.id))) {
      setField(doc, 'user.name', un.slice(un.lastIndexOf('\\') + 1));
    }
  }
  if (getField(doc, 'user.name') === undefined) {
    const du = getField(doc, 'destination.user.name');
    if (typeof du === 'string' && du !== '') setField(doc, 'user.name', du);
  }
  const un = getField(doc, 'user.name');
  if (typeof un === 'string' && !ftd) setField(doc, 'user.name', un.replace(/^['"]|['"]$/g, ''));
  urlParts(doc);

  // event.code and the vendor namespace
  if (w.id !== '') ev.code = w.id;
  if (c.list_id !== undefined) { c.rule_name = c.list_id; delete c.list_id; }
  if (ftd && se !== undefined) {
    if (se.access_control_rule_name !== undefined) setField(doc, 'rule.name', se.access_control_rule_name);
    if (se.ac_policy !== undefined) setField(doc, 'rule.ruleset', se.ac_policy);
    else if (se.file_policy !== undefined) setField(doc, 'rule.ruleset', se.file_policy);
  }
  if (ftd && getField(doc, 'rule.ruleset') === undefined) {
    const ip = (c.security as EcsDoc | undefined)?.intrusion_policy;
    if (ip !== undefined) setField(doc, 'rule.ruleset', ip);
  }
  if (Object.keys(c).length > 0) setField(doc, ftd ? 'cisco.ftd' : 'cisco.asa', c);

  // categorization
  if (ftd) categorizeFtd(ev);
  else categorizeAsa(ev, w.id, w.outcome);
  if (w.id === '430005') {
    const disp = (c.security_event as EcsDoc | undefined)?.sha_disposition ?? (c.security as EcsDoc | undefined)?.sha_disposition;
    if (disp === 'Malware' || disp === 'Custom Detection') ev.kind = 'alert';
    else appendUnique(doc, 'event.category', 'file');
  }

  // observer and related
  const hh = getField(doc, 'host.hostname');
  if (typeof hh === 'string' && hh !== '') setField(doc, 'observer.hostname', hh);
  setField(doc, 'observer.vendor', 'Cisco');
  setField(doc, 'observer.type', ftd ? 'idps' : 'firewall');
  setField(doc, 'observer.product', ftd ? 'ftd' : 'asa');
  if (typeof c.destination_interface === 'string') setField(doc, 'observer.egress.interface.name', c.destination_interface);
  if (typeof c.source_interface === 'string') setField(doc, 'observer.ingress.interface.name', c.source_interface);
  relatedIp(doc, src?.ip);
  relatedIp(doc, getField(doc, 'source.nat.ip'));
  relatedIp(doc, dst?.ip);
  relatedIp(doc, getField(doc, 'destination.nat.ip'));
  if (ftd) relatedIp(doc, se?.encrypt_peer_ip);
  for (const p of ['user.name', 'server.user.name', 'source.user.name', 'destination.user.name']) {
    const u = getField(doc, p);
    if (typeof u === 'string' && !/^\*+$/.test(u)) relatedUser(doc, u);
  }
  const sha = getField(doc, 'file.hash.sha256');
  if (typeof sha === 'string') appendUnique(doc, 'related.hash', sha);
  for (const p of ['host.hostname', 'observer.hostname', 'destination.domain', 'source.domain', 'source.user.domain',
    'destination.user.domain']) relatedHost(doc, str(getField(doc, p)));

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
