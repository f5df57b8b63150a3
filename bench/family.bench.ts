/**
 * One family's fixtures through the Processor in a loop (for profiling a single parser):
 * node dist/bench/family.bench.js <family>[,<family>...]|all [seconds]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Processor } from '../src/pipeline/process.js';
import { Telemetry } from '../src/core/telemetry.js';
import type { Frame } from '../src/core/types.js';

const fam = process.argv[2] ?? 'snort';
const secs = Number(process.argv[3] ?? 3);
// `all`: every family's fixtures interleaved, as one port receives them
const families = fam === 'all' ? readdirSync('fixtures').filter((f) => !f.includes('.')) : fam.split(',');
const perFamily: Buffer[][] = [];
for (const family of families) {
  const ls: Buffer[] = [];
  for (const f of readdirSync(join('fixtures', family))) {
    if (!f.endsWith('.log') || f.includes('invalid')) continue;
    for (const l of readFileSync(join('fixtures', family, f), 'utf8').split('\n')) if (l.trim()) ls.push(Buffer.from(l));
  }
  if (ls.length) perFamily.push(ls);
}
const lines: Buffer[] = [];
// GROUPED=1: each family in a block of 400 lines (how a port fed by one device at a time sees them);
// GROUPED=N (N > 1): blocks of N lines per family, the families taking turns
const grouped = Number(process.env.GROUPED ?? 0);
if (grouped === 1) for (const ls of perFamily) for (let i = 0; i < 400; i++) lines.push(ls[i % ls.length]!);
else if (grouped > 1) for (let r = 0; r < Math.ceil(400 / grouped); r++) for (const ls of perFamily) for (let i = 0; i < grouped; i++) lines.push(ls[(r * grouped + i) % ls.length]!);
else for (let i = 0; i < 400; i++) for (const ls of perFamily) lines.push(ls[i % ls.length]!);
const telemetry = new Telemetry();
const p = new Processor({ timezone: 'UTC', senders: [], enrichers: [], telemetry });
const stats = telemetry.stats('bench', '10.0.0.1');
const frame: Frame = { data: lines[0]!, senderIp: '10.0.0.1', senderPort: 514, listener: 'bench', receivedAt: Date.now(), truncated: false };
let n = 0, sink = 0;
// warm-up by time (the optimizing compiler), then measure
const warmEnd = Date.now() + Number(process.env.WARM_UP_S ?? 3) * 1000;
while (Date.now() < warmEnd) {
  for (let i = 0; i < 500; i++) {
    frame.data = lines[n % lines.length]!;
    sink += JSON.stringify(p.process(frame, stats)).length;
    n++;
  }
}
n = 0;
const end = Date.now() + secs * 1000;
const t0 = Date.now();
const cpu0 = process.cpuUsage();
while (Date.now() < end) {
  for (let i = 0; i < 500; i++) {
    frame.data = lines[n % lines.length]!;
    sink += JSON.stringify(p.process(frame, stats)).length;
    n++;
  }
}
// CPU time of this process as well: on a shared, busy machine it varies far less than wall time
const cpu = process.cpuUsage(cpu0);
const cpuSecs = (cpu.user + cpu.system) / 1e6;
process.stdout.write(JSON.stringify({
  scenario: 'family', family: fam, events_per_s: Math.round(n / ((Date.now() - t0) / 1000)),
  events_per_cpu_s: Math.round(n / cpuSecs), sink,
}) + '\n');
