/**
 * Time of a piece of work for the adversarial-input (ReDoS) tests: one untimed call first (JIT and
 * first-call costs are not the parser's), then the best of three, since the machine is shared and
 * scheduling noise is not parse time. Catastrophic backtracking on 64 KiB takes seconds or more, so
 * a bound of tens of milliseconds still tells linear from not. Jest runs the code in a vm context,
 * where a global (`Math`, `Number`, ...) read inside a hot loop goes through an interceptor at
 * 150-250 ns a time: such a loop runs tens of times slower here than in production (fortinet's key
 * scan with `Math.imul`: 20 ms against 0.6 ms on 64 KiB), so a slow figure here is worth a look in
 * plain node before it is called an algorithm's.
 */
import { performance } from 'node:perf_hooks';

export function bestMs(work: () => unknown, rounds = 3): number {
  work();
  let best = Infinity;
  for (let k = 0; k < rounds; k++) {
    const t0 = performance.now();
    work();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}
