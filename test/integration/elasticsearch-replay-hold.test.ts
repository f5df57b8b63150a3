/**
 * The disk buffer's replay after Elasticsearch was away longer than the retry budget: the batches
 * went back to the disk and replay waited; once the node answers again (the test node refuses
 * `GET /` with 405, an answer all the same) everything is delivered, once.
 */
import { Client } from '@elastic/elasticsearch';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ElasticsearchOutput } from '../../src/sinks/elasticsearch/index.js';
import { esSettingsFromConfig } from '../../src/config/elasticsearch.js';
import { esUrl } from '../setup/es-node.mjs';
import { FaultProxy } from '../../bench/fault-proxy.mjs';
import { uniq, event, statsFor, countDocs } from './helpers/es-sink.js';

const N = 3000;

test('Elasticsearch away past the retries: the batches wait on disk, then all are delivered', async () => {
  const url = await esUrl();
  const client = new Client({ node: url });
  const proxy = new FaultProxy('127.0.0.1', Number(new URL(url).port));
  const port = await proxy.up();
  const prefix = uniq('hold');
  const out = new ElasticsearchOutput(esSettingsFromConfig({
    url: `http://127.0.0.1:${port}`,
    index_template: `${prefix}-{dataset}-{yyyy.MM.dd}`,
    template_name: prefix,
    dead_letter: { index: `${prefix}-dead-letter` },
    flush_interval_ms: 50,
    queue_max_events: 500,
    max_retries: 1,
    retry_backoff_ms: 50,
    retry_backoff_max_ms: 500,
    disk_buffer: { path: mkdtempSync(join(tmpdir(), 'es-hold-')), max_bytes: 64 << 20 },
  }, 'test', {}));
  try {
    await out.start();
    await proxy.down();
    const stats = statsFor('10.7.7.7');
    for (let i = 0; i < N; i++) out.write(event(i, { sender: '10.7.7.7' }), stats);
    // every event is on disk: the ones past the queue at once, the queued ones after their retries
    while (out.counters.spilledToDisk < N) await new Promise((r) => setTimeout(r, 50));
    expect(stats.written).toBe(0);
    await proxy.up();
    while (stats.written < N) await new Promise((r) => setTimeout(r, 100));
    expect(out.pending()).toBe(0);
    expect(await countDocs(client, `${prefix}-*`)).toBe(N);
  } finally {
    await out.close(Date.now() + 5000);
    await proxy.down();
    await client.indices.delete({ index: `${prefix}-*`, ignore_unavailable: true }).catch(() => undefined);
    await client.close();
  }
}, 120_000);
