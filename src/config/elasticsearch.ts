/**
 * The `elasticsearch:` section (schema.ts, esFields) turned into the output's settings: secrets
 * read from the environment or files, URLs, fingerprints, index names and cross-key rules checked.
 * Every problem is reported (key path and message), not only the first.
 */
import { readFileSync } from 'node:fs';
import { configError } from '../core/errors.js';
import type { EsAuth, EsSettings, EsTls } from '../sinks/elasticsearch/config.js';
import { compileIndexTemplate, DEFAULT_INDEX_TEMPLATE } from '../sinks/index-name.js';
import { esFields } from './schema.js';
import { validateObject } from './validator.js';

/** The section as the schema validator leaves it: defaults filled in. */
export interface EsConfig {
  urls?: string[];
  cloud_id?: string; cloud_id_env?: string;
  api_key?: string; api_key_env?: string; api_key_file?: string;
  username?: string; password?: string; password_env?: string; password_file?: string;
  ca_file?: string; ca_fingerprint?: string; tls_verify: boolean;
  index_template?: string;
  data_stream?: { enabled: boolean; namespace: string };
  flush_bytes: number; flush_interval_ms: number; concurrency: number; max_retries: number;
  retry_backoff_ms: number; retry_backoff_max_ms: number; queue_max_events: number; queue_max_bytes: number;
  request_timeout_ms: number; compression: boolean;
  disk_buffer?: { path: string; max_bytes: number; segment_bytes?: number };
  dead_letter?: { index?: string; file?: string };
  setup_templates: boolean; template_name: string;
}

export const DEAD_LETTER_INDEX = 'syslog-ecs-dead-letter';

export interface EsIssue {
  /** key path, e.g. `outputs[0].elasticsearch.password_file` */
  path: string;
  message: string;
}

type Secret = 'cloud_id' | 'api_key' | 'password';

/** A secret given as the literal key, `<key>_env` (a variable's name) or `<key>_file` (a path). */
function secret(c: EsConfig, k: Secret, at: (key: string, message: string) => void, env: NodeJS.ProcessEnv): string | undefined {
  const lit = (c as unknown as Record<string, string | undefined>)[k];
  const envName = (c as unknown as Record<string, string | undefined>)[k + '_env'];
  const file = (c as unknown as Record<string, string | undefined>)[k + '_file'];
  if ([lit, envName, file].filter((x) => x !== undefined).length > 1) {
    at(k, `give one of ${k}, ${k}_env, ${k}_file`);
    return undefined;
  }
  if (envName !== undefined) {
    const v = env[envName];
    if (v === undefined || v === '') at(k + '_env', `environment variable ${envName} is unset or empty`);
    return v || undefined;
  }
  if (file !== undefined) {
    try {
      const v = readFileSync(file, 'utf8').trim();
      if (v === '') throw new Error('empty file');
      return v;
    } catch (e) {
      at(k + '_file', `cannot read ${file}: ${(e as Error).message}`);
      return undefined;
    }
  }
  if (lit === '') at(k, 'must not be empty');
  return lit || undefined;
}

function checkUrl(u: string, key: string, at: (key: string, message: string) => void): string | null {
  let parsed: URL;
  try {
    parsed = new URL(u);
  } catch {
    at(key, `not a URL: "${u}"`);
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    at(key, `must be http:// or https://, not "${u}"`);
    return null;
  }
  return u.replace(/\/+$/, '');
}

/**
 * Settings of the Elasticsearch output at `url` from its validated section. `keyPath` prefixes the
 * key names of the issues (`outputs[0].elasticsearch`); `urlPath` names where the URL came from.
 */
export function esSettingsOf(c: EsConfig, url: string | undefined, keyPath: string, env: NodeJS.ProcessEnv = process.env, urlPath = 'url'): { settings: EsSettings; issues: EsIssue[] } {
  const issues: EsIssue[] = [];
  const at = (key: string, message: string): void => {
    issues.push({ path: key === urlPath ? key : `${keyPath}.${key}`, message });
  };
  const urls: string[] = [];
  if (url !== undefined && url !== '') {
    const u = checkUrl(url, urlPath, at);
    if (u !== null) urls.push(u);
  }
  (c.urls ?? []).forEach((u, i) => {
    const ok = checkUrl(u, `urls[${i}]`, at);
    if (ok !== null) urls.push(ok);
  });
  const cloudId = secret(c, 'cloud_id', at, env) ?? (urls.length === 0 ? env.ES_CLOUD_ID : undefined);
  if (urls.length === 0 && !cloudId && !issues.some((i) => i.path.endsWith('url') || i.path.includes('urls['))) at(urlPath, 'required (or cloud_id)');
  if (urls.length > 0 && cloudId) at('cloud_id', 'give url or cloud_id, not both');

  const auth: EsAuth = {};
  const apiKey = secret(c, 'api_key', at, env);
  const password = secret(c, 'password', at, env);
  if (apiKey !== undefined) auth.apiKey = apiKey;
  if (c.username !== undefined) auth.username = c.username;
  if (password !== undefined) auth.password = password;
  if (auth.apiKey === undefined && auth.username === undefined) {
    if (env.ES_API_KEY) auth.apiKey = env.ES_API_KEY;
    else if (env.ES_USERNAME) {
      auth.username = env.ES_USERNAME;
      if (auth.password === undefined && env.ES_PASSWORD) auth.password = env.ES_PASSWORD;
    }
  }
  const passwordGiven = c.password !== undefined || c.password_env !== undefined || c.password_file !== undefined;
  if (auth.apiKey !== undefined && auth.username !== undefined) at('api_key', 'give api_key or username/password, not both');
  if (auth.username !== undefined && auth.password === undefined && !passwordGiven) at('password', 'required with username (password, password_env or password_file)');
  if (auth.password !== undefined && auth.username === undefined) at('username', 'required with a password');

  const tls: EsTls = { rejectUnauthorized: c.tls_verify };
  if (c.ca_file !== undefined) {
    tls.caFile = c.ca_file;
    try {
      tls.ca = readFileSync(c.ca_file, 'utf8');
      if (!tls.ca.includes('-----BEGIN CERTIFICATE-----')) at('ca_file', `${c.ca_file} holds no PEM certificate`);
    } catch (e) {
      at('ca_file', `cannot read ${c.ca_file}: ${(e as Error).message}`);
    }
  }
  if (c.ca_fingerprint !== undefined) {
    const hex = c.ca_fingerprint.replace(/:/g, '').toUpperCase();
    if (!/^[0-9A-F]{64}$/.test(hex)) at('ca_fingerprint', 'must be a SHA-256 fingerprint (64 hex digits, colons allowed)');
    else tls.caFingerprint = hex.match(/../g)!.join(':');
  }

  const indexTemplate = c.index_template ?? DEFAULT_INDEX_TEMPLATE;
  try {
    compileIndexTemplate(indexTemplate);
    if (/^logs-[^-]*-/.test(indexTemplate)) {
      at('index_template', `"${indexTemplate}" matches logs-*-*, which Elasticsearch turns into data streams; use data_stream.enabled instead`);
    }
  } catch (e) {
    at('index_template', (e as Error).message);
  }

  const dataStream = c.data_stream ?? { enabled: false, namespace: 'default' };
  if (!/^[a-z0-9_]+$/.test(dataStream.namespace) || dataStream.namespace.length > 100) {
    at('data_stream.namespace', `lower-case letters, digits and _ only, not "${dataStream.namespace}"`);
  }

  let diskBuffer: EsSettings['diskBuffer'] = null;
  if (c.disk_buffer !== undefined) {
    const { path, max_bytes: maxBytes } = c.disk_buffer;
    const segmentBytes = c.disk_buffer.segment_bytes ?? Math.max(1 << 20, Math.min(64 << 20, Math.floor(maxBytes / 8)));
    if (segmentBytes > maxBytes) at('disk_buffer.segment_bytes', `must be at most max_bytes (${maxBytes})`);
    diskBuffer = { path, maxBytes, segmentBytes };
  }

  let deadLetter: EsSettings['deadLetter'] = { index: DEAD_LETTER_INDEX, file: null };
  if (c.dead_letter !== undefined) {
    const index = c.dead_letter.index ?? null;
    const file = c.dead_letter.file ?? null;
    if (index === null && file === null) at('dead_letter', 'give index or file');
    if (index !== null && (index !== index.toLowerCase() || /[\s,"*\\/<>|?#]/.test(index) || index.startsWith('_') || index.startsWith('-') || index === '')) {
      at('dead_letter.index', `not a valid index name: "${index}"`);
    }
    deadLetter = { index, file };
  }
  if (c.retry_backoff_max_ms < c.retry_backoff_ms) at('retry_backoff_max_ms', `must be at least retry_backoff_ms (${c.retry_backoff_ms})`);

  const settings: EsSettings = {
    urls, auth, tls, indexTemplate, dataStream,
    flushBytes: c.flush_bytes,
    flushIntervalMs: c.flush_interval_ms,
    concurrency: c.concurrency,
    maxRetries: c.max_retries,
    retryBackoffMs: c.retry_backoff_ms,
    retryBackoffMaxMs: c.retry_backoff_max_ms,
    queueMaxEvents: c.queue_max_events,
    queueMaxBytes: c.queue_max_bytes,
    requestTimeoutMs: c.request_timeout_ms,
    compression: c.compression,
    diskBuffer,
    deadLetter,
    setupTemplates: c.setup_templates,
    templateName: c.template_name,
    datasets: ['syslog'],
    extraFields: {},
  };
  if (cloudId !== undefined) settings.cloudId = cloudId;
  return { settings, issues };
}

/**
 * Settings from a section given as a plain object (`{url, ...}`, the keys of the `elasticsearch:`
 * section beside the output's `url`): `setup`, tests and benchmarks. Throws a configuration error
 * that lists every problem.
 */
export function esSettingsFromConfig(obj: unknown, keyPath: string, env: NodeJS.ProcessEnv = process.env): EsSettings {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw configError(`${keyPath}: must be a mapping`);
  const { url, ...rest } = obj as Record<string, unknown>;
  const { value, issues } = validateObject(esFields, rest, keyPath);
  const problems = issues.map((i) => `${i.path}: ${i.message}`);
  if (url !== undefined && typeof url !== 'string') problems.push(`${keyPath}.url: must be a URL string`);
  if (problems.length === 0) {
    const r = esSettingsOf(value as unknown as EsConfig, url as string | undefined, keyPath, env, `${keyPath}.url`);
    problems.push(...r.issues.map((i) => `${i.path}: ${i.message}`));
    if (problems.length === 0) return r.settings;
  }
  throw configError(problems.join('\n'));
}
