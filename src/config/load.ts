/**
 * Loads and validates the YAML configuration against `configSpec`. Every error names the key path
 * and its line; defaults are filled in. Semantic checks (URLs, zones, CIDRs, families) run here
 * too, so a bad file fails at start, not on the first message.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import { configSpec, esFields, kafkaListenerSpec, kafkaOutputSpec, type FieldSpec } from './schema.js';
import { Validator, type ConfigIssue } from './validator.js';
import { esSettingsOf, type EsConfig } from './elasticsearch.js';
import { CollectorError } from '../core/errors.js';
import { parseHostPort } from '../core/host-port.js';
import { isValidTimezone } from '../syslog/timezone.js';
import { FAMILY_IDS } from '../dispatch/dispatch.js';

export type { ConfigIssue } from './validator.js';
export { esSettingsOf, type EsConfig } from './elasticsearch.js';
import { checkParsers } from './parsers.js';

/** config `pipeline.event_original`: which documents keep the raw line */
export type EventOriginalMode = 'always' | 'on_failure';

export interface TlsConfig {
  cert_file?: string; key_file?: string; ca_file?: string; min_version: string; ciphers?: string;
  client_auth: 'none' | 'optional' | 'required'; handshake_timeout_ms: number;
}
/** The keys of a Kafka section (output or listener) that say how to reach the cluster. */
export interface KafkaConnectionConfig {
  brokers?: string[]; topic?: string; client_id: string; connect_timeout_ms: number; request_timeout_ms: number;
  tls?: { ca_file?: string; cert_file?: string; key_file?: string; verify: boolean; server_name?: string };
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username?: string; password_env?: string; password_file?: string };
}
export interface KafkaOutputConfig extends KafkaConnectionConfig {
  compression: 'none' | 'gzip'; batch_bytes: number; linger_ms: number; max_buffered_bytes: number;
  retry_backoff_ms: number; retry_backoff_max_ms: number; close_timeout_ms: number;
}
export interface KafkaListenerConfig extends KafkaConnectionConfig {
  group?: string; from_beginning: boolean; commit_interval_ms: number; session_timeout_ms: number; max_fetch_bytes: number;
}
export interface ListenerConfig {
  url: string; name?: string; timezone?: string; max_message_bytes: number; max_connections: number;
  idle_timeout_ms: number; framing: 'auto' | 'lf' | 'octet-counting'; receive_buffer_bytes: number;
  allow?: string[]; tls?: TlsConfig;
  rate_limit?: { events_per_s: number; burst?: number; tcp_action: 'pause' | 'drop' };
  /** filled in (defaults) for every `kafka://` listener */
  kafka?: KafkaListenerConfig;
}
export interface SenderConfig { match: string; family?: string; timezone?: string }
export interface OutputConfig {
  url: string; flush_interval_ms: number; flush_bytes: number; max_buffered_bytes: number; index_template: string;
  elasticsearch?: EsConfig;
  /** filled in (defaults) for every `kafka://` output */
  kafka?: KafkaOutputConfig;
}
export interface Config {
  timezone: string;
  listeners: ListenerConfig[];
  senders: SenderConfig[];
  /** families described in parser files (docs/parsers.md) */
  parsers_dir?: string;
  outputs: OutputConfig[];
  pipeline: { workers: number; shutdown_grace_ms: number; event_original: EventOriginalMode };
  enrich: {
    geoip?: { directory: string; city_database?: string; asn_database?: string; cache_entries: number };
    assets?: { file?: string };
    users?: { file?: string };
  };
  http: { listen: string; metrics_max_senders: number };
}

/**
 * Semantic checks: zones, URLs, CIDRs, families, the Elasticsearch section. They run whatever the
 * shape checks found, on what could be read, so one run reports every error.
 */
function checkSemantics(c: Config, v: Validator, find: (path: string) => Node | null, env: NodeJS.ProcessEnv): void {
  const at = (path: string, message: string): void => v.fail(path, find(path), message);
  const zone = (path: string, tz: unknown): void => {
    if (typeof tz === 'string' && !isValidTimezone(tz)) at(path, `unknown zone "${tz}"`);
  };
  zone('timezone', c.timezone);
  (Array.isArray(c.listeners) ? c.listeners : []).forEach((l, i) => {
    const p = `listeners[${i}]`;
    if (l === null || typeof l !== 'object') return;
    if (typeof l.url !== 'string') {
      if (l.url === undefined) at(p, 'url is required');
      return;
    }
    if (l.url.startsWith('kafka:')) {
      checkKafka(l.url, l.kafka, p, 'listener', at);
      return;
    }
    try {
      parseListenUrl(l.url);
    } catch (e) {
      at(`${p}.url`, (e as Error).message);
    }
    zone(`${p}.timezone`, l.timezone);
    for (const [j, a] of (Array.isArray(l.allow) ? l.allow : []).entries()) if (typeof a === 'string' && !isCidr(a)) at(`${p}.allow[${j}]`, `not an IP or CIDR: "${a}"`);
    if (l.url.startsWith('tls:') && (!l.tls?.cert_file || !l.tls?.key_file)) at(`${p}.tls`, 'a tls:// listener needs tls.cert_file and tls.key_file');
    if (l.tls?.client_auth && l.tls.client_auth !== 'none' && !l.tls.ca_file) at(`${p}.tls.ca_file`, 'client_auth needs ca_file');
  });
  // the parser files: their own issues with their own file and line, and the families they define
  let userFamilies: readonly string[] = [];
  const senders = Array.isArray(c.senders) ? c.senders : [];
  if (c.parsers_dir !== undefined || senders.some((s) => s !== null && typeof s === 'object' && typeof s.family === 'string' && !FAMILY_IDS.includes(s.family))) {
    const r = checkParsers(typeof c.parsers_dir === 'string' ? c.parsers_dir : null);
    if (r.dirProblem !== null) at('parsers_dir', r.dirProblem);
    for (const i of r.issues) v.issues.push({ file: i.file, line: i.line, path: i.path || '(file)', message: i.message });
    userFamilies = r.families;
  }
  senders.forEach((s, i) => {
    const p = `senders[${i}]`;
    if (s === null || typeof s !== 'object') return;
    if (typeof s.match !== 'string' || !isCidr(s.match)) at(`${p}.match`, `not an IP or CIDR: "${s.match}"`);
    if (typeof s.family === 'string' && !FAMILY_IDS.includes(s.family) && !userFamilies.includes(s.family)) {
      at(`${p}.family`, `unknown family "${s.family}" (known: ${[...FAMILY_IDS, ...userFamilies].join(', ')})`);
    }
    zone(`${p}.timezone`, s.timezone);
  });
  (Array.isArray(c.outputs) ? c.outputs : []).forEach((o, i) => {
    if (o === null || typeof o !== 'object') return;
    if (typeof o.url !== 'string') {
      if (o.url === undefined) at(`outputs[${i}]`, 'url is required');
    } else if (!/^(file:.+|stdout|https?:\/\/.+|kafka:\/\/.+)$/.test(o.url)) at(`outputs[${i}].url`, `must be file:DIR, stdout, http(s)://HOST:PORT or kafka://HOST:PORT/TOPIC, not "${o.url}"`);
    else if (o.url.startsWith('kafka:')) checkKafka(o.url, o.kafka, `outputs[${i}]`, 'output', at);
    else if (o.url.startsWith('http')) {
      const section = o.elasticsearch ?? (defaultEsSection() as EsConfig);
      if (section.index_template === undefined && typeof o.index_template === 'string') section.index_template = o.index_template;
      for (const issue of esSettingsOf(section, o.url, `outputs[${i}].elasticsearch`, env, `outputs[${i}].url`).issues) at(issue.path, issue.message);
    } else if (o.elasticsearch !== undefined) at(`outputs[${i}].elasticsearch`, 'only for http(s):// outputs');
  });
  const listen = c.http?.listen;
  if (typeof listen === 'string' && listen.trim() !== '') {
    try {
      parseHostPort(listen);
    } catch (e) {
      at('http.listen', `not HOST:PORT: "${listen}" (empty to disable)`);
    }
  }
}

/** The `elasticsearch:` keys with their defaults (an http(s) output without the section). */
export function defaultEsSection(): EsConfig {
  return new Validator(new LineCounter()).object(esFields, undefined, 'elasticsearch') as unknown as EsConfig;
}

/** A Kafka output or listener: the URL, the topic (and group), TLS and SASL keys that go together. */
function checkKafka(url: string, k: KafkaConnectionConfig & { group?: string } | undefined, p: string, kind: 'output' | 'listener', at: (path: string, message: string) => void): void {
  let u: KafkaUrl;
  try {
    u = parseKafkaUrl(url);
  } catch (e) {
    at(`${p}.url`, (e as Error).message);
    return;
  }
  for (const [j, b] of (k?.brokers ?? []).entries()) if (!BROKER_RE.test(b)) at(`${p}.kafka.brokers[${j}]`, `not HOST:PORT: "${b}"`);
  const topic = k?.topic ?? u.topic;
  if (topic === null) at(`${p}.url`, 'no topic: give kafka://HOST:PORT/TOPIC or kafka.topic');
  else if (!TOPIC_RE.test(topic)) at(k?.topic !== undefined ? `${p}.kafka.topic` : `${p}.url`, `not a Kafka topic name (letters, digits, ".", "_", "-"; at most 249): "${topic}"`);
  if (kind === 'listener' && (k?.group ?? u.group) === null) at(`${p}.url`, 'no consumer group: give kafka://HOST:PORT/TOPIC?group=NAME or kafka.group');
  if (kind === 'output' && u.group !== null) at(`${p}.url`, '?group= is for kafka:// listeners');
  const t = k?.tls;
  if (t !== undefined && (t.cert_file === undefined) !== (t.key_file === undefined)) at(`${p}.kafka.tls`, 'cert_file and key_file go together');
  const a = k?.sasl;
  if (a !== undefined) {
    if (a.username === undefined) at(`${p}.kafka.sasl`, 'sasl needs username');
    if ((a.password_env === undefined) === (a.password_file === undefined)) at(`${p}.kafka.sasl`, 'sasl needs one of password_env and password_file');
  }
}

const BROKER_RE = /^(\[[0-9a-fA-F:.]+\]|[^:/\s,?]+):\d{1,5}$/;
const TOPIC_RE = /^[a-zA-Z0-9._-]{1,249}$/;

export interface KafkaUrl {
  brokers: string[];
  topic: string | null;
  group: string | null;
}

/** `kafka://HOST:PORT[,HOST:PORT...][/TOPIC][?group=NAME]` */
export function parseKafkaUrl(url: string): KafkaUrl {
  const m = /^kafka:\/\/([^/?]+)(?:\/([^/?]*))?(?:\?(.*))?$/.exec(url);
  if (!m) throw new Error(`not a Kafka URL (kafka://HOST:PORT[,HOST:PORT]/TOPIC[?group=NAME]): "${url}"`);
  const brokers = m[1]!.split(',');
  for (const b of brokers) {
    if (!BROKER_RE.test(b) || Number(b.slice(b.lastIndexOf(':') + 1)) > 65535) throw new Error(`not HOST:PORT: "${b}" in "${url}"`);
  }
  let group: string | null = null;
  if (m[3] !== undefined) {
    const q = new URLSearchParams(m[3]);
    for (const key of q.keys()) if (key !== 'group') throw new Error(`unknown parameter "${key}" in "${url}" (only group=)`);
    group = q.get('group');
    if (group === '') throw new Error(`empty group in "${url}"`);
  }
  return { brokers, topic: m[2] ? decodeURIComponent(m[2]) : null, group };
}

export function isCidr(s: string): boolean {
  const [addr, bits, extra] = s.split('/');
  if (extra !== undefined || addr === undefined) return false;
  const fam = isIP(addr);
  if (fam === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (fam === 4 ? 32 : 128);
}

export interface ListenUrl {
  /** json+tcp: JSON lines from applications (src/sources/json-lines.ts) */
  protocol: 'udp' | 'tcp' | 'tls' | 'json+tcp';
  host: string;
  port: number;
}

/** `udp://HOST:PORT`, `tcp://[::]:514`, ... */
export function parseListenUrl(url: string): ListenUrl {
  const m = /^(udp|tcp|tls|json\+tcp):\/\/(\[[0-9a-fA-F:.]+\]|[^:/\s]+):(\d{1,5})\/?$/.exec(url);
  if (!m) throw new Error(`not a listener URL (udp|tcp|tls|json+tcp://HOST:PORT): "${url}"`);
  const port = Number(m[3]);
  if (port > 65535) throw new Error(`port out of range in "${url}"`);
  let host = m[2]!;
  if (host.startsWith('[')) host = host.slice(1, -1);
  return { protocol: m[1] as ListenUrl['protocol'], host, port };
}

/** Validates YAML text; returns the config with defaults and the list of issues (empty when valid). */
export function validateConfigText(text: string, env: NodeJS.ProcessEnv = process.env): { config: Config; issues: ConfigIssue[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const v = new Validator(lines);
  if (doc.errors.length > 0) {
    // the shape of a document that does not parse says nothing more: its syntax errors alone
    const lastChar = text.trimEnd().length - 1;
    for (const e of doc.errors) {
      v.issues.push({ path: '(yaml)', line: lines.linePos(Math.max(0, Math.min(e.pos[0], lastChar))).line, message: e.message.split('\n')[0]! });
    }
    return { config: defaultConfig(), issues: v.issues };
  }
  const root = (doc.contents ?? null) as Node | null;
  const config = v.object(configSpec, root, '') as unknown as Config;
  config.pipeline ??= { workers: 0, shutdown_grace_ms: 2000, event_original: 'always' };
  config.enrich ??= {};
  config.http ??= { listen: '127.0.0.1:9102', metrics_max_senders: 1000 };
  // a kafka:// entry without its section gets the section's defaults
  for (const [i, o] of (Array.isArray(config.outputs) ? config.outputs : []).entries()) {
    if (o !== null && typeof o === 'object' && typeof o.url === 'string' && o.url.startsWith('kafka:') && o.kafka === undefined) {
      o.kafka = v.object((kafkaOutputSpec as { fields: Record<string, FieldSpec> }).fields, undefined, `outputs[${i}].kafka`) as unknown as KafkaOutputConfig;
    }
  }
  for (const [i, l] of (Array.isArray(config.listeners) ? config.listeners : []).entries()) {
    if (l !== null && typeof l === 'object' && typeof l.url === 'string' && l.url.startsWith('kafka:') && l.kafka === undefined) {
      l.kafka = v.object((kafkaListenerSpec as { fields: Record<string, FieldSpec> }).fields, undefined, `listeners[${i}].kafka`) as unknown as KafkaListenerConfig;
    }
  }
  checkSemantics(config, v, (path) => findNode(root, path), env);
  v.issues.sort((a, b) => a.line - b.line);
  return { config, issues: v.issues };
}

function findNode(root: Node | null, path: string): Node | null {
  let cur: Node | null = root;
  for (const part of path.split('.')) {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    if (!m || !cur) return cur;
    if (isMap(cur)) {
      const pair = cur.items.find((p) => isScalar(p.key) && String(p.key.value) === m[1]);
      cur = (pair?.value as Node) ?? cur;
    }
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) {
      if (isSeq(cur)) cur = (cur.items[Number(idx[1])] as Node) ?? cur;
    }
  }
  return cur;
}

export function formatIssues(file: string, issues: ConfigIssue[]): string {
  return issues.map((i) => `${i.file ?? file}:${i.line}: ${i.path}: ${i.message}`).join('\n');
}

/** Reads and validates a config file; throws a CollectorError listing every issue. */
export function loadConfigFile(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CollectorError('COL_ERR_CONFIG_READ', `${file}: ${(e as Error).message}`);
  }
  const { config, issues } = validateConfigText(text);
  if (issues.length > 0) throw new CollectorError('COL_ERR_CONFIG', '\n' + formatIssues(file, issues));
  return config;
}

/** The embedded defaults (what `syslog-ecs run` uses without a config file). */
export function defaultConfig(): Config {
  return validateConfigText('{}').config;
}
