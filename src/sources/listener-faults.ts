/**
 * What goes wrong with a listener after it was bound: errors of its socket (a failed accept, a
 * datagram socket error; not EMFILE, which libuv handles itself without reporting it, see
 * http/fd-pressure.ts) and a close that stop() did not ask for. /health reports a listener with
 * an error in the last FAULT_WINDOW_MS, or closed, as failing; /metrics counts the errors
 * (`listener_errors_total`). Logged to stderr at once, then at most once per LOG_INTERVAL_MS with
 * the number since the previous line, so that an accept storm does not flood the log.
 */
export const FAULT_WINDOW_MS = 60_000;
const LOG_INTERVAL_MS = 10_000;

export class ListenerFaults {
  /** errors since the listener was bound */
  errors = 0;
  lastError = '';
  /** ms since the epoch; 0 before the first error */
  lastErrorAt = 0;
  /** the socket closed without stop() asking */
  closed = false;
  private loggedAt = -Infinity;
  private unlogged = 0;

  constructor(
    private readonly name: string,
    private readonly log: (line: string) => void = (line) => void process.stderr.write(line),
  ) {}

  record(err: Error, now = Date.now()): void {
    this.errors++;
    this.lastError = err.message;
    this.lastErrorAt = now;
    this.unlogged++;
    if (now - this.loggedAt >= LOG_INTERVAL_MS) {
      const more = this.unlogged > 1 ? ` (${this.unlogged} errors since the previous report)` : '';
      this.log(`syslog-ecs: ${this.name}: ${err.message}${more}\n`);
      this.loggedAt = now;
      this.unlogged = 0;
    }
  }

  /** The socket closed on its own (not by stop()). */
  closedUnexpectedly(): void {
    if (this.closed) return;
    this.closed = true;
    this.log(`syslog-ecs: ${this.name}: the listening socket closed; no longer receiving\n`);
  }

  /** Why the listener is failing now, or null. */
  problem(now = Date.now()): string | null {
    if (this.closed) return 'closed unexpectedly' + (this.lastError !== '' ? ` (last error: ${this.lastError})` : '');
    if (this.lastErrorAt !== 0 && now - this.lastErrorAt < FAULT_WINDOW_MS) {
      const ago = Math.max(0, Math.round((now - this.lastErrorAt) / 1000));
      return `${this.lastError} (${this.errors} error${this.errors === 1 ? '' : 's'} so far, the last ${ago} s ago)`;
    }
    return null;
  }
}
