/**
 * Collectors -> Kafka -> indexers -> Elasticsearch, with the real parts: a Kafka 4.1 broker
 * (scripts/kafka), an Elasticsearch node (scripts/elasticsearch) and two `syslog-ecs run`
 * processes, a collector tier (TCP in, Kafka out) and an indexer tier (Kafka in, Elasticsearch out).
 * Every wait is on a count.
 */
import { Client } from '@elastic/elasticsearch';
import { esUrl } from '../setup/es-node.mjs';
import { kafkaBrokers } from '../setup/kafka-broker.mjs';
import { startCollector, tempDir, ledger, type Collector } from '../helpers/collector.js';
import { uniq, countDocs, distinctSeq } from './helpers/es-sink.js';
import { createTopic, kafkaClient, sendLines, waitUntil, writeConfig } from './helpers/kafka.js';

const N = 20_000;
let es: string;
let brokers: string;
let client: Client;
const running: Collector[] = [];

beforeAll(async () => {
  [es, brokers] = await Promise.all([esUrl(), kafkaBrokers()]);
  client = new Client({ node: es });
}, 300_000);

afterAll(async () => {
  for (const c of running) await c.stop('SIGKILL');
  await client?.close();
});

async function run(args: string[]): Promise<Collector> {
  const c = await startCollector(args);
  running.push(c);
  return c;
}

/** A topic of 3 partitions, a collector writing to it, and the indexer's config file. */
async function tiers(prefix: string, indexer: { commitIntervalMs: number }): Promise<{ collector: Collector; indexerConfig: string; topic: string }> {
  const topic = prefix;
  await createTopic(brokers, topic, 3);
  const collector = await run(['--listen', 'tcp://127.0.0.1:0', '--output', `kafka://${brokers}/${topic}`, '--http', '']);
  const indexerConfig = writeConfig(tempDir('kafka-tiers-'), 'indexer.yaml', [
    'listeners:',
    `  - url: "kafka://${brokers}/${topic}?group=${prefix}-indexers"`,
    // a member killed without leaving the group holds its partitions until its session times out
    `    kafka: { commit_interval_ms: ${indexer.commitIntervalMs}, session_timeout_ms: 6000 }`,
    'outputs:',
    `  - url: "${es}"`,
    `    elasticsearch: { index_template: "${prefix}-{dataset}-{yyyy.MM.dd}", template_name: "${prefix}", dead_letter: { index: "${prefix}-dead-letter" }, flush_interval_ms: 200 }`,
    'http: { listen: "" }',
    '',
  ].join('\n'));
  return { collector, indexerConfig, topic };
}

async function cleanUp(prefix: string): Promise<void> {
  await client.indices.delete({ index: `${prefix}-*` }).catch(() => undefined);
  await client.indices.deleteIndexTemplate({ name: `${prefix}*` }).catch(() => undefined);
}

/** documents indexed so far (0 while the index is being created and its shard is not up yet) */
const indexed = (prefix: string) => (): Promise<number> => countDocs(client, `${prefix}-*`).catch(() => 0);

test(`${N} events over TCP -> collector -> Kafka -> indexer -> Elasticsearch: each indexed once, with the device's address`, async () => {
  const prefix = uniq('kafka-tiers-');
  const { collector, indexerConfig, topic } = await tiers(prefix, { commitIntervalMs: 200 });
  const indexer = await run(['--config', indexerConfig]);
  const sender = await sendLines(collector.port('tcp'), 0, N, 4);
  await sender.done;
  await waitUntil(indexed(prefix), (n) => n >= N, 180_000, `${N} documents`);
  expect(await indexed(prefix)()).toBe(N);
  expect(await distinctSeq(client, `${prefix}-*`, 'log.syslog.procid')).toBe(N); // throws on a duplicate

  // the receipt metadata survived the hop: the device's address and port, the collector's listener
  const r = await client.search({ index: `${prefix}-*`, size: 4, query: { terms: { 'log.syslog.procid': ['0', '1', '2', '3'] } }, sort: [{ 'log.syslog.procid': 'asc' }] });
  const docs = r.hits.hits.map((h) => h._source as { log: { source: { address: string } }; syslog_ecs: { listener: string }; event: { created: string } });
  expect(docs.map((d) => d.log.source.address)).toEqual(sender.ports.map((p) => `127.0.0.1:${p}`));
  for (const d of docs) {
    expect(d.syslog_ecs.listener).toBe('tcp://127.0.0.1:0'); // the collector's listener, by its name
    expect(Date.parse(d.event.created)).toBeGreaterThan(0);
  }

  // both tiers' ledgers: everything received was written, nothing in flight
  const c = ledger((await collector.stop()).stderr);
  expect(c).toMatchObject({ received: N, written: N, dropped: 0, in_flight: 0 });
  const i = ledger((await indexer.stop()).stderr);
  expect(i).toMatchObject({ received: N, written: N, dropped: 0, in_flight: 0 });

  // the indexer committed everything at shutdown: started again, it reads only what is new
  const again = await run(['--config', indexerConfig]);
  const producer = kafkaClient(brokers).producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ key: '192.0.2.1', value: JSON.stringify({ message: 'one more', event: { created: new Date().toISOString() }, log: { syslog: { procid: String(N) } } }) }] });
  await producer.disconnect();
  await waitUntil(indexed(prefix), (n) => n >= N + 1, 60_000, 'the one more document');
  expect(ledger((await again.stop()).stderr)).toMatchObject({ received: 1, written: 1, in_flight: 0 });
  expect(await distinctSeq(client, `${prefix}-*`, 'log.syslog.procid')).toBe(N + 1);
  await cleanUp(prefix);
}, 400_000);

test('the indexer killed with SIGKILL mid-stream and started again: nothing lost, nothing indexed twice', async () => {
  const prefix = uniq('kafka-kill-');
  // the first indexer commits no offset before it is killed (its interval is longer than the test):
  // everything it indexed must be read again by the second, and Elasticsearch must take none twice
  const { collector, indexerConfig } = await tiers(prefix, { commitIntervalMs: 3_600_000 });
  const first = await run(['--config', indexerConfig]);
  const half = await sendLines(collector.port('tcp'), 0, N / 2, 4);
  await half.done;
  const atKill = await waitUntil(indexed(prefix), (n) => n >= 2000, 120_000, 'the first documents');
  await first.stop('SIGKILL');
  const before = await indexed(prefix)();
  expect(before).toBeGreaterThanOrEqual(atKill);
  expect(before).toBeLessThan(N); // mid-stream: the second half is not even sent yet

  // the stream goes on while no indexer runs; then a new one takes the partitions over
  const rest = await sendLines(collector.port('tcp'), N / 2, N / 2, 4);
  await rest.done;
  const second = await run(['--config', indexerConfig]);
  await waitUntil(indexed(prefix), (n) => n >= N, 180_000, `${N} documents`);
  const l = ledger((await second.stop()).stderr);
  expect(await indexed(prefix)()).toBe(N);
  expect(await distinctSeq(client, `${prefix}-*`, 'log.syslog.procid')).toBe(N);
  // it read every record again, the ones indexed before the kill too
  expect(l).toMatchObject({ received: N, written: N, dropped: 0, in_flight: 0 });
  expect(ledger((await collector.stop()).stderr)).toMatchObject({ received: N, written: N, dropped: 0 });
  await cleanUp(prefix);
}, 400_000);
