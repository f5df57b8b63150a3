/**
 * The Kafka output (`--output kafka://HOST:PORT/TOPIC`): each event becomes one record (the format
 * is in core/kafka-record.ts: keyed by sender, the ECS JSON as value, its `_id`, time and dataset
 * in a header), gathered into batches of `batchBytes` or `lingerMs`, sent by an idempotent producer with
 * acks from every in-sync replica (kafkajs). An event is counted written when the brokers
 * acknowledged its batch, never before.
 *
 * One batch is in flight at a time and a failed batch is sent again before any later one, so one
 * sender's records keep their order even across an outage. Batches the brokers did not acknowledge
 * are retried with backoff for as long as the collector runs; a batch refused as too large is split,
 * and a single record the brokers refuse (too large, invalid) is counted `output_error` and logged.
 *
 * Back-pressure: records waiting or in flight are bounded in bytes (`maxBufferedBytes`): at the bound
 * `write` answers Full (TCP listeners stop reading), past it plus the larger of itself and 64 MiB
 * (what paused sources and parser workers still deliver) Rejected; the sources resume once a whole
 * batch fits again.
 */
import type { Kafka, Message, Producer } from 'kafkajs';
import { CompressionTypes, Partitioners } from 'kafkajs';
import type { EcsDoc } from '../../core/types.js';
import type { SenderStats } from '../../core/telemetry.js';
import { CollectorError } from '../../core/errors.js';
import { WriteResult, jsonOf, type EncodedEvent, type Output, type OutputHealth } from '../../core/stages.js';
import { KAFKA_HEADER, kafkaHeaderValue } from '../../core/kafka-record.js';
import { datasetOf, eventTime } from '../index-name.js';
import { serialize } from '../../ecs/serialize.js';
import { EventIds } from '../elasticsearch/encoder.js';
import { backoffMs } from '../elasticsearch/retry.js';

export interface KafkaOutputSettings {
  /** `kafka://BROKERS/TOPIC`, for logs, metrics and /health */
  name: string;
  topic: string;
  compression: 'none' | 'gzip';
  batchBytes: number;
  lingerMs: number;
  maxBufferedBytes: number;
  /** how long the brokers have to acknowledge a batch */
  requestTimeoutMs: number;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  /** on close, how long unacknowledged batches may still be retried */
  closeTimeoutMs: number;
}

/** Counters of the output itself (across senders), for telemetry and tests. */
export interface KafkaOutputCounters {
  written: number;
  failed: number;
  /** produce requests sent (one per batch and attempt) */
  requests: number;
  retries: number;
}

interface Batch {
  messages: Message[];
  stats: SenderStats[];
  bytes: number;
}

/** what a record costs beside its value: key, headers, record overhead */
const RECORD_OVERHEAD_BYTES = 96;
/** error types by which the brokers refuse the records themselves: retrying cannot help */
const REFUSED = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD', 'CORRUPT_MESSAGE', 'INVALID_TIMESTAMP']);
/** error types after which the producer needs a new id (the brokers lost or fenced its state) */
const NEW_PRODUCER = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH']);

function emptyBatch(): Batch {
  return { messages: [], stats: [], bytes: 0 };
}

/** The Kafka error type (`MESSAGE_TOO_LARGE`...) of an error or of the errors it wraps. */
function errorType(e: unknown): string | undefined {
  for (let c = e as { type?: unknown; cause?: unknown; originalError?: unknown } | undefined, i = 0; c && i < 8; i++) {
    if (typeof c.type === 'string') return c.type;
    c = (c.originalError ?? c.cause) as typeof c;
  }
  return undefined;
}

function describe(e: unknown): string {
  const t = errorType(e);
  const m = e instanceof Error ? e.message : String(e);
  return t !== undefined && !m.includes(t) ? `${m} (${t})` : m;
}

export class KafkaOutput implements Output {
  readonly name: string;
  readonly counters: KafkaOutputCounters = { written: 0, failed: 0, requests: 0, retries: 0 };
  private producer: Producer;
  private connected = false;
  private readonly ids = new EventIds();
  private open: Batch = emptyBatch();
  private readonly sealed: Batch[] = [];
  private sending = false;
  private lingerTimer: NodeJS.Timeout | null = null;
  /** bytes and events accepted and not yet acknowledged or failed */
  private bufferedBytes = 0;
  private bufferedEvents = 0;
  private readonly soft: number;
  private readonly hard: number;
  private readonly low: number;
  private full = false;
  private readonly drainCallbacks: (() => void)[] = [];
  private idleWaiters: (() => void)[] = [];
  private consecutiveFailures = 0;
  private lastError = '';
  private closing = false;
  private closed = false;
  /** epoch ms after which close() stops retrying */
  private giveUpAt = Infinity;
  private wakeRetry: (() => void) | null = null;
  private readonly compression: CompressionTypes;

  constructor(readonly settings: KafkaOutputSettings, private readonly kafka: Kafka) {
    this.name = settings.name;
    this.producer = this.newProducer();
    this.soft = settings.maxBufferedBytes;
    this.hard = settings.maxBufferedBytes + Math.max(settings.maxBufferedBytes, 64 << 20);
    this.low = Math.max(1, settings.maxBufferedBytes - settings.batchBytes);
    this.compression = settings.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None;
  }

  private newProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      // kafkajs's own attempts for one send: ours (retry_backoff_ms...) come after them
      retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 2000 },
    });
  }

  async start(): Promise<void> {
    try {
      await this.connect();
    } catch (e) {
      const name = (e as Error)?.name ?? '';
      // bad credentials or TLS settings will not get better by waiting
      if (name === 'KafkaJSSASLAuthenticationError' || /certificate|SSL|TLS/i.test((e as Error)?.message ?? '')) {
        throw new CollectorError('COL_ERR_OUTPUT', `${this.name}: ${describe(e)}`, { cause: e });
      }
      // unreachable for now: keep collecting (memory bound, back-pressure); the first batch connects
      this.failure(e);
      process.stderr.write(`syslog-ecs: ${this.name}: Kafka unreachable at start (${describe(e)}); records wait for it\n`);
    }
  }

  private async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  write(doc: EcsDoc, stats: SenderStats): WriteResult {
    if (this.closed) return WriteResult.Rejected;
    const timeMs = eventTime(doc);
    const json = serialize(doc);
    return this.take(Buffer.from(json, 'utf8'), this.ids.ofDoc(doc, json), datasetOf(doc), timeMs, stats);
  }

  /** A document serialized by a parser worker (or read from Kafka, with its id): copied, never parsed. */
  writeEncoded(ev: EncodedEvent, stats: SenderStats): WriteResult {
    if (this.closed) return WriteResult.Rejected;
    // the bytes of a worker's result are valid only during this call
    const value = ev.bytes !== null ? Buffer.from(ev.bytes) : Buffer.from(jsonOf(ev), ev.ascii ? 'latin1' : 'utf8');
    return this.take(value, ev.id ?? this.ids.ofJson(ev.bytes ?? jsonOf(ev)), ev.dataset, ev.timeMs, stats);
  }

  private take(value: Buffer, id: string, dataset: string, timeMs: number, stats: SenderStats): WriteResult {
    const bytes = value.length + RECORD_OVERHEAD_BYTES;
    if (this.bufferedBytes + bytes > this.hard) {
      this.full = true;
      return WriteResult.Rejected;
    }
    const b = this.open;
    b.messages.push({
      key: stats.sender,
      value,
      headers: { [KAFKA_HEADER]: kafkaHeaderValue(id, timeMs, dataset) },
    });
    b.stats.push(stats);
    b.bytes += bytes;
    this.bufferedBytes += bytes;
    this.bufferedEvents++;
    if (b.bytes >= this.settings.batchBytes) this.seal();
    else if (this.lingerTimer === null) this.lingerTimer = setTimeout(() => this.onLinger(), this.settings.lingerMs);
    if (this.bufferedBytes >= this.soft) {
      this.full = true;
      return WriteResult.Full;
    }
    return WriteResult.Ok;
  }

  private onLinger(): void {
    this.lingerTimer = null;
    // while a batch is in flight the open one keeps growing: the sender takes it when it is done
    if (!this.sending) this.seal();
  }

  /** The open batch joins the queue and the sender starts when it is idle. */
  private seal(): void {
    if (this.lingerTimer !== null) {
      clearTimeout(this.lingerTimer);
      this.lingerTimer = null;
    }
    if (this.open.messages.length > 0) {
      this.sealed.push(this.open);
      this.open = emptyBatch();
    }
    if (!this.sending && this.sealed.length > 0) void this.sendAll();
  }

  private async sendAll(): Promise<void> {
    this.sending = true;
    try {
      for (;;) {
        let b = this.sealed.shift();
        // nothing sealed: what gathered during the last request goes now, not after the linger
        if (b === undefined && this.open.messages.length > 0 && !this.closed) {
          b = this.open;
          this.open = emptyBatch();
          if (this.lingerTimer !== null) {
            clearTimeout(this.lingerTimer);
            this.lingerTimer = null;
          }
        }
        if (b === undefined) break;
        await this.deliver(b);
        this.bufferedBytes -= b.bytes;
        this.bufferedEvents -= b.messages.length;
        this.maybeDrain();
      }
    } finally {
      this.sending = false;
      const w = this.idleWaiters;
      this.idleWaiters = [];
      for (const cb of w) cb();
    }
  }

  /** Sends one batch until the brokers acknowledged it, refused its records, or close gave up. */
  private async deliver(b: Batch): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (Date.now() >= this.giveUpAt) {
        this.fail(b.stats, `not acknowledged before the shutdown deadline${this.lastError !== '' ? ': ' + this.lastError : ''}`);
        return;
      }
      try {
        await this.connect();
        this.counters.requests++;
        await this.producer.send({
          topic: this.settings.topic, messages: b.messages, acks: -1, timeout: this.settings.requestTimeoutMs, compression: this.compression,
        });
        this.consecutiveFailures = 0;
        this.lastError = '';
        this.counters.written += b.stats.length;
        for (const s of b.stats) s.written++;
        return;
      } catch (e) {
        const type = errorType(e);
        if (type !== undefined && REFUSED.has(type)) {
          await this.refused(b, e);
          return;
        }
        this.failure(e);
        if (type !== undefined && NEW_PRODUCER.has(type)) await this.renewProducer();
        this.counters.retries++;
        await this.pause(backoffMs(attempt, this.settings.retryBackoffMs, this.settings.retryBackoffMaxMs));
      }
    }
  }

  /** Records the brokers refused: halves are sent on their own until the one refused is alone. */
  private async refused(b: Batch, e: unknown): Promise<void> {
    if (b.messages.length === 1) {
      this.fail(b.stats, `record refused by the brokers: ${describe(e)}`);
      return;
    }
    const half = b.messages.length >> 1;
    for (const [from, to] of [[0, half], [half, b.messages.length]] as const) {
      await this.deliver({ messages: b.messages.slice(from, to), stats: b.stats.slice(from, to), bytes: 0 });
    }
  }

  private fail(stats: readonly SenderStats[], reason: string): void {
    this.counters.failed += stats.length;
    for (const s of stats) s.dropped.output_error++;
    process.stderr.write(`syslog-ecs: ${this.name}: ${stats.length} events not written: ${reason}\n`);
  }

  private failure(e: unknown): void {
    this.consecutiveFailures++;
    this.lastError = describe(e);
  }

  private async renewProducer(): Promise<void> {
    const old = this.producer;
    this.producer = this.newProducer();
    this.connected = false;
    await old.disconnect().catch(() => undefined);
  }

  /** Waits before the next attempt; close() cuts the wait short at its deadline. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, Math.max(0, Math.min(ms, this.giveUpAt - Date.now())));
      const self = this;
      function done(): void {
        clearTimeout(t);
        if (self.wakeRetry === done) self.wakeRetry = null;
        resolve();
      }
      this.wakeRetry = done;
    });
  }

  private maybeDrain(): void {
    if (this.full && this.bufferedBytes < this.low && !this.closed) {
      this.full = false;
      for (const cb of this.drainCallbacks) cb();
    }
  }

  onDrain(cb: () => void): void {
    this.drainCallbacks.push(cb);
  }

  /** events accepted and not yet acknowledged or failed */
  pending(): number {
    return this.bufferedEvents;
  }

  /** Sends what is buffered and waits for the acknowledgements (or, while Kafka fails, the attempt in progress). */
  async flush(): Promise<void> {
    this.seal();
    if (this.sending) await new Promise<void>((r) => this.idleWaiters.push(r));
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.giveUpAt = Date.now() + this.settings.closeTimeoutMs;
    const deadline = setTimeout(() => this.wakeRetry?.(), this.settings.closeTimeoutMs);
    try {
      while (this.bufferedEvents > 0) {
        this.seal();
        if (!this.sending) break;
        await new Promise<void>((r) => this.idleWaiters.push(r));
      }
    } finally {
      clearTimeout(deadline);
      this.closed = true;
      if (this.lingerTimer !== null) clearTimeout(this.lingerTimer);
      await this.producer.disconnect().catch(() => undefined);
    }
  }

  health(): OutputHealth {
    const full = this.full ? `buffer full (${this.bufferedEvents} events, ${this.bufferedBytes} bytes): sources paused` : '';
    if (this.consecutiveFailures > 0) {
      return { ok: false, reason: `kafka unreachable or failing (${this.consecutiveFailures} in a row): ${this.lastError}${full !== '' ? '; ' + full : ''}` };
    }
    return full !== '' ? { ok: true, reason: full } : { ok: true };
  }
}
