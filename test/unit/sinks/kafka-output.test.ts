/** The Kafka output's own logic against a stand-in producer (the broker itself: test/integration/kafka-*.test.ts). */
import type { Kafka, Message, ProducerRecord } from 'kafkajs';
import { KafkaOutput, type KafkaOutputSettings } from '../../../src/sinks/kafka/kafka-output.js';
import { SenderStats } from '../../../src/core/telemetry.js';
import { WriteResult } from '../../../src/core/stages.js';
import { KAFKA_HEADER } from '../../../src/core/kafka-record.js';
import type { EcsDoc } from '../../../src/core/types.js';

interface Send { record: ProducerRecord; resolve: () => void; reject: (e: unknown) => void }

/** Each send waits until the test answers it, as a broker acknowledging (or failing) a batch. */
class StandInProducer {
  sends: Send[] = [];
  /** a broker that is down: every send fails at once, as a refused connection does */
  down = false;
  connect = async (): Promise<void> => undefined;
  disconnect = async (): Promise<void> => undefined;
  send = (record: ProducerRecord): Promise<unknown> => {
    if (this.down) return Promise.reject(Object.assign(new Error('Connection error: connect ECONNREFUSED'), { name: 'KafkaJSConnectionError' }));
    return new Promise((resolve, reject) => this.sends.push({ record, resolve: () => resolve([]), reject }));
  };
}

/** Waits for a state of the output (retries wait out their backoff on real timers). */
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !cond(); i++) await new Promise((r) => setTimeout(r, 1));
  if (!cond()) throw new Error('condition not reached');
}

function output(over: Partial<KafkaOutputSettings> = {}): { out: KafkaOutput; p: StandInProducer } {
  const p = new StandInProducer();
  const kafka = { producer: () => p } as unknown as Kafka;
  const out = new KafkaOutput({
    name: 'kafka://b:9092/t', topic: 't', compression: 'none', batchBytes: 4096, lingerMs: 0, maxBufferedBytes: 1 << 20,
    requestTimeoutMs: 1000, retryBackoffMs: 10, retryBackoffMaxMs: 10, closeTimeoutMs: 50, ...over,
  }, kafka);
  return { out, p };
}

function doc(seq: number, sender = '10.0.0.1'): EcsDoc {
  return {
    '@timestamp': '2026-01-01T00:00:00.000Z', message: `event ${seq}`,
    event: { original: `<13>event ${seq}`, created: '2026-01-01T00:00:00.123Z', dataset: 'syslog' },
    log: { source: { address: `${sender}:514` } },
  };
}

/** The record header's parts: `ID TIME_MS DATASET`. */
function header(m: Message): { id: string; time: string; dataset: string } {
  const [id, time, dataset, ...rest] = String(m.headers![KAFKA_HEADER]).split(' ');
  expect(rest).toEqual([]);
  expect(Object.keys(m.headers!)).toEqual([KAFKA_HEADER]);
  return { id: id!, time: time!, dataset: dataset! };
}

describe('Kafka output', () => {
  test('a record per event: keyed by sender, the document as value, its id, time and dataset in its header', async () => {
    const { out, p } = output();
    await out.start();
    const stats = new SenderStats('tcp', '10.0.0.1');
    expect(out.write(doc(1), stats)).toBe(WriteResult.Ok);
    expect(out.write(doc(1), stats)).toBe(WriteResult.Ok); // the same event twice: told apart
    out.writeEncoded({ json: '{"message":"w"}', bytes: null, ascii: true, dataset: 'cisco_asa.log', timeMs: 5, id: 'fixedUpstream' }, stats);
    await until(() => p.sends.length === 1);
    const [a, b, c] = p.sends[0]!.record.messages;
    expect(p.sends[0]!.record).toMatchObject({ topic: 't', acks: -1 });
    expect(a!.key).toBe('10.0.0.1');
    expect(JSON.parse(a!.value!.toString())).toEqual(doc(1));
    expect(header(a!).dataset).toBe('syslog');
    expect(header(a!).time).toBe(String(Date.UTC(2026, 0, 1)));
    expect(header(a!).id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(header(b!).id).not.toBe(header(a!).id);
    expect(header(c!)).toEqual({ id: 'fixedUpstream', time: '5', dataset: 'cisco_asa.log' });
    expect(c!.value!.toString()).toBe('{"message":"w"}');
  });

  test('written only when the brokers acknowledged', async () => {
    const { out, p } = output();
    await out.start();
    const stats = new SenderStats('tcp', '10.0.0.1');
    out.write(doc(1), stats);
    await until(() => p.sends.length === 1);
    expect(stats.written).toBe(0);
    expect(out.pending()).toBe(1);
    p.sends[0]!.resolve();
    await until(() => stats.written === 1);
    expect(out.pending()).toBe(0);
  });

  test('one batch in flight; a failed one goes again before any later one, so order holds', async () => {
    const { out, p } = output({ batchBytes: 512 }); // two of these events to a batch
    await out.start();
    const stats = new SenderStats('tcp', '10.0.0.1');
    for (let i = 0; i < 4; i++) out.write(doc(i), stats);
    await until(() => p.sends.length === 1);
    const firstBatch = p.sends[0]!.record.messages.map((m) => m.value!.toString());
    p.sends[0]!.reject(Object.assign(new Error('Connection error'), { name: 'KafkaJSConnectionError' }));
    await until(() => p.sends.length === 2);
    expect(p.sends[1]!.record.messages.map((m) => m.value!.toString())).toEqual(firstBatch);
    expect(out.health().ok).toBe(false);
    p.sends[1]!.resolve();
    await until(() => p.sends.length === 3);
    p.sends[2]!.resolve();
    await until(() => stats.written === 4);
    const order = p.sends.slice(1).flatMap((s) => s.record.messages.map((m) => JSON.parse(m.value!.toString()).message as string));
    expect(order).toEqual(['event 0', 'event 1', 'event 2', 'event 3']);
    expect(out.health()).toEqual({ ok: true });
  });

  test('Full at its bound, Rejected past the hard bound, drained once acknowledged', async () => {
    const { out, p } = output({ maxBufferedBytes: 1 << 20, batchBytes: 512 << 10 });
    await out.start();
    let drained = 0;
    out.onDrain(() => drained++);
    const stats = new SenderStats('udp', '10.0.0.2');
    const big = { ...doc(0), message: 'x'.repeat(64 << 10) };
    let r: number = WriteResult.Ok;
    let n = 0;
    while (r === WriteResult.Ok) {
      r = out.write(big, stats);
      n++;
    }
    expect(r).toBe(WriteResult.Full);
    expect(n).toBeLessThanOrEqual(17);
    // past it, what paused sources still deliver is taken up to the hard bound (here 1 + 64 MiB)
    while (r !== WriteResult.Rejected) r = out.write(big, stats);
    expect(out.health().reason).toContain('sources paused');
    expect(drained).toBe(0);
    const taken = out.pending();
    while (out.pending() > 0) {
      await until(() => p.sends.length > 0 || out.pending() === 0);
      p.sends.shift()?.resolve();
    }
    expect(stats.written).toBe(taken);
    expect(drained).toBe(1);
    expect(stats.dropped.output_error).toBe(0);
  });

  test('a batch refused as too large is split; the one record refused alone is counted output_error', async () => {
    const { out, p } = output({ batchBytes: 1 << 20, lingerMs: 1 });
    await out.start();
    const stats = new SenderStats('tcp', '10.0.0.1');
    for (let i = 0; i < 4; i++) out.write(doc(i), stats);
    const tooLarge = (): Error => Object.assign(new Error('The request included a message larger than the max message size the server will accept'), { type: 'MESSAGE_TOO_LARGE' });
    await until(() => p.sends.length === 1);
    p.sends[0]!.reject(tooLarge()); // 4 -> 2 + 2
    await until(() => p.sends.length === 2);
    expect(p.sends[1]!.record.messages).toHaveLength(2);
    p.sends[1]!.resolve();
    await until(() => p.sends.length === 3);
    p.sends[2]!.reject(tooLarge()); // 2 -> 1 + 1
    await until(() => p.sends.length === 4);
    p.sends[3]!.resolve();
    await until(() => p.sends.length === 5);
    p.sends[4]!.reject(tooLarge()); // alone: refused
    await until(() => out.pending() === 0);
    expect(stats.written).toBe(3);
    expect(stats.dropped.output_error).toBe(1);
  });

  test('closed while the brokers do not answer: after close_timeout_ms the rest is output_error, nothing silent', async () => {
    const { out, p } = output({ closeTimeoutMs: 30 });
    await out.start();
    const stats = new SenderStats('tcp', '10.0.0.1');
    out.write(doc(1), stats);
    await until(() => p.sends.length === 1);
    p.down = true;
    const closing = out.close();
    p.sends[0]!.reject(Object.assign(new Error('Connection error'), { name: 'KafkaJSConnectionError' }));
    await closing;
    expect(stats.written + stats.dropped.output_error).toBe(1);
    expect(stats.dropped.output_error).toBe(1);
    expect(out.write(doc(2), stats)).toBe(WriteResult.Rejected);
  });
});
