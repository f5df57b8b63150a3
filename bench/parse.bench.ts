/**
 * Bench `parse` and `header`: parse + normalize on a mixed corpus of all device families (our own
 * golden fixtures, fixtures/<family>/*.log; the shipped parser files loaded, as `run` does), one core, no I/O: events/s overall and per family;
 * the same corpus in batches grouped by parser, as a parser worker runs it; and header parsing alone
 * for RFC 5424 and RFC 3164. Prints one JSON line.
 * Usage: node dist/bench/parse.bench.js [--seconds N] [--warm-up N] [--only mixed|batched|<family>|header5424|header3164]
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Processor } from '../src/pipeline/process.js';
import { Telemetry } from '../src/core/telemetry.js';
import { parseSyslog } from '../src/syslog/parse.js';
import type { Frame } from '../src/core/types.js';
import { serialize } from '../src/ecs/serialize.js';
import { BatchRunner, type BatchFrames } from '../src/pipeline/batch.js';
import { BATCH_EVENTS } from '../src/pipeline/worker-protocol.js';
import { loadParserSet } from '../src/config/parsers.js';
import { ParserHolder } from '../src/parsers/parser-set.js';

/** the families of the shipped parser files, loaded as `run` loads them by default */
const parsers = new ParserHolder(loadParserSet(null));

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1] || 2) || 2;
const WARM_UP_S = Number(process.argv[process.argv.indexOf('--warm-up') + 1] || 3) || 3;

function fixtures(): Map<string, Buffer[]> {
  const out = new Map<string, Buffer[]>();
  const root = 'fixtures';
  if (!existsSync(root)) return out;
  for (const fam of readdirSync(root).sort()) {
    const dir = join(root, fam);
    if (!existsSync(dir) || !readdirSync(dir).length) continue;
    const lines: Buffer[] = [];
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.log') || f.includes('invalid')) continue;
      for (const l of readFileSync(join(dir, f), 'utf8').split('\n')) if (l.trim()) lines.push(Buffer.from(l));
    }
    if (lines.length) out.set(fam, lines);
  }
  return out;
}

function run(lines: Buffer[], secs: number, warmUpS: number): number {
  const telemetry = new Telemetry();
  const p = new Processor({ timezone: 'UTC', senders: [], enrichers: [], telemetry, parsers });
  const stats = telemetry.stats('bench', '10.0.0.1');
  const frame: Frame = { data: lines[0]!, senderIp: '10.0.0.1', senderPort: 514, listener: 'bench', receivedAt: Date.now(), truncated: false };
  let n = 0;
  let sink = 0;
  // warm-up, by time: the optimizing compiler needs about 3 s of this 2-core machine for the mixed
  // corpus (15 parsers, 300+ functions compiled, 3.2 s of compile threads measured with
  // --trace-opt); counted by events instead (20k), the mixed figure was mostly JIT warm-up
  // (13.4k/s, against 19-21k/s measured over 15-30 s). A collector runs for days.
  const warmEnd = process.hrtime.bigint() + BigInt(Math.round(warmUpS * 1e9));
  for (let i = 0; ; i++) {
    frame.data = lines[i % lines.length]!;
    sink += serialize(p.process(frame, stats)).length;
    if ((i & 1023) === 0 && process.hrtime.bigint() >= warmEnd) break;
  }
  const t0 = process.hrtime.bigint();
  const end = t0 + BigInt(Math.round(secs * 1e9));
  let now = t0;
  while (now < end) {
    for (let i = 0; i < 1000; i++) {
      frame.data = lines[n % lines.length]!;
      // normalize includes serializing the document once, as outputs do
      sink += serialize(p.process(frame, stats)).length;
      n++;
    }
    now = process.hrtime.bigint();
  }
  if (sink === 42) console.error('');
  return n / (Number(now - t0) / 1e9);
}

/**
 * The same corpus in batches of BATCH_EVENTS frames through BatchRunner, as a parser worker
 * (`pipeline.workers` >= 1) handles a full batch: headers first, then documents grouped by parser.
 */
function runBatched(lines: Buffer[], secs: number, warmUpS: number): number {
  const telemetry = new Telemetry();
  const p = new Processor({ timezone: 'UTC', senders: [], enrichers: [], telemetry, parsers });
  const stats = telemetry.stats('bench', '10.0.0.1');
  let base = 0;
  const frames: BatchFrames = {
    frame: { data: lines[0]!, senderIp: '10.0.0.1', senderPort: 514, listener: 'bench', receivedAt: Date.now(), truncated: false },
    load(i: number): void {
      this.frame.data = lines[(base + i) % lines.length]!;
    },
    processor: () => p,
    stats: () => stats,
  };
  const runner = new BatchRunner();
  let sink = 0;
  const consume = (doc: object): void => {
    sink += serialize(doc).length;
  };
  const warmEnd = process.hrtime.bigint() + BigInt(Math.round(warmUpS * 1e9));
  while (process.hrtime.bigint() < warmEnd) {
    runner.run(frames, BATCH_EVENTS, consume);
    base += BATCH_EVENTS;
  }
  let n = 0;
  const t0 = process.hrtime.bigint();
  const end = t0 + BigInt(Math.round(secs * 1e9));
  let now = t0;
  while (now < end) {
    runner.run(frames, BATCH_EVENTS, consume);
    base += BATCH_EVENTS;
    n += BATCH_EVENTS;
    now = process.hrtime.bigint();
  }
  if (sink === 42) console.error('');
  return n / (Number(now - t0) / 1e9);
}

function header(lines: string[], secs: number): number {
  let n = 0, sink = 0;
  const now = Date.now();
  for (let i = 0; i < 500_000; i++) sink += parseSyslog(lines[i % lines.length]!, 0, 'UTC', now).message.length;
  const t0 = process.hrtime.bigint();
  const end = t0 + BigInt(Math.round(secs * 1e9));
  let t = t0;
  while (t < end) {
    for (let i = 0; i < 1000; i++) {
      sink += parseSyslog(lines[n % lines.length]!, 0, 'UTC', now).message.length;
      n++;
    }
    t = process.hrtime.bigint();
  }
  if (sink === 42) console.error('');
  return n / (Number(t - t0) / 1e9);
}

const fam = fixtures();
const all: Buffer[] = [];
// interleave families so the mix is realistic for branch prediction and caches
const lists = [...fam.values()];
for (let i = 0; i < 2000; i++) for (const l of lists) all.push(l[i % l.length]!);

/**
 * Each measurement in a process of its own: measured in one process one after the other, the
 * later ones ran on code compiled for the earlier ones' mix (batched 40.4k after the per-event run,
 * 57.7k alone).
 */
const only = process.argv.indexOf('--only') > 0 ? process.argv[process.argv.indexOf('--only') + 1]! : null;
if (only !== null) {
  let rate = 0;
  if (only === 'mixed') rate = run(all, seconds, WARM_UP_S);
  else if (only === 'batched') rate = runBatched(all, seconds, WARM_UP_S);
  else if (only === 'header5424') rate = header([
    '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"] An application event log entry',
    '<34>1 2024-03-10T08:00:00.123456+01:00 fw01.example.net sshd 4242 AUTH - Accepted publickey for admin from 192.0.2.10 port 52544 ssh2',
  ], seconds / 2);
  else if (only === 'header3164') rate = header([
    '<13>Feb  5 17:32:18 10.0.0.99 sshd[123]: Accepted password for root from 192.0.2.1 port 22 ssh2',
    '<166>Jan 22 2024 10:00:01 fw-1 : %ASA-6-302013: Built outbound TCP connection 1234 for outside:8.8.8.8/53 (8.8.8.8/53) to inside:10.0.0.1/5353 (10.0.0.1/5353)',
    '<189>000123: *Mar  1 18:46:11.123: %SYS-5-CONFIG_I: Configured from console by vty0 (10.1.1.1)',
  ], seconds / 2);
  else rate = run(fam.get(only) ?? [], Math.max(0.5, seconds / 4), Math.min(WARM_UP_S, 2));
  process.stdout.write(String(Math.round(rate)) + '\n');
} else {
  const measure = (what: string): number => all.length === 0 ? 0 : Number(execFileSync(process.execPath,
    [fileURLToPath(import.meta.url), '--only', what, '--seconds', String(seconds), '--warm-up', String(WARM_UP_S)], { encoding: 'utf8' }).trim());
  const per: Record<string, number> = {};
  const mixed = measure('mixed');
  const batched = measure('batched');
  for (const name of fam.keys()) per[name] = measure(name);
  process.stdout.write(JSON.stringify({
    scenario: 'parse',
    system: 'syslog-ecs',
    events_per_s: mixed,
    batched_events_per_s: batched,
    batch_events: BATCH_EVENTS,
    families: fam.size,
    per_family_events_per_s: per,
    header_rfc5424_per_s: measure('header5424'),
    header_rfc3164_per_s: measure('header3164'),
    node: process.version,
  }) + '\n');
}
