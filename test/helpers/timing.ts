/**
 * Time of a piece of work for the adversarial-input (ReDoS) tests, in CPU milliseconds of this
 * process rather than wall time: on a loaded machine (CI runs Elasticsearch and other test files
 * beside these, on 2 cores) a call of a few milliseconds is often preempted, one of half a
 * millisecond seldom, and preemption is not parse time. bestMs makes one untimed call first (JIT
 * and first-call costs are not the parser's), then takes the best of three. Catastrophic
 * backtracking on 64 KiB takes seconds or more, so a bound of tens of milliseconds still tells
 * linear from not. Jest runs the code in a vm context, where a global (`Math`, `Number`, ...) read
 * inside a hot loop goes through an interceptor at 150-250 ns a time: such a loop runs tens of
 * times slower here than in production (fortinet's key scan with `Math.imul`: 20 ms against 0.6 ms
 * on 64 KiB), so a slow figure here is worth a look in plain node before it is called an
 * algorithm's.
 */

/** CPU milliseconds of this process so far (user + system). */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function bestMs(work: () => unknown, rounds = 3): number {
  work();
  let best = Infinity;
  for (let k = 0; k < rounds; k++) {
    const t0 = cpuMs();
    work();
    best = Math.min(best, cpuMs() - t0);
  }
  return best;
}
