/**
 * key=value scanner shared by the families that write it (FortiGate, Sophos, SonicWall, Check Point,
 * Meraki...). One pass by charCodeAt: keys are runs of non-space, non-`=` characters; a value is
 * either double-quoted (backslash escapes `\"` and `\\` honoured) or runs to the next separator.
 * Returns a null-prototype object; a repeated key keeps its first value.
 */

export type KvMap = Record<string, string>;

export interface KvOptions {
  /** pair separator, default space */
  pairSep?: number;
  /** key/value separator, default `=` */
  kvSep?: number;
  /** also strip single quotes around values */
  singleQuotes?: boolean;
  /** keep backslash escapes inside quoted values as written (`a\\"b` stays `a\\"b`); they still do not end the value */
  keepEscapes?: boolean;
}

export function parseKv(s: string, start = 0, opts?: KvOptions): KvMap {
  const out: KvMap = Object.create(null) as KvMap;
  const pairSep = opts?.pairSep ?? 32;
  const kvSep = opts?.kvSep ?? 61;
  const single = opts?.singleQuotes ?? false;
  const keep = opts?.keepEscapes ?? false;
  const n = s.length;
  let p = start;
  while (p < n) {
    while (p < n && (s.charCodeAt(p) === pairSep || s.charCodeAt(p) === 32)) p++;
    const keyStart = p;
    while (p < n) {
      const c = s.charCodeAt(p);
      if (c === kvSep || c === pairSep || c === 32) break;
      p++;
    }
    if (p >= n || s.charCodeAt(p) !== kvSep) {
      // a word without `=`: skip it
      continue;
    }
    const key = s.slice(keyStart, p);
    p++;
    let value: string;
    const q = s.charCodeAt(p);
    if (q === 34 || (single && q === 39)) {
      p++;
      let chunk = p;
      value = '';
      while (p < n) {
        const c = s.charCodeAt(p);
        if (c === 92 && p + 1 < n && (s.charCodeAt(p + 1) === q || s.charCodeAt(p + 1) === 92)) {
          if (keep) {
            p += 2;
            continue;
          }
          value += s.slice(chunk, p);
          chunk = p + 1;
          p += 2;
          continue;
        }
        if (c === q) break;
        p++;
      }
      value += s.slice(chunk, p);
      p++;
    } else {
      const vStart = p;
      while (p < n && s.charCodeAt(p) !== pairSep) p++;
      value = s.slice(vStart, p);
      if (pairSep !== 32) value = value.trim();
    }
    if (key !== '' && !(key in out)) out[key] = value;
  }
  return out;
}

/**
 * The body inside a relay's `message repeated N times: [ <body>]` wrapper (the bracket that closes
 * it is no part of the last value); the text as it is when it has none. The wrapper's `: [` comes
 * before the body's first `=`.
 */
export function unwrapRepeated(s: string): string {
  if (s.charCodeAt(s.length - 1) !== 93) return s;
  const open = s.indexOf(': [');
  if (open < 0 || open > s.indexOf('=')) return s;
  return s.slice(open + 3, -1);
}
