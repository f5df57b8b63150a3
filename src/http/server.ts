/**
 * The collector's HTTP endpoint (`http.listen`, `--http HOST:PORT`, default 127.0.0.1:9102):
 *
 * - `/health`: 200 when every listener is bound (and had no socket error in the last minute, see
 *   sources/listener-faults.ts), every output reports itself healthy and the process did not run
 *   out of file descriptors in the last minute (fd-pressure.ts), else 503; the body (JSON) gives
 *   the reasons, the listeners and the outputs.
 * - `/metrics`: Prometheus text format (see metrics.ts), collected at scrape time.
 * - `/`: the status page for onboarding devices (see status-page.ts); `/?sender=ADDR` filters.
 *
 * GET and HEAD only; no request body is read. Nothing from a message is ever evaluated: the page is
 * escaped HTML with no script, served with a Content-Security-Policy that forbids scripts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import type { SenderStats, Telemetry } from '../core/telemetry.js';
import type { Output } from '../core/stages.js';
import type { Source } from '../core/stages.js';
import { CollectorError } from '../core/errors.js';
import { parseHostPort } from '../core/host-port.js';

export { parseHostPort };
import { createMetricsRegistry, safeHealth } from './metrics.js';
import { RateTracker, renderStatusPage } from './status-page.js';
import { FdPressure } from './fd-pressure.js';

export interface HttpServerOptions {
  /** `HOST:PORT` (IPv6 as `[::1]:9102`); port 0 picks a free one */
  listen: string;
  telemetry: Telemetry;
  sources: readonly Source[];
  outputs: readonly Output[];
  secondaryStats?: readonly SenderStats[];
  /** status page refresh, seconds */
  refreshSeconds?: number;
  /** events/s sampling interval */
  rateIntervalMs?: number;
  /** watches open file descriptors against the limit (default: this process's, sampled each second) */
  fds?: FdPressure;
  /** senders per listener with /metrics series of their own (`http.metrics_max_senders`) */
  maxSenders?: number;
}

export interface HealthReport {
  ok: boolean;
  reasons: string[];
  listeners: { name: string; url: string; up: boolean }[];
  outputs: { name: string; ok: boolean; reason?: string; pending: number }[];
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

export class HttpServer {
  private server: Server | null = null;
  private readonly registry: Registry;
  private readonly rates: RateTracker;
  private rateTimer: NodeJS.Timeout | null = null;
  private readonly startedAt = Date.now();
  private stopped = new Set<Source>();
  private readonly fds: FdPressure;
  /** e.g. `http://127.0.0.1:9102` once listening */
  boundUrl = '';

  constructor(private readonly opts: HttpServerOptions) {
    this.registry = createMetricsRegistry({
      telemetry: opts.telemetry, sources: opts.sources, outputs: opts.outputs, secondaryStats: opts.secondaryStats,
      listenerUp: (s) => this.listenerUp(s), maxSenders: opts.maxSenders,
    });
    this.rates = new RateTracker(opts.telemetry);
    this.fds = opts.fds ?? new FdPressure();
  }

  /** Marks a listener as stopped (it no longer counts as up). */
  listenerStopped(s: Source): void {
    this.stopped.add(s);
  }

  private listenerUp(s: Source): boolean {
    return s.boundUrl !== '' && !this.stopped.has(s) && s.faults?.closed !== true;
  }

  health(): HealthReport {
    const reasons: string[] = [];
    const listeners: HealthReport['listeners'] = [];
    const now = Date.now();
    for (const s of this.opts.sources) {
      const up = this.listenerUp(s);
      listeners.push({ name: s.name, url: s.boundUrl, up });
      const problem = s.faults?.problem(now) ?? null;
      if (!up) reasons.push(`listener ${s.name} is not listening` + (problem !== null ? `: ${problem}` : ''));
      else if (problem !== null) reasons.push(`listener ${s.name}: ${problem}`);
    }
    const outputs = this.opts.outputs.map((o) => {
      const h = safeHealth(o);
      let pending = 0;
      try {
        pending = o.pending();
      } catch {
        /* shown as 0 */
      }
      return { name: o.name, ok: h.ok, ...(h.reason !== undefined ? { reason: h.reason } : {}), pending };
    });
    for (const o of outputs) if (!o.ok) reasons.push(`output ${o.name}: ${o.reason ?? 'failing'}`);
    if (listeners.length === 0) reasons.push('no listener');
    const fd = this.fds.problem(now);
    if (fd !== null) reasons.push(fd);
    return { ok: reasons.length === 0, reasons, listeners, outputs };
  }

  async start(): Promise<void> {
    const { host, port } = parseHostPort(this.opts.listen);
    const server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('internal error: ' + (e as Error).message + '\n');
      });
    });
    server.requestTimeout = 10_000;
    server.headersTimeout = 5_000;
    server.maxHeadersCount = 50;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err) => reject(new CollectorError('COL_ERR_LISTEN', `http ${this.opts.listen}: ${err.message}`, { cause: err })));
      server.listen({ host, port }, () => {
        server.removeAllListeners('error');
        server.on('error', (err) => process.stderr.write(`syslog-ecs: http: ${err.message}\n`));
        const a = server.address();
        if (a && typeof a === 'object') this.boundUrl = `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
        resolve();
      });
    });
    this.rates.sample();
    this.rateTimer = setInterval(() => this.rates.sample(), this.opts.rateIntervalMs ?? 5000);
    this.rateTimer.unref();
    this.fds.start();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('method not allowed\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const head = req.method === 'HEAD';
    if (url.pathname === '/health' || url.pathname === '/healthz') {
      const h = this.health();
      res.writeHead(h.ok ? 200 : 503, { ...SECURITY_HEADERS, 'content-type': 'application/json' });
      res.end(head ? undefined : JSON.stringify({ status: h.ok ? 'ok' : 'unhealthy', ...h }) + '\n');
      return;
    }
    if (url.pathname === '/metrics') {
      const body = await this.registry.metrics();
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': this.registry.contentType });
      res.end(head ? undefined : body);
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const h = this.health();
      const filter = url.searchParams.get('sender') ?? undefined;
      const html = renderStatusPage({
        telemetry: this.opts.telemetry, rates: this.rates, health: { ok: h.ok, reasons: h.reasons },
        listeners: h.listeners, outputs: h.outputs, startedAt: this.startedAt,
        refreshSeconds: this.opts.refreshSeconds ?? 5, ...(filter ? { filter: filter.slice(0, 100) } : {}),
      });
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        'referrer-policy': 'no-referrer',
      });
      res.end(head ? undefined : html);
      return;
    }
    res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    res.end(head ? undefined : 'not found: try /, /health or /metrics\n');
  }

  async stop(): Promise<void> {
    this.fds.stop();
    if (this.rateTimer) clearInterval(this.rateTimer);
    this.rateTimer = null;
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
}

/**
 * Starts the HTTP endpoint for a running collector; an empty `listen` disables it. When the address
 * cannot be bound the collector keeps running (syslog intake matters more than its metrics): the
 * error is printed and null returned.
 */
export async function startHttpServer(opts: HttpServerOptions): Promise<HttpServer | null> {
  if (opts.listen.trim() === '') return null;
  const server = new HttpServer(opts);
  try {
    await server.start();
  } catch (e) {
    if (e instanceof CollectorError && e.code === 'COL_ERR_CONFIG') throw e;
    process.stderr.write(`syslog-ecs: warning: ${(e as Error).message}: no /health, /metrics or status page\n`);
    return null;
  }
  process.stderr.write(`syslog-ecs: http on ${server.boundUrl} (/health, /metrics, status page /)\n`);
  return server;
}
