/**
 * CEF decoder: `CEF:Version|Device Vendor|Device Product|Device Version|Signature ID|Name|Severity|Extension`.
 * Header fields are split on unescaped `|` (`\|` and `\\` unescaped). The extension is a list of
 * `key=value` pairs separated by a space; a value runs until the next ` key=` (so values may hold
 * spaces), `\=`, `\\`, `\n`, `\r` are unescaped. Known keys are renamed to their full names and
 * typed (numbers, IPs, MACs, timestamps) as Elastic's decoder does; a value that does not convert
 * is dropped and reported in `errors`. One linear pass by charCodeAt.
 */
import { isIp } from '../../src/ecs/fields.js';
import { hashRange, internalized } from '../../src/ecs/key-intern.js';
import { read3164Stamp, stamp } from '../../src/syslog/timestamp.js';
import { CEF_KEYS, CefType, type CefKey } from './keys.js';
import { isoTime as isoMs } from '../../src/ecs/base.js';

export interface CefEvent {
  version: number;
  vendor: string;
  product: string;
  deviceVersion: string;
  classId: string;
  name: string;
  severity: string;
  /** full extension name -> converted value (string, number) */
  ext: Record<string, string | number>;
  /** raw key as written -> raw value (unknown keys too), for vendor mappings that read short keys */
  raw: Record<string, string>;
  /** the keys of `ext` in insertion order (Object.keys(ext) without enumerating the dictionary) */
  extKeys: string[];
  /** an unknown key starting with a digit was added: it may be an array index, which Object.keys lists first */
  extIndexKey: boolean;
  /** conversion errors (the key was dropped) */
  errors: string[];
  /** true when all seven header fields were present */
  complete: boolean;
}

function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 44 ||
    c === 91 || c === 93;
}

/** Index of `=` of a key starting at i, or -1 when no key starts there. */
function keyAt(s: string, i: number, n: number): number {
  const c0 = s.charCodeAt(i);
  if (!((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || (c0 >= 48 && c0 <= 57) || c0 === 95)) return -1;
  let p = i + 1;
  while (p < n && isKeyChar(s.charCodeAt(p))) p++;
  return p < n && s.charCodeAt(p) === 61 ? p : -1;
}

function unescapeValue(v: string): string {
  if (v.indexOf('\\') < 0) return v;
  let out = '';
  let chunk = 0;
  for (let i = 0; i < v.length - 1; i++) {
    if (v.charCodeAt(i) !== 92) continue;
    const e = v.charCodeAt(i + 1);
    let rep: string | null = null;
    if (e === 92 || e === 61 || e === 124) rep = v[i + 1]!;
    else if (e === 110) rep = '\n';
    else if (e === 114) rep = '\r';
    if (rep === null) continue;
    out += v.slice(chunk, i) + rep;
    i++;
    chunk = i + 1;
  }
  return out + v.slice(chunk);
}

function unescapeHeader(v: string): string {
  if (v.indexOf('\\') < 0) return v;
  let out = '';
  let chunk = 0;
  for (let i = 0; i < v.length - 1; i++) {
    if (v.charCodeAt(i) !== 92) continue;
    const e = v.charCodeAt(i + 1);
    if (e !== 92 && e !== 124) continue;
    out += v.slice(chunk, i) + v[i + 1]!;
    i++;
    chunk = i + 1;
  }
  return out + v.slice(chunk);
}

/** Integer as Go's strconv.ParseInt(v, 0, bits) reads it (decimal, 0x hex, leading sign). */
function parseInteger(v: string, bits: 32 | 64): number | undefined {
  if (!/^[+-]?(?:0[xX][0-9a-fA-F]{1,16}|\d{1,19})$/.test(v)) return undefined;
  let n: number;
  const neg = v.charCodeAt(0) === 45;
  const body = v.charCodeAt(0) === 45 || v.charCodeAt(0) === 43 ? v.slice(1) : v;
  if (body.length > 2 && (body[1] === 'x' || body[1] === 'X')) n = parseInt(body.slice(2), 16);
  else if (body.length > 1 && body[0] === '0') n = parseInt(body, 8); // Go base-0: leading 0 is octal
  else n = parseInt(body, 10);
  if (Number.isNaN(n)) return undefined;
  if (neg) n = -n;
  const lim = bits === 32 ? 2147483647 : Number.MAX_SAFE_INTEGER;
  if (n > lim || n < -lim - 1) return undefined;
  return n;
}

function parseMac(v: string): string | undefined {
  let hex = v;
  if (v.length === 12 || v.length === 16) {
    if (!/^[0-9a-fA-F]+$/.test(v)) return undefined;
  } else {
    if (v.length > 23) return undefined;
    const parts = v.split(/[:-]/);
    if (parts.length !== 6 && parts.length !== 8) {
      // Cisco dotted form aabb.ccdd.eeff
      const dotted = v.split('.');
      if ((dotted.length !== 3 && dotted.length !== 4) || dotted.some((p) => !/^[0-9a-fA-F]{4}$/.test(p))) return undefined;
      hex = dotted.join('');
    } else {
      if (parts.some((p) => !/^[0-9a-fA-F]{2}$/.test(p))) return undefined;
      hex = parts.join('');
    }
  }
  hex = hex.toLowerCase();
  let out = '';
  for (let i = 0; i < hex.length; i += 2) out += (i ? ':' : '') + hex.slice(i, i + 2);
  return out;
}

/** CEF timestamps: epoch milliseconds or `MMM dd [yyyy] HH:mm:ss[.SSS] [zone]`; ISO string or undefined. */
export function parseCefTime(v: string, tz: string, receivedAt: number): string | undefined {
  const c = v.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 45) {
    const n = parseInteger(v, 64);
    if (n !== undefined) return isoMs(n);
  }
  if (v.length > 64) return undefined;
  const end = read3164Stamp(v, 0, tz, receivedAt);
  if (end < 0) return undefined;
  // only trailing spaces may remain
  for (let i = end; i < v.length; i++) if (v.charCodeAt(i) !== 32) return undefined;
  // the shared scanner leaves its reading in `stamp`
  return stampIso();
}

function stampIso(): string | undefined {
  return Number.isNaN(stamp.ms) ? undefined : isoMs(stamp.ms);
}

function convert(v: string, type: CefType, tz: string, receivedAt: number): string | number | undefined {
  switch (type) {
    case CefType.String: return v;
    case CefType.Integer: return parseInteger(v, 32);
    case CefType.Long: return parseInteger(v, 64);
    case CefType.Float:
    case CefType.Double: {
      if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(v) || v.length > 40) return undefined;
      return Number(v);
    }
    case CefType.Ip: return isIp(v) ? v : undefined;
    case CefType.Mac: return parseMac(v);
    case CefType.Timestamp: return parseCefTime(v, tz, receivedAt);
    default: return v;
  }
}

/**
 * Decodes the CEF message starting at `start` (the `C` of `CEF:`). Returns null when the text there
 * is not a CEF header.
 */
export function decodeCef(s: string, start: number, tz: string, receivedAt: number): CefEvent | null {
  if (!s.startsWith('CEF:', start)) return null;
  let p = start + 4;
  const n = s.length;
  let version = 0, nd = 0;
  while (p < n && nd < 3) {
    const c = s.charCodeAt(p);
    if (c < 48 || c > 57) break;
    version = version * 10 + c - 48;
    p++;
    nd++;
  }
  if (nd === 0 || s.charCodeAt(p) !== 124) return null;
  p++;
  const header: string[] = [];
  let fieldStart = p;
  let escaped = false;
  while (p < n && header.length < 6) {
    const c = s.charCodeAt(p);
    if (c === 92) {
      p += 2;
      escaped = true;
      continue;
    }
    if (c === 124) {
      const raw = s.slice(fieldStart, p);
      header.push(escaped ? unescapeHeader(raw) : raw);
      escaped = false;
      fieldStart = p + 1;
    }
    p++;
  }
  const complete = header.length === 6;
  if (!complete && fieldStart < n) {
    const raw = s.slice(fieldStart, Math.min(p, n));
    header.push(escaped ? unescapeHeader(raw) : raw);
  }
  const ev: CefEvent = {
    version,
    vendor: header[0] ?? '',
    product: header[1] ?? '',
    deviceVersion: header[2] ?? '',
    classId: header[3] ?? '',
    name: header[4] ?? '',
    severity: header[5] ?? '',
    ext: Object.create(null) as Record<string, string | number>,
    raw: Object.create(null) as Record<string, string>,
    extKeys: [],
    extIndexKey: false,
    errors: [],
    complete,
  };
  if (!complete) return ev;
  parseExtension(s, fieldStart, ev, tz, receivedAt);
  return ev;
}

function parseExtension(s: string, start: number, ev: CefEvent, tz: string, receivedAt: number): void {
  let n = s.length;
  while (n > start && (s.charCodeAt(n - 1) === 32 || s.charCodeAt(n - 1) === 10 || s.charCodeAt(n - 1) === 13)) n--;
  let p = start;
  while (p < n && s.charCodeAt(p) === 32) p++;
  let eq = keyAt(s, p, n);
  if (eq < 0) return;
  for (;;) {
    const slot = keySlot(s, p, eq);
    const key = slot < 0 ? s.slice(p, eq) : slotKeys[slot]!;
    const vStart = eq + 1;
    // value runs to the next ` key=` (an `=` escaped as `\=` never ends a key)
    let q = vStart;
    let nextKey = -1, nextEq = -1;
    while (q < n) {
      const c = s.charCodeAt(q);
      if (c === 92) { q += 2; continue; }
      if (c === 32) {
        let k = q + 1;
        while (k < n && s.charCodeAt(k) === 32) k++;
        const e = keyAt(s, k, n);
        if (e >= 0) {
          nextKey = k;
          nextEq = e;
          break;
        }
        q = k;
        continue;
      }
      q++;
    }
    let vEnd = nextKey >= 0 ? q : n;
    while (vEnd > vStart && s.charCodeAt(vEnd - 1) === 32) vEnd--;
    const value = unescapeValue(s.slice(vStart, Math.min(vEnd, n)));
    addPair(ev, key, slot < 0 ? CEF_KEYS.get(key.toLowerCase()) : slotDefs[slot], value, tz, receivedAt);
    if (nextKey < 0) break;
    p = nextKey;
    eq = nextEq;
  }
}

/**
 * Extension keys as written, one internalized string each, with their dictionary entry: a
 * direct-mapped table by hash of the key characters (the same keys come on every line; a fresh
 * slice as a property name has to be looked up in the string table, and CEF_KEYS again).
 */
const KEY_SLOTS = 1024;
/** longer keys are not cached (the table would keep them alive) */
const MAX_CACHED_KEY = 64;
const slotKeys: string[] = new Array<string>(KEY_SLOTS).fill('');
const slotDefs: (CefKey | undefined)[] = new Array<CefKey | undefined>(KEY_SLOTS).fill(undefined);

/** the table slot of key `[a, b)`, filled on a miss; -1 for a long key */
function keySlot(s: string, a: number, b: number): number {
  if (b - a > MAX_CACHED_KEY) return -1;
  const slot = hashRange(s, a, b) & (KEY_SLOTS - 1);
  const k = slotKeys[slot]!;
  if (k.length === b - a && s.startsWith(k, a)) return slot;
  const key = internalized(s.slice(a, b));
  slotKeys[slot] = key;
  slotDefs[slot] = CEF_KEYS.get(key.toLowerCase());
  return slot;
}

function addPair(ev: CefEvent, key: string, m: CefKey | undefined, value: string, tz: string, receivedAt: number): void {
  if (value === '') return;
  ev.raw[key] = value;
  if (m === undefined) {
    if (ev.ext[key] === undefined) {
      ev.extKeys.push(key);
      const c = key.charCodeAt(0);
      if (c >= 48 && c <= 57) ev.extIndexKey = true;
    }
    ev.ext[key] = value;
    return;
  }
  const v = convert(value, m.type, tz, receivedAt);
  if (v === undefined) {
    ev.errors.push("error in field '" + key + "'");
    return;
  }
  if (ev.ext[m.name] === undefined) ev.extKeys.push(m.name);
  ev.ext[m.name] = v;
}
