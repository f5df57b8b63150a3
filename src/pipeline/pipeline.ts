/**
 * The hand-off between the stages (wired in collector.ts): sources -> (frames) -> processor
 * (syslog, vendor, enrich) -> outputs. It is the sources' FrameHandler: it tells them when to
 * pause (outputs full) and resume. The first output is primary: its outcomes are the loss ledger's `written`,
 * `deadLettered` and output drops; further outputs get copies, counted in their own stats.
 */
import type { EcsDoc, Frame } from '../core/types.js';
import { SenderStats, type Telemetry } from '../core/telemetry.js';
import { WriteResult, jsonOf, type DocumentHandler, type EncodedEvent, type FrameHandler, type FrameProcessor, type Output } from '../core/stages.js';

/** A listener's view of the pipeline: its own processor (its default timezone), shared outputs. */
class ListenerHandler implements FrameHandler {
  constructor(private readonly pipeline: Pipeline, private readonly processor: FrameProcessor) {}
  get telemetry(): Telemetry {
    return this.pipeline.telemetry;
  }
  get paused(): boolean {
    return this.pipeline.paused;
  }
  accept(frame: Frame, stats: SenderStats): WriteResult {
    return this.pipeline.deliver(this.processor.process(frame, stats), stats);
  }
  onResume(cb: () => void): void {
    this.pipeline.onResume(cb);
  }
}

export class Pipeline implements FrameHandler, DocumentHandler {
  paused = false;
  private readonly resumeCallbacks: (() => void)[] = [];
  private readonly fullOutputs = new Set<Output>();
  /** ledgers of the secondary outputs */
  readonly secondaryStats: SenderStats[];

  constructor(
    readonly telemetry: Telemetry,
    private readonly processor: FrameProcessor,
    private readonly outputs: readonly Output[],
  ) {
    this.secondaryStats = outputs.slice(1).map((o) => new SenderStats('*', o.name));
    for (const o of outputs) {
      o.onDrain(() => {
        this.fullOutputs.delete(o);
        if (this.fullOutputs.size === 0 && this.paused) {
          this.paused = false;
          for (const cb of this.resumeCallbacks) cb();
        }
      });
    }
  }

  onResume(cb: () => void): void {
    this.resumeCallbacks.push(cb);
  }

  /** A handler for a listener whose processor differs (another default timezone). */
  handlerFor(processor: FrameProcessor): FrameHandler {
    return processor === this.processor ? this : new ListenerHandler(this, processor);
  }

  accept(frame: Frame, stats: SenderStats): WriteResult {
    return this.deliver(this.processor.process(frame, stats), stats);
  }

  /** Hands a finished document to the outputs. A Rejected result is counted (queue_full) by the source. */
  deliver(doc: EcsDoc, stats: SenderStats): WriteResult {
    return this.fanOut(doc, null, stats);
  }

  /**
   * Hands a serialized document (from a parser worker) to the outputs. Outputs that only take
   * documents get it parsed back (their cost, not the common path's).
   */
  deliverEncoded(ev: EncodedEvent, stats: SenderStats): WriteResult {
    return this.fanOut(null, ev, stats);
  }

  /** One event to every output: the primary with the sender's ledger, the others with their own. */
  private fanOut(doc: EcsDoc | null, ev: EncodedEvent | null, stats: SenderStats): WriteResult {
    const outputs = this.outputs;
    const primary = outputs[0]!;
    const last = outputs.length - 1;
    const r = writeTo(primary, doc !== null && last > 0 ? structuredClone(doc) : doc, ev, stats);
    if (r === WriteResult.Rejected) {
      this.markFull(primary);
      return r;
    }
    if (r === WriteResult.Full) this.markFull(primary);
    let worst: WriteResult = r;
    for (let i = 1; i <= last; i++) {
      const o = outputs[i]!;
      const s = this.secondaryStats[i - 1]!;
      s.received++;
      // outputs may add to a document (@timestamp): each but the last gets its own copy
      const ri = writeTo(o, doc !== null && i < last ? structuredClone(doc) : doc, ev, s);
      if (ri === WriteResult.Rejected) s.dropped.queue_full++;
      if (ri !== WriteResult.Ok) {
        this.markFull(o);
        if (worst === WriteResult.Ok) worst = WriteResult.Full;
      }
    }
    return worst;
  }

  private markFull(o: Output): void {
    this.fullOutputs.add(o);
    this.paused = true;
  }
}

/** A document or its serialized form to one output, whichever the output takes. */
function writeTo(o: Output, doc: EcsDoc | null, ev: EncodedEvent | null, stats: SenderStats): WriteResult {
  if (ev === null) return o.write(doc!, stats);
  return o.writeEncoded ? o.writeEncoded(ev, stats) : o.write(JSON.parse(jsonOf(ev)) as EcsDoc, stats);
}
