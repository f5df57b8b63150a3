/**
 * The Elasticsearch output while nothing answers at its address (a closed port): memory bounded by
 * configuration (events and bytes), no copy of a request body per failed attempt, and no
 * read-fail-respill churn of the disk buffer while nothing comes in.
 */
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ElasticsearchOutput } from '../../../src/sinks/elasticsearch/index.js';
import { BulkService, createClient } from '../../../src/sinks/elasticsearch/service.js';
import { esSettingsFromConfig } from '../../../src/config/elasticsearch.js';
import { WriteResult } from '../../../src/core/stages.js';
import { SenderStats } from '../../../src/core/telemetry.js';
import type { EcsDoc } from '../../../src/core/types.js';
import { deadPort } from '../../helpers/collector.js';

/** An event of about 2 KB of JSON. */
function event(i: number): EcsDoc {
  const ts = '2026-12-01T10:00:00.000Z';
  return { '@timestamp': ts, message: `event ${i} ` + 'x'.repeat(2000), event: { created: ts, dataset: 'syslog', original: `e${i}` }, log: { source: { address: '10.0.0.1:514' } } };
}

test('a failed bulk request keeps its body as it is: no copy of it in the error', async () => {
  const settings = esSettingsFromConfig({ url: `http://127.0.0.1:${await deadPort()}` }, 'test', {});
  const client = createClient(settings);
  const body = Buffer.alloc(1 << 20, 0x61);
  let err: unknown;
  try {
    await new BulkService(client).bulk(body);
  } catch (e) {
    err = e;
  }
  await client.close();
  expect((err as Error).name).toBe('ConnectionError');
  // the transport's default redaction clones the request's metadata key by key, a Buffer into an
  // object of a million properties (hundreds of MB of garbage per attempt)
  const params = (err as { meta?: { meta?: { request?: { params?: { body?: unknown } } } } }).meta?.meta?.request?.params;
  expect(params).toBeDefined();
  expect(params!.body === undefined || params!.body === body).toBe(true);
});

test('queue_max_bytes bounds what is held in memory, whatever queue_max_events allows', async () => {
  const out = new ElasticsearchOutput(esSettingsFromConfig({
    url: `http://127.0.0.1:${await deadPort()}`, queue_max_events: 1_000_000, queue_max_bytes: 1 << 20, setup_templates: false,
    retry_backoff_ms: 60_000, retry_backoff_max_ms: 60_000,
  }, 'test', {}));
  await out.start();
  const stats = new SenderStats('test', '10.0.0.1');
  let firstFull = -1;
  let firstRejected = -1;
  for (let i = 0; i < 5000 && firstRejected < 0; i++) {
    const r = out.write(event(i), stats);
    if (r === WriteResult.Full && firstFull < 0) firstFull = i;
    if (r === WriteResult.Rejected) firstRejected = i;
  }
  // entries of about 2.2 KB: full at 1 MiB, refused at twice that
  expect(firstFull).toBeGreaterThan(400);
  expect(firstFull).toBeLessThan(500);
  expect(firstRejected).toBeGreaterThan(800);
  expect(firstRejected).toBeLessThan(1000);
  expect(out.pending()).toBe(firstRejected);
  await out.close(Date.now());
  expect(stats.dropped.shutdown).toBe(firstRejected);
});

test('disk buffer with Elasticsearch down: no replay churn and no segment growth while nothing comes in', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'es-churn-'));
  const out = new ElasticsearchOutput(esSettingsFromConfig({
    url: `http://127.0.0.1:${await deadPort()}`, setup_templates: false, queue_max_events: 200, flush_interval_ms: 10,
    max_retries: 1, retry_backoff_ms: 1, retry_backoff_max_ms: 5_000,
    disk_buffer: { path: dir, max_bytes: 64 << 20, segment_bytes: 1 << 20 },
  }, 'test', {}));
  await out.start();
  const stats = new SenderStats('test', '10.0.0.1');
  for (let i = 0; i < 1000; i++) out.write(event(i), stats);
  const bytes = (): number => readdirSync(dir).filter((f) => f.endsWith('.seg')).reduce((a, f) => a + statSync(join(dir, f)).size, 0);
  // the first batches fail their retries and go back to the disk buffer
  while (out.counters.spilledToDisk < 1000) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 300));
  const before = { spilled: out.counters.spilledToDisk, replayed: out.counters.replayedFromDisk, bytes: bytes() };
  await new Promise((r) => setTimeout(r, 2000));
  expect({ spilled: out.counters.spilledToDisk, replayed: out.counters.replayedFromDisk, bytes: bytes() }).toEqual(before);
  expect(out.pending()).toBe(1000);
  await out.close(Date.now());
  expect(stats.dropped.shutdown + stats.written + stats.dropped.output_error).toBe(0);
}, 30_000);
