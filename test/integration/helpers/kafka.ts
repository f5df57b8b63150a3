/** Shared helpers of the Kafka integration tests: topics, a TCP sender, config files, health. */
import { connect, type Socket } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

export function kafkaClient(brokers: string): Kafka {
  return new Kafka({ brokers: brokers.split(','), clientId: 'syslog-ecs-test', logLevel: logLevel.NOTHING });
}

export async function createTopic(brokers: string, topic: string, partitions: number): Promise<void> {
  const admin = kafkaClient(brokers).admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

/** One syslog line with its sequence number as the PROCID (`log.syslog.procid`). */
export function line(seq: number, host = 'fw1'): string {
  return `<134>Dec  7 10:00:00 ${host} app[${seq}]: kafka tier test event ${seq} ${'x'.repeat(160)}\n`;
}

export interface Sender {
  /** local ports of the connections, in order: the sender addresses the documents must carry */
  ports: number[];
  /** resolves when every line was handed to the kernel and the connections were closed */
  done: Promise<void>;
}

/**
 * Sends lines [from, from + count) over `connections` TCP connections (connection i sends the
 * sequence numbers i, i + connections, ...), honouring the socket's back-pressure.
 */
export async function sendLines(port: number, from: number, count: number, connections: number): Promise<Sender> {
  const sockets = await Promise.all(Array.from({ length: connections }, () => new Promise<Socket>((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  })));
  const done = Promise.all(sockets.map(async (s, i) => {
    for (let seq = from + i; seq < from + count; seq += connections) {
      if (!s.write(line(seq))) await new Promise((r) => s.once('drain', r));
    }
    await new Promise<void>((r) => s.end(r));
  })).then(() => undefined);
  return { ports: sockets.map((s) => s.localPort!), done };
}

/** Writes a YAML config under dir; returns its path. */
export function writeConfig(dir: string, name: string, yaml: string): string {
  const p = join(dir, name);
  writeFileSync(p, yaml);
  return p;
}

export async function health(httpUrl: string): Promise<{ status: string; outputs: { name: string; ok: boolean; reason?: string; pending: number }[] }> {
  const r = await fetch(httpUrl + '/health');
  return await r.json() as { status: string; outputs: { name: string; ok: boolean; reason?: string; pending: number }[] };
}

/** The value of one series of /metrics (summed over its labels when `labels` is omitted). */
export async function metric(httpUrl: string, name: string): Promise<number> {
  const text = await (await fetch(httpUrl + '/metrics')).text();
  let sum = 0;
  for (const m of text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))) sum += Number(m[1]);
  return sum;
}

export async function waitUntil<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
