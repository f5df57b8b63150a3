/**
 * Groups bulk entries into batches, written straight into the batch's request body: each entry's
 * bytes (action line + document + newlines) are copied once into a Buffer, and the sealed batch is
 * sent as it is. Events in memory thus cost bytes outside the JS heap plus a small item each
 * (the sender's ledger, a disk ticket, the entry's span), not a string per event that the garbage
 * collector has to move and mark. The entry's text is read back only on the failure paths
 * (retry of some items, dead letter, disk spill).
 *
 * A batch is sealed when it reaches `flushBytes` (or `maxItems` entries), or when its first entry
 * has waited `flushIntervalMs`. Bodies come from a small pool (returned with `release` once a batch
 * has its outcomes), so steady indexing allocates no new bodies.
 */
import type { SenderStats } from '../../core/telemetry.js';
import type { DiskTicket } from './disk-buffer.js';
import { BufferPool } from '../../core/buffer-pool.js';

export interface Item {
  /** the sender's ledger; null for events replayed from a previous run's disk buffer */
  stats: SenderStats | null;
  /** set when the event came from the disk buffer: acknowledged once written or dead-lettered */
  ticket: DiskTicket | null;
  /** the entry's bytes in its batch's body: [start, end) */
  start: number;
  end: number;
}

export interface Batch {
  items: Item[];
  /** the request body: `body.subarray(0, bytes)` */
  body: Buffer;
  bytes: number;
}

/** Room kept past `flushBytes` so that an entry started below it always fits. */
const HEADROOM = 256 * 1024;

export class Batcher {
  private items: Item[] = [];
  private body: Buffer | null = null;
  private bytes = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly capacity: number;
  private readonly pool: BufferPool;

  constructor(
    private readonly flushBytes: number,
    private readonly flushIntervalMs: number,
    private readonly onBatch: (batch: Batch) => void,
    /** also sealed at this many entries (so several batches fit in the output's queue) */
    private readonly maxItems = Number.MAX_SAFE_INTEGER,
    /** bodies kept for reuse */
    poolSize = 4,
  ) {
    this.capacity = flushBytes + HEADROOM;
    this.pool = new BufferPool(this.capacity, poolSize);
  }

  /**
   * Adds an entry given as its parts (`head`: the action line with its \n; `doc`: the document),
   * written as `head + doc + '\n'` would be, without building that string. Returns the entry's bytes.
   */
  add(head: string, doc: string | Buffer, stats: SenderStats | null, ticket: DiskTicket | null): number {
    const text = typeof doc === 'string';
    // worst case 3 bytes per UTF-16 unit; measure exactly only when that might not fit
    let need = head.length * 3 + (text ? doc.length * 3 : doc.length) + 1;
    if (this.body === null || this.bytes + need > this.body.length) {
      need = Buffer.byteLength(head) + (text ? Buffer.byteLength(doc) : doc.length) + 1;
      if (this.body !== null && this.bytes + need > this.body.length) this.flush();
      if (this.body === null) this.body = need > this.capacity ? Buffer.allocUnsafeSlow(need) : this.take();
    }
    const body = this.body;
    const start = this.bytes;
    let at = start + body.write(head, start, 'utf8');
    at += text ? body.write(doc, at, 'utf8') : doc.copy(body, at);
    body[at++] = 10;
    this.bytes = at;
    this.items.push({ stats, ticket, start, end: at });
    if (this.bytes >= this.flushBytes || this.items.length >= this.maxItems) this.flush();
    else if (this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, this.flushIntervalMs);
    }
    return at - start;
  }

  /** events waiting in the open batch */
  get size(): number {
    return this.items.length;
  }

  get pendingBytes(): number {
    return this.bytes;
  }

  /** seals the open batch now (no-op when empty) */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.items.length === 0) return;
    const batch: Batch = { items: this.items, body: this.body!, bytes: this.bytes };
    this.items = [];
    this.body = null;
    this.bytes = 0;
    this.onBatch(batch);
  }

  /** Gives a sent batch's body back for reuse; nothing may read the batch's entries afterwards. */
  release(batch: Batch): void {
    this.pool.give(batch.body);
  }

  close(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pool.trim(0);
  }

  private take(): Buffer {
    return this.pool.take();
  }
}

/** The text of an entry (action line, document, newline), for the failure paths. */
export function lineOf(batch: Batch, it: Item): string {
  return batch.body.toString('utf8', it.start, it.end);
}

/** A body of some of a batch's entries (a retry of the items that failed, a split request). */
export function bodyOf(batch: Batch, items: readonly Item[]): Buffer {
  if (items === batch.items || (items.length === batch.items.length && items[0] === batch.items[0])) {
    return batch.body.subarray(0, batch.bytes);
  }
  const parts: Buffer[] = [];
  let n = 0;
  for (const it of items) {
    parts.push(batch.body.subarray(it.start, it.end));
    n += it.end - it.start;
  }
  return Buffer.concat(parts, n);
}
