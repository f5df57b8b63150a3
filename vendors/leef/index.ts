/**
 * leef: IBM QRadar Log Event Extended Format, with or without a syslog header in front.
 *   LEEF:1.0|Vendor|Product|Version|EventID|key=value<TAB>key=value...
 *   LEEF:2.0|Vendor|Product|Version|EventID|Delimiter|key=value<D>key=value...
 * The LEEF 2.0 delimiter is one character or a hex code (`x5E`, `0x5E`). Predefined attributes
 * (src, dst, srcPort, dstPort, srcPreNAT/srcPostNAT, usrName, proto, sev, devTime/devTimeFormat,
 * srcBytes/dstBytes, ...) go to ECS; every attribute is also kept under `leef.extensions`.
 */
import type { EcsDoc, SyslogMessage } from '../../src/core/types.js';
import { communityId } from '../../src/ecs/community-id.js';
import { hashRange, internalized } from '../../src/ecs/key-intern.js';
import {
  getField, ianaNumber, isIp, relatedHost, relatedIp, relatedUser, setField, toInt, transportName,
} from '../../src/ecs/fields.js';
import { shortHeaderTime } from '../cef/header-time.js';
import { readDevTime } from './date-format.js';
import { isoTime as isoMs } from '../../src/ecs/base.js';
import type { VendorContext, VendorParser } from '../../src/core/stages.js';
import { record } from '../../src/core/null-proto.js';

const MARK = 'LEEF:';

export interface LeefEvent {
  version: string;
  vendor: string;
  product: string;
  productVersion: string;
  eventId: string;
  delimiter: string;
  attrs: Record<string, string>;
  /** the keys of `attrs` in insertion order (Object.keys(attrs) without enumerating the dictionary) */
  keys: string[];
  /** a key starting with a digit was added: it may be an array index, which Object.keys lists first */
  indexKey: boolean;
  complete: boolean;
}

/** A LEEF 2.0 delimiter field: one character or `x`/`0x` and 1-4 hex digits. null when it is not one. */
function delimiterOf(f: string): string | null {
  if (f.length === 1) return f;
  const m = /^(?:0x|x|0X|X)([0-9A-Fa-f]{1,4})$/.exec(f);
  if (m) return String.fromCharCode(parseInt(m[1]!, 16));
  return null;
}

function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function unescape(v: string, delim: string): string {
  if (v.indexOf('\\') < 0) return v;
  let out = '';
  let chunk = 0;
  for (let i = 0; i < v.length - 1; i++) {
    if (v.charCodeAt(i) !== 92) continue;
    const e = v[i + 1]!;
    if (e !== '=' && e !== '\\' && e !== delim && e !== '|') continue;
    out += v.slice(chunk, i) + e;
    i++;
    chunk = i + 1;
  }
  return out + v.slice(chunk);
}

/**
 * Keys by their raw text `[a, eq)`, trimmed, one internalized string each: a direct-mapped table by
 * hash of the characters (the same keys come on every line; a fresh slice as a property name has to
 * be looked up in the string table first).
 */
const KEY_SLOTS = 1024;
/** longer raw keys are not cached (the table would keep them alive) */
const MAX_CACHED_KEY = 64;
const rawKeys: string[] = new Array<string>(KEY_SLOTS).fill('');
const trimmedKeys: string[] = new Array<string>(KEY_SLOTS).fill('');

function keyOf(s: string, a: number, b: number): string {
  if (b - a > MAX_CACHED_KEY) return s.slice(a, b).trim();
  const slot = hashRange(s, a, b) & (KEY_SLOTS - 1);
  const raw = rawKeys[slot]!;
  if (raw.length === b - a && s.startsWith(raw, a)) return trimmedKeys[slot]!;
  const rawKey = s.slice(a, b);
  trimmedKeys[slot] = internalized(rawKey.trim());
  rawKeys[slot] = rawKey;
  return trimmedKeys[slot]!;
}

function addAttr(ev: LeefEvent, s: string, a: number, b: number, delim: string): void {
  // the `=` within this attribute only: indexOf would scan on to the end of the message for every
  // attribute without one (quadratic: 64 KiB of tabs took 27-52 ms)
  let eq = a;
  while (eq < b && s.charCodeAt(eq) !== 61) eq++;
  if (eq === a || eq === b) return;
  const key = keyOf(s, a, eq);
  const attrs = ev.attrs;
  if (key === '' || key in attrs) return;
  const value = unescape(s.slice(eq + 1, b), delim).trim();
  if (value !== '') {
    attrs[key] = value;
    ev.keys.push(key);
    const c = key.charCodeAt(0);
    if (c >= 48 && c <= 57) ev.indexKey = true;
  }
}

/** Splits the attributes on the delimiter (an escaped delimiter `\D` does not split). */
function splitOn(s: string, start: number, delim: string, ev: LeefEvent): void {
  const n = s.length;
  const dl = delim.length;
  let a = start;
  let p = s.indexOf(delim, a);
  while (p >= 0) {
    if (p > 0 && s.charCodeAt(p - 1) === 92 && dl === 1) {
      p = s.indexOf(delim, p + dl);
      continue;
    }
    addAttr(ev, s, a, p, delim);
    a = p + dl;
    p = s.indexOf(delim, a);
  }
  if (a < n) addAttr(ev, s, a, n, delim);
}

/** Attributes without their delimiter (relays that turned tabs into spaces): a key starts at ` word=`. */
function splitOnKeys(s: string, start: number, ev: LeefEvent): void {
  const n = s.length;
  let a = start;
  while (a < n && s.charCodeAt(a) === 32) a++;
  let q = a;
  while (q < n) {
    if (s.charCodeAt(q) !== 32) { q++; continue; }
    let k = q + 1;
    while (k < n && s.charCodeAt(k) === 32) k++;
    let e = k;
    if (e < n && isKeyStart(s.charCodeAt(e))) {
      while (e < n) {
        const c = s.charCodeAt(e);
        if (!(isKeyStart(c) || c === 46 || c === 45)) break;
        e++;
      }
    }
    if (e > k && s.charCodeAt(e) === 61) {
      addAttr(ev, s, a, q, ' ');
      a = k;
    }
    q = k;
  }
  if (a < n) addAttr(ev, s, a, n, ' ');
}

/** Decodes the LEEF message at `start` (the `L` of `LEEF:`); null when it is not a LEEF header. */
export function decodeLeef(s: string, start: number): LeefEvent | null {
  if (!s.startsWith(MARK, start)) return null;
  const fields: string[] = [];
  let p = start + MARK.length;
  let a = p;
  while (fields.length < 5) {
    p = s.indexOf('|', a);
    if (p < 0) break;
    fields.push(s.slice(a, p));
    a = p + 1;
  }
  const version = fields[0] ?? s.slice(start + MARK.length, Math.min(s.length, start + MARK.length + 8));
  if (!/^\d/.test(version)) return null;
  const ev: LeefEvent = {
    version, vendor: fields[1] ?? '', product: fields[2] ?? '', productVersion: fields[3] ?? '', eventId: fields[4] ?? '',
    delimiter: '\t', attrs: Object.create(null) as Record<string, string>, keys: [], indexKey: false,
    complete: fields.length === 5,
  };
  if (!ev.complete) return ev;
  let body = a;
  if (version.charCodeAt(0) >= 50) {
    // LEEF 2.x: a delimiter field, when the next `|` closes a short field
    const bar = s.indexOf('|', body);
    if (bar >= 0 && bar - body <= 6) {
      const f = s.slice(body, bar);
      const d = f === '' ? '\t' : delimiterOf(f);
      if (d !== null) {
        ev.delimiter = d;
        body = bar + 1;
      }
    }
  }
  const d = ev.delimiter;
  if (s.indexOf(d, body) >= 0) splitOn(s, body, d, ev);
  else if (d === '\t' && s.indexOf('#011', body) >= 0) splitOn(s, body, '#011', ev); // rsyslog-escaped tabs
  else splitOnKeys(s, body, ev);
  return ev;
}

function num(v: string | undefined): number | undefined {
  return v === undefined ? undefined : toInt(v);
}

function mac(v: string | undefined): string | undefined {
  if (v === undefined || !/^[0-9A-Fa-f]{2}([:.-]?[0-9A-Fa-f]{2}){5}$/.test(v)) return undefined;
  const hex = v.replace(/[:.-]/g, '').toUpperCase();
  return hex.match(/../g)!.join('-');
}

function truthy(v: string | undefined): boolean {
  return v !== undefined && /^(?:true|yes|1)$/i.test(v);
}

/** LEEF attributes -> ECS. */
export function leefToEcs(ev: LeefEvent, doc: EcsDoc, ctx: VendorContext): void {
  const x = ev.attrs;
  const leef: EcsDoc = { version: ev.version };
  const device: EcsDoc = {};
  if (ev.vendor !== '') device.vendor = ev.vendor;
  if (ev.product !== '') device.product = ev.product;
  if (ev.productVersion !== '') device.version = ev.productVersion;
  if (Object.keys(device).length) leef.device = device;
  if (ev.eventId !== '') leef.event_id = ev.eventId;
  if (ev.delimiter !== '\t') leef.delimiter = ev.delimiter;
  const keys = ev.indexKey ? Object.keys(x) : ev.keys;
  if (keys.length) {
    const ext: EcsDoc = record();
    for (const k of keys) ext[k] = x[k];
    leef.extensions = ext;
  }
  doc.leef = leef;

  setField(doc, 'observer.vendor', ev.vendor);
  setField(doc, 'observer.product', ev.product);
  setField(doc, 'observer.version', ev.productVersion);
  setField(doc, 'event.code', ev.eventId);
  setField(doc, 'event.kind', 'event');

  const src = x.src ?? x.srcPreNAT;
  const dst = x.dst ?? x.dstPreNAT;
  if (isIp(src)) setField(doc, 'source.ip', src);
  if (isIp(dst)) setField(doc, 'destination.ip', dst);
  setField(doc, 'source.port', num(x.srcPort ?? x.srcPreNATPort));
  setField(doc, 'destination.port', num(x.dstPort ?? x.dstPreNATPort));
  if (isIp(x.srcPostNAT) && x.srcPostNAT !== src) setField(doc, 'source.nat.ip', x.srcPostNAT);
  if (isIp(x.dstPostNAT) && x.dstPostNAT !== dst) setField(doc, 'destination.nat.ip', x.dstPostNAT);
  setField(doc, 'source.nat.port', num(x.srcPostNATPort));
  setField(doc, 'destination.nat.port', num(x.dstPostNATPort));
  setField(doc, 'source.mac', mac(x.srcMAC));
  setField(doc, 'destination.mac', mac(x.dstMAC));
  const sb = num(x.srcBytes), db = num(x.dstBytes);
  setField(doc, 'source.bytes', sb);
  setField(doc, 'destination.bytes', db);
  if (sb !== undefined && db !== undefined) setField(doc, 'network.bytes', sb + db);
  const sp = num(x.srcPackets), dp = num(x.dstPackets);
  setField(doc, 'source.packets', sp);
  setField(doc, 'destination.packets', dp);
  const tp = num(x.totalPackets);
  if (tp !== undefined) setField(doc, 'network.packets', tp);
  else if (sp !== undefined && dp !== undefined) setField(doc, 'network.packets', sp + dp);

  const proto = x.proto;
  let iana: number | undefined;
  if (proto !== undefined) {
    if (/^\d{1,3}$/.test(proto)) {
      iana = Number(proto);
      setField(doc, 'network.transport', transportName(iana));
    } else {
      iana = ianaNumber(proto);
      setField(doc, 'network.transport', proto.toLowerCase());
    }
    if (iana !== undefined) setField(doc, 'network.iana_number', String(iana));
  }

  const user = x.usrName ?? x.accountName;
  if (user !== undefined) {
    setField(doc, 'user.name', user);
    setField(doc, 'source.user.name', user);
  }
  setField(doc, 'user.domain', x.domain);
  setField(doc, 'user.group.name', x.identGrpName);
  setField(doc, 'group.id', x.groupID);
  setField(doc, 'rule.name', x.policy);
  setField(doc, 'url.original', x.url);
  setField(doc, 'host.name', x.identHostName);
  const sev = num(x.sev);
  if (sev !== undefined) setField(doc, 'event.severity', sev);
  if (truthy(x.isLoginEvent)) {
    setField(doc, 'event.category', ['authentication']);
    setField(doc, 'event.type', ['start']);
  } else if (truthy(x.isLogoutEvent)) {
    setField(doc, 'event.category', ['authentication']);
    setField(doc, 'event.type', ['end']);
  }

  const devTime = x.devTime;
  if (devTime !== undefined) {
    const t = readDevTime(devTime, x.devTimeFormat, ctx.timezone, ctx.receivedAt);
    if (!Number.isNaN(t.ms)) {
      doc['@timestamp'] = isoMs(t.ms);
      if (!t.hasZone) setField(doc, 'event.timezone', ctx.timezone);
    }
  }

  relatedIp(doc, getField(doc, 'source.ip'));
  relatedIp(doc, getField(doc, 'source.nat.ip'));
  relatedIp(doc, getField(doc, 'destination.ip'));
  relatedIp(doc, getField(doc, 'destination.nat.ip'));
  relatedUser(doc, user);
  relatedHost(doc, x.identHostName);

  const s = getField(doc, 'source.ip'), d = getField(doc, 'destination.ip');
  if (iana !== undefined && isIp(s) && isIp(d)) {
    const spt = getField(doc, 'source.port') as number | undefined;
    const dpt = getField(doc, 'destination.port') as number | undefined;
    const id = iana === 1 || iana === 58 ? communityId(s, d, iana, 0, 0) : communityId(s, d, iana, spt, dpt);
    setField(doc, 'network.community_id', id);
  }
}

export const parser: VendorParser = {
  id: 'leef',
  dataset: 'leef.log',
  samples: [
    '<13>Mar 14 08:00:00 qradar-src LEEF:1.0|Microsoft|MSExchange|2016|15345|src=10.0.2.10\tdst=10.9.100.2\tsev=5\tcat=anomaly\tsrcPort=49152\tdstPort=25\tusrName=joe.black\tproto=TCP',
  ],
  detect(msg: SyslogMessage): boolean {
    return msg.raw.indexOf(MARK) >= 0;
  },
  parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
    const at = msg.raw.indexOf(MARK);
    const ev = at < 0 ? null : decodeLeef(msg.raw, at);
    if (ev === null) return 'parse_header';
    shortHeaderTime(msg, doc, ctx.timezone);
    leefToEcs(ev, doc, ctx);
    return ev.complete ? null : 'parse_header';
  },
};
