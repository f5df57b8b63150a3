/**
 * A collector stand-in for the SIGKILL test, bundled and run as its own process: an
 * ElasticsearchOutput with a disk buffer, fed `COUNT` events from `FROM` like a UDP listener
 * (writes whatever the output answers). Prints JSON status lines; `DONE` after a full flush.
 * Environment: ES (URL), DISK (dir), PREFIX, FROM, COUNT, QUEUE, FLUSH ('1': flush and exit).
 */
import { ElasticsearchOutput } from '../../../src/sinks/elasticsearch/index.js';
import { esSettingsFromConfig } from '../../../src/config/elasticsearch.js';
import { WriteResult } from '../../../src/core/stages.js';
import { event, statsFor } from './es-sink.js';

const env = process.env;
const from = Number(env.FROM ?? 0);
const count = Number(env.COUNT ?? 0);
const out = new ElasticsearchOutput(esSettingsFromConfig({
  url: env.ES,
  index_template: `${env.PREFIX}-{dataset}-{yyyy.MM.dd}`,
  template_name: env.PREFIX,
  dead_letter: { index: `${env.PREFIX}-dead-letter` },
  flush_interval_ms: 100,
  flush_bytes: 64 * 1024,
  concurrency: 1,
  queue_max_events: Number(env.QUEUE ?? 500),
  retry_backoff_ms: 100,
  retry_backoff_max_ms: 1000,
  max_retries: 1000,
  request_timeout_ms: 3000,
  disk_buffer: { path: env.DISK, max_bytes: 256 << 20, segment_bytes: 256 << 10 },
}, 'child'));

function status(kind: string): void {
  process.stdout.write(JSON.stringify({ kind, pending: out.pending(), ...out.counters }) + '\n');
}

await out.start();
const stats = statsFor('10.7.7.7');
let rejected = 0;
for (let i = from; i < from + count; i++) {
  if (out.write(event(i, { sender: '10.7.7.7', ts: '2024-08-01T08:00:00.000Z' }), stats) === WriteResult.Rejected) rejected++;
}
// the disk buffer is fsync'ed every flush interval: after two, everything spilled is on disk
await new Promise((r) => setTimeout(r, 300));
process.stdout.write(JSON.stringify({ kind: 'WROTE', rejected }) + '\n');
const timer = setInterval(() => status('progress'), 100);
if (env.FLUSH === '1') {
  await out.flush();
  clearInterval(timer);
  status('DONE');
  await out.close();
}
