/**
 * `syslog-ecs parse [--framing lf|octet-counting] [--timezone TZ] [--geoip-dir DIR] [--assets FILE] [--stats] [FILE|-]`
 * Reads a byte stream as if it had arrived on one TCP connection and prints one ECS document per
 * message, in input order, never skipping one.
 */
import { createReadStream } from 'node:fs';
import { StreamFramer, type Framing } from '../framing/stream-framer.js';
import { Processor } from '../pipeline/process.js';
import { Telemetry } from '../core/telemetry.js';
import { isValidTimezone } from '../syslog/timezone.js';
import type { Frame } from '../core/types.js';
import { UsageError } from '../core/errors.js';
import { buildEnrichment } from '../enrich/build.js';
import { serialize } from '../ecs/serialize.js';
import type { Enricher } from '../core/stages.js';
import { loadParserSet } from '../config/parsers.js';
import { ParserHolder } from '../parsers/parser-set.js';
import { explainFrame } from './explain.js';

export interface ParseArgs {
  framing: Framing;
  timezone: string;
  geoipDir: string | null;
  assets: string | null;
  /** user dictionary from directory-sync */
  users?: string | null;
  now: number | null;
  stats: boolean;
  maxMessageBytes: number;
  input: string;
  /** a directory of parser files besides the shipped ones */
  parsers?: string | null;
  /** print, for each line, the family, the status and what produced each field, instead of the documents */
  explain?: boolean;
}

export async function parseCommand(a: ParseArgs): Promise<number> {
  if (!isValidTimezone(a.timezone)) throw new UsageError(`--timezone: unknown zone "${a.timezone}"`);
  const telemetry = new Telemetry();
  const enrichment = await buildEnrichment({ geoipDir: a.geoipDir, assets: a.assets, users: a.users ?? null, watch: false });
  const enrichers: Enricher[] = enrichment.enrichers;
  const holder = new ParserHolder(loadParserSet(a.parsers ?? null));
  const processor = new Processor({ timezone: a.timezone, senders: [], enrichers, telemetry, deviceTimezone: enrichment.deviceTimezone, parsers: holder });
  let n = 0;
  const stats = telemetry.stats('file', a.input);
  const out = process.stdout;
  let chunks: string[] = [];
  let size = 0;
  const flush = (): Promise<void> | null => {
    if (chunks.length === 0) return null;
    const s = chunks.join('');
    chunks = [];
    size = 0;
    if (!out.write(s)) return new Promise((r) => out.once('drain', () => r()));
    return null;
  };
  const frame: Frame = { data: Buffer.alloc(0), senderIp: '', senderPort: 0, listener: 'file', receivedAt: 0, truncated: false };
  const framer = new StreamFramer(a.framing, a.maxMessageBytes, (data, truncated) => {
    frame.data = data;
    frame.truncated = truncated;
    frame.receivedAt = a.now ?? Date.now();
    n++;
    const line = a.explain === true ? explainFrame(processor, holder, frame, stats, n).text : serialize(processor.process(frame, stats)) + '\n';
    chunks.push(line);
    size += line.length;
    stats.written++;
  }, (count) => {
    // a counted frame over the limit is skipped, not printed: say so, as the collector counts it
    stats.received++;
    stats.dropped.oversize++;
    process.stderr.write(`syslog-ecs: parse: a frame counted ${count} bytes, over --max-message-bytes ${a.maxMessageBytes}: skipped\n`);
  });
  const input = a.input === '-' ? process.stdin : createReadStream(a.input);
  for await (const chunk of input) {
    framer.push(chunk as Buffer);
    if (size > 1 << 20) {
      const w = flush();
      if (w) await w;
    }
  }
  framer.end();
  const w = flush();
  if (w) await w;
  enrichment.close();
  if (a.stats) printStats(telemetry);
  return 0;
}

function printStats(t: Telemetry): void {
  const tot = t.totals();
  const lines = [
    `messages ${tot.received}: parsed ${tot.parsed}, unknown ${tot.unknown}, syslog only ${tot.syslogOnly}, parser errors ${tot.failed}, truncated ${tot.truncated}`,
    'family message_id parsed unknown',
  ];
  const rows = [...t.coverage.entries()].sort((x, y) => x[0].localeCompare(y[0]));
  for (const [k, v] of rows) lines.push(`${k} ${v.parsed} ${v.unknown}`);
  process.stderr.write(lines.join('\n') + '\n');
}
