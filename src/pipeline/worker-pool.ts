/**
 * Parsing on worker threads with batched hand-off. Sources hand frames to a PoolHandler (one per
 * listener zone); frames are copied back to back into a batch per worker. Batching adapts to load:
 * an idle worker gets the batch at the end of the current event-loop turn (low latency); a busy one
 * gets it when it hands back a batch and has fewer than MAX_IN_FLIGHT, or when it is full
 * (BATCH_EVENTS or BATCH_BYTES): a batch never grows past that (one that did, while its worker
 * was busy, held tens of thousands of documents at once; measured worse). Each
 * sender always goes to the same worker, so a sender's events keep their order. Results come back
 * as UTF-8 bytes and go to the outputs through Pipeline.deliverEncoded; the frame and result
 * buffers travel back and forth and are reused. Bounded in events: past
 * FULL_EVENTS waiting or in flight for a worker the handler reports Full (TCP pauses), past twice
 * that Rejected (the source counts a drop); a UDP listener's handler Rejected only past
 * DATAGRAM_REJECT_EVENTS.
 */
import { Worker } from 'node:worker_threads';
import type { Frame } from '../core/types.js';
import type { SenderStats, Telemetry } from '../core/telemetry.js';
import type { FrameHandler } from '../core/stages.js';
import { WriteResult } from '../core/stages.js';
import type { Pipeline } from './pipeline.js';
import { BATCH_EVENTS, BUFFERS_KEPT, DATAGRAM_REJECT_EVENTS, FULL_EVENTS, type BatchMessage, type BatchSender, type ResultMessage } from './worker-protocol.js';
import type { SenderRule } from '../dispatch/senders.js';
import type { EnrichSettings } from '../enrich/build.js';
import type { EventOriginalMode } from '../config/load.js';
import type { ParserSource } from '../parsers/parser-set.js';

const BATCH_BYTES = 1024 * 1024;
/** below this many batches at a worker, a batch that is not full goes to it too */
const MAX_IN_FLIGHT = 2;

interface Batch {
  id: number;
  data: Buffer;
  used: number;
  ends: number[];
  receivedAt: number[];
  truncated: number[];
  senderIdx: number[];
  senders: BatchSender[];
  stats: SenderStats[];
  senderIndex: Map<SenderStats, number>;
}

interface Slot {
  worker: Worker;
  /** frame buffers the worker handed back, for the next batches (at most BUFFERS_KEPT) */
  spare: Buffer[];
  /** result buffers the main thread is done with, to go back to the worker with the next batch */
  spareOut: ArrayBuffer[];
  batch: Batch | null;
  inFlight: number;
  /** events in the current batch and in flight */
  events: number;
  queued: Map<number, Batch>;
}

let nextBatchId = 1;

/** The first size of a batch's frame buffer; it doubles as frames come (up to BATCH_BYTES and one frame). */
const FIRST_BATCH_BYTES = 64 * 1024;

function newBatch(spare: Buffer | undefined): Batch {
  return {
    // its own memory (not the Buffer pool's), transferred to the worker and back: memory fresh
    // from the kernel costs a page fault per 4 KiB here, and a busy port sends a batch every few ms
    id: nextBatchId++, data: spare ?? Buffer.allocUnsafeSlow(FIRST_BATCH_BYTES), used: 0, ends: [], receivedAt: [], truncated: [], senderIdx: [],
    senders: [], stats: [], senderIndex: new Map(),
  };
}

export interface PoolOptions {
  workers: number;
  senders: readonly SenderRule[];
  /** config `pipeline.event_original` (default `always`) */
  eventOriginal?: EventOriginalMode;
  enrich: EnrichSettings;
  workerFile: URL;
  /** the parser files in force at start (workers build the same families from them) */
  parsers?: readonly ParserSource[];
}

export class ParserPool {
  private readonly slots: Slot[] = [];
  private readonly affinity = new WeakMap<SenderStats, number>();
  private nextSlot = 0;
  private flushScheduled = false;
  private readonly resumeCallbacks: (() => void)[] = [];
  private idleWaiters: (() => void)[] = [];
  /** the workers are too far behind */
  paused = false;
  /** a source was told Full or Rejected and waits for the resume callbacks */
  private sourcesWaiting = false;

  constructor(private readonly pipeline: Pipeline, private readonly opts: PoolOptions) {
    pipeline.onResume(() => this.maybeResume());
  }

  async start(): Promise<void> {
    const ready: Promise<void>[] = [];
    for (let i = 0; i < this.opts.workers; i++) {
      const worker = new Worker(this.opts.workerFile, {
        workerData: { senders: this.opts.senders, eventOriginal: this.opts.eventOriginal ?? 'always', enrich: { ...this.opts.enrich, log: undefined }, parsers: this.opts.parsers ?? [] },
        // a larger young generation: parsing allocates many short-lived objects
        resourceLimits: { maxYoungGenerationSizeMb: 48 },
      });
      const slot: Slot = { worker, spare: [], spareOut: [], batch: null, inFlight: 0, events: 0, queued: new Map() };
      this.slots.push(slot);
      ready.push(new Promise((resolve, reject) => {
        worker.once('error', reject);
        worker.once('message', () => {
          worker.removeListener('error', reject);
          worker.on('message', (m: ResultMessage) => this.onResult(slot, m));
          worker.on('error', (e) => process.stderr.write(`syslog-ecs: parser worker failed: ${e.stack ?? e}\n`));
          // a dead worker will not hand back its batches: shutdown then counts them (close's timeout)
          resolve();
        });
      }));
    }
    await Promise.all(ready);
  }

  /**
   * A reload of the parser files: each worker builds the new families and takes them for the
   * batches after this message (a worker handles its messages in order: every frame is parsed by
   * one set or the other, whole).
   */
  setParsers(sources: readonly ParserSource[]): void {
    for (const slot of this.slots) slot.worker.postMessage({ parsers: sources });
  }

  /**
   * The handler of a listener. A datagram listener's frames are refused (and counted) only past
   * DATAGRAM_REJECT_EVENTS rather than twice FULL_EVENTS: a datagram source cannot pause, and the
   * kernel's receive buffer it would otherwise leave a burst in (64 MiB by default) is no help once
   * the main thread has read the datagrams out of it.
   */
  handler(timezone: string, datagram = false): FrameHandler {
    return new PoolHandler(this, timezone, datagram ? DATAGRAM_REJECT_EVENTS : 2 * FULL_EVENTS);
  }

  get telemetry(): Telemetry {
    return this.pipeline.telemetry;
  }

  onResume(cb: () => void): void {
    this.resumeCallbacks.push(cb);
  }

  private slotFor(stats: SenderStats): Slot {
    let i = this.affinity.get(stats);
    if (i === undefined) {
      i = this.nextSlot++ % this.slots.length;
      this.affinity.set(stats, i);
    }
    return this.slots[i]!;
  }

  accept(frame: Frame, stats: SenderStats, timezone: string, rejectAt: number): WriteResult {
    const slot = this.slotFor(stats);
    stats.received++;
    if (slot.events >= rejectAt) {
      this.paused = true;
      this.sourcesWaiting = true;
      return WriteResult.Rejected;
    }
    slot.events++;
    stats.lastSeen = frame.receivedAt;
    let b = slot.batch;
    if (b === null) {
      b = newBatch(slot.spare.pop());
      slot.batch = b;
    }
    const len = frame.data.length;
    if (b.used + len > b.data.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(b.data.length * 2, b.used + len));
      b.data.copy(bigger, 0, 0, b.used);
      b.data = bigger;
    }
    frame.data.copy(b.data, b.used);
    b.used += len;
    b.ends.push(b.used);
    b.receivedAt.push(frame.receivedAt);
    b.truncated.push(frame.truncated ? 1 : 0);
    let si = b.senderIndex.get(stats);
    if (si === undefined) {
      si = b.senders.length;
      b.senderIndex.set(stats, si);
      b.senders.push({ ip: frame.senderIp, port: frame.senderPort, listener: frame.listener, timezone });
      b.stats.push(stats);
    }
    b.senderIdx.push(si);
    if (b.ends.length >= BATCH_EVENTS || b.used >= BATCH_BYTES) this.send(slot);
    else if (slot.inFlight === 0 && !this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flushIdle());
    }
    if (slot.events >= FULL_EVENTS) this.paused = true;
    if (this.paused || this.pipeline.paused) {
      this.sourcesWaiting = true;
      return WriteResult.Full;
    }
    return WriteResult.Ok;
  }

  /** End of an event-loop turn: batches of idle workers go out now. */
  private flushIdle(): void {
    this.flushScheduled = false;
    for (const s of this.slots) if (s.batch !== null && s.inFlight === 0) this.send(s);
  }

  private flushAll(): void {
    this.flushScheduled = false;
    for (const s of this.slots) if (s.batch !== null) this.send(s);
  }

  private send(slot: Slot): void {
    const b = slot.batch!;
    slot.batch = null;
    // the frame buffer itself goes to the worker (no copy), which hands it back with the results
    const data = new Uint8Array(b.data.buffer, b.data.byteOffset, b.used);
    const msg: BatchMessage = {
      id: b.id,
      data,
      ends: Int32Array.from(b.ends),
      receivedAt: Float64Array.from(b.receivedAt),
      truncated: Uint8Array.from(b.truncated),
      senderIdx: Uint16Array.from(b.senderIdx),
      senders: b.senders,
    };
    const transfer: ArrayBuffer[] = [data.buffer as ArrayBuffer, msg.ends.buffer as ArrayBuffer, msg.receivedAt.buffer as ArrayBuffer];
    if (slot.spareOut.length > 0) {
      msg.spareOut = slot.spareOut;
      slot.spareOut = [];
      transfer.push(...msg.spareOut);
    }
    slot.queued.set(b.id, b);
    slot.inFlight++;
    slot.worker.postMessage(msg, transfer);
  }

  private onResult(slot: Slot, m: ResultMessage): void {
    const b = slot.queued.get(m.id)!;
    slot.queued.delete(m.id);
    if (slot.spare.length < BUFFERS_KEPT) slot.spare.push(Buffer.from(m.spare));
    slot.inFlight--;
    slot.events -= b.ends.length;
    // the worker is nearly free: what gathered meanwhile goes out at once
    if (slot.batch !== null && slot.inFlight < MAX_IN_FLIGHT) this.send(slot);
    for (let i = 0; i < b.stats.length; i++) {
      const s = b.stats[i]!;
      const o = m.outcomes[i]!;
      s.parsed += o.parsed;
      s.unknown += o.unknown;
      s.syslogOnly += o.syslogOnly;
      s.failed += o.failed;
      s.truncated += o.truncated;
      if (o.family !== '') s.family = o.family;
      if (o.samples !== undefined) this.pipeline.telemetry.addSamples(s, o.samples);
    }
    if (m.coverage !== undefined) this.pipeline.telemetry.addCoverage(m.coverage);
    const pipeline = this.pipeline;
    const out = Buffer.from(m.out);
    const { starts, lens } = m;
    for (let i = 0; i < lens.length; i++) {
      const stats = b.stats[b.senderIdx[i]!]!;
      const s = starts[i]!;
      const r = pipeline.deliverEncoded({ json: null, bytes: out.subarray(s, s + lens[i]!), ascii: false, dataset: m.datasets[i]!, timeMs: m.times[i]!, id: null }, stats);
      if (r === WriteResult.Rejected) stats.dropped.queue_full++;
    }
    // the outputs copied or decoded every document during their write calls
    if (slot.spareOut.length < BUFFERS_KEPT) slot.spareOut.push(m.out);
    this.maybeResume();
    if (this.idle()) {
      const w = this.idleWaiters;
      this.idleWaiters = [];
      for (const cb of w) cb();
    }
  }

  /**
   * Resumes the sources once the workers have caught up and the outputs have room. Whichever of
   * the two made a source pause, the sources wait for this call.
   */
  private maybeResume(): void {
    if (!this.sourcesWaiting && !this.paused) return;
    for (const s of this.slots) if (s.events >= FULL_EVENTS / 2) return;
    this.paused = false;
    if (this.pipeline.paused) return;
    this.sourcesWaiting = false;
    for (const cb of this.resumeCallbacks) cb();
  }

  private idle(): boolean {
    for (const s of this.slots) if (s.inFlight > 0 || s.batch !== null) return false;
    return true;
  }

  /** Sends what is batched and waits until every batch has come back and been delivered. */
  async drain(): Promise<void> {
    this.flushAll();
    if (this.idle()) return;
    await new Promise<void>((r) => this.idleWaiters.push(r));
  }

  /**
   * Drains, waiting at most `timeoutMs` for the workers; batches that have not come back by then
   * (a worker that died or hangs) are counted as dropped (`shutdown`) per event, never lost silently,
   * and shutdown goes on.
   */
  async close(timeoutMs = 30_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.drain().then(() => false),
      new Promise<boolean>((r) => {
        timer = setTimeout(() => r(true), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      for (const slot of this.slots) {
        for (const b of slot.queued.values()) {
          for (const si of b.senderIdx) b.stats[si]!.dropped.shutdown++;
        }
        slot.queued.clear();
      }
      process.stderr.write('syslog-ecs: parser workers did not hand back every batch in time; counted as dropped (shutdown)\n');
    }
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

class PoolHandler implements FrameHandler {
  constructor(private readonly pool: ParserPool, private readonly timezone: string, private readonly rejectAt: number) {}
  get telemetry(): Telemetry {
    return this.pool.telemetry;
  }
  get paused(): boolean {
    return this.pool.paused;
  }
  accept(frame: Frame, stats: SenderStats): WriteResult {
    return this.pool.accept(frame, stats, this.timezone, this.rejectAt);
  }
  onResume(cb: () => void): void {
    this.pool.onResume(cb);
  }
}
