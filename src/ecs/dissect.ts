/**
 * A small Elastic-style dissect: `list %{a} %{b} %{}(%{c})` compiled once at module load into a
 * leading literal, the key names and the literal that ends each key. Matching is indexOf per key
 * (first occurrence, as Elastic's dissect does); `%{}` skips; text after the last literal is ignored.
 */

export interface Dissect {
  prefix: string;
  keys: readonly string[];
  /** delimiter after each key ('' = to the end) */
  delims: readonly string[];
}

export function compileDissect(pattern: string): Dissect {
  const keys: string[] = [];
  const delims: string[] = [];
  let p = pattern.indexOf('%{');
  const prefix = p < 0 ? pattern : pattern.slice(0, p);
  while (p >= 0) {
    const close = pattern.indexOf('}', p);
    keys.push(pattern.slice(p + 2, close));
    const next = pattern.indexOf('%{', close + 1);
    delims.push(next < 0 ? pattern.slice(close + 1) : pattern.slice(close + 1, next));
    p = next;
  }
  return { prefix, keys, delims };
}

/**
 * Runs a compiled dissect on s from `from`; fills `out` (values by key, `%{}` dropped) and returns
 * true on a match. `out` is only written on success.
 */
export function runDissect(d: Dissect, s: string, from: number, out: Record<string, string>): boolean {
  if (!s.startsWith(d.prefix, from)) return false;
  let p = from + d.prefix.length;
  const keys = d.keys, delims = d.delims;
  const vals: string[] = [];
  for (let k = 0; k < keys.length; k++) {
    const delim = delims[k]!;
    let end: number;
    if (delim === '') end = s.length;
    else {
      end = s.indexOf(delim, p);
      if (end < 0) return false;
    }
    vals.push(s.slice(p, end));
    p = end + delim.length;
  }
  for (let k = 0; k < keys.length; k++) if (keys[k] !== '') out[keys[k]!] = vals[k]!;
  return true;
}
