/**
 * Parser worker thread: takes batches of raw frames from the main thread, runs the whole
 * processing (syslog, vendor, enrichment, ECS) parser by parser (BatchRunner) and serializes each
 * document once; hands back the documents as UTF-8 in one buffer, per-event routing facts and
 * per-sender outcome counts, and the batch's frame buffer. The main thread keeps the sockets and
 * the outputs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Processor } from './process.js';
import type { EventOriginalMode } from '../config/load.js';
import { warmUp } from './warm-up.js';
import { SenderStats, Telemetry } from '../core/telemetry.js';
import { buildEnrichment, type EnrichSettings } from '../enrich/build.js';
import { datasetOf, eventTime } from '../sinks/index-name.js';
import type { Frame } from '../core/types.js';
import type { SenderRule } from '../dispatch/senders.js';
import { BUFFERS_KEPT, type BatchMessage, type ResultMessage } from './worker-protocol.js';
import { serializeDoc, type SerializedText } from '../ecs/serialize.js';
import { BatchRunner, type BatchFrames } from './batch.js';
import { ParserHolder, ParserSet, type ParserSource } from '../parsers/parser-set.js';
import { buildParserSet } from '../parsers/load.js';
import { parserLoadOptions } from '../config/parsers.js';

interface WorkerConfig {
  senders: SenderRule[];
  eventOriginal: EventOriginalMode;
  enrich: EnrichSettings;
  parsers: ParserSource[];
}

/** The families of parser files the main thread validated (regular expressions and samples checked there). */
function parserSet(sources: readonly ParserSource[]): ParserSet {
  return sources.length === 0 ? ParserSet.empty() : buildParserSet(sources, { ...parserLoadOptions(), prechecked: true }).set;
}

const cfg = workerData as WorkerConfig;
const telemetry = new Telemetry();
const parsers = new ParserHolder(parserSet(cfg.parsers));
const enrichment = await buildEnrichment({ ...cfg.enrich, log: undefined });
const processors = new Map<string, Processor>();

function processorFor(tz: string): Processor {
  let p = processors.get(tz);
  if (p === undefined) {
    p = new Processor({ timezone: tz, senders: cfg.senders, enrichers: enrichment.enrichers, telemetry, deviceTimezone: enrichment.deviceTimezone, eventOriginal: cfg.eventOriginal, parsers });
    processors.set(tz, p);
  }
  return p;
}

const EMPTY = Buffer.alloc(0);

/** The current batch's frames, as BatchRunner reads them. */
class WorkerFrames implements BatchFrames {
  readonly frame: Frame = { data: EMPTY, senderIp: '', senderPort: 0, listener: '', receivedAt: 0, truncated: false };
  data: Buffer = EMPTY;
  m: BatchMessage | null = null;
  senders: SenderStats[] = [];
  private procs: Processor[] = [];

  /** Points at a batch; null lets go of the last one (its buffer goes back to the main thread). */
  reset(m: BatchMessage | null): void {
    this.m = m;
    this.data = m === null ? EMPTY : Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength);
    this.frame.data = EMPTY;
    this.senders = m === null ? [] : m.senders.map((s) => new SenderStats(s.listener, s.ip));
    this.procs = m === null ? [] : m.senders.map((s) => processorFor(s.timezone));
  }

  load(i: number): void {
    const m = this.m!;
    const s = m.senders[m.senderIdx[i]!]!;
    const f = this.frame;
    f.data = this.data.subarray(i === 0 ? 0 : m.ends[i - 1]!, m.ends[i]!);
    f.senderIp = s.ip;
    f.senderPort = s.port;
    f.listener = s.listener;
    f.receivedAt = m.receivedAt[i]!;
    f.truncated = m.truncated[i] === 1;
  }

  processor(i: number): Processor {
    return this.procs[this.m!.senderIdx[i]!]!;
  }

  stats(i: number): SenderStats {
    return this.senders[this.m!.senderIdx[i]!]!;
  }
}

/** result buffers: the first holds a full batch of typical documents (2,048 of 2 KB) */
const OUT_BYTES = 4 << 20;
const outPool: Buffer[] = [];

const frames = new WorkerFrames();
const runner = new BatchRunner();

parentPort!.on('message', (m: BatchMessage | { parsers: ParserSource[] }) => {
  // a reload of the parser files: batches after this message are parsed with the new families
  if ('parsers' in m) {
    parsers.current = parserSet(m.parsers);
    return;
  }
  frames.reset(m);
  const senders = frames.senders;
  const n = m.ends.length;
  if (m.spareOut !== undefined) for (const b of m.spareOut) if (outPool.length < BUFFERS_KEPT) outPool.push(Buffer.from(b));
  const times = new Float64Array(n);
  const datasets: string[] = new Array(n);
  const starts = new Int32Array(n);
  const lens = new Int32Array(n);
  let out = outPool.pop() ?? Buffer.allocUnsafeSlow(OUT_BYTES);
  let used = 0;
  const text: SerializedText = { json: '', ascii: false };
  runner.run(frames, n, (doc, i) => {
    times[i] = eventTime(doc);
    datasets[i] = datasetOf(doc);
    // written at once, while the string's pieces are young (documents come in parser order:
    // starts says where each one is)
    const { json, ascii } = serializeDoc(doc, text);
    if (used + json.length * 3 > out.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(out.length * 2, used + json.length * 3));
      out.copy(bigger, 0, 0, used);
      out = bigger;
    }
    const w = out.write(json, used, ascii ? 'latin1' : 'utf8');
    starts[i] = used;
    lens[i] = w;
    used += w;
  });
  const result: ResultMessage = {
    id: m.id,
    spare: m.data.buffer as ArrayBuffer,
    out: out.buffer as ArrayBuffer,
    starts,
    lens,
    times,
    datasets,
    outcomes: senders.map((s) => ({
      parsed: s.parsed, unknown: s.unknown, syslogOnly: s.syslogOnly, failed: s.failed, truncated: s.truncated, family: s.family,
      samples: telemetry.takeSamples(s),
    })),
    coverage: [...telemetry.coverage].map(([k, c]): [string, number, number] => [k, c.parsed, c.unknown]),
  };
  telemetry.clearCoverage();
  frames.reset(null);
  parentPort!.postMessage(result, [times.buffer, starts.buffer, lens.buffer, result.out, result.spare]);
});

warmUp(parsers);
parentPort!.postMessage({ ready: true });
