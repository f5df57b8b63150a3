/**
 * Helpers of the vendor parsers' key tables (direct-mapped by a hash of the key's characters, so
 * that property lookups meet one internalized name per key instead of a fresh slice every line).
 */

/**
 * h * 31 + c over s[a, b), in int32. By shifts rather than Math.imul: the same values, and no
 * global lookup per character, which is slow where globals go through an interceptor (a vm
 * context, as under jest: 64 KiB through fortinet's scan took 20 ms there with Math.imul, 0.6 ms
 * without). Scanners that hash while they read use the same step, `h = ((h << 5) - h + c) | 0`.
 */
export function hashRange(s: string, a: number, b: number): number {
  let h = 0;
  for (let i = a; i < b; i++) h = ((h << 5) - h + s.charCodeAt(i)) | 0;
  return h;
}

/** The internalized copy of a key (what V8 keeps as a property name), `__proto__` included. */
export function internalized(key: string): string {
  const tmp = Object.create(null) as Record<string, number>;
  tmp[key] = 0;
  return Object.keys(tmp)[0]!;
}
