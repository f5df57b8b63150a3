/**
 * Open file descriptors against the process limit, sampled once a second (Linux /proc; elsewhere
 * nothing is reported). At the limit, a TCP listener can't accept: libuv then accepts and closes
 * the waiting connections itself (its EMFILE trick) without telling the program, so senders are
 * cut off and no error reaches the listener. /health reports the limit reached (95 % of it or
 * more) within the last FD_WINDOW_MS; a burst shorter than the sampling interval can go unseen.
 * /metrics has the raw figures as `process_open_fds` and `process_max_fds`.
 */
import { readdirSync, readFileSync } from 'node:fs';

export const FD_WINDOW_MS = 60_000;
const HIGH_SHARE = 0.95;

/** The soft `Max open files` of this process; 0 when unknown or unlimited. */
export function openFilesLimit(limitsText?: string): number {
  let text = limitsText;
  if (text === undefined) {
    try {
      text = readFileSync('/proc/self/limits', 'utf8');
    } catch {
      return 0;
    }
  }
  const m = /^Max open files\s+(\S+)/m.exec(text);
  if (m === null || m[1] === 'unlimited') return 0;
  const n = Number(m[1]);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

export class FdPressure {
  /** the limit (0: not watched) */
  readonly limit: number;
  /** when the count last reached the high mark (ms since the epoch; 0: never) */
  lastHighAt = 0;
  /** the highest count seen while high, reset once the window has passed */
  highCount = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(limit = openFilesLimit(), private readonly count: () => number = countOpenFds) {
    this.limit = limit;
  }

  start(intervalMs = 1000): void {
    if (this.limit === 0 || this.timer !== null) return;
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  sample(now = Date.now()): void {
    if (this.limit === 0) return;
    let n: number;
    try {
      n = this.count();
    } catch (e) {
      // listing the descriptors takes one: failing for want of one means the limit is reached
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EMFILE' && code !== 'ENFILE') return;
      n = this.limit;
    }
    if (n >= Math.floor(this.limit * HIGH_SHARE)) {
      if (now - this.lastHighAt >= FD_WINDOW_MS) this.highCount = 0;
      this.lastHighAt = now;
      if (n > this.highCount) this.highCount = n;
    }
  }

  /** Why the process is short of descriptors, or null. */
  problem(now = Date.now()): string | null {
    if (this.lastHighAt === 0 || now - this.lastHighAt >= FD_WINDOW_MS) return null;
    const ago = Math.max(0, Math.round((now - this.lastHighAt) / 1000));
    return `open file descriptors reached ${this.highCount} of the limit ${this.limit} (${ago} s ago): at the limit new TCP connections are closed unaccepted; raise the limit (ulimit -n, systemd LimitNOFILE)`;
  }
}

/** Descriptors open in this process (the directory listing's own one not counted). */
function countOpenFds(): number {
  return readdirSync('/proc/self/fd').length - 1;
}
