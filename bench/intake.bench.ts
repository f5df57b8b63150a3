/**
 * The collector's per-message path without sockets: framing -> syslog -> vendor detection -> ECS ->
 * JSON -> output bytes (each line written into a block as the file output appends it), on
 * loggen-style lines (what the tcp scenario sends). One core. Prints one JSON line.
 * node dist/bench/intake.bench.js [seconds]
 */
import { StreamFramer } from '../src/framing/stream-framer.js';
import { Processor } from '../src/pipeline/process.js';
import { Telemetry } from '../src/core/telemetry.js';
import type { Frame } from '../src/core/types.js';
import { encodeDoc } from '../src/sinks/encode.js';
import { writeEncodedInto } from '../src/core/stages.js';

const secs = Number(process.argv[2] ?? 3);
const pad = 'PADD'.repeat(30);
let text = '';
for (let i = 0; i < 2000; i++) {
  text += `<38>2026-11-22T04:58:12 localhost prg00000[1234]: seq: ${String(i).padStart(10, '0')}, thread: 0000, runid: 1795323492, stamp: 2026-11-22T04:58:12 ${pad}\n`;
}
const chunk = Buffer.from(text);
const telemetry = new Telemetry();
const p = new Processor({ timezone: 'UTC', senders: [], enrichers: [], telemetry });
const stats = telemetry.stats('tcp', '127.0.0.1');
const block = Buffer.allocUnsafe(1 << 20);
let n = 0, bytes = 0, used = 0;
const framer = new StreamFramer('auto', 65536, (data, truncated) => {
  const frame: Frame = { data, senderIp: '127.0.0.1', senderPort: 40000, listener: 'tcp://127.0.0.1:5514', receivedAt: Date.now(), truncated };
  const ev = encodeDoc(p.process(frame, stats));
  if (used + 65536 > block.length) used = 0;
  const w = writeEncodedInto(block, used, ev);
  block[used + w] = 10;
  used += w + 1;
  bytes += w + 1;
  n++;
});
const feed = (): void => {
  for (let off = 0; off < chunk.length; off += 65536) framer.push(chunk.subarray(off, Math.min(off + 65536, chunk.length)));
};
// warm-up by time (the optimizing compiler), then measure
const warmEnd = Date.now() + Number(process.env.WARM_UP_S ?? 2) * 1000;
while (Date.now() < warmEnd) feed();
n = 0;
bytes = 0;
const t0 = Date.now();
const cpu0 = process.cpuUsage();
const end = t0 + secs * 1000;
while (Date.now() < end) feed();
const s = (Date.now() - t0) / 1000;
// CPU time as well: on a shared, busy machine it varies far less than wall time
const cpu = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({
  scenario: 'intake', events_per_s: Math.round(n / s), events_per_cpu_s: Math.round(n / ((cpu.user + cpu.system) / 1e6)),
  us_per_event_cpu: +((cpu.user + cpu.system) / n).toFixed(2), json_mb_per_s: +(bytes / s / 1e6).toFixed(1),
}) + '\n');
