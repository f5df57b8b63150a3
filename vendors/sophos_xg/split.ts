/**
 * Sophos XG / SFOS key=value splitter. Values are not reliably quoted (`device_id=C4431 P29PUA`,
 * `ether_type=Unknown (0x0000)`), so, like Elastic's kv processor for this family, a value runs up
 * to the next space that is followed by `key=` (key characters `[A-Za-z0-9_-]`); surrounding double
 * quotes are trimmed. Keys are lower-cased (`clients_conn_SSID`, disk `Configuration=`). One
 * linear pass; a repeated key keeps its first value.
 */
import type { KvMap } from '../../src/ecs/kv.js';

function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

/** End of a `key=` run starting at i (index of `=`), or -1. */
function keyEnd(s: string, i: number): number {
  let p = i;
  while (p < s.length && isKeyChar(s.charCodeAt(p))) p++;
  return p > i && p < s.length && s.charCodeAt(p) === 61 ? p : -1;
}

function trimQuotes(v: string): string {
  let a = 0, b = v.length;
  while (a < b && v.charCodeAt(a) === 34) a++;
  while (b > a && v.charCodeAt(b - 1) === 34) b--;
  return a === 0 && b === v.length ? v : v.slice(a, b);
}

export function splitSophos(s: string, start = 0): KvMap {
  const out: KvMap = Object.create(null) as KvMap;
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
    const key = s.slice(p, eq).toLowerCase();
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
    if (!(key in out)) out[key] = trimQuotes(s.slice(vStart, vEnd));
    if (nextKey < 0) break;
    p = nextKey;
    eq = nextEq;
  }
  return out;
}
