/**
 * Time of a piece of work for the adversarial-input (ReDoS) tests: one untimed call first (JIT and
 * first-call costs are not the parser's), then the best of three, since the machine is shared and
 * scheduling noise is not parse time. Catastrophic backtracking on 64 KiB takes seconds or more, so
 * a bound of tens of milliseconds still tells linear from not.
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
