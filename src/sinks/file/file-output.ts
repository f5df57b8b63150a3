/**
 * The embedded default output: NDJSON files under a directory, one per dataset and UTC day, named
 * after the Elasticsearch index the event would go to (`syslog-ecs-cisco_asa.log-2024.03.15.ndjson`).
 * Events are buffered and appended at least every `flush_interval_ms` or every `flush_bytes`; an
 * event counts as written once its bytes are in the file. Above `max_buffered_bytes` the output
 * reports Full (sources pause), above twice that it rejects (UDP counts the drop).
 */
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { EcsDoc } from '../../core/types.js';
import type { SenderStats } from '../../core/telemetry.js';
import { WriteResult, type Output, type OutputHealth } from '../output.js';
import { compileIndexTemplate, datasetOf, eventTime, DEFAULT_INDEX_TEMPLATE } from '../index-name.js';
import { CollectorError } from '../../core/errors.js';

export interface FileOutputOptions {
  directory: string;
  indexTemplate?: string;
  flushIntervalMs: number;
  flushBytes: number;
  maxBufferedBytes: number;
}

interface Pending {
  chunks: string[];
  /** stats of the events in `chunks`, run-length encoded */
  stats: SenderStats[];
  counts: number[];
}

function newPending(): Pending {
  return { chunks: [], stats: [], counts: [] };
}

export class FileOutput implements Output {
  readonly name: string;
  private readonly dir: string;
  private readonly nameFor: (dataset: string, ms: number) => string;
  private buffers = new Map<string, Pending>();
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

  constructor(private readonly opts: FileOutputOptions) {
    this.dir = resolve(opts.directory);
    this.name = 'file:' + opts.directory;
    this.nameFor = compileIndexTemplate(opts.indexTemplate ?? DEFAULT_INDEX_TEMPLATE);
  }

  async start(): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
    } catch (e) {
      throw new CollectorError('COL_ERR_OUTPUT', `${this.name}: ${(e as Error).message}`);
    }
    this.timer = setInterval(() => void this.flush(), this.opts.flushIntervalMs);
    this.timer.unref();
  }

  write(doc: EcsDoc, stats: SenderStats): WriteResult {
    if (this.unwrittenBytes > 2 * this.opts.maxBufferedBytes) return WriteResult.Rejected;
    const file = this.nameFor(datasetOf(doc), eventTime(doc)) + '.ndjson';
    const line = JSON.stringify(doc) + '\n';
    let p = this.buffers.get(file);
    if (p === undefined) {
      p = newPending();
      this.buffers.set(file, p);
    }
    p.chunks.push(line);
    const last = p.stats.length - 1;
    if (last >= 0 && p.stats[last] === stats) p.counts[last]!++;
    else {
      p.stats.push(stats);
      p.counts.push(1);
    }
    this.bufferedBytes += line.length;
    this.unwrittenBytes += line.length;
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
    if (this.buffers.size === 0) return;
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
      h = { fh: await open(join(this.dir, file), 'a'), lastUsed: now };
      this.handles.set(file, h);
    }
    h.lastUsed = now;
    return h.fh;
  }

  private async writeBatch(batch: Map<string, Pending>): Promise<void> {
    for (const [file, p] of batch) {
      const data = p.chunks.join('');
      let events = 0;
      for (const c of p.counts) events += c;
      try {
        const fh = await this.handle(file);
        await fh.write(data);
        for (let i = 0; i < p.stats.length; i++) p.stats[i]!.written += p.counts[i]!;
        this.lastError = null;
      } catch (e) {
        this.lastError = `${file}: ${(e as Error).message}`;
        process.stderr.write(`syslog-ecs: ${this.name}: ${this.lastError}\n`);
        for (let i = 0; i < p.stats.length; i++) p.stats[i]!.dropped.output_error += p.counts[i]!;
      }
      this.unwrittenBytes -= data.length;
      this.unwrittenEvents -= events;
    }
    // close files not written for a minute (yesterday's, datasets gone quiet)
    const now = Date.now();
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
    for (const h of this.handles.values()) await h.fh.close().catch(() => undefined);
    this.handles.clear();
  }

  health(): OutputHealth {
    return this.lastError === null ? { ok: true } : { ok: false, reason: this.lastError };
  }
}
