/**
 * Settings of the Elasticsearch output, validated from the config section (snake_case keys with
 * units). Every error names its key: `outputs.elasticsearch.flush_bytes: must be an integer ...`.
 * Secrets come from environment variables (`${ENV}` style names in `*_env` keys) or files.
 */
import { readFileSync } from 'node:fs';
import { configError } from '../../core/errors.js';
import { compileIndexTemplate, DEFAULT_INDEX_TEMPLATE } from '../index-name.js';

export interface EsAuth {
  apiKey?: string;
  username?: string;
  password?: string;
}

export interface EsTls {
  caFile?: string;
  /** PEM text read from ca_file */
  ca?: string;
  caFingerprint?: string;
  /** false only with `tls_verify: false` (tests against self-signed nodes) */
  rejectUnauthorized: boolean;
}

export interface EsSettings {
  /** node URLs (one or more), or empty with cloudId */
  urls: string[];
  cloudId?: string;
  auth: EsAuth;
  tls: EsTls;
  /** index name template (time-based indices): `syslog-ecs-{dataset}-{yyyy.MM.dd}` */
  indexTemplate: string;
  dataStream: { enabled: boolean; namespace: string };
  /** a bulk request is sent when this many bytes are batched */
  flushBytes: number;
  /** ... or when the oldest batched event is this old */
  flushIntervalMs: number;
  /** bulk requests in flight at once */
  concurrency: number;
  /** attempts after the first for a failed request or a retryable item */
  maxRetries: number;
  /** first backoff; doubles per attempt with full jitter, capped at retryBackoffMaxMs */
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  /** events held in memory (batched + in flight) before the output reports Full */
  queueMaxEvents: number;
  requestTimeoutMs: number;
  compression: boolean;
  diskBuffer: { path: string; maxBytes: number; segmentBytes: number } | null;
  deadLetter: { index: string | null; file: string | null };
  setupTemplates: boolean;
  /** index template name prefix and component template names start with this */
  templateName: string;
  /** the datasets events may carry (data stream templates are made for each); set by the wiring, not a config key */
  datasets: readonly string[];
  /** fields parser files declare, with their types (mapped beside ECS and the built-in families'); set by the wiring */
  extraFields: Readonly<Record<string, string>>;
}

export const ES_DEFAULTS = {
  indexTemplate: DEFAULT_INDEX_TEMPLATE,
  namespace: 'default',
  flushBytes: 5 * 1024 * 1024,
  flushIntervalMs: 1000,
  concurrency: 2,
  maxRetries: 10,
  retryBackoffMs: 250,
  retryBackoffMaxMs: 30_000,
  queueMaxEvents: 10_000,
  requestTimeoutMs: 60_000,
  diskBufferMaxBytes: 1024 * 1024 * 1024,
  deadLetterIndex: 'syslog-ecs-dead-letter',
  templateName: 'syslog-ecs',
} as const;

const KEYS = new Set([
  'url', 'urls', 'cloud_id', 'cloud_id_env', 'api_key', 'api_key_env', 'api_key_file', 'username', 'password', 'password_env',
  'password_file', 'ca_file', 'ca_fingerprint', 'tls_verify', 'index_template', 'data_stream', 'flush_bytes',
  'flush_interval_ms', 'concurrency', 'max_retries', 'retry_backoff_ms', 'retry_backoff_max_ms', 'queue_max_events',
  'request_timeout_ms', 'compression', 'disk_buffer', 'dead_letter', 'setup_templates', 'template_name',
]);

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(o: Obj, k: string, path: string): string | undefined {
  const v = o[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v === '') throw configError(`${path}.${k}: must be a non-empty string`);
  return v;
}

function int(o: Obj, k: string, path: string, def: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const v = o[k];
  if (v === undefined || v === null) return def;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw configError(`${path}.${k}: must be an integer, not ${JSON.stringify(v)}`);
  if (v < min || v > max) throw configError(`${path}.${k}: must be between ${min} and ${max}, not ${v}`);
  return v;
}

function bool(o: Obj, k: string, path: string, def: boolean): boolean {
  const v = o[k];
  if (v === undefined || v === null) return def;
  if (typeof v !== 'boolean') throw configError(`${path}.${k}: must be true or false`);
  return v;
}

/** A secret: literal key, `<key>_env` (an environment variable's name) or `<key>_file` (a file's path). */
function secret(o: Obj, k: string, path: string, env: NodeJS.ProcessEnv): string | undefined {
  const lit = str(o, k, path);
  const envName = str(o, k + '_env', path);
  const file = str(o, k + '_file', path);
  const given = [lit, envName, file].filter((x) => x !== undefined).length;
  if (given > 1) throw configError(`${path}.${k}: give one of ${k}, ${k}_env, ${k}_file`);
  if (envName !== undefined) {
    const v = env[envName];
    if (v === undefined || v === '') throw configError(`${path}.${k}_env: environment variable ${envName} is unset or empty`);
    return v;
  }
  if (file !== undefined) {
    try {
      const v = readFileSync(file, 'utf8').trim();
      if (v === '') throw new Error('empty file');
      return v;
    } catch (e) {
      throw configError(`${path}.${k}_file: cannot read ${file}: ${(e as Error).message}`);
    }
  }
  return lit;
}

function checkUrl(u: string, key: string): string {
  let parsed: URL;
  try {
    parsed = new URL(u);
  } catch {
    throw configError(`${key}: not a URL: "${u}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw configError(`${key}: must be http:// or https://, not "${u}"`);
  return u.replace(/\/+$/, '');
}

/**
 * Validates the output's config section (`{url, ...}`) into settings. `keyPath` prefixes the key
 * names in errors (e.g. `outputs.elasticsearch`). Environment variables: `ES_API_KEY`,
 * `ES_USERNAME`/`ES_PASSWORD` and `ES_CLOUD_ID` fill unset credentials.
 */
export function esSettingsFromConfig(obj: unknown, keyPath: string, env: NodeJS.ProcessEnv = process.env): EsSettings {
  if (!isObj(obj)) throw configError(`${keyPath}: must be a mapping`);
  for (const k of Object.keys(obj)) {
    if (!KEYS.has(k)) throw configError(`${keyPath}.${k}: unknown key`);
  }
  const urls: string[] = [];
  const url = obj.url;
  if (typeof url === 'string' && url !== '') urls.push(checkUrl(url, `${keyPath}.url`));
  else if (url !== undefined && url !== null) throw configError(`${keyPath}.url: must be a URL string`);
  if (obj.urls !== undefined) {
    if (!Array.isArray(obj.urls)) throw configError(`${keyPath}.urls: must be a list of URLs`);
    obj.urls.forEach((u, i) => {
      if (typeof u !== 'string') throw configError(`${keyPath}.urls[${i}]: must be a URL string`);
      urls.push(checkUrl(u, `${keyPath}.urls[${i}]`));
    });
  }
  const cloudId = secret(obj, 'cloud_id', keyPath, env) ?? (urls.length === 0 ? env.ES_CLOUD_ID : undefined);
  if (urls.length === 0 && !cloudId) throw configError(`${keyPath}.url: required (or cloud_id)`);
  if (urls.length > 0 && cloudId) throw configError(`${keyPath}.cloud_id: give url or cloud_id, not both`);

  const auth: EsAuth = {};
  const apiKey = secret(obj, 'api_key', keyPath, env);
  const username = str(obj, 'username', keyPath);
  const password = secret(obj, 'password', keyPath, env);
  if (apiKey !== undefined) auth.apiKey = apiKey;
  if (username !== undefined) auth.username = username;
  if (password !== undefined) auth.password = password;
  if (auth.apiKey === undefined && auth.username === undefined) {
    if (env.ES_API_KEY) auth.apiKey = env.ES_API_KEY;
    else if (env.ES_USERNAME) {
      auth.username = env.ES_USERNAME;
      if (auth.password === undefined && env.ES_PASSWORD) auth.password = env.ES_PASSWORD;
    }
  }
  if (auth.apiKey !== undefined && auth.username !== undefined) throw configError(`${keyPath}.api_key: give api_key or username/password, not both`);
  if (auth.username !== undefined && auth.password === undefined) throw configError(`${keyPath}.password: required with username (password, password_env or password_file)`);
  if (auth.password !== undefined && auth.username === undefined) throw configError(`${keyPath}.username: required with a password`);

  const tls: EsTls = { rejectUnauthorized: bool(obj, 'tls_verify', keyPath, true) };
  const caFile = str(obj, 'ca_file', keyPath);
  if (caFile !== undefined) {
    tls.caFile = caFile;
    try {
      tls.ca = readFileSync(caFile, 'utf8');
    } catch (e) {
      throw configError(`${keyPath}.ca_file: cannot read ${caFile}: ${(e as Error).message}`);
    }
    if (!tls.ca.includes('-----BEGIN CERTIFICATE-----')) throw configError(`${keyPath}.ca_file: ${caFile} holds no PEM certificate`);
  }
  const fp = str(obj, 'ca_fingerprint', keyPath);
  if (fp !== undefined) {
    const hex = fp.replace(/:/g, '').toUpperCase();
    if (!/^[0-9A-F]{64}$/.test(hex)) throw configError(`${keyPath}.ca_fingerprint: must be a SHA-256 fingerprint (64 hex digits, colons allowed)`);
    tls.caFingerprint = hex.match(/../g)!.join(':');
  }

  const indexTemplate = str(obj, 'index_template', keyPath) ?? ES_DEFAULTS.indexTemplate;
  try {
    compileIndexTemplate(indexTemplate);
  } catch (e) {
    throw configError(`${keyPath}.index_template: ${(e as Error).message}`);
  }
  if (/^logs-[^-]*-/.test(indexTemplate)) {
    throw configError(`${keyPath}.index_template: "${indexTemplate}" matches logs-*-*, which Elasticsearch turns into data streams; use data_stream.enabled instead`);
  }

  let dataStream = { enabled: false, namespace: ES_DEFAULTS.namespace as string };
  if (obj.data_stream !== undefined && obj.data_stream !== null) {
    const ds = obj.data_stream;
    if (typeof ds === 'boolean') dataStream = { enabled: ds, namespace: ES_DEFAULTS.namespace };
    else if (isObj(ds)) {
      for (const k of Object.keys(ds)) if (k !== 'enabled' && k !== 'namespace') throw configError(`${keyPath}.data_stream.${k}: unknown key`);
      const namespace = str(ds, 'namespace', `${keyPath}.data_stream`) ?? ES_DEFAULTS.namespace;
      if (!/^[a-z0-9_]+$/.test(namespace) || namespace.length > 100) {
        throw configError(`${keyPath}.data_stream.namespace: lower-case letters, digits and _ only, not "${namespace}"`);
      }
      dataStream = { enabled: bool(ds, 'enabled', `${keyPath}.data_stream`, true), namespace };
    } else throw configError(`${keyPath}.data_stream: must be true/false or {enabled, namespace}`);
  }

  let diskBuffer: EsSettings['diskBuffer'] = null;
  if (obj.disk_buffer !== undefined && obj.disk_buffer !== null && obj.disk_buffer !== false) {
    const db = obj.disk_buffer;
    if (!isObj(db)) throw configError(`${keyPath}.disk_buffer: must be {path, max_bytes}`);
    for (const k of Object.keys(db)) if (!['path', 'max_bytes', 'segment_bytes'].includes(k)) throw configError(`${keyPath}.disk_buffer.${k}: unknown key`);
    const path = str(db, 'path', `${keyPath}.disk_buffer`);
    if (path === undefined) throw configError(`${keyPath}.disk_buffer.path: required`);
    const maxBytes = int(db, 'max_bytes', `${keyPath}.disk_buffer`, ES_DEFAULTS.diskBufferMaxBytes, 1 << 20);
    const segDefault = Math.max(1 << 20, Math.min(64 << 20, Math.floor(maxBytes / 8)));
    const segmentBytes = int(db, 'segment_bytes', `${keyPath}.disk_buffer`, segDefault, 1 << 16, maxBytes);
    diskBuffer = { path, maxBytes, segmentBytes };
  }

  let deadLetter = { index: ES_DEFAULTS.deadLetterIndex as string | null, file: null as string | null };
  if (obj.dead_letter !== undefined && obj.dead_letter !== null) {
    const dl = obj.dead_letter;
    if (!isObj(dl)) throw configError(`${keyPath}.dead_letter: must be {index} or {file} (or both: the file takes what the index refuses)`);
    for (const k of Object.keys(dl)) if (k !== 'index' && k !== 'file') throw configError(`${keyPath}.dead_letter.${k}: unknown key`);
    const index = str(dl, 'index', `${keyPath}.dead_letter`) ?? null;
    const file = str(dl, 'file', `${keyPath}.dead_letter`) ?? null;
    if (index === null && file === null) throw configError(`${keyPath}.dead_letter: give index or file`);
    if (index !== null && (index !== index.toLowerCase() || /[\s,"*\\/<>|?#]/.test(index) || index.startsWith('_') || index.startsWith('-'))) {
      throw configError(`${keyPath}.dead_letter.index: not a valid index name: "${index}"`);
    }
    deadLetter = { index, file };
  }

  const s: EsSettings = {
    urls,
    auth,
    tls,
    indexTemplate,
    dataStream,
    flushBytes: int(obj, 'flush_bytes', keyPath, ES_DEFAULTS.flushBytes, 1024, 100 * 1024 * 1024),
    flushIntervalMs: int(obj, 'flush_interval_ms', keyPath, ES_DEFAULTS.flushIntervalMs, 1, 3_600_000),
    concurrency: int(obj, 'concurrency', keyPath, ES_DEFAULTS.concurrency, 1, 64),
    maxRetries: int(obj, 'max_retries', keyPath, ES_DEFAULTS.maxRetries, 0, 1000),
    retryBackoffMs: int(obj, 'retry_backoff_ms', keyPath, ES_DEFAULTS.retryBackoffMs, 1, 600_000),
    retryBackoffMaxMs: int(obj, 'retry_backoff_max_ms', keyPath, ES_DEFAULTS.retryBackoffMaxMs, 1, 3_600_000),
    queueMaxEvents: int(obj, 'queue_max_events', keyPath, ES_DEFAULTS.queueMaxEvents, 1, 100_000_000),
    requestTimeoutMs: int(obj, 'request_timeout_ms', keyPath, ES_DEFAULTS.requestTimeoutMs, 100, 3_600_000),
    compression: bool(obj, 'compression', keyPath, false),
    diskBuffer,
    deadLetter,
    setupTemplates: bool(obj, 'setup_templates', keyPath, true),
    templateName: str(obj, 'template_name', keyPath) ?? ES_DEFAULTS.templateName,
    datasets: ['syslog'],
    extraFields: {},
  };
  if (cloudId !== undefined) s.cloudId = cloudId;
  if (s.retryBackoffMaxMs < s.retryBackoffMs) throw configError(`${keyPath}.retry_backoff_max_ms: must be at least retry_backoff_ms (${s.retryBackoffMs})`);
  return s;
}

/** Settings for a bare URL (`--output http://...`), defaults elsewhere. */
export function esSettingsForUrl(url: string, extra: Record<string, unknown> = {}): EsSettings {
  return esSettingsFromConfig({ ...extra, url }, 'output');
}
