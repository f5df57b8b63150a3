/**
 * TCP and TLS (RFC 5425) listener. Each connection gets its own StreamFramer (RFC 6587 octet
 * counting or LF, decided per frame in `auto`). Limits: max connections (refused and counted; a TLS
 * connection counts from its TCP accept, handshake included), handshake timeout and idle timeout
 * (the socket is destroyed: a peer that neither reads nor closes does not keep its slot), max
 * message size (lines truncated and flagged, over-long counted frames refused and counted
 * `oversize`). Back-pressure: while the outputs are full every connection stops reading, so
 * senders' socket buffers fill instead of our memory.
 */
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket, type SecureVersion } from 'node:tls';
import { readFileSync } from 'node:fs';
import type { Frame } from '../core/types.js';
import type { SenderStats } from '../core/telemetry.js';
import { StreamFramer, type Framing } from '../framing/stream-framer.js';
import type { FrameHandler, Source } from '../core/stages.js';
import { normalizeAddress } from './sender.js';
import { Allowlist } from './allowlist.js';
import { RateLimiter, type RateLimitConfig } from './rate-limit.js';
import { ListenerFaults } from './listener-faults.js';
import { CollectorError } from '../core/errors.js';
import { bindHost } from './bind-host.js';
import { WriteResult } from '../core/stages.js';

export interface TlsOptions {
  certFile: string;
  keyFile: string;
  caFile?: string;
  minVersion: SecureVersion;
  ciphers?: string;
  clientAuth: 'none' | 'optional' | 'required';
  handshakeTimeoutMs: number;
}

export interface TcpOptions {
  name: string;
  host: string;
  port: number;
  maxMessageBytes: number;
  maxConnections: number;
  idleTimeoutMs: number;
  framing: Framing;
  allow?: readonly string[];
  tls?: TlsOptions;
  /** per-sender token bucket: over it a connection pauses (`tcp_action: pause`) or drops and counts `rate_limited` */
  rateLimit?: RateLimitConfig;
}

interface Conn {
  socket: Socket;
  framer: StreamFramer;
  stats: SenderStats;
  /** paused by the rate limit until this time (epoch ms) */
  throttledUntil: number;
  /** the rate limit's wait after the frames of the current read (ms; the last frame's debt is the largest) */
  owedMs: number;
}

export class TcpSource implements Source {
  readonly name: string;
  boundUrl = '';
  private server: Server | null = null;
  private readonly conns = new Set<Conn>();
  private readonly allow: Allowlist;
  private readonly limit: RateLimiter | null;
  /** times a connection stopped reading because its sender was over the rate limit */
  rateLimitPauses = 0;
  /** connections refused at the limit or not allowed */
  connectionsRefused = 0;
  /** TLS handshakes that failed or timed out (the connection is destroyed) */
  tlsFailures = 0;
  /** bytes of counted frames refused for their size, on connections already closed */
  private closedOversizeBytes = 0;
  readonly faults: ListenerFaults;

  constructor(private readonly opts: TcpOptions, private readonly handler: FrameHandler) {
    this.name = opts.name;
    this.faults = new ListenerFaults(opts.name);
    this.allow = new Allowlist(opts.allow);
    this.limit = RateLimiter.from(opts.rateLimit);
    handler.onResume(() => {
      const now = Date.now();
      for (const c of this.conns) if (c.throttledUntil <= now) c.socket.resume();
    });
  }

  get connections(): number {
    return this.conns.size;
  }

  /** Bytes of counted frames refused for being over max_message_bytes (skipped unread). */
  get oversizeBytes(): number {
    let n = this.closedOversizeBytes;
    for (const c of this.conns) n += c.framer.refusedBytes;
    return n;
  }

  private makeServer(): Server {
    const t = this.opts.tls;
    if (!t) return createTcpServer({ noDelay: true }, (s) => this.onConnection(s));
    let key: Buffer, cert: Buffer, ca: Buffer | undefined;
    try {
      key = readFileSync(t.keyFile);
      cert = readFileSync(t.certFile);
      ca = t.caFile ? readFileSync(t.caFile) : undefined;
    } catch (e) {
      throw new CollectorError('COL_ERR_TLS', `${this.name}: ${(e as Error).message}`);
    }
    try {
      const server = createTlsServer({
        key, cert, ca,
        minVersion: t.minVersion,
        ciphers: t.ciphers,
        requestCert: t.clientAuth !== 'none',
        rejectUnauthorized: t.clientAuth === 'required',
        handshakeTimeout: t.handshakeTimeoutMs,
      }, (s: TLSSocket) => this.onConnection(s));
      // a failed or timed-out handshake leaves the socket open unless it is destroyed here
      server.on('tlsClientError', (_err, socket) => {
        this.tlsFailures++;
        socket.destroy();
      });
      return server;
    } catch (e) {
      throw new CollectorError('COL_ERR_TLS', `${this.name}: ${(e as Error).message}`);
    }
  }

  private onConnection(socket: Socket): void {
    const ip = normalizeAddress(socket.remoteAddress);
    const port = socket.remotePort ?? 0;
    // the connection limit is the server's (maxConnections, counted on 'drop'): it sees TLS
    // connections still in their handshake, which never reach this handler
    if (!this.allow.allows(ip)) {
      this.connectionsRefused++;
      socket.destroy();
      return;
    }
    const stats = this.handler.telemetry.stats(this.name, ip);
    const listener = this.name;
    const handler = this.handler;
    let paused = false;
    const limit = this.limit;
    // the time of the read (or of the end of the stream) a frame came in: one clock read per read
    let readAt = 0;
    const framer = new StreamFramer(this.opts.framing, this.opts.maxMessageBytes, (data, truncated) => {
      const now = readAt;
      if (limit !== null) {
        if (limit.tcpAction === 'drop') {
          if (!limit.allow(ip, now)) {
            stats.received++;
            stats.dropped.rate_limited++;
            return;
          }
        } else {
          // every frame of the read is charged; the pause after the read covers the whole debt
          conn.owedMs = limit.charge(ip, now);
        }
      }
      const frame: Frame = { data, senderIp: ip, senderPort: port, listener, receivedAt: now, truncated };
      const r = handler.accept(frame, stats);
      if (r !== WriteResult.Ok && !paused) {
        paused = true;
        socket.pause();
      }
      if (r === WriteResult.Rejected) stats.dropped.queue_full++;
    }, () => {
      // a counted frame over max_message_bytes: refused unread, counted
      stats.received++;
      stats.dropped.oversize++;
    });
    const conn: Conn = { socket, framer, stats, throttledUntil: 0, owedMs: 0 };
    this.conns.add(conn);
    if (this.opts.idleTimeoutMs > 0) {
      // destroy, not end(): a peer that neither reads nor closes would keep a half-closed slot
      socket.setTimeout(this.opts.idleTimeoutMs, () => socket.destroy());
    }
    socket.on('data', (chunk: Buffer) => {
      paused = false;
      readAt = Date.now();
      framer.push(chunk);
      if (conn.owedMs > 0) {
        const until = Date.now() + conn.owedMs;
        conn.owedMs = 0;
        if (until > conn.throttledUntil) this.throttle(conn, until);
      }
      if (handler.paused || conn.throttledUntil > 0) {
        paused = true;
        socket.pause();
      }
    });
    socket.on('end', () => {
      readAt = Date.now();
      framer.end();
      socket.end();
    });
    socket.on('error', () => {
      /* reset by peer etc.: what was framed is kept; close */
    });
    socket.on('close', () => {
      readAt = Date.now();
      framer.end();
      if (this.conns.delete(conn)) this.closedOversizeBytes += framer.refusedBytes;
    });
  }

  /**
   * Stops reading a connection whose sender is over its rate until `until` (the debt of everything
   * read so far repaid); frames already read are kept.
   */
  private throttle(conn: Conn, until: number): void {
    if (conn.throttledUntil === 0) this.rateLimitPauses++;
    conn.throttledUntil = until;
    conn.socket.pause();
    const t = setTimeout(() => {
      if (conn.throttledUntil !== until) return; // extended by a later read
      conn.throttledUntil = 0;
      if (!this.handler.paused && this.conns.has(conn)) conn.socket.resume();
    }, until - Date.now());
    t.unref();
  }

  start(): Promise<void> {
    return bindHost(this.opts.host, (host) => this.listen(host));
  }

  private listen(host: string): Promise<void> {
    const server = this.makeServer();
    server.maxConnections = this.opts.maxConnections;
    server.on('drop', () => {
      this.connectionsRefused++;
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', (err) => reject(new CollectorError('COL_ERR_LISTEN', `${this.name}: ${err.message}`, { cause: err })));
      server.listen({ port: this.opts.port, host, ipv6Only: false, backlog: 1024 }, () => {
        server.removeAllListeners('error');
        // after binding: a failed accept libuv reports (not EMFILE/ENFILE: it closes those
        // connections itself, see http/fd-pressure.ts) or another socket error
        server.on('error', (err) => this.faults.record(err));
        server.on('close', () => {
          if (this.server === server) this.faults.closedUnexpectedly();
        });
        const a = server.address();
        const proto = this.opts.tls ? 'tls' : 'tcp';
        if (a && typeof a === 'object') this.boundUrl = `${proto}://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
        resolve();
      });
    });
  }

  /**
   * Stops accepting connections; open connections may keep delivering for `graceMs`, then they are
   * closed after what they sent has been framed.
   */
  async stop(graceMs: number): Promise<void> {
    const server = this.server;
    this.server = null;
    const closed = server ? new Promise<void>((r) => server.close(() => r())) : Promise.resolve();
    // resume paused connections so what they hold is read during the grace period
    for (const c of this.conns) c.socket.resume();
    const deadline = Date.now() + graceMs;
    while (this.conns.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const c of [...this.conns]) {
      // cut by us: a frame still open is delivered flagged truncated
      c.framer.end(true);
      c.socket.destroy();
      this.conns.delete(c);
      this.closedOversizeBytes += c.framer.refusedBytes;
    }
    await closed;
  }
}
