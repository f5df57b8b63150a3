// The test suite's Kafka: `KAFKA_BROKERS` when set (any real cluster), else a local single-node
// broker started through scripts/kafka (Kafka 4.1 in KRaft mode in a JVM) on KAFKA_PORT. Starting is
// idempotent and locked (flock in the script), so any test file may ask for it; the global teardown
// stops the brokers this run started.
// Plain ESM (not TS), like es-node.mjs: jest's global teardown loads it natively (types: kafka-broker.d.mts).
import { execFile } from 'node:child_process';
import { writeFileSync, existsSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const KAFKA_SCRIPT = join(ROOT, 'scripts', 'kafka');
export const DEFAULT_KAFKA_PORT = Number(process.env.KAFKA_PORT ?? 9092);

/** marker: this test run started the broker on that port, so the teardown stops it */
export function kafkaStartedMarker(port) {
  return join(process.env.TMPDIR ?? tmpdir(), `syslog-ecs-kafka-${port}.state`, 'started-by-jest');
}

export function runKafkaScript(args, port, timeoutMs = 300_000) {
  return new Promise((resolve, reject) => {
    execFile(KAFKA_SCRIPT, args, { env: { ...process.env, KAFKA_PORT: String(port) }, timeout: timeoutMs, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`scripts/kafka ${args.join(' ')} failed: ${stderr || err.message}`));
      else resolve(stdout.trim().split('\n').pop() ?? '');
    });
  });
}

/** Starts (or finds) a local broker on `port`; returns `HOST:PORT`. */
export async function startKafka(port, opts = {}) {
  // a broker that was already running (started by hand, or by an earlier test file) is not ours to stop
  const running = await runKafkaScript(['status'], port).then(() => true, () => false);
  const addr = await runKafkaScript(opts.keepData ? ['start', '--keep-data'] : ['start'], port);
  if (!running) {
    const marker = kafkaStartedMarker(port);
    mkdirSync(dirname(marker), { recursive: true });
    writeFileSync(marker, String(process.pid));
  }
  return addr;
}

export async function stopKafka(port, kill = false) {
  await runKafkaScript(kill ? ['stop', '--kill'] : ['stop'], port);
}

/** The brokers tests produce to: KAFKA_BROKERS, else the local broker (started on demand). */
export async function kafkaBrokers() {
  if (process.env.KAFKA_BROKERS) return process.env.KAFKA_BROKERS;
  const addr = await startKafka(DEFAULT_KAFKA_PORT);
  process.env.KAFKA_BROKERS = addr;
  return addr;
}

/** Stops the brokers this run started (by marker); KAFKA_KEEP_RUNNING=1 keeps them. */
export async function stopStartedBrokers(ports) {
  for (const port of ports) {
    const marker = kafkaStartedMarker(port);
    if (existsSync(marker)) {
      rmSync(marker, { force: true });
      if (process.env.KAFKA_KEEP_RUNNING !== '1') await stopKafka(port);
    }
  }
}
