/**
 * The FortiOS key=value scan: parseKv (src/ecs/kv.ts) with `keepEscapes`, followed by the `clean`
 * step Elastic applies (keys with characters outside [A-Za-z0-9_] and `N/A` values dropped), in
 * one pass. A repeated key keeps its first value, also when that first value is then dropped.
 * The kept keys travel with the map in line order (`keys`), so the leftover map is copied out
 * without a for-in over a dictionary-mode object.
 */
import type { KvMap } from '../../src/ecs/kv.js';
import { internalized } from '../../src/ecs/key-intern.js';

/** One line's pairs and its kept keys in line order (keys added later go through addKey). */
export interface FortiKv {
  fw: KvMap;
  keys: string[];
}

/** Keys whose first value was `N/A` in the scan under way (scratch, emptied by every scan). */
const blocked: string[] = [];

/**
 * One string per distinct key: a direct-mapped table by hash of the key characters, so property
 * lookups meet an internalized name instead of a fresh slice every line.
 */
const KEY_SLOTS = 1024;
/** longer keys are not cached (the table would keep them alive) */
const MAX_CACHED_KEY = 64;
const keyTable: string[] = new Array<string>(KEY_SLOTS).fill('');

function internKey(s: string, a: number, b: number, h: number): string {
  if (b - a > MAX_CACHED_KEY) return s.slice(a, b);
  const slot = h & (KEY_SLOTS - 1);
  const k = keyTable[slot]!;
  if (k.length === b - a && s.startsWith(k, a)) return k;
  const key = internalized(s.slice(a, b));
  keyTable[slot] = key;
  return key;
}

/**
 * Every character of the line is read by one of the loops below, so a control character
 * (U+0000-U+001F, U+007F) anywhere is seen: then the scan returns null, and the caller strips them
 * and scans again.
 */
export function scanFortiKv(s: string, start = 0): FortiKv | null {
  const out: KvMap = Object.create(null) as KvMap;
  const keys: string[] = [];
  blocked.length = 0;
  let ctl = false;
  const n = s.length;
  let p = start;
  while (p < n) {
    while (p < n && s.charCodeAt(p) === 32) p++;
    const keyStart = p;
    let h = 0;
    let good = true;
    while (p < n) {
      const c = s.charCodeAt(p);
      if (c === 61 || c === 32) break;
      if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)) {
        good = false;
        if (c < 32 || c === 127) ctl = true;
      }
      h = ((h << 5) - h + c) | 0; // hashRange's step (src/ecs/key-intern.ts)
      p++;
    }
    if (p >= n || s.charCodeAt(p) !== 61) continue; // a word without `=`: skip it
    const keyEnd = p;
    p++;
    let vStart: number, vEnd: number;
    if (s.charCodeAt(p) === 34) {
      p++;
      vStart = p;
      while (p < n) {
        const c = s.charCodeAt(p);
        if (c === 92 && p + 1 < n && (s.charCodeAt(p + 1) === 34 || s.charCodeAt(p + 1) === 92)) {
          p += 2;
          continue;
        }
        if (c === 34) break;
        if (c < 32 || c === 127) ctl = true;
        p++;
      }
      vEnd = p;
      p++;
    } else {
      vStart = p;
      while (p < n) {
        const c = s.charCodeAt(p);
        if (c === 32) break;
        if (c < 32 || c === 127) ctl = true;
        p++;
      }
      vEnd = p;
    }
    // an empty key, or one with other characters: dropped, as are its repeats
    if (keyEnd === keyStart || !good) continue;
    const key = internKey(s, keyStart, keyEnd, h);
    if (key in out || (blocked.length !== 0 && blocked.indexOf(key) >= 0)) continue;
    const value = s.slice(vStart, vEnd);
    if (value === 'N/A') blocked.push(key);
    else {
      out[key] = value;
      keys.push(key);
    }
  }
  return ctl ? null : { fw: out, keys };
}

/** Sets a key the scan did not keep (it goes last in `fortinet.firewall`, as in insertion order). */
export function addKey(kv: FortiKv, k: string, v: string): void {
  kv.fw[k] = v;
  kv.keys.push(k);
}
