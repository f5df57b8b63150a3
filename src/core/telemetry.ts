/**
 * Counters of the loss ledger: per listener and sender, what came in and what became of it.
 * In = written + dead-lettered + dropped (by reason) + in flight. Counters are plain numbers on
 * stable objects, bumped on the hot path without allocation.
 */

export const DROP_REASONS = [
  'oversize', 'queue_full', 'rate_limited', 'not_allowed', 'connection_limit', 'kernel', 'shutdown', 'output_error',
] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export class SenderStats {
  received = 0;
  /** vendor parser recognised and read the message */
  parsed = 0;
  /** vendor family recognised, message not understood */
  unknown = 0;
  /** no vendor family: syslog fields only */
  syslogOnly = 0;
  /** the parser threw (a bug): the event is still written, flagged */
  failed = 0;
  truncated = 0;
  written = 0;
  deadLettered = 0;
  dropped: Record<DropReason, number> = {
    oversize: 0, queue_full: 0, rate_limited: 0, not_allowed: 0, connection_limit: 0, kernel: 0, shutdown: 0, output_error: 0,
  };
  family = '';
  lastSeen = 0;
  constructor(readonly listener: string, readonly sender: string) {}
}

/** Adds one ledger's counters to another's (totals, senders folded into `other`). */
export function addStats(into: SenderStats, s: SenderStats): void {
  into.received += s.received;
  into.parsed += s.parsed;
  into.unknown += s.unknown;
  into.syslogOnly += s.syslogOnly;
  into.failed += s.failed;
  into.truncated += s.truncated;
  into.written += s.written;
  into.deadLettered += s.deadLettered;
  for (const r of DROP_REASONS) into.dropped[r] += s.dropped[r];
  if (s.lastSeen > into.lastSeen) into.lastSeen = s.lastSeen;
}

/** senders counted apart per listener; later ones are counted together as `other` */
const MAX_SENDERS = 10_000;

/** The label value that stands for the values past a bound. */
export const OTHER = 'other';
/** Longest label value taken from the wire (message ids); longer ones count as `other`. */
export const MAX_LABEL_CHARS = 128;
/** Distinct message ids per family in the coverage counts; the rest count as `other`. */
export const MAX_MESSAGE_IDS_PER_FAMILY = 500;
const MAX_COVERAGE_KEYS = 20_000;

/** A message that was not parsed, beside what was extracted from it (for the status page). */
export interface UnparsedSample {
  at: number;
  /** the message as received, cut at SAMPLE_RAW_CHARS */
  raw: string;
  /** the document as JSON, cut at SAMPLE_DOC_CHARS */
  doc: string;
}
export const SAMPLES_PER_SENDER = 5;
const SAMPLE_RAW_CHARS = 2048;
const SAMPLE_DOC_CHARS = 8192;
const MAX_SAMPLED_SENDERS = 1000;

export class Telemetry {
  readonly senders = new Map<string, SenderStats>();
  /** senders counted apart, per listener (a flood of spoofed UDP sources must not use up another listener's) */
  private readonly sendersPerListener = new Map<string, number>();
  /** events by family and message id, parsed vs unknown */
  readonly coverage = new Map<string, { parsed: number; unknown: number }>();
  /** distinct message ids counted per family (bounded: MAX_MESSAGE_IDS_PER_FAMILY) */
  private readonly idsPerFamily = new Map<string, number>();
  /** latest unparsed messages per sender (newest last), for the status page */
  readonly samples = new Map<SenderStats, UnparsedSample[]>();

  /**
   * Keeps a sample of a message whose parse status is not `parsed` (failure path only): the first
   * SAMPLES_PER_SENDER at once, then at most one a second per sender, the oldest pushed out.
   * `now`: epoch ms of the message's receipt (the caller has it: no clock read per message).
   */
  sampleUnparsed(stats: SenderStats, raw: string, doc: unknown, now: number): void {
    let ring = this.samples.get(stats);
    if (ring === undefined) {
      if (this.samples.size >= MAX_SAMPLED_SENDERS) return;
      ring = [];
      this.samples.set(stats, ring);
    } else if (ring.length >= SAMPLES_PER_SENDER) {
      if (now - ring[ring.length - 1]!.at < 1000) return;
      ring.shift();
    }
    let json: string;
    try {
      json = JSON.stringify(doc);
    } catch {
      json = '(not serializable)';
    }
    ring.push({ at: now, raw: raw.slice(0, SAMPLE_RAW_CHARS), doc: json.slice(0, SAMPLE_DOC_CHARS) });
  }

  /** Removes and returns a sender's samples (a parser worker hands them to the main thread with its outcomes). */
  takeSamples(stats: SenderStats): UnparsedSample[] | undefined {
    const ring = this.samples.get(stats);
    if (ring !== undefined) this.samples.delete(stats);
    return ring;
  }

  /** Adds samples taken elsewhere (a parser worker) to a sender's ring, keeping the newest. */
  addSamples(stats: SenderStats, samples: readonly UnparsedSample[]): void {
    let ring = this.samples.get(stats);
    if (ring === undefined) {
      if (this.samples.size >= MAX_SAMPLED_SENDERS) return;
      ring = [];
      this.samples.set(stats, ring);
    }
    ring.push(...samples);
    if (ring.length > SAMPLES_PER_SENDER) ring.splice(0, ring.length - SAMPLES_PER_SENDER);
  }

  stats(listener: string, sender: string): SenderStats {
    const key = listener + '|' + sender;
    let s = this.senders.get(key);
    if (s === undefined) {
      const n = this.sendersPerListener.get(listener) ?? 0;
      if (n >= MAX_SENDERS) {
        const otherKey = listener + '|other';
        s = this.senders.get(otherKey);
        if (s === undefined) {
          s = new SenderStats(listener, 'other');
          this.senders.set(otherKey, s);
        }
        return s;
      }
      s = new SenderStats(listener, sender);
      this.senders.set(key, s);
      this.sendersPerListener.set(listener, n + 1);
    }
    return s;
  }

  countCoverage(family: string, messageId: string, ok: boolean): void {
    const c = this.coverage.get(family + ' ' + messageId) ?? this.newCoverage(family, messageId);
    if (c === null) return;
    if (ok) c.parsed++;
    else c.unknown++;
  }

  /**
   * The counts of a message id not seen yet. Ids are wire text and become /metrics labels: an id
   * longer than MAX_LABEL_CHARS, or past MAX_MESSAGE_IDS_PER_FAMILY distinct ids of its family,
   * is counted under `other`, so hostile ids cannot grow the scrape.
   */
  private newCoverage(family: string, messageId: string): { parsed: number; unknown: number } | null {
    const n = this.idsPerFamily.get(family) ?? 0;
    if (messageId.length > MAX_LABEL_CHARS || n >= MAX_MESSAGE_IDS_PER_FAMILY) {
      const otherKey = family + ' ' + OTHER;
      const o = this.coverage.get(otherKey);
      if (o !== undefined || this.coverage.size >= MAX_COVERAGE_KEYS) return o ?? null;
      const fresh = { parsed: 0, unknown: 0 };
      this.coverage.set(otherKey, fresh);
      return fresh;
    }
    if (this.coverage.size >= MAX_COVERAGE_KEYS) return null;
    this.idsPerFamily.set(family, n + 1);
    const fresh = { parsed: 0, unknown: 0 };
    this.coverage.set(family + ' ' + messageId, fresh);
    return fresh;
  }

  /** Adds coverage counted elsewhere (a parser worker): [family + ' ' + message id, parsed, unknown]. */
  addCoverage(entries: readonly (readonly [string, number, number])[]): void {
    for (const [key, parsed, unknown] of entries) {
      const sp = key.indexOf(' ');
      const c = this.coverage.get(key) ?? this.newCoverage(key.slice(0, sp), key.slice(sp + 1));
      if (c === null) continue;
      c.parsed += parsed;
      c.unknown += unknown;
    }
  }

  /** Forgets the coverage counts (a parser worker, once it has handed them over). */
  clearCoverage(): void {
    this.coverage.clear();
    this.idsPerFamily.clear();
  }

  totals(): Omit<SenderStats, 'listener' | 'sender' | 'family' | 'lastSeen'> & { inFlight: number } {
    const t = new SenderStats('', '');
    for (const s of this.senders.values()) addStats(t, s);
    const dropped = DROP_REASONS.reduce((a, r) => a + t.dropped[r], 0);
    return {
      received: t.received, parsed: t.parsed, unknown: t.unknown, syslogOnly: t.syslogOnly, failed: t.failed,
      truncated: t.truncated, written: t.written, deadLettered: t.deadLettered, dropped: t.dropped,
      inFlight: t.received - t.written - t.deadLettered - dropped,
    };
  }
}
