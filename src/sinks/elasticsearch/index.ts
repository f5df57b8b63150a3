/**
 * The Elasticsearch output: documents -> NDJSON bulk entries (encoder) -> batches by size or time
 * (batcher) -> bulk requests, `concurrency` at once (p-queue) -> per-item outcomes: written,
 * retried with backoff (retry), or dead-lettered with the reason (dead-letter). Nothing is dropped
 * silently: what cannot be written or dead-lettered is counted as `dropped.output_error` and logged.
 *
 * Back-pressure: up to `queue_max_events` events are held in memory (batched or in flight). At that
 * bound `write` answers Full (TCP listeners stop reading). With a disk buffer, events past the bound
 * go to the disk buffer in arrival order (still Full), and are read back into memory as room frees
 * up; once it is empty the sources resume. Without one, up to max(bound, 40000) more events are taken
 * (what paused sources and parser workers still deliver), then Rejected. The
 * disk buffer outlives the process: at start, what a previous run left is replayed first.
 */
import PQueue from 'p-queue';
import type { Client } from '@elastic/elasticsearch';
import type { EcsDoc } from '../../core/types.js';
import type { SenderStats } from '../../core/telemetry.js';
import { CollectorError } from '../../core/errors.js';
import { WriteResult, jsonOf, type EncodedEvent, type Output, type OutputHealth } from '../../core/stages.js';
import type { EsSettings } from './config.js';
import { Encoder, entryFromLine, lineOf, type Entry } from './encoder.js';
import { Batcher, bodyOf, lineOf as itemLine, type Batch, type Item } from './batcher.js';
import { BulkService, createClient } from './service.js';
import { Waker, backoffMs, classifyItem, classifyRequestError, describeError } from './retry.js';
import { DeadLetterStore, type DeadLetterRecord } from './dead-letter.js';
import { DiskBuffer, type DiskTicket } from './disk-buffer.js';
import { HealthTracker } from './health.js';
import { installTemplates } from './templates.js';

export type { EsSettings } from './config.js';

/** How long start() waits for the index templates before it goes on and installs them in the background. */
const START_WAIT_MS = 5000;

/** Counters of the output itself (across senders), for telemetry and tests. */
export interface EsOutputCounters {
  written: number;
  /** items answered 409 on create: already indexed by an earlier attempt or run */
  duplicates: number;
  deadLettered: number;
  failed: number;
  bulkRequests: number;
  retries: number;
  spilledToDisk: number;
  replayedFromDisk: number;
  /** not delivered by the shutdown deadline and not spilled: counted as dropped (`shutdown`) */
  droppedAtShutdown: number;
}

/** A FIFO of sender ledgers, parallel to the disk records appended in this run. */
class StatsFifo {
  private a: (SenderStats | null)[] = [];
  private head = 0;
  push(s: SenderStats | null): void {
    this.a.push(s);
  }
  shift(): SenderStats | null {
    if (this.head >= this.a.length) return null;
    const s = this.a[this.head]!;
    this.a[this.head++] = null;
    if (this.head > 8192 && this.head * 2 > this.a.length) {
      this.a = this.a.slice(this.head);
      this.head = 0;
    }
    return s;
  }
}

export class ElasticsearchOutput implements Output {
  readonly name: string;
  readonly counters: EsOutputCounters = {
    written: 0, duplicates: 0, deadLettered: 0, failed: 0, bulkRequests: 0, retries: 0, spilledToDisk: 0, replayedFromDisk: 0,
    droppedAtShutdown: 0,
  };
  private client: Client | null = null;
  private bulk: BulkService | null = null;
  private readonly encoder: Encoder;
  private readonly batcher: Batcher;
  private readonly queue: PQueue;
  private disk: DiskBuffer | null = null;
  /** answered bulk requests and their total time, for /metrics */
  private readonly latency = { count: 0, sumSeconds: 0 };
  private deadLetter: DeadLetterStore | null = null;
  private readonly tracker = new HealthTracker();
  /** events in memory: in the open batch, queued, or in flight */
  private memCount = 0;
  /** bytes of those events' bulk entries */
  private memBytes = 0;
  private readonly softBytes: number;
  private readonly hardBytes: number;
  private readonly lowBytes: number;
  /**
   * Set when a batch went back to the disk buffer because Elasticsearch did not answer: the disk
   * is not read back until a probe (or a request) gets an answer, so an outage costs no
   * read-fail-respill churn (CPU, segment growth) while nothing comes in.
   */
  private holdReplay = false;
  private probeAttempt = 0;
  private nextProbeAt = 0;
  private probing = false;
  private readonly soft: number;
  private readonly hard: number;
  private readonly low: number;
  private full = false;
  private spilling = false;
  private readonly drainCallbacks: (() => void)[] = [];
  private readonly diskStats = new StatsFifo();
  /** disk records left by a previous run, not yet read back */
  private orphans = 0;
  private timers: NodeJS.Timeout[] = [];
  private closed = false;
  private started = false;
  /** ends backoff sleeps: at close with Elasticsearch down and a disk buffer, or at the shutdown deadline */
  private readonly waker = new Waker();
  /** aborts the requests in flight at the shutdown deadline */
  private readonly aborter = new AbortController();
  /** set at the shutdown deadline: what is not delivered goes to the disk buffer or is counted */
  private abandoned = false;
  private readonly abandonedSignal: Promise<void>;
  private signalAbandoned: () => void = () => undefined;
  private templatesPending: Promise<void> | null = null;

  constructor(readonly settings: EsSettings) {
    this.name = 'elasticsearch:' + (settings.cloudId !== undefined ? 'cloud' : settings.urls.join(','));
    this.encoder = new Encoder({ indexTemplate: settings.indexTemplate, dataStream: settings.dataStream });
    // batches small enough that `concurrency` of them in flight plus one filling fit in the queue
    const maxItems = Math.max(100, Math.floor(settings.queueMaxEvents / (settings.concurrency + 1)));
    this.batcher = new Batcher(settings.flushBytes, settings.flushIntervalMs, (b) => this.enqueue(b), maxItems);
    this.queue = new PQueue({ concurrency: settings.concurrency });
    this.soft = settings.queueMaxEvents;
    // what paused sources and the parser workers (up to 32k events each) still deliver after Full
    this.hard = settings.queueMaxEvents + Math.max(settings.queueMaxEvents, 40_000);
    // resume once a whole batch fits again (ES never waits for the queue to half-empty)
    this.low = Math.max(1, settings.queueMaxEvents - maxItems + 1);
    this.softBytes = settings.queueMaxBytes;
    this.hardBytes = 2 * settings.queueMaxBytes;
    this.lowBytes = Math.max(settings.queueMaxBytes >> 1, settings.queueMaxBytes - settings.flushBytes);
    this.abandonedSignal = new Promise((r) => {
      this.signalAbandoned = r;
    });
  }

  /** The client (created at start); for setup and tests. */
  get esClient(): Client {
    if (this.client === null) this.client = createClient(this.settings);
    return this.client;
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const s = this.settings;
    this.bulk = new BulkService(this.esClient, this.aborter.signal);
    try {
      this.deadLetter = new DeadLetterStore(s.deadLetter, this.bulk);
      if (s.diskBuffer !== null) {
        this.disk = DiskBuffer.open(s.diskBuffer.path, s.diskBuffer.maxBytes, s.diskBuffer.segmentBytes);
        this.orphans = this.disk.unreadCount;
        if (this.orphans > 0) {
          this.spilling = true;
          process.stderr.write(`syslog-ecs: ${this.name}: replaying ${this.orphans} events from the disk buffer ${s.diskBuffer.path}\n`);
        }
      }
    } catch (e) {
      throw new CollectorError('COL_ERR_OUTPUT', `${this.name}: ${(e as Error).message}`, { cause: e });
    }
    if (s.setupTemplates) {
      // a node that accepts and does not answer must not hold the start up for request_timeout_ms
      const install = installTemplates(this.esClient, s, this.aborter.signal).then(() => null, (e: unknown) => e);
      let timer: NodeJS.Timeout | undefined;
      const slow = new Promise<'slow'>((r) => {
        timer = setTimeout(() => r('slow'), START_WAIT_MS);
      });
      const first = await Promise.race([install, slow]);
      clearTimeout(timer);
      if (first === 'slow') {
        this.tracker.failure(`no answer within ${START_WAIT_MS} ms at start`);
        process.stderr.write(`syslog-ecs: ${this.name}: Elasticsearch did not answer within ${START_WAIT_MS} ms at start; templates will be installed when it answers\n`);
        this.templatesPending = install.then((e) => (e === null ? this.templatesInstalled() : this.retryTemplates()));
      } else if (first !== null) {
        const e = first;
        const outcome = classifyRequestError(e);
        if (outcome !== 'retry') throw new CollectorError('COL_ERR_ES_SETUP', `${this.name}: installing index templates: ${describeError(e)}`, { cause: e });
        // Elasticsearch is not reachable yet: keep collecting (memory, disk buffer); install before the first bulk
        this.tracker.failure(describeError(e));
        process.stderr.write(`syslog-ecs: ${this.name}: Elasticsearch unreachable at start (${describeError(e)}); templates will be installed when it answers\n`);
        this.templatesPending = this.retryTemplates();
      }
    }
    const tick = setInterval(() => this.tick(), Math.min(1000, s.flushIntervalMs));
    tick.unref();
    this.timers.push(tick);
    this.pump();
  }

  /**
   * Parser files changed (a reload): their fields and datasets go into the templates, installed
   * before the next bulk request. Indices made from now on map the new fields with their types;
   * today's indices keep what they have (a field new to them is mapped dynamically until tomorrow's).
   */
  declareFields(fields: Readonly<Record<string, string>>, datasets: readonly string[]): void {
    this.settings.extraFields = fields;
    this.settings.datasets = datasets;
    if (!this.started || !this.settings.setupTemplates || this.closed) return;
    const prev = this.templatesPending;
    const p: Promise<void> = (async () => {
      if (prev !== null) await prev;
      try {
        await installTemplates(this.esClient, this.settings);
      } catch (e) {
        process.stderr.write(`syslog-ecs: ${this.name}: installing index templates for the parser files: ${describeError(e)}\n`);
      }
    })().finally(() => {
      if (this.templatesPending === p) this.templatesPending = null;
    });
    this.templatesPending = p;
  }

  private async retryTemplates(): Promise<void> {
    for (let attempt = 1; !this.waker.cancelled; attempt++) {
      await this.waker.sleep(backoffMs(attempt, this.settings.retryBackoffMs, this.settings.retryBackoffMaxMs));
      if (this.waker.cancelled) return;
      try {
        await installTemplates(this.esClient, this.settings, this.aborter.signal);
        this.templatesInstalled();
        return;
      } catch (e) {
        this.tracker.failure(describeError(e));
      }
    }
  }

  private templatesInstalled(): void {
    this.tracker.success();
    this.templatesPending = null;
  }

  /** fsync what was spilled, read back what the disk holds, resume sources when there is room */
  private tick(): void {
    if (this.disk !== null) {
      try {
        this.disk.sync();
      } catch (e) {
        process.stderr.write(`syslog-ecs: ${this.name}: disk buffer sync failed: ${(e as Error).message}\n`);
      }
    }
    this.probe();
    this.pump();
  }

  write(doc: EcsDoc, stats: SenderStats): WriteResult {
    return this.take(this.encoder.encode(doc), stats);
  }

  /** A document serialized by a parser worker (or a Kafka record, with its id): no parse, no second stringify. */
  writeEncoded(ev: EncodedEvent, stats: SenderStats): WriteResult {
    return this.take(this.encoder.encodeJson(ev.bytes ?? jsonOf(ev), ev.dataset, ev.timeMs, ev.id), stats);
  }

  private take(entry: Entry, stats: SenderStats): WriteResult {
    if (this.closed) return WriteResult.Rejected;
    if (!this.spilling && this.memCount < this.soft && this.memBytes < this.softBytes) {
      this.addToMemory(entry.head, entry.json, stats, null);
      if (this.memCount >= this.soft || this.memBytes >= this.softBytes) {
        this.full = true;
        this.batcher.flush(); // sources pause now: no point waiting for the timer
        return WriteResult.Full;
      }
      return WriteResult.Ok;
    }
    this.full = true;
    if (this.disk !== null) {
      if (this.disk.append(lineOf(entry))) {
        this.diskStats.push(stats);
        this.spilling = true;
        this.counters.spilledToDisk++;
        return WriteResult.Full;
      }
      return WriteResult.Rejected;
    }
    if (this.memCount < this.hard && this.memBytes < this.hardBytes) {
      this.addToMemory(entry.head, entry.json, stats, null);
      return WriteResult.Full;
    }
    return WriteResult.Rejected;
  }

  private addToMemory(head: string, json: string | Buffer, stats: SenderStats | null, ticket: DiskTicket | null): void {
    this.memCount++;
    this.memBytes += this.batcher.add(head, json, stats, ticket);
  }

  /** reads disk records back while memory has room; ends spilling once the disk is drained */
  private pump(): void {
    const disk = this.disk;
    if (disk === null || this.closed || this.waker.cancelled) {
      this.maybeDrain();
      return;
    }
    if (this.spilling && !this.holdReplay && this.belowLow()) {
      const records = disk.read(this.soft - this.memCount);
      for (const r of records) {
        let stats: SenderStats | null = null;
        if (this.orphans > 0) this.orphans--;
        else stats = this.diskStats.shift();
        this.counters.replayedFromDisk++;
        // a record is the entry's NDJSON text: action line, document, \n
        this.addToMemory('', r.payload.charCodeAt(r.payload.length - 1) === 10 ? r.payload.slice(0, -1) : r.payload, stats, r.ticket);
      }
      if (disk.unreadCount === 0) {
        this.spilling = false;
        this.batcher.flush();
      }
    }
    this.maybeDrain();
  }

  /** room for a whole batch again: resume the sources, read the disk back */
  private belowLow(): boolean {
    return this.memCount < this.low && this.memBytes < this.lowBytes;
  }

  /**
   * While replay is held (Elasticsearch did not answer), asks it at backoff intervals whether it is
   * back. Any HTTP answer counts (a node may refuse `GET /` with 401 or 405); a connection error,
   * a timeout, 429 or 5xx does not.
   */
  private probe(): void {
    if (!this.holdReplay || this.probing || this.waker.cancelled || Date.now() < this.nextProbeAt) return;
    this.probing = true;
    const answered = (): void => {
      this.holdReplay = false;
      this.probeAttempt = 0;
      this.tracker.success();
      this.pump();
    };
    const opts = { signal: this.aborter.signal, requestTimeout: Math.min(this.settings.requestTimeoutMs, 10_000), maxRetries: 0 };
    this.esClient.transport.request({ method: 'GET', path: '/' }, opts).then(answered, (e: unknown) => {
      if (classifyRequestError(e) !== 'retry') return answered();
      this.tracker.failure(describeError(e));
      this.nextProbeAt = Date.now() + backoffMs(++this.probeAttempt, this.settings.retryBackoffMs, this.settings.retryBackoffMaxMs);
    }).finally(() => {
      this.probing = false;
    });
  }

  private maybeDrain(): void {
    if (this.full && !this.spilling && this.belowLow() && !this.closed) {
      this.full = false;
      for (const cb of this.drainCallbacks) cb();
    }
  }

  private enqueue(batch: Batch): void {
    void this.queue.add(async () => {
      try {
        await this.send(batch, batch.items);
      } finally {
        this.batcher.release(batch);
        // a request slot is free and no sealed batch waits for it: send what has gathered since,
        // rather than leave Elasticsearch idle until the batch fills or its timer fires
        if (this.queue.size === 0 && !this.closed) this.batcher.flush();
      }
    });
  }

  /** Sends items of a batch until each has an outcome (written, duplicate, dead-lettered, spilled, failed). */
  private async send(batch: Batch, items: Item[]): Promise<void> {
    // the shutdown deadline ends the wait for the templates too
    if (this.templatesPending !== null) await Promise.race([this.templatesPending, this.abandonedSignal]);
    const s = this.settings;
    let pending = items;
    let attempt = 0;
    while (pending.length > 0) {
      if (this.abandoned) {
        await this.giveUp(batch, pending, 0, 'shutdown', 'not delivered by the shutdown deadline', attempt, true);
        return;
      }
      const body = bodyOf(batch, pending);
      this.counters.bulkRequests++;
      let res;
      const t0 = process.hrtime.bigint();
      try {
        res = await this.bulk!.bulk(body);
        this.latency.count++;
        this.latency.sumSeconds += Number(process.hrtime.bigint() - t0) / 1e9;
      } catch (e) {
        const outcome = classifyRequestError(e);
        const reason = describeError(e);
        if (outcome === 'split' && pending.length > 1) {
          const half = Math.ceil(pending.length / 2);
          await this.send(batch, pending.slice(0, half));
          await this.send(batch, pending.slice(half));
          return;
        }
        if (outcome !== 'fatal') this.tracker.failure(reason);
        if (outcome === 'retry' && attempt < s.maxRetries && !this.waker.cancelled) {
          attempt++;
          this.counters.retries++;
          await this.waker.sleep(backoffMs(attempt, s.retryBackoffMs, s.retryBackoffMaxMs));
          continue;
        }
        await this.giveUp(batch, pending, outcome === 'fatal' ? statusOf(e) : 0, outcome === 'fatal' ? 'request_rejected' : 'elasticsearch_unavailable',
          outcome === 'retry' ? `no answer after ${attempt + 1} attempts: ${reason}` : reason, attempt + 1, outcome !== 'fatal');
        return;
      }
      this.tracker.success();
      this.holdReplay = false;
      if (!res.errors || res.items === null) {
        for (const it of pending) this.done(it, 'written');
        return;
      }
      const retry: Item[] = [];
      const rejected: DeadLetterRecord[] = [];
      const rejectedItems: Item[] = [];
      for (let i = 0; i < pending.length; i++) {
        const it = pending[i]!;
        const r = res.items[i] ?? { status: 0, error: { type: 'missing_item', reason: 'no item in the bulk response' } };
        const o = classifyItem(r.status, r.error?.type);
        if (o === 'ok') this.done(it, 'written');
        else if (o === 'duplicate') this.done(it, 'duplicate');
        else if (o === 'retry' && attempt < s.maxRetries && !this.waker.cancelled) retry.push(it);
        else {
          const type = r.error?.type ?? 'unknown';
          let reason = r.error?.reason ?? `status ${r.status}`;
          if (r.error?.caused_by?.reason) reason += ` (caused by ${r.error.caused_by.type}: ${r.error.caused_by.reason})`;
          if (o === 'retry') reason = `retries exhausted after ${attempt + 1} attempts: ${reason}`;
          rejected.push({ entry: entryFromLine(itemLine(batch, it)), status: r.status, type, reason, attempts: attempt + 1 });
          rejectedItems.push(it);
        }
      }
      if (rejected.length > 0) await this.toDeadLetter(rejected, rejectedItems, true);
      pending = retry;
      if (pending.length > 0) {
        attempt++;
        this.counters.retries++;
        await this.waker.sleep(backoffMs(attempt, s.retryBackoffMs, s.retryBackoffMaxMs));
      }
    }
  }

  /** A request that failed past its retries: back to the disk buffer when there is one, else dead-letter. */
  private async giveUp(batch: Batch, items: Item[], status: number | undefined, type: string, reason: string, attempts: number, unavailable: boolean): Promise<void> {
    if (unavailable && this.disk !== null && !this.closed) {
      const back: Item[] = [];
      const rest: Item[] = [];
      for (const it of items) {
        if (this.disk.append(itemLine(batch, it))) {
          this.diskStats.push(it.stats);
          back.push(it);
        } else rest.push(it);
      }
      if (back.length > 0) {
        this.disk.sync(); // on disk before the old records are acknowledged
        this.spilling = true;
        this.full = true;
        if (!this.holdReplay) {
          this.holdReplay = true;
          this.probeAttempt = 0;
          this.nextProbeAt = Date.now() + backoffMs(1, this.settings.retryBackoffMs, this.settings.retryBackoffMaxMs);
        }
        for (const it of back) {
          this.counters.spilledToDisk++;
          this.done(it, 'respilled');
        }
        process.stderr.write(`syslog-ecs: ${this.name}: ${back.length} events back to the disk buffer: ${reason}\n`);
      }
      items = rest;
      if (items.length === 0) return;
    }
    if (this.abandoned) {
      // the deadline passed: no dead letter (it is Elasticsearch too), counted as shutdown drops
      for (const it of items) this.done(it, 'shutdown');
      process.stderr.write(`syslog-ecs: ${this.name}: ${items.length} events not delivered by the shutdown deadline (dropped: shutdown)\n`);
      return;
    }
    process.stderr.write(`syslog-ecs: ${this.name}: ${items.length} events not written: ${reason}\n`);
    await this.toDeadLetter(items.map((it) => ({ entry: entryFromLine(itemLine(batch, it)), status: status ?? 0, type, reason, attempts })), items, !unavailable);
  }

  private async toDeadLetter(records: DeadLetterRecord[], items: Item[], indexUsable: boolean): Promise<void> {
    const stored = await this.deadLetter!.store(records, indexUsable);
    for (let i = 0; i < items.length; i++) this.done(items[i]!, stored[i] ? 'dead_lettered' : 'failed');
  }

  private done(it: Item, outcome: 'written' | 'duplicate' | 'dead_lettered' | 'failed' | 'respilled' | 'shutdown'): void {
    this.memCount--;
    this.memBytes -= it.end - it.start;
    switch (outcome) {
      case 'written':
        this.counters.written++;
        if (it.stats) it.stats.written++;
        break;
      case 'duplicate':
        this.counters.duplicates++;
        if (it.stats) it.stats.written++;
        break;
      case 'dead_lettered':
        this.counters.deadLettered++;
        if (it.stats) it.stats.deadLettered++;
        break;
      case 'failed':
        this.counters.failed++;
        if (it.stats) it.stats.dropped.output_error++;
        break;
      case 'shutdown':
        this.counters.droppedAtShutdown++;
        if (it.stats) it.stats.dropped.shutdown++;
        break;
      case 'respilled':
        break;
    }
    if (it.ticket !== null) this.disk?.ack(it.ticket);
    if (this.belowLow()) this.pump();
  }

  onDrain(cb: () => void): void {
    this.drainCallbacks.push(cb);
  }

  /** events accepted and not yet written, dead-lettered or failed (memory and disk buffer) */
  pending(): number {
    return this.memCount + (this.disk?.unreadCount ?? 0);
  }

  /** Sends everything buffered (memory, then the disk buffer) and waits for the outcomes. */
  async flush(): Promise<void> {
    for (let round = 0; round < 1_000_000; round++) {
      this.pump();
      this.batcher.flush();
      const before = this.counters.written + this.counters.duplicates + this.counters.deadLettered + this.counters.failed + this.counters.spilledToDisk;
      await this.queue.onIdle();
      this.disk?.sync();
      if (this.memCount === 0 && (this.disk === null || this.disk.unreadCount === 0)) return;
      const after = this.counters.written + this.counters.duplicates + this.counters.deadLettered + this.counters.failed + this.counters.spilledToDisk;
      if (after === before && this.batcher.size === 0 && this.queue.size === 0 && this.queue.pending === 0 && this.memCount > 0) return;
      if (this.memCount === 0 && !this.tracker.reachable) return; // Elasticsearch down: the disk keeps the rest
    }
  }

  /**
   * Flushes until `deadline` (epoch ms; none: until everything has an outcome), then gives up:
   * backoff sleeps end, requests in flight are aborted, and what is left goes to the disk buffer
   * when there is one, else is counted as dropped (`shutdown`).
   */
  async close(deadline = Number.POSITIVE_INFINITY): Promise<void> {
    if (this.closed) return;
    // Elasticsearch down and a disk buffer: stop retrying, what is in memory goes back to the disk
    if (!this.tracker.reachable && this.disk !== null) this.waker.cancel();
    try {
      const flushed = this.flush();
      let timer: NodeJS.Timeout | undefined;
      const late = Number.isFinite(deadline)
        ? new Promise<boolean>((r) => {
          timer = setTimeout(() => r(true), Math.max(0, deadline - Date.now()));
        })
        : null;
      const timedOut = late === null ? (await flushed, false) : await Promise.race([flushed.then(() => false), late]);
      clearTimeout(timer);
      if (timedOut) {
        this.abandon();
        await flushed;
      }
    } finally {
      this.closed = true;
      this.waker.cancel();
      for (const t of this.timers) clearInterval(t);
      this.timers = [];
      this.batcher.close();
      await this.queue.onIdle();
      this.disk?.close();
      this.aborter.abort(); // a template install still waiting for a silent node
      await this.client?.close().catch(() => undefined);
    }
  }

  /** The shutdown deadline passed: every send gives up now (see send and giveUp). */
  private abandon(): void {
    this.abandoned = true;
    this.signalAbandoned();
    this.waker.cancel();
    this.aborter.abort();
    this.batcher.flush();
  }

  /** Bytes held in the on-disk buffer (0 without one), for /metrics. */
  diskBufferBytes(): number {
    return this.disk?.bytes ?? 0;
  }

  /** Answered bulk requests and the seconds they took in all, for /metrics. */
  bulkLatency(): { count: number; sumSeconds: number } {
    return this.latency;
  }

  health(): OutputHealth {
    return this.tracker.report({ spilling: this.spilling, diskBytes: this.disk?.bytes ?? 0, queued: this.memCount, queueMax: this.soft });
  }
}

function statusOf(e: unknown): number | undefined {
  const s = (e as { statusCode?: unknown })?.statusCode;
  return typeof s === 'number' ? s : undefined;
}
