/**
 * Elasticsearch stopped mid-stream, then started again: every event arrives exactly once. Runs its
 * own node (scripts/elasticsearch on ES_PORT+1, data kept across the restart) so the shared node
 * stays up. The outage lasts ES_OUTAGE_MS (default 30 s).
 */
import { Client } from '@elastic/elasticsearch';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalNode, stopLocalNode, DEFAULT_PORT } from '../setup/es-node.mjs';
import { ElasticsearchOutput } from '../../src/sinks/elasticsearch/index.js';
import { esSettingsFromConfig } from '../../src/config/elasticsearch.js';
import { WriteResult } from '../../src/core/stages.js';
import { uniq, event, statsFor, countDocs, distinctSeq, waitFor } from './helpers/es-sink.js';

const PORT = DEFAULT_PORT + 1;
const OUTAGE_MS = Number(process.env.ES_OUTAGE_MS ?? 30_000);
const N_TCP = 20_000;
const N_UDP = Math.round(OUTAGE_MS / 20) * 10 + 5000;
const N = N_TCP + N_UDP;
let url: string;

beforeAll(async () => {
  url = await startLocalNode(PORT, { heap: '512m' });
}, 180_000);

afterAll(async () => {
  await stopLocalNode(PORT);
}, 60_000);

test(`Elasticsearch down for ${OUTAGE_MS / 1000} s mid-stream: every event exactly once`, async () => {
  const prefix = uniq('outage');
  const diskDir = mkdtempSync(join(tmpdir(), 'es-outage-'));
  const out = new ElasticsearchOutput(esSettingsFromConfig({
    url,
    index_template: `${prefix}-{dataset}-{yyyy.MM.dd}`,
    template_name: prefix,
    dead_letter: { index: `${prefix}-dead-letter` },
    flush_interval_ms: 100,
    flush_bytes: 256 * 1024,
    queue_max_events: 2000,
    retry_backoff_ms: 100,
    retry_backoff_max_ms: 2000,
    max_retries: 1000,
    request_timeout_ms: 5000,
    disk_buffer: { path: diskDir, max_bytes: 256 << 20 },
  }, 'test'));
  await out.start();
  const tcp = statsFor('10.9.9.1'); // paces itself on Full/onDrain, like a TCP listener
  const udp = statsFor('10.9.9.2'); // writes regardless, like a UDP listener
  let resume: (() => void) | null = null;
  out.onDrain(() => {
    const r = resume;
    resume = null;
    r?.();
  });
  let sent = 0;
  let rejected = 0;
  let stopped = false;
  let restarted = false;
  const t0 = Date.now();
  const outage = (async () => {
    await waitFor(() => sent >= N_TCP / 4, 60_000, 'a quarter of the stream');
    await stopLocalNode(PORT);
    stopped = true;
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    await startLocalNode(PORT, { keepData: true, heap: '512m' });
    restarted = true;
  })();
  // UDP-like: a steady 10 events per 20 ms, whatever the output says (Full does not stop it)
  const udpLoop = (async () => {
    for (let i = 0; i < N_UDP; i += 10) {
      for (let j = i; j < i + 10; j++) {
        if (out.write(event(N_TCP + j, { sender: '10.9.9.2', ts: '2024-07-01T08:00:00.000Z' }), udp) === WriteResult.Rejected) rejected++;
      }
      await new Promise((res) => setTimeout(res, 20));
    }
  })();
  // TCP-like: as fast as the output takes it, pausing on Full until onDrain
  for (let i = 0; i < N_TCP; i++) {
    const r = out.write(event(i, { sender: '10.9.9.1', ts: '2024-07-01T08:00:00.000Z' }), tcp);
    sent++;
    if (r === WriteResult.Rejected) rejected++;
    if (r !== WriteResult.Ok) await new Promise<void>((res) => (resume = res));
    if (i % 500 === 0) await new Promise((res) => setTimeout(res, 10));
  }
  await udpLoop;
  await outage;
  await out.flush();
  await out.close();
  const client = new Client({ node: url });
  try {
    const index = `${prefix}-*`;
    expect(rejected).toBe(0);
    expect(stopped && restarted).toBe(true);
    expect(tcp.written).toBe(N_TCP);
    expect(udp.written).toBe(N_UDP);
    expect(tcp.dropped.output_error + udp.dropped.output_error + tcp.deadLettered + udp.deadLettered).toBe(0);
    expect(out.counters.spilledToDisk).toBeGreaterThan(0); // the outage did reach the disk buffer
    expect(await countDocs(client, `${prefix}-cisco_asa.log-2024.07.01`)).toBe(N);
    expect(await distinctSeq(client, index)).toBe(N);
    process.stderr.write(`outage test: ${N} events in ${Date.now() - t0} ms, ${JSON.stringify(out.counters)}\n`);
  } finally {
    await client.close();
  }
}, OUTAGE_MS + 240_000);
