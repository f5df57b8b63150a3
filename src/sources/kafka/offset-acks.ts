/**
 * Which offsets the Kafka input may commit: only past records whose events the outputs finished
 * with (written, dead-lettered or dropped with a reason). Each batch a partition hands to the
 * pipeline is written with a SenderStats of its own, on which the primary output counts the
 * outcomes (the acknowledgement path of core/stages.ts); the batch is done when they add up to its
 * events. Outputs finish batches in any order (requests in parallel, retries), so a partition
 * commits the end of its longest run of done batches from the oldest. A done batch's outcomes then
 * join the partition's ledger (`in_flight` there: records not yet committed, which a restart
 * reads again). After a rebalance the batches in flight are retired: their records come again
 * from the committed offset (to this member or another), so they are never committed from here,
 * only counted once their outcomes are in.
 */
import { DROP_REASONS, SenderStats } from '../../core/telemetry.js';

interface AckBatch {
  readonly stats: SenderStats;
  /** events handed to the pipeline */
  readonly events: number;
  /** the offset after the batch's last record: what a commit of it says */
  readonly next: string;
}

function outcomes(s: SenderStats): number {
  let n = s.written + s.deadLettered;
  for (const r of DROP_REASONS) n += s.dropped[r];
  return n;
}

/** Adds a batch's outcomes to the partition's ledger. */
function fold(into: SenderStats, from: SenderStats): void {
  into.written += from.written;
  into.deadLettered += from.deadLettered;
  for (const r of DROP_REASONS) into.dropped[r] += from.dropped[r];
}

export class PartitionAcks {
  private batches: AckBatch[] = [];
  /** the offset to commit next (null: nothing new since the last commit) */
  private commitable: string | null = null;

  /** `ledger`: the partition's stats in the telemetry (received is counted there as records come) */
  constructor(readonly partition: number, readonly ledger: SenderStats) {}

  /** A SenderStats for the events of the next batch (handed to the pipeline with each of them). */
  newBatchStats(): SenderStats {
    return new SenderStats(this.ledger.listener, this.ledger.sender);
  }

  /** The batch whose `events` went to the pipeline with `stats`; `lastOffset` its last record's. */
  add(stats: SenderStats, events: number, lastOffset: string): void {
    this.batches.push({ stats, events, next: (BigInt(lastOffset) + 1n).toString() });
  }

  /** batches handed over and not yet done */
  get inFlight(): number {
    return this.batches.length;
  }

  /** Folds the done batches from the oldest; returns the offset to commit, or null. */
  settle(): string | null {
    let n = 0;
    while (n < this.batches.length) {
      const b = this.batches[n]!;
      if (outcomes(b.stats) < b.events) break;
      fold(this.ledger, b.stats);
      this.commitable = b.next;
      n++;
    }
    if (n > 0) this.batches = this.batches.slice(n);
    return this.commitable;
  }

  /** The commit of `offset` went through (a failed one is tried again at the next settle). */
  committed(offset: string): void {
    if (this.commitable === offset) this.commitable = null;
  }

  /** After a rebalance: the batches in flight go to `retired`; nothing of them is committed here. */
  retire(retired: RetiredBatches, keepCommitable: boolean): void {
    for (const b of this.batches) retired.add(b.stats, b.events, this.ledger);
    this.batches = [];
    if (!keepCommitable) this.commitable = null;
  }

  /** At shutdown: the outcomes of the batches still in flight join the ledger as far as they are in. */
  foldRemaining(): void {
    for (const b of this.batches) fold(this.ledger, b.stats);
    this.batches = [];
  }
}

/** Batches of partitions this member no longer reads: counted when their outcomes are in, never committed. */
export class RetiredBatches {
  private batches: { stats: SenderStats; events: number; ledger: SenderStats }[] = [];

  add(stats: SenderStats, events: number, ledger: SenderStats): void {
    this.batches.push({ stats, events, ledger });
  }

  get size(): number {
    return this.batches.length;
  }

  settle(): void {
    if (this.batches.length === 0) return;
    this.batches = this.batches.filter((b) => {
      if (outcomes(b.stats) < b.events) return true;
      fold(b.ledger, b.stats);
      return false;
    });
  }

  foldRemaining(): void {
    for (const b of this.batches) fold(b.ledger, b.stats);
    this.batches = [];
  }
}
