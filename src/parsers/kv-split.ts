/**
 * key=value pairs with separators of any length (`key value - key value`, `k: v; k: v`), the kv
 * step's general case (single-character separators go through src/ecs/kv.ts parseKv). A value that
 * starts with a double quote runs to the closing one (`\"` inside kept as `"`). Keys and values lose
 * the characters of `trimKey` / `trimValue` at both ends. One pass with indexOf; at most `max` pairs.
 */
function trimChars(s: string, chars: string): string {
  if (chars === '') return s;
  let a = 0, b = s.length;
  while (a < b && chars.indexOf(s[a]!) >= 0) a++;
  while (b > a && chars.indexOf(s[b - 1]!) >= 0) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

export function splitKv(s: string, pairSep: string, kvSep: string, trimKey: string, trimValue: string, max: number): [string, string][] {
  const out: [string, string][] = [];
  const n = s.length;
  let p = 0;
  // the next separators at or after p, searched again only once p has passed them: each search
  // starts where the last one ended, so a line costs one pass whatever it holds
  let ks = -2;
  let nextPair = -2;
  while (p < n && out.length < max) {
    if (ks !== -1 && ks < p) ks = s.indexOf(kvSep, p);
    if (ks < 0) break;
    if (nextPair !== -1 && nextPair < p) nextPair = s.indexOf(pairSep, p);
    // a piece without a value separator before the next pair: skipped
    if (nextPair >= 0 && nextPair < ks) {
      p = nextPair + pairSep.length;
      continue;
    }
    const key = trimChars(s.slice(p, ks).trim(), trimKey);
    let v = ks + kvSep.length;
    while (v < n && s.charCodeAt(v) === 32 && kvSep !== ' ') v++;
    let value: string;
    let end: number;
    if (s.charCodeAt(v) === 34) {
      let q = v + 1;
      let text = '';
      let chunk = q;
      while (q < n && s.charCodeAt(q) !== 34) {
        if (s.charCodeAt(q) === 92 && s.charCodeAt(q + 1) === 34) {
          text += s.slice(chunk, q);
          chunk = q + 1;
          q += 2;
          continue;
        }
        q++;
      }
      value = text + s.slice(chunk, q);
      const after = s.indexOf(pairSep, q);
      end = after < 0 ? n : after;
    } else {
      const after = s.indexOf(pairSep, v);
      end = after < 0 ? n : after;
      value = s.slice(v, end).trim();
    }
    value = trimChars(value, trimValue);
    if (key !== '') out.push([key, value]);
    p = end + pairSep.length;
  }
  return out;
}
