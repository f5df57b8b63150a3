/**
 * The steps Elastic's panw pipeline runs after every log type's own mapping, in its order: observer
 * host, NAT and side fields typed, duration, session flags and users, event type/action, severity,
 * network type and related addresses, location names, community ids, threat name, related users,
 * hashes and hosts.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { appendUnique, ianaNumber, isIp, relatedHost, relatedIp, relatedUser, setParts, toInt } from '../../src/ecs/fields.js';
import { communityId } from '../../src/ecs/community-id.js';
import { panTimeIso, isoMs, splitUser, FLAG_LABELS, readFlags, hasBit } from './convert.js';
import type { Fields } from './shared.js';
import { record } from '../../src/core/null-proto.js';

const THREAT_ACTIONS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  data: 'data_match', file: 'file_match', flood: 'flood_detected', packet: 'packet_attack', scan: 'scan_detected',
  spyware: 'spyware_detected', url: 'url_filtering', virus: 'virus_detected', vulnerability: 'exploit_detected',
  wildfire: 'wildfire_verdict', 'wildfire-virus': 'wildfire_virus_detected',
});
const FLOW_ACTIONS: Record<string, readonly [string, readonly string[]]> = Object.assign(
  Object.create(null) as Record<string, readonly [string, readonly string[]]>, {
    start: ['flow_started', ['start', 'connection']],
    end: ['flow_terminated', ['end', 'connection']],
    drop: ['flow_dropped', ['denied', 'connection']],
    deny: ['flow_denied', ['denied', 'connection']],
  });
const ALLOWED = new Set(['alert', 'allow', 'continue']);
const DENIED = new Set([
  'deny', 'drop', 'reset-client', 'reset-server', 'reset-both', 'block-url', 'block-ip', 'random-drop', 'sinkhole', 'block',
]);
const ACTION_FIX = new Map([
  ['drop icmp', 'drop-icmp'], ['drop ICMP', 'drop-icmp'], ['reset both', 'reset-both'], ['reset client', 'reset-client'],
  ['reset server', 'reset-server'],
]);
const SEVERITY = new Map([['critical', 1], ['high', 2], ['medium', 3], ['low', 4], ['informational', 5]]);

const P_USER_NAME = { source: ['source', 'user', 'name'], destination: ['destination', 'user', 'name'] } as const;
const P_USER_DOMAIN = { source: ['source', 'user', 'domain'], destination: ['destination', 'user', 'domain'] } as const;
const P_OBS_HOST = ['observer', 'hostname'];
const P_XFF = ['panw', 'panos', 'x_forwarded_for'];
const P_ACTION = ['panw', 'panos', 'action'];
const P_NET_TYPE = ['network', 'type'];
const P_SRC_GEO = ['source', 'geo', 'name'];
const P_DST_GEO = ['destination', 'geo', 'name'];
const P_NAT_CID = ['panw', 'panos', 'network', 'nat', 'community_id'];
const P_THREAT_NAME = ['panw', 'panos', 'threat', 'name'];
const P_THREAT_ID = ['panw', 'panos', 'threat', 'id'];
const P_RULE_NAME = ['rule', 'name'];
const TLS_HASHES = ['md5', 'sha1', 'sha256'];
const XFF_FLAG = 0x00080000;

/** Replaces a string field with its number, or drops it when it is not one (Elastic's convert). */
function numField(obj: EcsDoc | undefined, key: string): void {
  if (obj === undefined || obj === null) return;
  const v = obj[key];
  if (typeof v !== 'string') return;
  const n = toInt(v);
  if (n === undefined) delete obj[key];
  else obj[key] = n;
}

function ipField(obj: EcsDoc | undefined, key: string): void {
  if (obj === undefined || obj === null) return;
  const v = obj[key];
  if (typeof v === 'string' && !isIp(v)) delete obj[key];
}

function dropEmpty(doc: EcsDoc, key: string): void {
  const o = doc[key];
  if (o !== undefined && o !== null && typeof o === 'object' && !Array.isArray(o) && Object.keys(o).length === 0) delete doc[key];
}

function writeUser(doc: EcsDoc, side: 'source' | 'destination', raw: string): void {
  const u = splitUser(raw);
  setParts(doc, P_USER_NAME[side], u.name);
  if (u.domain !== undefined) setParts(doc, P_USER_DOMAIN[side], u.domain);
}

/** hasBit for a flags value: bitwise when it fits 32 bits. */
function flagBit(v: number, bit: number): boolean {
  return v <= 0xffffffff ? ((v >>> 0) & bit) !== 0 : hasBit(v, bit);
}

/** source/destination and their NAT halves typed; untranslated NAT (0.0.0.0/0) dropped. */
function typeSides(doc: EcsDoc): void {
  const src = doc.source as EcsDoc | undefined;
  const dst = doc.destination as EcsDoc | undefined;
  if (src?.nat?.ip === '0.0.0.0' && src.nat.port === '0') delete src.nat;
  if (dst?.nat?.ip === '0.0.0.0' && dst.nat.port === '0') delete dst.nat;
  for (const side of [src, dst]) {
    if (side === undefined) continue;
    ipField(side, 'ip');
    numField(side, 'port');
    numField(side, 'bytes');
    numField(side, 'packets');
    const nat = side.nat;
    if (nat) {
      ipField(nat, 'ip');
      numField(nat, 'port');
      if (Object.keys(nat).length === 0) delete side.nat;
    }
  }
  const net = doc.network;
  if (net) {
    numField(net, 'bytes');
    numField(net, 'packets');
    if (typeof net.transport === 'string') net.transport = net.transport.toLowerCase();
    if (typeof net.application === 'string') net.application = net.application.toLowerCase();
  }
}

/** event.start read in the device zone; duration in seconds -> nanoseconds, and event.end. */
function duration(ev: EcsDoc, tz: string): void {
  if (typeof ev.start === 'string') {
    const iso = panTimeIso(ev.start, tz);
    if (iso === undefined) delete ev.start;
    else ev.start = iso;
  }
  if (typeof ev.duration === 'string') {
    const secs = toInt(ev.duration);
    if (secs === undefined) delete ev.duration;
    else {
      ev.duration = secs * 1_000_000_000;
      if (typeof ev.start === 'string') ev.end = isoMs(Date.parse(ev.start) + secs * 1000);
    }
  }
}

/** The flags bit field -> `labels.*`; source user (or, with the XFF flag, the forwarded-for text); user.* */
function flagsAndUsers(f: Fields, doc: EcsDoc): void {
  const flags = readFlags(f.get('_temp_.labels'));
  let srcUser: string | undefined = f.get('_temp_.srcuser');
  if (!Number.isNaN(flags) && flags !== 0) {
    const labels = record<boolean>();
    for (let i = 0; i < FLAG_LABELS.length; i++) {
      const fl = FLAG_LABELS[i]!;
      if (flagBit(flags, fl[0])) labels[fl[1]] = true;
    }
    if (Object.keys(labels).length > 0) doc.labels = { ...(doc.labels ?? {}), ...labels };
    if (srcUser !== undefined && flagBit(flags, XFF_FLAG)) {
      setParts(doc, P_XFF, srcUser);
      srcUser = undefined;
    }
  }
  if (srcUser !== undefined) writeUser(doc, 'source', srcUser);
  const dstUser = f.get('_temp_.dstuser');
  if (dstUser !== undefined) writeUser(doc, 'destination', dstUser);
  if (doc.source?.user !== undefined) doc.user = { ...doc.source.user };
}

/** event.type from the action, event.action from the subtype; the action's spelling normalised. */
function actionAndType(f: Fields, doc: EcsDoc, subType: string): void {
  const ev = doc.event as EcsDoc;
  const rawAction = f.get('panw.panos.action');
  if (rawAction !== undefined) {
    if (ALLOWED.has(rawAction)) appendUnique(doc, 'event.type', 'allowed');
    else if (DENIED.has(rawAction)) appendUnique(doc, 'event.type', 'denied');
    const fixed = ACTION_FIX.get(rawAction);
    if (fixed !== undefined) setParts(doc, P_ACTION, fixed);
  }
  const flow = FLOW_ACTIONS[subType];
  if (flow !== undefined) {
    ev.action = flow[0];
    for (const t of flow[1]) appendUnique(doc, 'event.type', t);
  } else {
    const ta = THREAT_ACTIONS[subType];
    if (ta !== undefined) ev.action = ta;
  }
}

/** log.level lower-cased and event.severity from it, for types with a severity column. */
function severity(f: Fields, doc: EcsDoc): void {
  const level = doc.log?.level;
  if (typeof level !== 'string' || f.get('panw.panos.severity') === undefined) return;
  const lower = level.toLowerCase();
  doc.log.level = lower;
  const sev = SEVERITY.get(lower);
  if (sev !== undefined) doc.event.severity = sev;
}

/** network.type from the source address; related.ip from every address field Elastic lists. */
function addresses(doc: EcsDoc): void {
  const sip = doc.source?.ip;
  if (typeof sip === 'string' && doc.network?.type === undefined) {
    setParts(doc, P_NET_TYPE, sip.indexOf(':') >= 0 ? 'ipv6' : 'ipv4');
  }
  relatedIp(doc, sip);
  relatedIp(doc, doc.destination?.ip);
  relatedIp(doc, doc.source?.nat?.ip);
  relatedIp(doc, doc.destination?.nat?.ip);
  const hostIp = doc.host?.ip;
  if (Array.isArray(hostIp)) for (let i = 0; i < hostIp.length; i++) relatedIp(doc, hostIp[i]);
  const pp = doc.panw.panos as EcsDoc;
  relatedIp(doc, pp.xff?.ip);
  relatedIp(doc, doc.network?.forwarded_ip);
  relatedIp(doc, pp.remote_user?.ip);
  relatedIp(doc, pp.end_ip_address);
}

/** The device's own names for the address ranges (`10.0.0.0-10.255.255.255`, a country). */
function locations(f: Fields, doc: EcsDoc): void {
  const srcloc = f.get('_temp_.srcloc');
  if (srcloc !== undefined) setParts(doc, P_SRC_GEO, srcloc);
  const dstloc = f.get('_temp_.dstloc');
  if (dstloc !== undefined) setParts(doc, P_DST_GEO, dstloc);
}

/** Community ids of the flow and of its translated form (both in network.community_id when they differ). */
function communityIds(doc: EcsDoc): void {
  const transport = doc.network?.transport;
  const proto = typeof transport === 'string' ? ianaNumber(transport) : undefined;
  if (proto === undefined) return;
  const s = doc.source, d = doc.destination;
  let cid: string | undefined;
  if (s?.port && d?.port && typeof s.ip === 'string' && typeof d.ip === 'string') {
    cid = communityId(s.ip, d.ip, proto, s.port, d.port);
    if (cid !== undefined) doc.network.community_id = cid;
  }
  const sn = s?.nat, dn = d?.nat;
  if (sn?.port && dn?.port && typeof sn.ip === 'string' && typeof dn.ip === 'string') {
    const nat = communityId(sn.ip, dn.ip, proto, sn.port, dn.port);
    if (nat !== undefined) {
      setParts(doc, P_NAT_CID, nat);
      if (nat !== cid) doc.network.community_id = cid === undefined ? [nat] : [cid, nat];
    }
  }
}

/** `Name(1234)` threat names split; rule.name from the rule column when the type set none. */
function threatAndRule(f: Fields, doc: EcsDoc): void {
  const tname = f.get('panw.panos.threat.name');
  if (tname !== undefined) {
    const m = /^(.*)\(\s*(\d+)\s*\)$/.exec(tname);
    if (m !== null) {
      if (m[1] !== '') setParts(doc, P_THREAT_NAME, m[1]);
      else delete (doc.panw.panos.threat as EcsDoc).name;
      setParts(doc, P_THREAT_ID, m[2]);
    }
    if (doc.panw.panos.threat?.id === '9999') doc.panw.panos.threat.name = 'URL-filtering';
  }
  const ruleset = f.get('panw.panos.ruleset');
  if (ruleset !== undefined && doc.rule?.name === undefined) setParts(doc, P_RULE_NAME, ruleset);
}

/** related.user, related.hash and related.hosts. */
function relatedRest(f: Fields, doc: EcsDoc): void {
  const sname = doc.source?.user?.name;
  if (Array.isArray(sname)) for (let i = 0; i < sname.length; i++) relatedUser(doc, sname[i]);
  else relatedUser(doc, sname);
  relatedUser(doc, doc.destination?.user?.name);
  relatedUser(doc, f.get('panw.panos.admin'));
  appendUnique(doc, 'related.hash', f.get('panw.panos.file.hash'));
  const th = doc.tls?.client?.hash;
  if (th) for (let i = 0; i < TLS_HASHES.length; i++) appendUnique(doc, 'related.hash', th[TLS_HASHES[i]!]);
  relatedHost(doc, doc.observer?.hostname);
  relatedHost(doc, doc.host?.name);
  relatedHost(doc, f.get('panw.panos.dst.host'));
  relatedHost(doc, f.get('panw.panos.src.host'));
}

/** Every step after the type's mapping, in Elastic's order. */
export function common(f: Fields, doc: EcsDoc, subType: string, tz: string): void {
  const device = f.get('panw.panos.device_name');
  if (device !== undefined) setParts(doc, P_OBS_HOST, device);
  typeSides(doc);
  duration(doc.event as EcsDoc, tz);
  flagsAndUsers(f, doc);
  actionAndType(f, doc, subType);
  severity(f, doc);
  addresses(doc);
  locations(f, doc);
  communityIds(doc);
  threatAndRule(f, doc);
  relatedRest(f, doc);
  dropEmpty(doc, 'source');
  dropEmpty(doc, 'destination');
}
