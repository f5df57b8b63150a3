/**
 * The embedded default output: NDJSON files under a directory, one per dataset and UTC day, named
 * after the Elasticsearch index the event would go to (`syslog-ecs-cisco_asa.log-2024.03.15.ndjson`).
 * Events are buffered and appended at least every `flush_interval_ms` or every `flush_bytes` (by
 * a writer thread, see write-thread.ts); an event counts as written once its line is in the file
 * and synced. A full disk costs the lines that did not fit (counted, `output_error`), never a torn
 * line: the file is cut back to its last whole line.
 * Above `max_buffered_bytes` the output reports Full (sources pause), above twice that it rejects
 * (UDP counts the drop).
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { EcsDoc } from '../../core/types.js';
import type { SenderStats } from '../../core/telemetry.js';
import { WriteResult, maxEncodedBytes, writeEncodedInto, type EncodedEvent, type Output, type OutputHealth } from '../../core/stages.js';
import { encodeDoc } from '../encode.js';
import { compileIndexTemplate, DEFAULT_INDEX_TEMPLATE } from '../index-name.js';
import { CollectorError } from '../../core/errors.js';
import { BufferPool } from '../../core/buffer-pool.js';
import { WriteThread } from './write-thread.js';

export interface FileOutputOptions {
  directory: string;
  indexTemplate?: string;
  flushIntervalMs: number;
  flushBytes: number;
  maxBufferedBytes: number;
}

const BLOCK_BYTES = 1 << 20;
/**
 * Written blocks are kept for reuse: a fresh 1 MiB block is new memory that the kernel maps and
 * zeroes page by page on first touch (256 page faults, each dear in a VM), so a steady stream reuses
 * blocks instead. The pool holds as many blocks as `max_buffered_bytes` can keep in use: under a
 * fast stream the lines that arrive while a write is in progress fill more blocks than a flush
 * needs (a pool of 8 ran dry; 1M loggen messages over TCP then took 34k-58k page faults and 7.2-7.8
 * CPU s, against 13k and 5.2-5.7 CPU s with a pool of 40). The blocks stay mapped while the output is
 * busy; after IDLE_TRIM_MS without a write, the pool is cut back to POOL_IDLE_BLOCKS.
 */
const POOL_IDLE_BLOCKS = 8;
const IDLE_TRIM_MS = 60_000;

/**
 * Bytes waiting for one file. Lines are encoded into 1 MiB blocks as they arrive, so the JSON
 * strings die young (no old-generation garbage) and a flush writes the blocks as they are.
 */
interface Pending {
  /** filled blocks, the last one being filled (subarrays of `owned` once cut to their used length) */
  blocks: Buffer[];
  /** the whole blocks behind `blocks`, returned to the pool after the write */
  owned: Buffer[];
  /** bytes used in the last block */
  used: number;
  bytes: number;
  /** stats of the events in the blocks, run-length encoded */
  stats: SenderStats[];
  counts: number[];
}

function newPending(pool: BufferPool): Pending {
  const first = pool.take();
  return { blocks: [first], owned: [first], used: 0, bytes: 0, stats: [], counts: [] };
}

const NEWLINE = Buffer.from('\n');

/**
 * Appends an event's JSON (text, written as UTF-8, or UTF-8 bytes from a parser worker, copied)
 * and a newline to the pending blocks; returns the bytes it took.
 */
function append(p: Pending, ev: EncodedEvent, pool: BufferPool): number {
  // a UTF-8 character takes at most 3 bytes per UTF-16 unit (1 when ASCII), plus the newline
  const worst = maxEncodedBytes(ev) + 1;
  let block = p.blocks[p.blocks.length - 1]!;
  if (p.used + worst > block.length) {
    if (worst > BLOCK_BYTES) {
      const big = ev.bytes === null ? Buffer.from(ev.json! + '\n', 'utf8') : Buffer.concat([ev.bytes, NEWLINE]);
      p.blocks[p.blocks.length - 1] = block.subarray(0, p.used);
      const next = pool.take();
      p.blocks.push(big, next);
      p.owned.push(next);
      p.used = 0;
      p.bytes += big.length;
      return big.length;
    }
    p.blocks[p.blocks.length - 1] = block.subarray(0, p.used);
    block = pool.take();
    p.blocks.push(block);
    p.owned.push(block);
    p.used = 0;
  }
  const n = writeEncodedInto(block, p.used, ev);
  block[p.used + n] = 10;
  p.used += n + 1;
  p.bytes += n + 1;
  return n + 1;
}

export class FileOutput implements Output {
  readonly name: string;
  private readonly dir: string;
  private readonly nameFor: (dataset: string, ms: number) => string;
  /** pending bytes by index name (the file is that name + .ndjson) */
  private buffers = new Map<string, Pending>();
  /** written blocks for reuse */
  private readonly pool: BufferPool;
  private readonly writer = new WriteThread();
  /** when a batch was last written (Date.now()), for trimming the pool when idle */
  private lastWriteAt = 0;
  private bufferedBytes = 0;
  /** bytes taken and not yet in a file (buffered + being written) */
  private unwrittenBytes = 0;
  private unwrittenEvents = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private full = false;
  private readonly drainCallbacks: (() => void)[] = [];
  private readonly handles = new Map<string, { fh: FileHandle; lastUsed: number }>();
  private lastError: string | null = null;
  private closed = false;
  /** set by reopen(): the files are closed before the next flush writes (not during one) */
  private reopenAsked = false;

  constructor(private readonly opts: FileOutputOptions) {
    this.dir = resolve(opts.directory);
    this.name = 'file:' + opts.directory;
    this.nameFor = compileIndexTemplate(opts.indexTemplate ?? DEFAULT_INDEX_TEMPLATE);
    // up to max_buffered_bytes in blocks (plus one per file being filled) can be in use at once
    this.pool = new BufferPool(BLOCK_BYTES, Math.max(POOL_IDLE_BLOCKS, Math.ceil(opts.maxBufferedBytes / BLOCK_BYTES) + 2), true);
  }

  async start(): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
    } catch (e) {
      throw new CollectorError('COL_ERR_OUTPUT', `${this.name}: ${(e as Error).message}`);
    }
    this.writer.start();
    this.timer = setInterval(() => void this.flush(), this.opts.flushIntervalMs);
    this.timer.unref();
  }

  write(doc: EcsDoc, stats: SenderStats): WriteResult {
    if (this.unwrittenBytes > 2 * this.opts.maxBufferedBytes) return WriteResult.Rejected;
    return this.writeEncoded(encodeDoc(doc), stats);
  }

  writeEncoded(ev: EncodedEvent, stats: SenderStats): WriteResult {
    if (this.unwrittenBytes > 2 * this.opts.maxBufferedBytes) return WriteResult.Rejected;
    // keyed by the index name (a cached string: no concatenation or hashing per event)
    const file = this.nameFor(ev.dataset, ev.timeMs);
    let p = this.buffers.get(file);
    if (p === undefined) {
      p = newPending(this.pool);
      this.buffers.set(file, p);
    }
    const n = append(p, ev, this.pool);
    const last = p.stats.length - 1;
    if (last >= 0 && p.stats[last] === stats) p.counts[last]!++;
    else {
      p.stats.push(stats);
      p.counts.push(1);
    }
    this.bufferedBytes += n;
    this.unwrittenBytes += n;
    this.unwrittenEvents++;
    if (this.bufferedBytes >= this.opts.flushBytes && this.flushing === null) void this.flush();
    if (this.unwrittenBytes >= this.opts.maxBufferedBytes) {
      this.full = true;
      return WriteResult.Full;
    }
    return WriteResult.Ok;
  }

  onDrain(cb: () => void): void {
    this.drainCallbacks.push(cb);
  }

  pending(): number {
    return this.unwrittenEvents;
  }

  /** Writes everything buffered so far (waits for a flush already running, then runs another). */
  async flush(): Promise<void> {
    while (this.flushing !== null) await this.flushing;
    if (this.buffers.size === 0) {
      // quiet: give back the blocks a busy spell kept
      if (this.pool.size > POOL_IDLE_BLOCKS && Date.now() - this.lastWriteAt > IDLE_TRIM_MS) this.pool.trim(POOL_IDLE_BLOCKS);
      return;
    }
    const batch = this.buffers;
    this.buffers = new Map();
    this.bufferedBytes = 0;
    this.flushing = this.writeBatch(batch).finally(() => {
      this.flushing = null;
    });
    await this.flushing;
  }

  private async handle(file: string): Promise<FileHandle> {
    const now = Date.now();
    let h = this.handles.get(file);
    if (h === undefined) {
      // read as well: the writer checks the file's last byte (torn-line repair)
      h = { fh: await open(join(this.dir, file + '.ndjson'), 'a+'), lastUsed: now };
      this.handles.set(file, h);
    }
    h.lastUsed = now;
    return h.fh;
  }

  /** Closes the files before the next write, which opens them anew (logrotate's postrotate). */
  reopen(): void {
    this.reopenAsked = true;
    if (this.flushing === null) void this.flush();
  }

  private async writeBatch(batch: Map<string, Pending>): Promise<void> {
    if (this.reopenAsked) {
      this.reopenAsked = false;
      for (const h of this.handles.values()) await h.fh.close().catch(() => undefined);
      this.handles.clear();
    }
    for (const [file, p] of batch) {
      p.blocks[p.blocks.length - 1] = p.blocks[p.blocks.length - 1]!.subarray(0, p.used);
      let events = 0;
      for (const c of p.counts) events += c;
      // the lines now in the file count as written, in order; the rest as output_error
      let written = 0;
      try {
        const fh = await this.handle(file);
        const outcome = await this.writer.write(fh.fd, p.blocks);
        written = outcome.lines < 0 ? events : outcome.lines;
        if (outcome.error !== null) throw new Error(outcome.error);
        this.lastError = null;
      } catch (e) {
        this.lastError = `${file}.ndjson: ${(e as Error).message}`;
        process.stderr.write(`syslog-ecs: ${this.name}: ${this.lastError} (${events - written} of ${events} events not written)\n`);
      }
      for (let i = 0; i < p.stats.length; i++) {
        const n = p.counts[i]!;
        const w = Math.min(n, written);
        written -= w;
        p.stats[i]!.written += w;
        p.stats[i]!.dropped.output_error += n - w;
      }
      this.unwrittenBytes -= p.bytes;
      this.unwrittenEvents -= events;
      // the bytes are in the file (or counted lost): the blocks can take new lines
      for (const b of p.owned) this.pool.give(b);
    }
    const now = Date.now();
    this.lastWriteAt = now;
    // close files not written for a minute (yesterday's, datasets gone quiet)
    for (const [file, h] of this.handles) {
      if (now - h.lastUsed > 60_000) {
        this.handles.delete(file);
        await h.fh.close().catch(() => undefined);
      }
    }
    if (this.full && this.unwrittenBytes < this.opts.maxBufferedBytes / 2) {
      this.full = false;
      for (const cb of this.drainCallbacks) cb();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.flush();
    await this.writer.close();
    for (const h of this.handles.values()) await h.fh.close().catch(() => undefined);
    this.handles.clear();
  }

  /** 1 MiB blocks allocated so far and free for reuse now (tests; a steady stream allocates no more) */
  get blocks(): { allocated: number; free: number } {
    return { allocated: this.pool.allocated, free: this.pool.size };
  }

  health(): OutputHealth {
    return this.lastError === null ? { ok: true } : { ok: false, reason: this.lastError };
  }
}
