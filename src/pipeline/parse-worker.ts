/**
 * Parser worker thread: takes batches of raw frames from the main thread, runs the whole
 * processing (syslog, vendor, enrichment, ECS) and serializes each document once; hands back one
 * string of JSON lines plus per-event routing facts and per-sender outcome counts. The main thread
 * keeps the sockets and the outputs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Processor, type EventOriginalMode } from './process.js';
import { warmUp } from './warm-up.js';
import { SenderStats, Telemetry } from '../core/telemetry.js';
import { buildEnrichment, type EnrichSettings } from '../enrich/build.js';
import { datasetOf, eventTime } from '../sinks/index-name.js';
import type { Frame } from '../core/types.js';
import type { SenderRule } from '../dispatch/senders.js';
import type { BatchMessage, ResultMessage } from './worker-protocol.js';
import { serialize } from '../ecs/serialize.js';

interface WorkerConfig {
  senders: SenderRule[];
  eventOriginal: EventOriginalMode;
  enrich: EnrichSettings;
}

const cfg = workerData as WorkerConfig;
const telemetry = new Telemetry();
const enrichment = await buildEnrichment({ ...cfg.enrich, log: undefined });
const processors = new Map<string, Processor>();

function processorFor(tz: string): Processor {
  let p = processors.get(tz);
  if (p === undefined) {
    p = new Processor({ timezone: tz, senders: cfg.senders, enrichers: enrichment.enrichers, telemetry, deviceTimezone: enrichment.deviceTimezone, eventOriginal: cfg.eventOriginal });
    processors.set(tz, p);
  }
  return p;
}

const frame: Frame = { data: Buffer.alloc(0), senderIp: '', senderPort: 0, listener: '', receivedAt: 0, truncated: false };

parentPort!.on('message', (m: BatchMessage) => {
  const data = Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength);
  const n = m.ends.length;
  const senders = m.senders.map((s) => new SenderStats(s.listener, s.ip));
  const lens = new Int32Array(n);
  const times = new Float64Array(n);
  const datasets: string[] = new Array(n);
  const parts: string[] = new Array(n);
  let start = 0;
  for (let i = 0; i < n; i++) {
    const end = m.ends[i]!;
    const si = m.senderIdx[i]!;
    const s = m.senders[si]!;
    frame.data = data.subarray(start, end);
    frame.senderIp = s.ip;
    frame.senderPort = s.port;
    frame.listener = s.listener;
    frame.receivedAt = m.receivedAt[i]!;
    frame.truncated = m.truncated[i] === 1;
    start = end;
    const doc = processorFor(s.timezone).process(frame, senders[si]!);
    times[i] = eventTime(doc);
    datasets[i] = datasetOf(doc);
    const json = serialize(doc);
    parts[i] = json;
    lens[i] = json.length;
  }
  const out: ResultMessage = {
    id: m.id,
    json: parts.join(''),
    lens,
    times,
    datasets,
    outcomes: senders.map((s) => ({
      parsed: s.parsed, unknown: s.unknown, syslogOnly: s.syslogOnly, failed: s.failed, truncated: s.truncated, family: s.family,
      samples: telemetry.takeSamples(s),
    })),
    coverage: [...telemetry.coverage].map(([k, c]): [string, number, number] => [k, c.parsed, c.unknown]),
  };
  telemetry.coverage.clear();
  parentPort!.postMessage(out, [lens.buffer, times.buffer]);
});

warmUp();
parentPort!.postMessage({ ready: true });
