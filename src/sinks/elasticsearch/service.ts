/**
 * The Elasticsearch client and the `_bulk` call. Bodies are prebuilt NDJSON strings (sent as they
 * are); responses are read raw, filtered server-side to `errors` and each item's status and error,
 * and parsed only when `"errors":true`.
 */
import { gunzipSync, inflateSync } from 'node:zlib';
import { Client, type ClientOptions } from '@elastic/elasticsearch';
import type { EsSettings } from './config.js';

export function createClient(s: EsSettings): Client {
  const opts: ClientOptions = {
    maxRetries: 0, // the output retries itself (backoff, per-item outcomes)
    requestTimeout: s.requestTimeoutMs,
    compression: s.compression,
    name: 'syslog-ecs',
    // the default redaction deep-copies each failed request's metadata, the body included: a
    // 5 MB bulk body became some 600 MB of garbage per failed attempt; `remove` drops the headers
    // (credentials) and copies nothing
    redaction: { type: 'remove' },
  };
  if (s.cloudId !== undefined) opts.cloud = { id: s.cloudId };
  else opts.nodes = s.urls;
  if (s.auth.apiKey !== undefined) opts.auth = { apiKey: s.auth.apiKey };
  else if (s.auth.username !== undefined) opts.auth = { username: s.auth.username, password: s.auth.password ?? '' };
  const tls: NonNullable<ClientOptions['tls']> = { rejectUnauthorized: s.tls.rejectUnauthorized };
  if (s.tls.ca !== undefined) tls.ca = s.tls.ca;
  opts.tls = tls;
  if (s.tls.caFingerprint !== undefined) opts.caFingerprint = s.tls.caFingerprint;
  return new Client(opts);
}

export interface BulkItemResult {
  status: number;
  error?: { type?: string; reason?: string; caused_by?: { type?: string; reason?: string } };
}

export interface BulkResult {
  /** false: every item succeeded (items not parsed) */
  errors: boolean;
  items: BulkItemResult[] | null;
}

/** An HTTP-level failure of a bulk request, shaped like the client's ResponseError for classification. */
export class BulkHttpError extends Error {
  constructor(readonly statusCode: number, readonly body: string) {
    super(`HTTP ${statusCode}: ${body.slice(0, 500)}`);
    this.name = 'BulkHttpError';
  }
}

const FILTER = 'errors,items.*.status,items.*.error';

async function readAll(body: unknown): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  const chunks: Buffer[] = [];
  for await (const c of body as AsyncIterable<Buffer | string>) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
  return Buffer.concat(chunks);
}

/** `"errors":false` within the first bytes of a bulk response: the cheap all-good check. */
export function bulkHasErrors(raw: Buffer | string): boolean {
  const head = (typeof raw === 'string' ? raw.slice(0, 64) : raw.subarray(0, 64).toString('latin1')).replace(/\s+/g, '');
  if (head.includes('"errors":false')) return false;
  if (head.includes('"errors":true')) return true;
  // unusual layout: fall back to parsing
  return (JSON.parse(raw.toString()) as { errors?: boolean }).errors !== false;
}

export function parseBulkResponse(raw: Buffer | string): BulkResult {
  if (!bulkHasErrors(raw)) return { errors: false, items: null };
  const parsed = JSON.parse(raw.toString()) as { errors: boolean; items?: Record<string, BulkItemResult>[] };
  const items = (parsed.items ?? []).map((it) => {
    for (const k in it) return it[k]!;
    return { status: 0 } as BulkItemResult;
  });
  return { errors: true, items };
}

export class BulkService {
  /** `signal`: aborts every request in flight (the output's shutdown deadline) */
  constructor(private readonly client: Client, private readonly signal?: AbortSignal) {}

  /** Sends one bulk body; throws on connection errors and HTTP errors (BulkHttpError). */
  async bulk(body: string | Buffer): Promise<BulkResult> {
    const res = await this.client.transport.request(
      { method: 'POST', path: '/_bulk', querystring: { filter_path: FILTER }, bulkBody: body },
      { asStream: true, meta: true, maxRetries: 0, ...(this.signal !== undefined ? { signal: this.signal } : {}) },
    );
    let raw = await readAll(res.body);
    const enc = String(res.headers?.['content-encoding'] ?? '').toLowerCase();
    if (enc.includes('gzip')) raw = gunzipSync(raw);
    else if (enc.includes('deflate')) raw = inflateSync(raw);
    const status = res.statusCode ?? 0;
    if (status >= 400 || status === 0) throw new BulkHttpError(status, raw.toString());
    return parseBulkResponse(raw);
  }
}
