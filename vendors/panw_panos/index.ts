/**
 * panw_panos: Palo Alto Networks PAN-OS syslog in the default CSV form
 * `FUTURE_USE,receive_time,serial,type,subtype,config_version,generated_time,...`, mapped to ECS as
 * Elastic's `panw.panos` pipeline does. Each log type has a column table (Elastic's csv targets, in
 * order); newer PAN-OS releases only append columns, so one table per type serves 8.1-11.x.
 */
import type { EcsDoc, SyslogMessage } from '../../src/core/types.js';
import { isIp, ianaNumber, setParts } from '../../src/ecs/fields.js';
import { communityId } from '../../src/ecs/community-id.js';
import { splitCsv } from './csv.js';
import { panTime, panTimeIso, isoMs, splitUser, normMac, FLAG_LABELS, readFlags, hasBit } from './convert.js';
import { Fields, type LogType } from './shared.js';
import { traffic } from './log-types/traffic.js';
import { threat } from './log-types/threat.js';
import { globalprotect } from './log-types/globalprotect.js';
import { system } from './log-types/system.js';
import { config } from './log-types/config.js';
import { userid } from './log-types/userid.js';
import { hipmatch } from './log-types/hipmatch.js';
import { authentication } from './log-types/authentication.js';
import { decryption } from './log-types/decryption.js';
import type { VendorContext, VendorParser } from '../../src/core/stages.js';
import { table, record } from '../../src/core/null-proto.js';

const LOG_TYPES: Record<string, LogType> = Object.assign(Object.create(null) as Record<string, LogType>, {
  TRAFFIC: traffic, THREAT: threat, GLOBALPROTECT: globalprotect, SYSTEM: system, CONFIG: config, USERID: userid,
  HIPMATCH: hipmatch, 'HIP-MATCH': hipmatch, AUTHENTICATION: authentication, DECRYPTION: decryption,
});

/** Log types PAN-OS sends in this CSV form; the ones without a table get the header fields only. */
const KNOWN_TYPES = new Set([
  ...Object.keys(LOG_TYPES), 'CORRELATION', 'GTP', 'IPTAG', 'SCTP', 'START', 'END', 'AUDIT', 'TUNNEL',
]);

/** panw.panos fields Elastic copies into ECS and then drops from its own namespace. */
const REMOVED = new Set([
  'bytes_received', 'bytes_sent', 'certificate.fingerprint', 'certificate.not_after', 'certificate.not_before',
  'certificate.serial_number', 'certificate.size', 'certificate.version', 'client.os', 'client.os_version',
  'destination.ip', 'destination.location', 'destination.nat.ip', 'destination.nat.port', 'destination.port',
  'destination.user', 'destination.zone', 'device_name', 'elapsed_time', 'elliptic_curve', 'event.id', 'event.reason',
  'event.status', 'file.type', 'forwarded_ip', 'host.id', 'host.ip', 'http_method', 'inbound_interface', 'location',
  'login_duration', 'machine.mac_address', 'machine.name', 'machine.os', 'misc', 'network.application', 'network.bytes',
  'network.direction', 'network.packets', 'normalize_user', 'observer.serial_number', 'outbound_interface',
  'packets_received', 'packets_sent', 'private.ip', 'private.ipv6', 'protocol', 'public.ip', 'public.ipv6', 'recipient',
  'referrer', 'rule_uuid', 'sender', 'server_name_indication.value', 'severity', 'source.ip', 'source.ipv6',
  'source.location', 'source.nat.ip', 'source.nat.port', 'source.port', 'source.region', 'source.user', 'source.zone',
  'start_time', 'tls.encryption', 'tls.version', 'tunnel_inspection_rule', 'user', 'user_agent', 'user_by_source',
  'subject_common_name.value', 'issuer_common_name.value', 'hash',
].map((k) => 'panw.panos.' + k));

const LONGS = new Set([
  'repeat_count', 'sctp.chunks', 'sctp.chunks_sent', 'sctp.chunks_received', 'timeout', 'error_code', 'factorno',
  'issuer_common_name.length', 'root_common_name.length', 'subject_common_name.length', 'server_name_indication.length',
  'link.change_count', 'strict_check', 'tunnel_fragment', 'unknown_protocol', 'sessions.closed', 'sessions.created',
  'max_encapsulation', 'application.risk_level', 'response_time',
].map((k) => 'panw.panos.' + k));
const DATES = new Set(['panw.panos.parent_session.start_time', 'panw.panos.factorcompletiontime']);
const IPS = new Set(['panw.panos.xff.ip', 'panw.panos.remote_user.ip', 'panw.panos.end_ip_address']);
const MACS = new Set(['panw.panos.src.mac', 'panw.panos.dst.mac']);
const VENDOR_PREFIX = 'panw.panos.';

/** What the column loop does with a column, decided per log type at load. */
const COL_SKIP = 0; // not under panw.panos, or copied to ECS and dropped: mapping input only
const COL_PLAIN = 1;
const COL_LONG = 2;
const COL_DATE = 3;
const COL_IP = 4;
const COL_MAC = 5;
const COL_PCAP = 6; // network.pcap_id, left out when 0

interface TypeInfo {
  readonly lt: LogType;
  readonly trim: boolean;
  /** per column: COL_* */
  readonly kinds: Uint8Array;
  /** per column: its value slot in `fields` (columns of the same name share one) */
  readonly slots: Uint16Array;
  /** per column: the path under panw.panos, split */
  readonly paths: readonly (readonly string[])[];
  readonly configSlot: number;
  readonly fields: Fields;
}

function colKind(name: string): number {
  if (!name.startsWith(VENDOR_PREFIX) || REMOVED.has(name)) return COL_SKIP;
  if (LONGS.has(name)) return COL_LONG;
  if (DATES.has(name)) return COL_DATE;
  if (IPS.has(name)) return COL_IP;
  if (MACS.has(name)) return COL_MAC;
  if (name === 'panw.panos.network.pcap_id') return COL_PCAP;
  return COL_PLAIN;
}

function typeInfo(lt: LogType): TypeInfo {
  const ix = new Map<string, number>();
  const cols = lt.columns;
  const kinds = new Uint8Array(cols.length);
  const slots = new Uint16Array(cols.length);
  const paths: string[][] = [];
  for (let k = 0; k < cols.length; k++) {
    const name = cols[k]!;
    let slot = ix.get(name);
    if (slot === undefined) ix.set(name, (slot = ix.size));
    slots[k] = slot;
    kinds[k] = colKind(name);
    paths.push(name.startsWith(VENDOR_PREFIX) ? name.slice(VENDOR_PREFIX.length).split('.') : []);
  }
  let configSlot = ix.get('_temp_.config_version');
  if (configSlot === undefined) ix.set('_temp_.config_version', (configSlot = ix.size));
  return { lt, trim: lt === system, kinds, slots, paths, configSlot, fields: new Fields(ix) };
}

const TYPE_INFO: Record<string, TypeInfo> = Object.create(null) as Record<string, TypeInfo>;
{
  const byType = new Map<LogType, TypeInfo>();
  for (const [type, lt] of Object.entries(LOG_TYPES)) {
    let info = byType.get(lt);
    if (info === undefined) byType.set(lt, (info = typeInfo(lt)));
    TYPE_INFO[type] = info;
  }
}

const THREAT_ACTIONS = table<string>({
  data: 'data_match', file: 'file_match', flood: 'flood_detected', packet: 'packet_attack', scan: 'scan_detected',
  spyware: 'spyware_detected', url: 'url_filtering', virus: 'virus_detected', vulnerability: 'exploit_detected',
  wildfire: 'wildfire_verdict', 'wildfire-virus': 'wildfire_virus_detected',
});
const FLOW_ACTIONS = table<[string, readonly string[]]>({
  start: ['flow_started', ['start', 'connection']],
  end: ['flow_terminated', ['end', 'connection']],
  drop: ['flow_dropped', ['denied', 'connection']],
  deny: ['flow_denied', ['denied', 'connection']],
});
const ALLOWED = new Set(['alert', 'allow', 'continue']);
const DENIED = new Set([
  'deny', 'drop', 'reset-client', 'reset-server', 'reset-both', 'block-url', 'block-ip', 'random-drop', 'sinkhole', 'block',
]);
const ACTION_FIX = table<string>({
  'drop icmp': 'drop-icmp', 'drop ICMP': 'drop-icmp', 'reset both': 'reset-both', 'reset client': 'reset-client',
  'reset server': 'reset-server',
});
const SEVERITY = table<number>({ critical: 1, high: 2, medium: 3, low: 4, informational: 5 });
const HEADER_COLS = 7;
const MAX_COLS = 160;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Offset of the comma before the receive time (`,2024/01/31 ` or `,2024-01-31T`) when the message
 * has the PAN-OS shape, else -1. The comma must come within the first 64 characters.
 */
function csvStart(s: string): number {
  const i = s.indexOf(',');
  if (i < 0 || i > 64) return -1;
  const sep = s.charCodeAt(i + 5);
  if (!(sep === 47 || sep === 45) || !isDigit(s.charCodeAt(i + 1)) || !isDigit(s.charCodeAt(i + 4))) return -1;
  return i;
}

/** The 4th column (log type) when it is one PAN-OS writes. */
function typeAt(s: string, i: number): string | null {
  const a = s.indexOf(',', i + 1);
  if (a < 0 || a - i > 40) return null;
  const b = s.indexOf(',', a + 1);
  if (b < 0 || b - a > 40) return null;
  const c = s.indexOf(',', b + 1);
  if (c < 0 || c - b > 16) return null;
  const t = s.slice(b + 1, c);
  return KNOWN_TYPES.has(t) ? t : null;
}

function toLong(v: string): number | undefined {
  if (!/^-?\d{1,19}$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Replaces a string field with its number, or drops it when it is not one (Elastic's convert). */
function numField(obj: EcsDoc | undefined, key: string): void {
  if (obj === undefined || obj === null) return;
  const v = obj[key];
  if (typeof v !== 'string') return;
  const n = toLong(v);
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

const P_USER_NAME = { source: ['source', 'user', 'name'], destination: ['destination', 'user', 'name'] } as const;
const P_USER_DOMAIN = { source: ['source', 'user', 'domain'], destination: ['destination', 'user', 'domain'] } as const;
const P_SERIAL = ['observer', 'serial_number'];
const P_TYPE = ['panw', 'panos', 'type'];
const P_SUB_TYPE = ['panw', 'panos', 'sub_type'];
const P_GENERATED = ['panw', 'panos', 'generated_time'];
const P_RECEIVED = ['panw', 'panos', 'received_time'];
const P_LOGGED = ['panw', 'panos', 'logged_time'];
const P_HIGH_RES = ['panw', 'panos', 'high_resolution_timestamp'];
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

function writeUser(doc: EcsDoc, side: 'source' | 'destination', raw: string): void {
  const u = splitUser(raw);
  setParts(doc, P_USER_NAME[side], u.name);
  if (u.domain !== undefined) setParts(doc, P_USER_DOMAIN[side], u.domain);
}

/** appendUnique(doc, 'related.' + key, v) for a non-empty v. */
function addRelated(doc: EcsDoc, key: string, v: unknown): void {
  let r = doc.related;
  if (r === undefined || r === null || typeof r !== 'object' || Array.isArray(r)) {
    r = {};
    doc.related = r;
  }
  const cur = r[key];
  if (Array.isArray(cur)) {
    if (!cur.includes(v)) cur.push(v);
  } else if (cur === undefined) r[key] = [v];
  else if (cur !== v) r[key] = [cur, v];
}

function addRelatedIp(doc: EcsDoc, ip: unknown): void {
  if (typeof ip === 'string' && isIp(ip)) addRelated(doc, 'ip', ip);
}

function addRelatedStr(doc: EcsDoc, key: string, v: unknown): void {
  if (typeof v === 'string' && v !== '') addRelated(doc, key, v);
}

/** appendUnique(doc, 'event.type', t) on the event object. */
function addType(ev: EcsDoc, t: string): void {
  const cur = ev.type;
  if (Array.isArray(cur)) {
    if (!cur.includes(t)) cur.push(t);
  } else if (cur === undefined) ev.type = [t];
  else if (cur !== t) ev.type = [cur, t];
}

function normSide(side: EcsDoc | undefined): void {
  if (side === undefined) return;
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

/** hasBit for a flags value: bitwise when it fits 32 bits. */
function flagBit(v: number, bit: number): boolean {
  return v <= 0xffffffff ? ((v >>> 0) & bit) !== 0 : hasBit(v, bit);
}

/** Fields every PAN-OS event gets, also unknown or unparseable ones. */
function observer(doc: EcsDoc): void {
  const o = (doc.observer ??= {});
  o.vendor = 'Palo Alto Networks';
  o.product = 'PAN-OS';
  o.type = 'firewall';
}

function parseLine(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
  observer(doc);
  const s = msg.content;
  const start = csvStart(s);
  if (start < 0) return 'not_panos_csv';
  const tz = ctx.timezone;
  const cols = splitCsv(s, start + 1, MAX_COLS);
  if (cols.length < HEADER_COLS - 1) return 'short_header';
  const type = cols[2]!;
  const subType = cols[3]!;
  const ev = (doc.event ??= {});
  ev.timezone = tz;
  if (cols[1] !== '') setParts(doc, P_SERIAL, cols[1]);
  setParts(doc, P_TYPE, type);
  setParts(doc, P_SUB_TYPE, subType);
  const generated = panTime(cols[5], tz);
  if (!Number.isNaN(generated)) {
    const iso = isoMs(generated);
    doc['@timestamp'] = iso;
    setParts(doc, P_GENERATED, iso);
  }
  const received = panTimeIso(cols[0], tz);
  if (received !== undefined) setParts(doc, P_RECEIVED, received);

  const info = TYPE_INFO[type];
  if (info === undefined) return 'unsupported_log_type';
  const lt = info.lt;
  ev.kind = lt.kind;
  ev.category = lt.category.slice();

  // column table -> fields
  const f = info.fields;
  const vals = f.v;
  f.clear();
  if (cols[4] !== undefined && cols[4] !== '') vals[info.configSlot] = cols[4];
  const kinds = info.kinds, slots = info.slots, paths = info.paths;
  const trim = info.trim;
  const pp = doc.panw.panos as EcsDoc;
  const n = Math.min(kinds.length, cols.length - (HEADER_COLS - 1));
  for (let k = 0; k < n; k++) {
    let v = cols[k + HEADER_COLS - 1]!;
    if (trim) v = v.trim();
    if (v === '') continue;
    vals[slots[k]!] = v;
    switch (kinds[k]) {
      case COL_PLAIN:
        setParts(pp, paths[k]!, v);
        break;
      case COL_LONG: {
        const num = toLong(v);
        if (num !== undefined) setParts(pp, paths[k]!, num);
        break;
      }
      case COL_DATE: {
        const iso = panTimeIso(v, tz);
        if (iso !== undefined) setParts(pp, paths[k]!, iso);
        break;
      }
      case COL_IP:
        if (isIp(v)) setParts(pp, paths[k]!, v);
        break;
      case COL_MAC:
        setParts(pp, paths[k]!, normMac(v));
        break;
      case COL_PCAP:
        if (v !== '0') setParts(pp, paths[k]!, v);
        break;
      default: // COL_SKIP: kept for the mapping only
        break;
    }
  }
  if (cols.length - (HEADER_COLS - 1) < 1) return 'no_body';

  lt.map(f, doc, tz, subType);

  const logged = panTimeIso(f.get('_temp_.logged_time'), tz);
  if (logged !== undefined) setParts(doc, P_LOGGED, logged);
  const hr = f.get('_temp_.high_res_timestamp');
  // PAN-OS 9.1 and earlier write a 1969/1970 placeholder here: Elastic drops it
  if (hr !== undefined && !hr.startsWith('1969') && !hr.startsWith('1970')) {
    const iso = panTimeIso(hr, tz);
    if (iso !== undefined) setParts(doc, P_HIGH_RES, iso);
  }
  common(f, doc, subType, tz);
  return null;
}

function common(f: Fields, doc: EcsDoc, subType: string, tz: string): void {
  const ev = doc.event as EcsDoc;
  const src = doc.source as EcsDoc | undefined;
  const dst = doc.destination as EcsDoc | undefined;
  const device = f.get('panw.panos.device_name');
  if (device !== undefined) setParts(doc, P_OBS_HOST, device);

  // NAT fields when no translation was done
  if (src?.nat?.ip === '0.0.0.0' && src.nat.port === '0') delete src.nat;
  if (dst?.nat?.ip === '0.0.0.0' && dst.nat.port === '0') delete dst.nat;
  normSide(src);
  normSide(dst);
  if (doc.network) {
    numField(doc.network, 'bytes');
    numField(doc.network, 'packets');
    if (typeof doc.network.transport === 'string') doc.network.transport = doc.network.transport.toLowerCase();
    if (typeof doc.network.application === 'string') doc.network.application = doc.network.application.toLowerCase();
  }

  // duration in seconds -> nanoseconds; event.start/end
  if (typeof ev.start === 'string') {
    const iso = panTimeIso(ev.start, tz);
    if (iso === undefined) delete ev.start;
    else ev.start = iso;
  }
  if (typeof ev.duration === 'string') {
    const secs = toLong(ev.duration);
    if (secs === undefined) delete ev.duration;
    else {
      ev.duration = secs * 1_000_000_000;
      if (typeof ev.start === 'string') ev.end = isoMs(Date.parse(ev.start) + secs * 1000);
    }
  }

  // session flags
  const flags = readFlags(f.get('_temp_.labels'));
  let srcUser: string | undefined = f.get('_temp_.srcuser');
  if (!Number.isNaN(flags) && flags !== 0) {
    const labels = record<boolean>();
    for (let i = 0; i < FLAG_LABELS.length; i++) {
      const fl = FLAG_LABELS[i]!;
      if (flagBit(flags, fl[0])) labels[fl[1]] = true;
    }
    if (Object.keys(labels).length > 0) doc.labels = { ...(doc.labels ?? {}), ...labels };
    if (srcUser !== undefined && flagBit(flags, 0x00080000)) {
      setParts(doc, P_XFF, srcUser);
      srcUser = undefined;
    }
  }
  if (srcUser !== undefined) writeUser(doc, 'source', srcUser);
  const dstUser = f.get('_temp_.dstuser');
  if (dstUser !== undefined) writeUser(doc, 'destination', dstUser);
  if (doc.source?.user !== undefined) doc.user = { ...doc.source.user };

  // event.type / event.action
  const rawAction = f.get('panw.panos.action');
  if (rawAction !== undefined) {
    if (ALLOWED.has(rawAction)) addType(ev, 'allowed');
    else if (DENIED.has(rawAction)) addType(ev, 'denied');
    const fixed = ACTION_FIX[rawAction];
    if (fixed !== undefined) setParts(doc, P_ACTION, fixed);
  }
  const flow = FLOW_ACTIONS[subType];
  if (flow !== undefined) {
    ev.action = flow[0];
    const types = flow[1];
    for (let i = 0; i < types.length; i++) addType(ev, types[i]!);
  } else {
    const ta = THREAT_ACTIONS[subType];
    if (ta !== undefined) ev.action = ta;
  }

  // severity
  const level = doc.log?.level;
  if (typeof level === 'string' && f.get('panw.panos.severity') !== undefined) {
    const lower = level.toLowerCase();
    doc.log.level = lower;
    const sev = SEVERITY[lower];
    if (sev !== undefined) ev.severity = sev;
  }

  // network.type, related.ip
  const sip = doc.source?.ip;
  if (typeof sip === 'string' && doc.network?.type === undefined) {
    setParts(doc, P_NET_TYPE, sip.indexOf(':') >= 0 ? 'ipv6' : 'ipv4');
  }
  addRelatedIp(doc, sip);
  addRelatedIp(doc, doc.destination?.ip);
  addRelatedIp(doc, doc.source?.nat?.ip);
  addRelatedIp(doc, doc.destination?.nat?.ip);
  const hostIp = doc.host?.ip;
  if (Array.isArray(hostIp)) for (let i = 0; i < hostIp.length; i++) addRelatedIp(doc, hostIp[i]);
  addRelatedIp(doc, doc.panw?.panos?.xff?.ip);
  addRelatedIp(doc, doc.network?.forwarded_ip);

  // the device's location names for the address ranges
  const srcloc = f.get('_temp_.srcloc');
  if (srcloc !== undefined) setParts(doc, P_SRC_GEO, srcloc);
  const dstloc = f.get('_temp_.dstloc');
  if (dstloc !== undefined) setParts(doc, P_DST_GEO, dstloc);

  // community ids of the flow and of its translated form
  const transport = doc.network?.transport;
  const proto = typeof transport === 'string' ? ianaNumber(transport) : undefined;
  if (proto !== undefined) {
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

  // threat name `Name(1234)`
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

  // related.user / hosts / hash
  const sname = doc.source?.user?.name;
  if (Array.isArray(sname)) for (let i = 0; i < sname.length; i++) addRelatedStr(doc, 'user', sname[i]);
  else addRelatedStr(doc, 'user', sname);
  addRelatedStr(doc, 'user', doc.destination?.user?.name);
  addRelatedStr(doc, 'user', f.get('panw.panos.admin'));
  const fhash = f.get('panw.panos.file.hash');
  if (fhash !== undefined) addRelated(doc, 'hash', fhash);
  const th = doc.tls?.client?.hash;
  if (th) {
    for (let i = 0; i < TLS_HASHES.length; i++) {
      const h = th[TLS_HASHES[i]!];
      if (h && h !== '') addRelated(doc, 'hash', h);
    }
  }
  addRelatedStr(doc, 'hosts', doc.observer?.hostname);
  addRelatedStr(doc, 'hosts', doc.host?.name);
  addRelatedStr(doc, 'hosts', f.get('panw.panos.dst.host'));
  addRelatedStr(doc, 'hosts', f.get('panw.panos.src.host'));
  dropEmpty(doc, 'source');
  dropEmpty(doc, 'destination');
}

export const parser: VendorParser = {
  id: 'panw_panos',
  dataset: 'panw.panos',
  samples: [
    '<14>Mar 14 08:00:00 pa-1 1,2024/03/14 08:00:00,007200001234,TRAFFIC,end,2561,2024/03/14 08:00:00,10.0.0.5,10.9.9.9,0.0.0.0,0.0.0.0,allow-web,,,ssl,vsys1,trust,untrust,ethernet1/1,ethernet1/2,fwd,2024/03/14 08:00:00,1234,1,50123,443,0,0,0x400000,tcp,allow,5000,3000,2000,20,2024/03/14 07:59:50,10,any,0,7300014100,0x0,10.0.0.0-10.255.255.255,US,0,10,10,tcp-fin',
  ],
  detect(msg: SyslogMessage): boolean {
    const s = msg.content;
    const i = csvStart(s);
    return i >= 0 && typeAt(s, i) !== null;
  },
  parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
    return parseLine(msg, doc, ctx);
  },
};
