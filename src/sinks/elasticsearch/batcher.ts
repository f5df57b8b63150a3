/**
 * Groups encoded entries into bulk batches: a batch is sealed when it reaches `flushBytes` (or
 * `maxItems` entries), or when its first entry has waited `flushIntervalMs`.
 */
import type { SenderStats } from '../../core/telemetry.js';
import type { Entry } from './encoder.js';
import type { DiskTicket } from './disk-buffer.js';

export interface Item {
  entry: Entry;
  /** the sender's ledger; null for events replayed from a previous run's disk buffer */
  stats: SenderStats | null;
  /** set when the event came from the disk buffer: acknowledged once written or dead-lettered */
  ticket: DiskTicket | null;
}

export interface Batch {
  items: Item[];
  bytes: number;
}

export class Batcher {
  private items: Item[] = [];
  private bytes = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly flushBytes: number,
    private readonly flushIntervalMs: number,
    private readonly onBatch: (batch: Batch) => void,
    /** also sealed at this many entries (so several batches fit in the output's queue) */
    private readonly maxItems = Number.MAX_SAFE_INTEGER,
  ) {}

  add(item: Item): void {
    this.items.push(item);
    this.bytes += item.entry.bytes;
    if (this.bytes >= this.flushBytes || this.items.length >= this.maxItems) this.flush();
    else if (this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, this.flushIntervalMs);
    }
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
    const batch: Batch = { items: this.items, bytes: this.bytes };
    this.items = [];
    this.bytes = 0;
    this.onBatch(batch);
  }

  /** takes the open batch's items back (shutdown spill) */
  drainItems(): Item[] {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const items = this.items;
    this.items = [];
    this.bytes = 0;
    return items;
  }

  close(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
