/**
 * Check Point Log Exporter's syslog body: `[key:"value"; key:"value"; ...]` (some fields are written
 * `key::"value"`), or, from other exporters, `[SD-ID key="value" key="value"]`. Read the way Elastic's
 * pipeline reads them: pairs end at `"; ` (or `" ` for the `=` form), the key ends at the first
 * `:`/`::`/`=` between a letter and a quote, one leading and one trailing quote/bracket is stripped
 * from the value. Keys are lower-cased; a repeated key collects its values in an array.
 */
import { hashRange, internalized } from '../../src/ecs/key-intern.js';

export type CpKv = Record<string, string | string[]>;

const EXCLUDED = new Set(['flags', 'layer_uuid', '__policy_id_tag', 'version', 'rounded_bytes', 'db_tag', 'update_service']);
const EXCLUDED_EQ = new Set(['ProductName', 'ProductFamily', 'UP_match_table', 'ROW_END']);

/** a key's last character: Elastic's pattern asks for a letter; digits are taken too (`file_md5:"..."`) */
function isKeyEnd(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function cleanValue(s: string, a: number, b: number): string {
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  const c0 = s.charCodeAt(a);
  if (a < b && (c0 === 34 || c0 === 39 || c0 === 40 || c0 === 91 || c0 === 60)) a++;
  const c1 = s.charCodeAt(b - 1);
  if (b > a && (c1 === 34 || c1 === 39 || c1 === 41 || c1 === 93 || c1 === 62)) b--;
  return s.slice(a, b);
}

/**
 * What a raw key `[a, b)` becomes (trimmed, checked against the exclusions, lower-cased), cached in
 * a direct-mapped table by hash of its characters: the same few hundred keys come on every line,
 * and the cached key is an internalized string, so the map lookups skip the string table.
 */
const KEY_SLOTS = 1024;
const rawKeys: string[] = new Array<string>(KEY_SLOTS).fill('');
const keys: string[] = new Array<string>(KEY_SLOTS).fill('');
/** 1: always dropped (empty or EXCLUDED), 2: dropped in the `=` form (EXCLUDED_EQ) */
const keyFlags = new Uint8Array(KEY_SLOTS);

function keySlot(s: string, a: number, b: number): number {
  const slot = hashRange(s, a, b) & (KEY_SLOTS - 1);
  const raw = rawKeys[slot]!;
  if (raw.length === b - a && raw.length !== 0 && s.startsWith(raw, a)) return slot;
  const rawKey = s.slice(a, b);
  const key0 = rawKey.trim();
  keyFlags[slot] = key0 === '' || EXCLUDED.has(key0) ? 1 : EXCLUDED_EQ.has(key0) ? 2 : 0;
  keys[slot] = internalized(key0.toLowerCase());
  rawKeys[slot] = rawKey;
  return slot;
}

/** longer raw keys are not cached (the table would keep them alive) */
const MAX_CACHED_KEY = 64;

function addAt(out: CpKv, s: string, a: number, b: number, value: string, eqForm: boolean): void {
  if (b - a > MAX_CACHED_KEY) {
    const key0 = s.slice(a, b).trim();
    if (key0 === '' || EXCLUDED.has(key0) || (eqForm && EXCLUDED_EQ.has(key0))) return;
    put(out, key0.toLowerCase(), value);
    return;
  }
  const slot = keySlot(s, a, b);
  const f = keyFlags[slot];
  if (f === 1 || (eqForm && f === 2)) return;
  put(out, keys[slot]!, value);
}

function put(out: CpKv, key: string, value: string): void {
  const prev = out[key];
  if (prev === undefined) out[key] = value;
  else if (Array.isArray(prev)) prev.push(value);
  else out[key] = [prev, value];
}

/**
 * Splits one pair `[a, b)` at the first separator `sep` (`:` run of 1-2, or `=`) that follows a
 * letter and precedes a quote. Returns the index of the separator's first char and sets `sepLen`.
 */
let sepLen = 0;
function splitPair(s: string, a: number, b: number, colon: boolean): number {
  const ch = colon ? ':' : '=';
  let i = s.indexOf(ch, a);
  while (i >= 0 && i < b) {
    if (i > a && isKeyEnd(s.charCodeAt(i - 1))) {
      let j = i + 1;
      if (colon && s.charCodeAt(j) === 58) j++;
      if (s.charCodeAt(j) === 34) {
        sepLen = j - i;
        return i;
      }
    }
    i = s.indexOf(ch, i + 1);
  }
  return -1;
}

function scan(s: string, a: number, b: number, colon: boolean, out: CpKv): number {
  const delim = colon ? '"; ' : '" ';
  let count = 0;
  let p = a;
  while (p < b) {
    let end = s.indexOf(delim, p);
    if (end < 0 || end >= b) end = b;
    else end += 1; // the quote belongs to the pair
    const sep = splitPair(s, p, end, colon);
    if (sep >= 0) {
      addAt(out, s, p, sep, cleanValue(s, sep + sepLen, end), !colon);
      count++;
    }
    p = end + (end < b ? delim.length - 1 : 0);
  }
  return count;
}

/** Reads the pairs of the body between `[a, b)` (the brackets excluded). */
export function parseCpBody(s: string, a: number, b: number): CpKv {
  const out = Object.create(null) as CpKv;
  if (scan(s, a, b, true, out) > 0) return out;
  // `SD-ID key="value" ...`: drop the first token
  let p = a;
  while (p < b && s.charCodeAt(p) !== 32) p++;
  if (p < b) {
    while (p < b && s.charCodeAt(p) === 32) p++;
  } else p = a;
  scan(s, p, b, false, out);
  return out;
}

/**
 * Reads the Log Exporter "splunk" body `key=value|key=value|...` between `[a, b)`: pairs end at an
 * unescaped `|`, the key at the first `=`; `\=`, `\|` and `\\` are unescaped in values.
 */
export function parseCpPipes(s: string, a: number, b: number): CpKv {
  const out = Object.create(null) as CpKv;
  let p = a;
  while (p < b) {
    let end = p;
    while (end < b && s.charCodeAt(end) !== 124) end += s.charCodeAt(end) === 92 ? 2 : 1;
    if (end > b) end = b;
    const eq = s.indexOf('=', p);
    if (eq > p && eq < end) addAt(out, s, p, eq, unescapePipe(s.slice(eq + 1, end)), true);
    p = end + 1;
  }
  return out;
}

function unescapePipe(v: string): string {
  if (v.indexOf('\\') < 0) return v;
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 92 && i + 1 < v.length) {
      const n = v.charCodeAt(i + 1);
      if (n === 61 || n === 124 || n === 92) {
        out += v[i + 1];
        i++;
        continue;
      }
    }
    out += v[i];
  }
  return out;
}
