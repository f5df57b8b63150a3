import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Processor } from '../src/pipeline/process.js';
import { Telemetry } from '../src/core/telemetry.js';
import type { Frame } from '../src/core/types.js';
const mode = process.argv[2] ?? 'both';
const grouped = Number(process.argv[3] ?? 0);
const families = readdirSync('fixtures').filter((f) => !f.includes('.'));
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
if (grouped > 0) for (let r = 0; r < Math.ceil(400 / grouped); r++) for (const ls of perFamily) for (let i = 0; i < grouped; i++) lines.push(ls[(r * grouped + i) % ls.length]!);
else for (let i = 0; i < 400; i++) for (const ls of perFamily) lines.push(ls[i % ls.length]!);
const telemetry = new Telemetry();
const p = new Processor({ timezone: 'UTC', senders: [], enrichers: [], telemetry });
const stats = telemetry.stats('bench', '10.0.0.1');
const frame: Frame = { data: lines[0]!, senderIp: '10.0.0.1', senderPort: 514, listener: 'bench', receivedAt: Date.now(), truncated: false };
const docs = lines.map((l) => { frame.data = l; return p.process(frame, stats); });
let sink = 0;
function step(n: number) {
  if (mode === 'stringify') sink += JSON.stringify(docs[n % docs.length]).length;
  else { frame.data = lines[n % lines.length]!; const d = p.process(frame, stats); sink += mode === 'both' ? JSON.stringify(d).length : (d ? 1 : 0); }
}
let n = 0;
const warmEnd = Date.now() + 3000;
while (Date.now() < warmEnd) for (let i = 0; i < 500; i++) step(n++);
n = 0;
const cpu0 = process.cpuUsage();
const end = Date.now() + 3000;
while (Date.now() < end) for (let i = 0; i < 500; i++) step(n++);
const c = process.cpuUsage(cpu0);
console.log(mode, grouped, Math.round(n / ((c.user + c.system) / 1e6)), sink > 0);
import v8 from 'node:v8';
for (const s of v8.getHeapSpaceStatistics()) console.log(s.space_name, (s.space_used_size/1e6).toFixed(2), 'MB');
