/**
 * Marker search for the vendor detectors. `indexOf` of a pattern runs a fast scan for the pattern's
 * first character and compares the rest at each hit, so a marker that starts with a character
 * common in log text (a space, a capital `P` in padding) is slow to rule out: ` [Priority: `
 * stops at every space of a line. `indexOfFrom(s, pattern, k)` looks for the pattern's tail from
 * its k-th character (chosen to start with a rare one: `[`, `_`) and checks the head at each hit:
 * the same answer as `s.indexOf(pattern)`.
 */
export function indexOfFrom(s: string, pattern: string, k: number, tail: string = pattern.slice(k)): number {
  let i = s.indexOf(tail, k);
  while (i >= 0) {
    if (s.startsWith(pattern, i - k)) return i - k;
    i = s.indexOf(tail, i + 1);
  }
  return -1;
}
