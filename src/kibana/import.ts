/**
 * `syslog-ecs setup --kibana URL`: imports the saved objects of kibana/syslog-ecs.ndjson (data view
 * `syslog-ecs-*`, saved searches, the "Network devices" dashboard) through Kibana's saved-objects
 * import API: `POST /api/saved_objects/_import?overwrite=true` (or `/s/SPACE/api/...`), a
 * multipart/form-data body with the NDJSON as the `file` part, and the `kbn-xsrf` header Kibana
 * requires of API writes.
 *
 * Credentials: an API key (`Authorization: ApiKey KEY`) or basic auth. Secrets come from the
 * environment or a file: `KIBANA_API_KEY` / `--kibana-api-key-file F`, `KIBANA_PASSWORD` /
 * `--kibana-password-file F` (`--kibana-api-key KEY` works too, but shows in `ps`).
 * `--kibana-ca-file` trusts a private CA for https.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';
import { CollectorError, UsageError } from '../core/errors.js';

export interface KibanaImportOptions {
  /** Kibana base URL, e.g. http://127.0.0.1:5601 (a base path is kept: https://host/kibana) */
  url: string;
  apiKey?: string;
  user?: string;
  password?: string;
  /** Kibana space; default space when absent */
  space?: string;
  /** the NDJSON file; default kibana/syslog-ecs.ndjson of this installation */
  file?: string;
  caFile?: string;
  timeoutMs?: number;
}

export interface KibanaImportResult {
  success: boolean;
  successCount: number;
  errors: { id: string; type: string; title?: string; error: { type: string; message?: string } }[];
}

/** parseArgs options of `setup` for Kibana (spread into the command's options). */
export const KIBANA_OPTIONS = {
  kibana: { type: 'string' },
  'kibana-api-key': { type: 'string' },
  'kibana-api-key-file': { type: 'string' },
  'kibana-user': { type: 'string' },
  'kibana-password-file': { type: 'string' },
  'kibana-space': { type: 'string' },
  'kibana-ca-file': { type: 'string' },
  'kibana-file': { type: 'string' },
} as const;

/** The NDJSON shipped with this installation (next to dist/ or src/). */
export function defaultSavedObjectsFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const rel of ['../kibana/syslog-ecs.ndjson', '../../kibana/syslog-ecs.ndjson']) {
    const p = join(here, rel);
    if (existsSync(p)) return p;
  }
  return join(process.cwd(), 'kibana', 'syslog-ecs.ndjson');
}

function readSecret(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (e) {
    throw new CollectorError('COL_ERR_CONFIG_READ', `${what} ${file}: ${(e as Error).message}`);
  }
}

/** Options from `setup`'s parsed flags and the environment. */
export function kibanaOptionsFromFlags(values: Record<string, string | boolean | undefined>, env: NodeJS.ProcessEnv = process.env): KibanaImportOptions {
  const url = values.kibana;
  if (typeof url !== 'string' || !/^https?:\/\/[^/\s]+/.test(url)) throw new UsageError(`--kibana needs http(s)://HOST:PORT, not "${String(url)}"`);
  const o: KibanaImportOptions = { url };
  const s = (k: string): string | undefined => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const keyFile = s('kibana-api-key-file');
  o.apiKey = s('kibana-api-key') ?? (keyFile !== undefined ? readSecret(keyFile, '--kibana-api-key-file') : undefined) ?? env.KIBANA_API_KEY;
  const user = s('kibana-user') ?? env.KIBANA_USER;
  if (user !== undefined) {
    const pwFile = s('kibana-password-file');
    const password = pwFile !== undefined ? readSecret(pwFile, '--kibana-password-file') : env.KIBANA_PASSWORD;
    if (password === undefined) throw new UsageError('--kibana-user needs --kibana-password-file FILE (or KIBANA_PASSWORD)');
    o.user = user;
    o.password = password;
  }
  if (o.apiKey !== undefined && o.user !== undefined) throw new UsageError('give either a Kibana API key or a user, not both');
  const space = s('kibana-space');
  if (space !== undefined) {
    if (!/^[a-z0-9_-]+$/.test(space)) throw new UsageError(`--kibana-space: not a space id: "${space}"`);
    o.space = space;
  }
  const ca = s('kibana-ca-file');
  if (ca !== undefined) o.caFile = ca;
  const file = s('kibana-file');
  if (file !== undefined) o.file = file;
  return o;
}

/** The import request: URL, headers and multipart body (exported for tests and dry runs). */
export function buildImportRequest(o: KibanaImportOptions, ndjson: Buffer, boundary = '----syslog-ecs-' + randomBytes(12).toString('hex')): {
  url: URL; headers: Record<string, string>; body: Buffer;
} {
  const base = o.url.replace(/\/+$/, '');
  const url = new URL(`${base}${o.space ? `/s/${o.space}` : ''}/api/saved_objects/_import?overwrite=true`);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="syslog-ecs.ndjson"\r\nContent-Type: application/ndjson\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), ndjson, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const headers: Record<string, string> = {
    'kbn-xsrf': 'syslog-ecs',
    'content-type': `multipart/form-data; boundary=${boundary}`,
    'content-length': String(body.length),
    accept: 'application/json',
  };
  if (o.apiKey !== undefined) headers.authorization = `ApiKey ${o.apiKey}`;
  else if (o.user !== undefined) headers.authorization = 'Basic ' + Buffer.from(`${o.user}:${o.password ?? ''}`).toString('base64');
  return { url, headers, body };
}

export async function importSavedObjects(o: KibanaImportOptions): Promise<KibanaImportResult> {
  const file = o.file ?? defaultSavedObjectsFile();
  let ndjson: Buffer;
  try {
    ndjson = readFileSync(file);
  } catch (e) {
    throw new CollectorError('COL_ERR_CONFIG_READ', `Kibana saved objects ${file}: ${(e as Error).message}`);
  }
  const { url, headers, body } = buildImportRequest(o, ndjson);
  const ca = o.caFile !== undefined ? readFileSync(o.caFile) : undefined;
  const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method: 'POST', headers, ...(ca ? { ca } : {}) }, (r: IncomingMessage) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => resolve({ status: r.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      r.on('error', reject);
    });
    req.setTimeout(o.timeoutMs ?? 30_000, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  }).catch((e: Error) => {
    throw new CollectorError('COL_ERR_ES_SETUP', `Kibana ${url.origin}: ${e.message}`);
  });
  if (res.status !== 200) {
    throw new CollectorError('COL_ERR_ES_SETUP', `Kibana import: HTTP ${res.status}: ${res.text.slice(0, 500)}`);
  }
  let r: KibanaImportResult;
  try {
    r = JSON.parse(res.text) as KibanaImportResult;
  } catch {
    throw new CollectorError('COL_ERR_ES_SETUP', `Kibana import: not JSON: ${res.text.slice(0, 200)}`);
  }
  r.errors ??= [];
  if (!r.success) {
    const what = r.errors.map((e) => `${e.type} ${e.id}: ${e.error.type}${e.error.message ? ' ' + e.error.message : ''}`).join('; ');
    throw new CollectorError('COL_ERR_ES_SETUP', `Kibana import: ${r.successCount ?? 0} imported, errors: ${what}`);
  }
  return r;
}

/** `setup --kibana ...`: imports and prints a line; returns the exit code. */
export async function kibanaSetup(values: Record<string, string | boolean | undefined>): Promise<number> {
  const o = kibanaOptionsFromFlags(values);
  const r = await importSavedObjects(o);
  process.stdout.write(`kibana: ${r.successCount} saved objects imported into ${o.url}${o.space ? ` (space ${o.space})` : ''}: dashboard "Network devices", data view syslog-ecs-*\n`);
  return 0;
}
