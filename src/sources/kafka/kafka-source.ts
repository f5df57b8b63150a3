/**
 * The Kafka input of an indexer tier (`--listen kafka://HOST:PORT/TOPIC?group=NAME`): a member of a
 * consumer group (kafkajs) that hands each record to the pipeline past the processors (the
 * collector tier parsed it: record-reader.ts) and commits a partition's offset only past records
 * the outputs finished with (offset-acks.ts). A crash therefore reads the uncommitted records
 * again, and the `_id` each record carries makes the second copy a no-op in Elasticsearch.
 *
 * Back-pressure: when the pipeline answers Full the topic is paused and the rest of the fetched
 * batch is left unresolved, so Kafka hands it again after the outputs drain: nothing waits in this
 * process beyond what the outputs hold, and nothing is ever Rejected into a drop. Ledger: one
 * SenderStats per partition (sender `TOPIC/PARTITION`).
 */
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { CollectorError } from '../../core/errors.js';
import { WriteResult, type DocumentHandler, type Source } from '../../core/stages.js';
import { ListenerFaults } from '../listener-faults.js';
import { PartitionAcks, RetiredBatches } from './offset-acks.js';
import { RecordReader } from './record-reader.js';

export interface KafkaSourceOptions {
  name: string;
  /** `kafka://BROKERS/TOPIC?group=NAME` */
  url: string;
  topic: string;
  group: string;
  fromBeginning: boolean;
  commitIntervalMs: number;
  sessionTimeoutMs: number;
  maxFetchBytes: number;
}

export class KafkaSource implements Source {
  readonly name: string;
  readonly boundUrl: string;
  readonly faults: ListenerFaults;
  private readonly consumer: Consumer;
  private readonly reader: RecordReader;
  private readonly partitions = new Map<number, PartitionAcks>();
  private readonly retired = new RetiredBatches();
  private timer: NodeJS.Timeout | null = null;
  private paused = false;
  private stopping = false;
  private settling: Promise<void> | null = null;
  private commitFailureLoggedAt = -Infinity;

  constructor(private readonly opts: KafkaSourceOptions, kafka: Kafka, private readonly handler: DocumentHandler) {
    this.name = opts.name;
    this.boundUrl = opts.url;
    this.faults = new ListenerFaults(opts.name);
    this.reader = new RecordReader(opts.name);
    this.consumer = kafka.consumer({
      groupId: opts.group,
      sessionTimeout: opts.sessionTimeoutMs,
      maxBytes: opts.maxFetchBytes,
      // long polls end sooner, so a paused topic resumes and a stop is seen without a wait
      maxWaitTimeInMs: 1000,
    });
    handler.onResume(() => {
      if (this.paused && !this.stopping) {
        this.paused = false;
        this.consumer.resume([{ topic: opts.topic }]);
      }
    });
  }

  async start(): Promise<void> {
    const c = this.consumer;
    c.on(c.events.GROUP_JOIN, (e) => this.onJoin(e.payload.memberAssignment[this.opts.topic] ?? []));
    c.on(c.events.CRASH, (e) => {
      this.faults.record(new Error(`kafka consumer: ${e.payload.error.message}${e.payload.restart ? ' (restarting)' : ' (stopped)'}`));
      // kafkajs gave up on it: the listener is down (/health says so) until the process restarts
      if (!e.payload.restart && !this.stopping) this.faults.closedUnexpectedly();
    });
    try {
      await c.connect();
      await c.subscribe({ topic: this.opts.topic, fromBeginning: this.opts.fromBeginning });
      await c.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: (p) => this.onBatch(p) });
    } catch (e) {
      await c.disconnect().catch(() => undefined);
      throw new CollectorError('COL_ERR_LISTEN', `${this.name}: ${(e as Error).message}`, { cause: e });
    }
    this.timer = setInterval(() => void this.settle(), this.opts.commitIntervalMs);
    this.timer.unref();
  }

  private partition(p: number): PartitionAcks {
    let a = this.partitions.get(p);
    if (a === undefined) {
      a = new PartitionAcks(p, this.handler.telemetry.stats(this.name, `${this.opts.topic}/${p}`));
      this.partitions.set(p, a);
    }
    return a;
  }

  /** One fetched batch of one partition to the pipeline, until it is full. No await: no interleaving. */
  private async onBatch({ batch, resolveOffset, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const h = this.handler;
    if (this.stopping || h.paused) {
      this.pauseTopic();
      return;
    }
    const acks = this.partition(batch.partition);
    const ledger = acks.ledger;
    const stats = acks.newBatchStats();
    const reader = this.reader;
    const now = Date.now();
    let events = 0;
    let last = '';
    for (const m of batch.messages) {
      if (!isRunning() || isStale()) break;
      const ev = reader.encoded(m);
      let r: WriteResult;
      if (ev !== null) r = h.deliverEncoded(ev, stats);
      else {
        const { doc, step } = reader.document(m, batch.topic, batch.partition, now);
        r = h.deliver(doc, stats);
        if (step !== null && r !== WriteResult.Rejected) {
          ledger.unknown++;
          h.telemetry.sampleUnparsed(ledger, doc.event.original as string, doc, now);
        }
      }
      // not taken: left unresolved, Kafka hands it again after the pause
      if (r === WriteResult.Rejected) {
        this.pauseTopic();
        break;
      }
      ledger.received++;
      ledger.lastSeen = now;
      events++;
      last = m.offset;
      resolveOffset(m.offset);
      if (r === WriteResult.Full) {
        this.pauseTopic();
        break;
      }
    }
    if (events > 0) acks.add(stats, events, last);
  }

  private pauseTopic(): void {
    if (this.paused) return;
    this.paused = true;
    this.consumer.pause([{ topic: this.opts.topic }]);
  }

  /** A new generation: batches in flight are read again from the committed offsets. */
  private onJoin(assigned: readonly number[]): void {
    for (const a of this.partitions.values()) a.retire(this.retired, assigned.includes(a.partition));
  }

  /** Folds what the outputs finished and commits each partition's new offset. */
  private settle(): Promise<void> {
    this.settling ??= this.commit().finally(() => {
      this.settling = null;
    });
    return this.settling;
  }

  private async commit(): Promise<void> {
    this.retired.settle();
    const offsets: { topic: string; partition: number; offset: string }[] = [];
    for (const a of this.partitions.values()) {
      const next = a.settle();
      if (next !== null) offsets.push({ topic: this.opts.topic, partition: a.partition, offset: next });
    }
    if (offsets.length === 0) return;
    try {
      await this.consumer.commitOffsets(offsets);
      for (const o of offsets) this.partitions.get(o.partition)!.committed(o.offset);
    } catch (e) {
      // a rebalance or an unreachable coordinator: the offsets stay commitable for the next round
      const now = Date.now();
      if (now - this.commitFailureLoggedAt >= 10_000) {
        this.commitFailureLoggedAt = now;
        process.stderr.write(`syslog-ecs: ${this.name}: offset commit failed, tried again: ${(e as Error).message}\n`);
      }
    }
  }

  private inFlight(): number {
    let n = this.retired.size;
    for (const a of this.partitions.values()) n += a.inFlight;
    return n;
  }

  /** Stops fetching; waits up to graceMs for the outputs to finish what they hold, and commits it. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    try {
      this.consumer.pause([{ topic: this.opts.topic }]);
    } catch {
      return; // never ran (its start failed): nothing to wait for
    }
    const deadline = Date.now() + graceMs;
    for (;;) {
      await this.settle();
      if (this.inFlight() === 0 || Date.now() >= deadline) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** After the outputs closed: commits what they wrote meanwhile, counts the rest, leaves the group. */
  async finish(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.settle();
    for (const a of this.partitions.values()) a.foldRemaining();
    this.retired.foldRemaining();
    await this.consumer.disconnect().catch(() => undefined);
  }
}
