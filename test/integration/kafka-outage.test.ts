/**
 * Kafka stopped under a collector that writes to it, then started again: the collector holds what
 * its bound allows, stops reading its TCP senders (back-pressure, seen on /health), and once the
 * broker is back every event reaches the topic exactly once, in each sender's order. Runs its own
 * broker (scripts/kafka on KAFKA_PORT+2, data kept across the restart) so the shared one stays up.
 */
import { DEFAULT_KAFKA_PORT, startKafka, stopKafka } from '../setup/kafka-broker.mjs';
import { startCollector, tempDir, ledger, type Collector } from '../helpers/collector.js';
import { uniq } from './helpers/es-sink.js';
import { createTopic, health, kafkaClient, metric, sendLines, waitUntil, writeConfig } from './helpers/kafka.js';

const PORT = DEFAULT_KAFKA_PORT + 2;
const N = 20_000;
let brokers: string;
let collector: Collector | null = null;

beforeAll(async () => {
  brokers = await startKafka(PORT);
}, 300_000);

afterAll(async () => {
  await collector?.stop('SIGKILL');
  await stopKafka(PORT);
}, 120_000);

test('Kafka down mid-stream, then back: back-pressure on the senders, every event in the topic once', async () => {
  const topic = uniq('kafka-outage-');
  await createTopic(brokers, topic, 1);
  const config = writeConfig(tempDir('kafka-outage-'), 'collector.yaml', [
    'listeners: [{ url: "tcp://127.0.0.1:0" }]',
    'outputs:',
    `  - url: "kafka://${brokers}/${topic}"`,
    // a small bound, so the outage reaches it: 1 MiB is about 2,700 of these events
    '    kafka: { max_buffered_bytes: 1048576, batch_bytes: 65536, retry_backoff_ms: 100, retry_backoff_max_ms: 1000 }',
    'http: { listen: "127.0.0.1:0" }',
    '',
  ].join('\n'));
  collector = await startCollector(['--config', config]);
  const url = /http on (http:\/\/\S+)/.exec(collector.stderr())![1]!;

  // a first part with the broker up
  const first = await sendLines(collector.port('tcp'), 0, 1000, 2);
  await first.done;
  await waitUntil(() => metric(url, 'syslog_ecs_written_total'), (n) => n >= 1000, 60_000, 'the first 1000 acknowledged');

  await stopKafka(PORT);
  const rest = await sendLines(collector.port('tcp'), 1000, N - 1000, 2);
  // back-pressure: the output fills up to its bound, says so, and the listener stops reading
  const h = await waitUntil(() => health(url), (x) => x.outputs[0]!.ok === false && (x.outputs[0]!.reason ?? '').includes('sources paused'), 120_000, 'the output full and failing');
  expect(h.status).not.toBe('ok');
  expect(h.outputs[0]!.pending).toBeGreaterThan(0);
  const received = await metric(url, 'syslog_ecs_received_total');
  expect(received).toBeLessThan(N); // the rest waits in the senders' sockets, not in our memory
  expect(await metric(url, 'syslog_ecs_dropped_total')).toBe(0);

  await startKafka(PORT, { keepData: true });
  await rest.done;
  await waitUntil(() => metric(url, 'syslog_ecs_written_total'), (n) => n >= N, 180_000, `all ${N} acknowledged`);
  const l = ledger((await collector.stop()).stderr);
  collector = null;
  expect(l).toMatchObject({ received: N, written: N, dropped: 0, in_flight: 0 });

  // the topic holds each event once, each connection's events in the order they were sent
  const consumer = kafkaClient(brokers).consumer({ groupId: `${topic}-check` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const seen = new Set<number>();
  const lastByConnection = new Map<string, number>();
  let outOfOrder = 0;
  let records = 0;
  await consumer.run({
    eachMessage: async ({ message }) => {
      records++;
      const doc = JSON.parse(message.value!.toString()) as { log: { source: { address: string }; syslog: { procid: string } } };
      const seq = Number(doc.log.syslog.procid);
      seen.add(seq);
      const conn = doc.log.source.address;
      if ((lastByConnection.get(conn) ?? -1) > seq) outOfOrder++;
      lastByConnection.set(conn, seq);
      expect(message.key?.toString()).toBe('127.0.0.1');
    },
  });
  await waitUntil(async () => records, (n) => n >= N, 120_000, `${N} records read back`);
  await consumer.disconnect();
  const admin = kafkaClient(brokers).admin();
  await admin.connect();
  const [end] = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  expect(Number(end!.high)).toBe(N); // no record twice in the topic
  expect(records).toBe(N);
  expect(seen.size).toBe(N);
  expect(outOfOrder).toBe(0);
}, 600_000);
