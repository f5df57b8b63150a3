/**
 * Sophos XG / SFOS key=value splitter. Values are not reliably quoted (`device_id=C4431 P29PUA`,
 * `ether_type=Unknown (0x0000)`), so, like Elastic's kv processor for this family, a value runs up
 * to the next space that is followed by `key=` (key characters `[A-Za-z0-9_-]`); surrounding double
 * quotes are trimmed. Keys are lower-cased (`clients_conn_SSID`, disk `Configuration=`). One
 * linear pass; a repeated key keeps its first value.
 */
import type { KvMap } from '../../src/ecs/kv.js';
import { internalized } from '../../src/ecs/key-intern.js';

function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

/** hash of the lower-cased characters of the run keyEnd last read (for internKey) */
let keyHash = 0;

/** End of a `key=` run starting at i (index of `=`), or -1. */
function keyEnd(s: string, i: number): number {
  let p = i;
  let h = 0;
  while (p < s.length) {
    let c = s.charCodeAt(p);
    if (!isKeyChar(c)) break;
    if (c >= 65 && c <= 90) c += 32;
    h = ((h << 5) - h + c) | 0; // hashRange's step (src/ecs/key-intern.ts)
    p++;
  }
  keyHash = h;
  return p > i && p < s.length && s.charCodeAt(p) === 61 ? p : -1;
}

function trimQuotes(v: string): string {
  let a = 0, b = v.length;
  while (a < b && v.charCodeAt(a) === 34) a++;
  while (b > a && v.charCodeAt(b - 1) === 34) b--;
  return a === 0 && b === v.length ? v : v.slice(a, b);
}

export function splitSophos(s: string, start = 0): KvMap {
  return scan(s, start, null);
}

/**
 * One string per distinct key: a direct-mapped table by hash of the lower-cased key characters,
 * so a line's keys are not sliced and lower-cased again and property lookups with them meet an
 * internalized name (a fresh string has to be looked up in the string table first).
 */
const KEY_SLOTS = 1024;
/** longer keys are not cached (the table would keep them alive) */
const MAX_CACHED_KEY = 64;
const keyTable: string[] = new Array<string>(KEY_SLOTS).fill('');

/** s.slice(a, b).toLowerCase() for key characters `[A-Za-z0-9_-]`; `h` is keyEnd's hash of them. */
function internKey(s: string, a: number, b: number, h: number): string {
  if (b - a > MAX_CACHED_KEY) return s.slice(a, b).toLowerCase();
  // two candidate slots per key, so two keys of a line that share one do not evict each other
  // on every line
  const first = h & (KEY_SLOTS - 1);
  const k1 = keyTable[first]!;
  if (sameKey(s, a, b, k1)) return k1;
  const second = ((h >>> 10) ^ (h >>> 20) ^ 1) & (KEY_SLOTS - 1);
  const k2 = keyTable[second]!;
  if (sameKey(s, a, b, k2)) return k2;
  const key = internalized(s.slice(a, b).toLowerCase());
  keyTable[k1 === '' || k2 !== '' ? first : second] = key;
  return key;
}

/** True when s[a, b) lower-cased is k. */
function sameKey(s: string, a: number, b: number, k: string): boolean {
  if (k.length !== b - a) return false;
  if (s.startsWith(k, a)) return true; // written lower-case
  for (let i = 0; i < k.length; i++) {
    let c = s.charCodeAt(a + i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== k.charCodeAt(i)) return false;
  }
  return true;
}

/** Keys whose first value was empty, for the duplicate check of splitSophosNonEmpty (reused). */
const emptyKeys: string[] = [];

/**
 * splitSophos less the pairs whose value is empty (`''`, `-`, `N/A`): those keys are left out (a
 * later repeat of such a key still loses to the first). `order` receives the kept keys in line
 * order.
 */
export function splitSophosNonEmpty(s: string, order: string[]): KvMap {
  order.length = 0;
  return scan(s, 0, order);
}

function isEmptyValue(v: string): boolean {
  const n = v.length;
  return n === 0 || (n === 1 && v.charCodeAt(0) === 45) || (n === 3 && v === 'N/A');
}

function scan(s: string, start: number, order: string[] | null): KvMap {
  const out: KvMap = Object.create(null) as KvMap;
  if (order !== null) emptyKeys.length = 0;
  const n = s.length;
  let p = start;
  // first key: skip anything before it
  let eq = -1;
  while (p < n) {
    eq = keyEnd(s, p);
    if (eq >= 0) break;
    const sp = s.indexOf(' ', p);
    if (sp < 0) return out;
    p = sp + 1;
  }
  while (p < n && eq >= 0) {
    // keyHash is still that of this key: the keyEnd call that found it was the last one
    const key = order === null ? s.slice(p, eq).toLowerCase() : internKey(s, p, eq, keyHash);
    const vStart = eq + 1;
    let q = vStart;
    let nextKey = -1, nextEq = -1;
    while (q < n) {
      const sp = s.indexOf(' ', q);
      if (sp < 0) break;
      const e = keyEnd(s, sp + 1);
      if (e >= 0) {
        nextKey = sp + 1;
        nextEq = e;
        q = sp;
        break;
      }
      q = sp + 1;
    }
    const vEnd = nextKey >= 0 ? q : n;
    if (order === null) {
      if (!(key in out)) out[key] = trimQuotes(s.slice(vStart, vEnd));
    } else if (!(key in out) && (emptyKeys.length === 0 || emptyKeys.indexOf(key) < 0)) {
      const v = trimQuotes(s.slice(vStart, vEnd));
      if (isEmptyValue(v)) emptyKeys.push(key);
      else {
        out[key] = v;
        order.push(key);
      }
    }
    if (nextKey < 0) break;
    p = nextKey;
    eq = nextEq;
  }
  return out;
}
