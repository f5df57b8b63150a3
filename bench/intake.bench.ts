/**
 * The collector's per-message path without sockets: framing -> syslog -> vendor detection -> ECS ->
 * JSON, on loggen-style lines (what the tcp scenario sends). One core. Prints one JSON line.
 * node dist/bench/intake.bench.js [seconds]
 */
import { StreamFramer } from '../src/framing/stream-framer.js';
import { Processor } from '../src/pipeline/process.js';
import { Telemetry } from '../src/core/telemetry.js';
import type { Frame } from '../src/core/types.js';
import { serialize } from '../src/ecs/serialize.js';

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
let n = 0, bytes = 0;
let chunks: string[] = [];
const framer = new StreamFramer('auto', 65536, (data, truncated) => {
  const frame: Frame = { data, senderIp: '127.0.0.1', senderPort: 40000, listener: 'tcp://127.0.0.1:5514', receivedAt: Date.now(), truncated };
  const line = serialize(p.process(frame, stats)) + '\n';
  chunks.push(line);
  bytes += line.length;
  if (chunks.length >= 4096) chunks = [chunks.join('')].slice(1);
  n++;
});
const t0 = Date.now();
const end = t0 + secs * 1000;
while (Date.now() < end) {
  for (let off = 0; off < chunk.length; off += 65536) framer.push(chunk.subarray(off, Math.min(off + 65536, chunk.length)));
}
const s = (Date.now() - t0) / 1000;
process.stdout.write(JSON.stringify({ scenario: 'intake', events_per_s: Math.round(n / s), json_mb_per_s: +(bytes / s / 1e6).toFixed(1) }) + '\n');
