/**
 * Retry policy: exponential backoff with jitter, and which outcomes are worth another attempt.
 * Request-level: connection errors, timeouts, 429 and 5xx are retried (bounded by max_retries);
 * 413 splits the batch. Item-level: 429 and 5xx (rejected execution, unavailable shards) are
 * retried; 409 on `create` means the event is already indexed (a replay): success; other 4xx
 * (mapping conflicts, 400) are final and go to the dead-letter store.
 */
import { errors } from '@elastic/elasticsearch';

/** Backoff before attempt `attempt` (1-based): "equal jitter", in [d/2, d] with d = min(max, base * 2^(attempt-1)). */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, rand: () => number = Math.random): number {
  const d = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 40)));
  return Math.round(d / 2 + rand() * (d / 2));
}

export type ItemOutcome = 'ok' | 'duplicate' | 'retry' | 'reject';

export function classifyItem(status: number, errorType: string | undefined): ItemOutcome {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 409 && (errorType === undefined || errorType === 'version_conflict_engine_exception')) return 'duplicate';
  if (status === 429 || status >= 500) return 'retry';
  return 'reject';
}

export type RequestOutcome = 'retry' | 'split' | 'fatal';

export function statusOf(err: unknown): number | undefined {
  if (err instanceof errors.ResponseError) return err.statusCode ?? err.meta?.statusCode ?? undefined;
  const s = (err as { statusCode?: unknown })?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

/** What to do with a bulk request that failed as a whole. */
export function classifyRequestError(err: unknown): RequestOutcome {
  if (
    err instanceof errors.ConnectionError ||
    err instanceof errors.TimeoutError ||
    err instanceof errors.NoLivingConnectionsError ||
    err instanceof errors.RequestAbortedError
  ) return 'retry';
  const status = statusOf(err);
  if (status === undefined) {
    const code = (err as { code?: unknown })?.code;
    // socket-level failures that surface as plain errors
    if (typeof code === 'string' && /^(ECONN|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|UND_ERR)/.test(code)) return 'retry';
    return 'fatal';
  }
  if (status === 413) return 'split';
  if (status === 429 || status === 408 || status >= 500) return 'retry';
  return 'fatal';
}

export function describeError(err: unknown): string {
  if (err instanceof errors.ResponseError) {
    const body = err.meta?.body as { error?: { type?: string; reason?: string } } | string | undefined;
    const e = typeof body === 'object' ? body?.error : undefined;
    if (e?.type) return `HTTP ${err.statusCode}: ${e.type}: ${e.reason ?? ''}`;
    return `HTTP ${err.statusCode}: ${err.message}`;
  }
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** Backoff sleeps that all end at once when the output gives up (shutdown). */
export class Waker {
  private readonly sleeping = new Set<() => void>();
  private stopped = false;

  get cancelled(): boolean {
    return this.stopped;
  }

  /** Resolves after `ms`, or at once when cancelled. */
  sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(t);
        this.sleeping.delete(wake);
        resolve();
      };
      const t = setTimeout(wake, ms);
      this.sleeping.add(wake);
    });
  }

  cancel(): void {
    this.stopped = true;
    for (const wake of [...this.sleeping]) wake();
  }
}
