/**
 * The Elasticsearch output against a real node (ES_URL, else the local node of scripts/elasticsearch):
 * templates and mappings, daily indices either side of midnight, dead-lettering of a rejected
 * document while the rest of its batch is indexed, replays without duplicates, data streams.
 */
import { Client } from '@elastic/elasticsearch';
import { esUrl } from '../setup/es-node.mjs';
import { ElasticsearchOutput } from '../../src/sinks/elasticsearch/index.js';
import { esSettingsFromConfig } from '../../src/config/elasticsearch.js';
import { DATASETS } from '../../src/dispatch/dispatch.js';
import { uniq, event, statsFor, writeAll, countDocs, distinctSeq } from './helpers/es-sink.js';

let url: string;
let client: Client;
const prefix = uniq('it');

/** The output as the wiring makes it (pipeline/create-output.ts): every family's dataset known. */
function output(extra: Record<string, unknown> = {}): ElasticsearchOutput {
  const settings = esSettingsFromConfig({
    url,
    index_template: `${prefix}-{dataset}-{yyyy.MM.dd}`,
    template_name: prefix,
    dead_letter: { index: `${prefix}-dead-letter` },
    flush_interval_ms: 50,
    ...extra,
  }, 'test');
  settings.datasets = DATASETS;
  return new ElasticsearchOutput(settings);
}

beforeAll(async () => {
  url = await esUrl();
  client = new Client({ node: url });
});

afterAll(async () => {
  await client.indices.delete({ index: `${prefix}-*`, ignore_unavailable: true }).catch(() => undefined);
  await client.close();
});

describe('Elasticsearch output (real node)', () => {
  test('installs templates; source.ip is ip, @timestamp date; events either side of midnight land in two daily indices', async () => {
    const out = output();
    await out.start();
    const tpl = await client.indices.getIndexTemplate({ name: prefix });
    expect(tpl.index_templates[0]!.index_template.index_patterns).toEqual([`${prefix}-*`]);
    const stats = statsFor();
    const docs = [];
    for (let i = 0; i < 1000; i++) docs.push(event(i, { ts: i % 2 === 0 ? '2024-03-15T23:59:59.999Z' : '2024-03-16T00:00:00.000Z' }));
    await writeAll(out, docs, stats);
    await out.close();
    expect(stats.written).toBe(1000);
    expect(stats.dropped.output_error).toBe(0);
    expect(await countDocs(client, `${prefix}-cisco_asa.log-2024.03.15`)).toBe(500);
    expect(await countDocs(client, `${prefix}-cisco_asa.log-2024.03.16`)).toBe(500);
    const m = await client.indices.getFieldMapping({ index: `${prefix}-cisco_asa.log-2024.03.15`, fields: ['source.ip', '@timestamp', 'message', 'labels.seq', 'event.original'] });
    const fm = Object.values(m)[0]!.mappings as Record<string, { mapping: Record<string, { type: string }> }>;
    expect(fm['source.ip']!.mapping.ip!.type).toBe('ip');
    expect(fm['@timestamp']!.mapping['@timestamp']!.type).toBe('date');
    expect(['text', 'match_only_text']).toContain(fm.message!.mapping.message!.type);
    expect(fm['labels.seq']!.mapping.seq!.type).toBe('keyword'); // dynamic template, not text+keyword
    expect(fm['event.original']!.mapping.original!.type).toBe('keyword');
  });

  test('a rejected document goes to the dead-letter index with its reason; the rest of its batch is indexed', async () => {
    const out = output();
    await out.start();
    const stats = statsFor('10.2.2.2');
    const docs = [];
    for (let i = 0; i < 200; i++) docs.push(event(i, { sender: '10.2.2.2', ts: '2024-04-01T10:00:00.000Z' }));
    docs[77] = event(77, { sender: '10.2.2.2', ts: '2024-04-01T10:00:00.000Z', extra: { source: { ip: 'not-an-ip', port: 443 } } });
    await writeAll(out, docs, stats);
    await out.close();
    expect(stats.written).toBe(199);
    expect(stats.deadLettered).toBe(1);
    expect(out.counters.bulkRequests).toBeLessThanOrEqual(3);
    // what /metrics reads: every answered bulk request timed; no disk buffer configured
    expect(out.bulkLatency().count).toBe(out.counters.bulkRequests);
    expect(out.bulkLatency().sumSeconds).toBeGreaterThan(0);
    expect(out.diskBufferBytes()).toBe(0);
    expect(await countDocs(client, `${prefix}-cisco_asa.log-2024.04.01`)).toBe(199);
    await client.indices.refresh({ index: `${prefix}-dead-letter` });
    const dl = await client.search<{ error: { type: string; message: string }; event: { original: string }; dead_letter: { status: number; index: string } }>({ index: `${prefix}-dead-letter`, size: 10 });
    expect(dl.hits.hits).toHaveLength(1);
    const d = dl.hits.hits[0]!._source!;
    expect(d.dead_letter.status).toBe(400);
    expect(d.dead_letter.index).toBe(`${prefix}-cisco_asa.log-2024.04.01`);
    expect(d.error.type).toMatch(/parsing_exception/);
    expect(d.error.message).toMatch(/source\.ip/);
    expect(JSON.parse(d.event.original).source.ip).toBe('not-an-ip');
  });

  test('a replayed batch does not duplicate (deterministic _id, create)', async () => {
    const docs = () => Array.from({ length: 500 }, (_, i) => event(i, { sender: '10.3.3.3', ts: '2024-05-01T10:00:00.000Z' }));
    for (let round = 0; round < 2; round++) {
      const out = output({ setup_templates: round === 0 });
      await out.start();
      const stats = statsFor('10.3.3.3');
      await writeAll(out, docs(), stats);
      await out.close();
      expect(stats.written).toBe(500);
      if (round === 1) expect(out.counters.duplicates).toBe(500);
    }
    expect(await countDocs(client, `${prefix}-cisco_asa.log-2024.05.01`)).toBe(500);
    expect(await distinctSeq(client, `${prefix}-cisco_asa.log-2024.05.01`)).toBe(500);
  });

  test('back-pressure: a small queue reports Full and resumes; nothing is lost', async () => {
    const out = output({ queue_max_events: 100, flush_bytes: 4096, concurrency: 1 });
    await out.start();
    const stats = statsFor('10.4.4.4');
    const docs = Array.from({ length: 3000 }, (_, i) => event(i, { sender: '10.4.4.4', ts: '2024-06-01T10:00:00.000Z' }));
    const r = await writeAll(out, docs, stats);
    await out.close();
    expect(r.full).toBeGreaterThan(0);
    expect(r.rejected).toBe(0);
    expect(stats.written).toBe(3000);
    expect(await countDocs(client, `${prefix}-cisco_asa.log-2024.06.01`)).toBe(3000);
  });

  test('a request that completes sends what gathered meanwhile, without waiting for flush_interval_ms', async () => {
    // batches of 100 (queue 300, concurrency 2); the timer alone would hold the last 50 for a minute
    const out = output({ queue_max_events: 300, concurrency: 2, flush_interval_ms: 60_000 });
    await out.start();
    const stats = statsFor('10.6.6.6');
    for (let i = 0; i < 150; i++) out.write(event(i, { sender: '10.6.6.6', ts: '2024-07-01T10:00:00.000Z' }), stats);
    for (let i = 0; i < 200 && stats.written < 150; i++) await new Promise((r) => setTimeout(r, 50));
    expect(stats.written).toBe(150);
    expect(out.counters.bulkRequests).toBe(2);
    await out.close();
  });

  test('data streams: logs-{dataset}-{namespace} with op_type create', async () => {
    const ns = prefix.replace(/[^a-z0-9]/g, '');
    const out = output({ data_stream: { enabled: true, namespace: ns } });
    await out.start();
    const stats = statsFor('10.5.5.5');
    await writeAll(out, Array.from({ length: 100 }, (_, i) => event(i, { sender: '10.5.5.5' })), stats);
    await out.close();
    expect(stats.written).toBe(100);
    const name = `logs-cisco_asa.log-${ns}`;
    expect(await countDocs(client, name)).toBe(100);
    const idx = await client.indices.get({ index: name });
    expect(Object.keys(idx)[0]).toMatch(/^\.ds-logs-cisco_asa\.log-/);
    await client.indices.deleteDataStream({ name }).catch(() => client.indices.delete({ index: name, ignore_unavailable: true }));
    await client.indices.deleteIndexTemplate({ name: `${prefix}-ds` }).catch(() => undefined);
  });
});
