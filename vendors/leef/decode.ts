/**
 * The LEEF decoder: header fields, the LEEF 2.0 delimiter field, and the attributes split on the
 * delimiter (or on what relays turned it into), unescaped.
 *   LEEF:1.0|Vendor|Product|Version|EventID|key=value<TAB>key=value...
 *   LEEF:2.0|Vendor|Product|Version|EventID|Delimiter|key=value<D>key=value...
 */
import { hashRange, internalized } from '../../src/ecs/key-intern.js';

export const MARK = 'LEEF:';

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

/**
 * Attributes of a LEEF 1.0 body without a TAB: a relay wrote the tabs as `#011` (rsyslog) or `\t`
 * (two characters), or the device separates them with `|` (Palo Alto's LEEF profile); otherwise a
 * key starts at ` word=`.
 */
function splitTabless(s: string, body: number, ev: LeefEvent): void {
  if (s.indexOf('#011', body) >= 0) return splitOn(s, body, '#011', ev);
  if (s.indexOf('\\t', body) >= 0 && keyAfter(s, s.indexOf('\\t', body) + 2)) return splitOn(s, body, '\\t', ev);
  const bar = s.indexOf('|', body);
  if (bar >= 0 && keyAfter(s, bar + 1)) return splitOn(s, body, '|', ev);
  splitOnKeys(s, body, ev);
}

/** True when a `key=` starts at `i`. */
function keyAfter(s: string, i: number): boolean {
  let e = i;
  while (e < s.length && e - i < 64) {
    const c = s.charCodeAt(e);
    if (!(isKeyStart(c) || c === 46 || c === 45)) break;
    e++;
  }
  return e > i && s.charCodeAt(e) === 61;
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
  else if (d === '\t') splitTabless(s, body, ev);
  else splitOnKeys(s, body, ev);
  return ev;
}

