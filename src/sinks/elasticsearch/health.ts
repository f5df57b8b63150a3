/** The output's health as seen from its requests: the last outcome, consecutive failures, disk backlog. */
import type { OutputHealth } from '../../core/stages.js';

export class HealthTracker {
  private consecutiveFailures = 0;
  private lastError: string | null = null;
  lastSuccessAt = 0;
  lastFailureAt = 0;

  success(): void {
    this.consecutiveFailures = 0;
    this.lastError = null;
    this.lastSuccessAt = Date.now();
  }

  failure(reason: string): void {
    this.consecutiveFailures++;
    this.lastError = reason;
    this.lastFailureAt = Date.now();
  }

  /** true while the last request reached Elasticsearch */
  get reachable(): boolean {
    return this.consecutiveFailures === 0;
  }

  get failures(): number {
    return this.consecutiveFailures;
  }

  report(extra: { spilling: boolean; diskBytes: number; queued: number; queueMax: number }): OutputHealth {
    if (this.lastError !== null) {
      return { ok: false, reason: `elasticsearch unreachable or failing (${this.consecutiveFailures} in a row): ${this.lastError}` };
    }
    if (extra.spilling) return { ok: true, reason: `catching up: ${extra.diskBytes} bytes in the disk buffer` };
    if (extra.queued >= extra.queueMax) return { ok: true, reason: `queue full (${extra.queued} events): sources paused` };
    return { ok: true };
  }
}
