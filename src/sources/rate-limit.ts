/**
 * Per-sender rate limits of a listener (`rate_limit: {events_per_s, burst, tcp_action}`): one token
 * bucket per sender address, `burst` tokens deep, refilled at `events_per_s`. Nothing is done per
 * message when no limit is configured (the sources hold null).
 *
 * UDP has no flow control: a datagram over the limit is dropped and counted (`rate_limited`).
 * TCP by default is shaped, not dropped (`tcp_action: pause`): a message over the limit is still
 * taken, the bucket goes into debt and the connection stops being read until the debt is repaid, so
 * TCP flow control pushes back on the device (which buffers, or drops by its own rules and counters).
 * With `tcp_action: drop` TCP behaves like UDP.
 */

export interface RateLimitConfig {
  events_per_s: number;
  /** bucket depth; defaults to events_per_s (one second's worth) */
  burst?: number;
  tcp_action?: 'pause' | 'drop';
}

class Bucket {
  tokens: number;
  last: number;
  constructor(burst: number, now: number) {
    this.tokens = burst;
    this.last = now;
  }
}

const MAX_BUCKETS = 65_536;

export class RateLimiter {
  readonly rate: number;
  readonly burst: number;
  readonly tcpAction: 'pause' | 'drop';
  private readonly buckets = new Map<string, Bucket>();

  constructor(c: RateLimitConfig) {
    this.rate = c.events_per_s;
    this.burst = c.burst ?? c.events_per_s;
    this.tcpAction = c.tcp_action ?? 'pause';
  }

  /** A limiter for a listener's config, or null when it has none. */
  static from(c: RateLimitConfig | undefined): RateLimiter | null {
    return c === undefined || !(c.events_per_s > 0) ? null : new RateLimiter(c);
  }

  private refill(sender: string, now: number): Bucket {
    let b = this.buckets.get(sender);
    if (b === undefined) {
      if (this.buckets.size >= MAX_BUCKETS) {
        // forget the oldest sender: a fresh bucket is what an idle sender would have anyway
        this.buckets.delete(this.buckets.keys().next().value as string);
      }
      b = new Bucket(this.burst, now);
      this.buckets.set(sender, b);
      return b;
    }
    const dt = now - b.last;
    if (dt > 0) {
      b.tokens = Math.min(this.burst, b.tokens + (dt * this.rate) / 1000);
      b.last = now;
    }
    return b;
  }

  /** Drop mode: takes a token when there is one; false means drop (and count `rate_limited`). */
  allow(sender: string, now: number): boolean {
    const b = this.refill(sender, now);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return true;
    }
    return false;
  }

  /**
   * Pause mode: takes a token even when there is none (the bucket goes into debt); returns how
   * many milliseconds the connection should stop reading, 0 when it may go on.
   */
  charge(sender: string, now: number): number {
    const b = this.refill(sender, now);
    b.tokens -= 1;
    return b.tokens >= 0 ? 0 : Math.ceil((-b.tokens * 1000) / this.rate);
  }
}
