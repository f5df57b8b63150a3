/**
 * Deterministic pseudo-random integers for tests that try many generated inputs: `rnd(n)` is in
 * [0, n). The same linear congruential sequence the tests used inline (their inputs are unchanged).
 */
export function seededRandom(seed: number): (n: number) => number {
  let s = seed;
  return (n: number): number => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}
