/**
 * Kafka outputs and listeners from their config entries, with the client they share the making of
 * (kafkajs, docs/kafka.md): brokers, TLS files and the SASL password read at start, so a missing
 * file fails the start, not the first batch. The client's log goes to stderr (never stdout, where
 * the stdout output writes), each distinct line at most once per LOG_INTERVAL_MS: a broker that is
 * down makes it repeat its connection errors.
 */
import { readFileSync } from 'node:fs';
import { Kafka, logLevel, type KafkaConfig, type SASLOptions } from 'kafkajs';
import type { KafkaConnectionConfig, KafkaListenerConfig, KafkaOutputConfig, OutputConfig, ListenerConfig } from '../config/load.js';
import { parseKafkaUrl } from '../config/load.js';
import { CollectorError, type ErrorCode } from '../core/errors.js';
import type { DocumentHandler } from '../core/stages.js';
import { KafkaOutput } from '../sinks/kafka/kafka-output.js';
import { KafkaSource } from '../sources/kafka/kafka-source.js';

const LOG_INTERVAL_MS = 10_000;
const MAX_LOG_KEYS = 256;

/** kafkajs's log lines to stderr, each (namespace, message) at most once per LOG_INTERVAL_MS. */
function stderrLogCreator(label: string): KafkaConfig['logCreator'] {
  const last = new Map<string, { at: number; repeats: number }>();
  return () => ({ namespace, level, log }) => {
    const { message, error } = log as { message: string; error?: unknown };
    // we resend a batch the client gave up on ourselves, with its sequence numbers (kafkajs rolls
    // them back on a failed produce), which the brokers deduplicate: the warning does not apply
    if (message.startsWith('Limiting retries for the idempotent producer')) return;
    const key = namespace + ' ' + message;
    const now = Date.now();
    const seen = last.get(key);
    if (seen !== undefined && now - seen.at < LOG_INTERVAL_MS) {
      seen.repeats++;
      return;
    }
    if (seen === undefined && last.size >= MAX_LOG_KEYS) last.clear();
    const more = seen !== undefined && seen.repeats > 0 ? ` (${seen.repeats} more since)` : '';
    last.set(key, { at: now, repeats: 0 });
    const lvl = level === logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warning' : 'info';
    process.stderr.write(`syslog-ecs: ${label}: kafka ${lvl}: [${namespace}] ${message}${error !== undefined ? ': ' + String(error) : ''}${more}\n`);
  };
}

function readSecretFile(path: string, what: string, code: ErrorCode): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CollectorError(code, `${what}: ${(e as Error).message}`);
  }
}

/** The brokers of an entry: its URL's, then `brokers`. */
export function kafkaBrokers(url: string, k: KafkaConnectionConfig | undefined): string[] {
  return [...new Set([...parseKafkaUrl(url).brokers, ...(k?.brokers ?? [])])];
}

/** A kafkajs client for one output or listener (`code`: the error a bad TLS file or secret raises). */
export function createKafkaClient(brokers: string[], k: KafkaConnectionConfig, label: string, code: ErrorCode): Kafka {
  const config: KafkaConfig = {
    clientId: k.client_id,
    brokers,
    connectionTimeout: k.connect_timeout_ms,
    requestTimeout: k.request_timeout_ms,
    logLevel: logLevel.WARN,
    logCreator: stderrLogCreator(label),
  };
  const t = k.tls;
  if (t !== undefined) {
    config.ssl = {
      rejectUnauthorized: t.verify,
      ...(t.ca_file !== undefined ? { ca: [readSecretFile(t.ca_file, `${label}: kafka.tls.ca_file`, code)] } : {}),
      ...(t.cert_file !== undefined ? { cert: readSecretFile(t.cert_file, `${label}: kafka.tls.cert_file`, code) } : {}),
      ...(t.key_file !== undefined ? { key: readSecretFile(t.key_file, `${label}: kafka.tls.key_file`, code) } : {}),
      ...(t.server_name !== undefined ? { servername: t.server_name } : {}),
    };
  }
  const a = k.sasl;
  if (a !== undefined) {
    let password: string | undefined;
    if (a.password_env !== undefined) {
      password = process.env[a.password_env];
      if (password === undefined) throw new CollectorError(code, `${label}: kafka.sasl.password_env: ${a.password_env} is not set`);
    } else password = readSecretFile(a.password_file!, `${label}: kafka.sasl.password_file`, code).replace(/\r?\n$/, '');
    config.sasl = { mechanism: a.mechanism, username: a.username!, password } as SASLOptions;
  }
  return new Kafka(config);
}

/** `--output kafka://HOST:PORT/TOPIC` (and its `kafka:` section). */
export function createKafkaOutput(c: OutputConfig): KafkaOutput {
  const k = c.kafka as KafkaOutputConfig;
  const brokers = kafkaBrokers(c.url, k);
  const topic = k.topic ?? parseKafkaUrl(c.url).topic!;
  const name = `kafka://${brokers.join(',')}/${topic}`;
  return new KafkaOutput({
    name, topic, compression: k.compression, batchBytes: k.batch_bytes, lingerMs: k.linger_ms,
    maxBufferedBytes: k.max_buffered_bytes, requestTimeoutMs: k.request_timeout_ms,
    retryBackoffMs: k.retry_backoff_ms, retryBackoffMaxMs: k.retry_backoff_max_ms, closeTimeoutMs: k.close_timeout_ms,
  }, createKafkaClient(brokers, k, name, 'COL_ERR_OUTPUT'));
}

/** `--listen kafka://HOST:PORT/TOPIC?group=NAME` (and its `kafka:` section). */
export function createKafkaSource(l: ListenerConfig, handler: DocumentHandler): KafkaSource {
  const k = l.kafka as KafkaListenerConfig;
  const u = parseKafkaUrl(l.url);
  const brokers = kafkaBrokers(l.url, k);
  const topic = k.topic ?? u.topic!;
  const group = k.group ?? u.group!;
  const url = `kafka://${brokers.join(',')}/${topic}?group=${encodeURIComponent(group)}`;
  return new KafkaSource({
    name: l.name ?? l.url, url, topic, group, fromBeginning: k.from_beginning, commitIntervalMs: k.commit_interval_ms,
    sessionTimeoutMs: k.session_timeout_ms, maxFetchBytes: k.max_fetch_bytes,
  }, createKafkaClient(brokers, k, l.name ?? l.url, 'COL_ERR_LISTEN'), handler);
}
