/** Token bucket per sender: burst, refill at the rate, per-sender independence, pause-mode debt. */
import { RateLimiter } from '../../../src/sources/rate-limit.js';

describe('RateLimiter', () => {
  test('none configured: no limiter', () => {
    expect(RateLimiter.from(undefined)).toBeNull();
  });

  test('drop mode: burst, then the rate', () => {
    const l = RateLimiter.from({ events_per_s: 10, burst: 5 })!;
    const t0 = 1_000_000;
    let ok = 0;
    for (let i = 0; i < 20; i++) if (l.allow('10.0.0.1', t0)) ok++;
    expect(ok).toBe(5);
    // 1 s later: 10 more tokens, capped at the burst of 5
    ok = 0;
    for (let i = 0; i < 20; i++) if (l.allow('10.0.0.1', t0 + 1000)) ok++;
    expect(ok).toBe(5);
    // 100 ms later: one token
    expect(l.allow('10.0.0.1', t0 + 1100)).toBe(true);
    expect(l.allow('10.0.0.1', t0 + 1100)).toBe(false);
    // another sender has its own bucket
    expect(l.allow('10.0.0.2', t0 + 1100)).toBe(true);
  });

  test('over a long run the rate holds', () => {
    const l = RateLimiter.from({ events_per_s: 100 })!;
    let ok = 0;
    // 1000 events/s offered for 10 s
    for (let ms = 0; ms < 10_000; ms++) if (l.allow('a', 5_000_000 + ms)) ok++;
    expect(ok).toBeGreaterThanOrEqual(1000);
    expect(ok).toBeLessThanOrEqual(1100); // 10 s x 100/s + the burst
    expect(l.burst).toBe(100);
    expect(l.tcpAction).toBe('pause');
  });

  test('pause mode: debt turns into a wait', () => {
    const l = RateLimiter.from({ events_per_s: 10, burst: 2, tcp_action: 'pause' })!;
    const t0 = 2_000_000;
    expect(l.charge('s', t0)).toBe(0);
    expect(l.charge('s', t0)).toBe(0);
    expect(l.charge('s', t0)).toBe(100); // one in debt: 100 ms at 10/s
    expect(l.charge('s', t0)).toBe(200);
    expect(l.charge('s', t0 + 200)).toBe(100);
  });
});
