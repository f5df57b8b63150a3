/**
 * UDP listener: one datagram is one frame (IPv4 and IPv6). When the outputs are full past their
 * bound, datagrams are dropped and counted (`queue_full`); kernel drops are read from the socket's
 * `drops` column in /proc/net/udp{,6} and counted (`kernel`). At shutdown the socket is read until
 * the kernel's receive queue (`rx_queue`) is empty, for up to the grace period; what is still
 * queued then is counted as dropped (`shutdown`), its number estimated from the queue's bytes.
 */
import { createSocket, type Socket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import type { Frame } from '../core/types.js';
import type { SenderStats } from '../core/telemetry.js';
import { WriteResult } from '../core/stages.js';
import type { FrameHandler, Source } from '../core/stages.js';
import { normalizeAddress } from './sender.js';
import { Allowlist } from './allowlist.js';
import { RateLimiter, type RateLimitConfig } from './rate-limit.js';
import { ListenerFaults } from './listener-faults.js';
import { CollectorError } from '../core/errors.js';
import { bindHost } from './bind-host.js';

export interface UdpOptions {
  name: string;
  host: string;
  port: number;
  maxMessageBytes: number;
  receiveBufferBytes: number;
  allow?: readonly string[];
  /** per-sender token bucket: datagrams over it are dropped and counted (`rate_limited`) */
  rateLimit?: RateLimitConfig;
}

export class UdpSource implements Source {
  readonly name: string;
  boundUrl = '';
  private socket: Socket | null = null;
  private readonly stats = new Map<string, SenderStats>();
  private readonly allow: Allowlist;
  private readonly limit: RateLimiter | null;
  private kernelDropsBase = -1;
  private kernelTimer: NodeJS.Timeout | null = null;
  /** drops the kernel reported for this socket, counted so far */
  kernelDrops = 0;
  /** the receive buffer the kernel granted (as it reports it), 0 before start */
  receiveBufferBytes = 0;
  /** datagrams and their bytes read from the socket (what a queued datagram weighs, at shutdown) */
  private datagrams = 0;
  private datagramBytes = 0;
  /** datagrams still queued in the kernel when the grace period ran out (an estimate; counted `shutdown`) */
  shutdownDrops = 0;
  readonly faults: ListenerFaults;

  constructor(private readonly opts: UdpOptions, private readonly handler: FrameHandler) {
    this.name = opts.name;
    this.faults = new ListenerFaults(opts.name);
    this.allow = new Allowlist(opts.allow);
    this.limit = RateLimiter.from(opts.rateLimit);
  }

  private statsFor(ip: string): SenderStats {
    let s = this.stats.get(ip);
    if (s === undefined) {
      s = this.handler.telemetry.stats(this.name, ip);
      if (this.stats.size < 65_536) this.stats.set(ip, s);
    }
    return s;
  }

  start(): Promise<void> {
    return bindHost(this.opts.host, (host) => this.bind(host));
  }

  private bind(host: string): Promise<void> {
    const { port } = this.opts;
    const v6 = isIPv6(host);
    const socket = createSocket({ type: v6 ? 'udp6' : 'udp4', reuseAddr: false, ipv6Only: false });
    this.socket = socket;
    const max = this.opts.maxMessageBytes;
    socket.on('message', (data, rinfo) => {
      this.datagrams++;
      this.datagramBytes += data.length;
      const ip = normalizeAddress(rinfo.address);
      const stats = this.statsFor(ip);
      if (!this.allow.allows(ip)) {
        stats.received++;
        stats.dropped.not_allowed++;
        return;
      }
      const now = Date.now();
      if (this.limit !== null && !this.limit.allow(ip, now)) {
        stats.received++;
        stats.dropped.rate_limited++;
        return;
      }
      const truncated = data.length > max;
      const frame: Frame = {
        data: truncated ? data.subarray(0, max) : data,
        senderIp: ip,
        senderPort: rinfo.port,
        listener: this.name,
        receivedAt: now,
        truncated,
      };
      if (this.handler.accept(frame, stats) === WriteResult.Rejected) stats.dropped.queue_full++;
    });
    return new Promise((resolve, reject) => {
      socket.once('error', (err) => reject(new CollectorError('COL_ERR_LISTEN', `${this.name}: ${err.message}`, { cause: err })));
      socket.bind(port, host, () => {
        socket.removeAllListeners('error');
        socket.on('error', (err) => this.faults.record(err));
        socket.on('close', () => {
          if (this.socket !== socket) return;
          this.faults.closedUnexpectedly();
          if (this.kernelTimer) clearInterval(this.kernelTimer);
          this.kernelTimer = null;
        });
        const a = socket.address();
        this.boundUrl = `udp://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
        if (this.opts.receiveBufferBytes > 0) this.sizeReceiveBuffer(socket, this.opts.receiveBufferBytes);
        this.kernelDropsBase = readSocketQueue(a.port, a.family === 'IPv6').drops;
        this.kernelTimer = setInterval(() => this.pollKernelDrops(), 1000);
        this.kernelTimer.unref();
        resolve();
      });
    });
  }

  /**
   * Asks for the receive buffer; says so at start when the kernel grants less (net.core.rmem_max
   * caps it; Linux reports twice what it grants room for), since bursts beyond it are lost.
   */
  private sizeReceiveBuffer(socket: Socket, want: number): void {
    try {
      socket.setRecvBufferSize(want);
    } catch {
      /* refused outright: the listener still works with the kernel's default */
    }
    let got = 0;
    try {
      got = socket.getRecvBufferSize();
    } catch {
      return;
    }
    this.receiveBufferBytes = got;
    // Linux books twice the size asked (for its own overhead) and reports that
    if (got < (process.platform === 'linux' ? 2 * want : want)) {
      process.stderr.write(`syslog-ecs: ${this.name}: UDP receive buffer is ${got} bytes (asked ${want}); bursts beyond it are dropped (counted as kernel drops): raise it with sysctl -w net.core.rmem_max=${want}\n`);
    }
  }

  /** Adds drops the kernel counted on this socket since the last poll to the `kernel` reason. */
  pollKernelDrops(): void {
    // a socket that closed on its own has no address any more (address() throws)
    if (this.socket === null || this.faults.closed || this.kernelDropsBase < 0) return;
    const a = this.socket.address();
    const now = readSocketQueue(a.port, a.family === 'IPv6').drops;
    if (now < 0) return;
    const delta = now - this.kernelDropsBase - this.kernelDrops;
    if (delta > 0) {
      this.kernelDrops += delta;
      // the kernel does not say who sent what it dropped
      const s = this.handler.telemetry.stats(this.name, 'unknown');
      s.received += delta;
      s.dropped.kernel += delta;
    }
  }

  /**
   * Reads what the kernel holds for the socket (datagrams that arrived before the stop), for up
   * to `graceMs`, then closes it; what is still queued is counted as dropped (`shutdown`).
   */
  async stop(graceMs = 0): Promise<void> {
    if (this.kernelTimer) clearInterval(this.kernelTimer);
    const s = this.socket;
    // one that closed on its own has no queue, and throws on a second close
    if (s !== null && !this.faults.closed) await this.drain(s, graceMs);
    this.pollKernelDrops();
    this.socket = null;
    if (s && !this.faults.closed) await new Promise<void>((r) => s.close(() => r()));
  }

  private async drain(socket: Socket, graceMs: number): Promise<void> {
    const a = socket.address();
    const v6 = a.family === 'IPv6';
    const deadline = Date.now() + graceMs;
    for (;;) {
      const queued = readSocketQueue(a.port, v6).rxQueue;
      if (queued <= 0) return;
      if (Date.now() >= deadline) {
        this.countShutdownDrops(queued);
        return;
      }
      // the 'message' handler reads the queue meanwhile
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /**
   * The kernel reports its queue in bytes it booked, not datagrams: it books a datagram's payload
   * and about 1 KB besides (832 bytes for 50, 1,280 for 300, 2,304 for 1,000 on loopback), so the
   * number left is estimated from the average datagram read so far, and is at least one.
   */
  private countShutdownDrops(queuedBytes: number): void {
    const avg = this.datagrams > 0 ? this.datagramBytes / this.datagrams : 0;
    const n = Math.max(1, Math.round(queuedBytes / (avg + 1024)));
    this.shutdownDrops += n;
    const st = this.handler.telemetry.stats(this.name, 'unknown');
    st.received += n;
    st.dropped.shutdown += n;
    process.stderr.write(`syslog-ecs: ${this.name}: ${queuedBytes} bytes still in the UDP receive queue at the end of the grace period: about ${n} datagrams counted as dropped (shutdown)\n`);
  }
}

/**
 * The `drops` column and the receive queue (`rx_queue`, bytes) of our socket's line in
 * /proc/net/udp (or udp6); -1 each when unreadable.
 */
export function readSocketQueue(port: number, v6: boolean): { drops: number; rxQueue: number } {
  const hexPort = ':' + port.toString(16).toUpperCase().padStart(4, '0');
  let total = -1;
  let rx = -1;
  for (const file of v6 ? ['/proc/net/udp6', '/proc/net/udp'] : ['/proc/net/udp']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 13 || !cols[1]!.endsWith(hexPort) || cols[3] !== '07') continue;
      const drops = Number(cols[cols.length - 1]);
      if (Number.isFinite(drops)) total = (total < 0 ? 0 : total) + drops;
      const queue = Number.parseInt(cols[4]!.slice(cols[4]!.indexOf(':') + 1), 16);
      if (Number.isFinite(queue)) rx = (rx < 0 ? 0 : rx) + queue;
    }
  }
  return { drops: total, rxQueue: rx };
}
