/**
 * Listener faults after binding (socket errors, an unexpected close) and open-file pressure: what
 * /health reports, and that the log is not flooded.
 */
import { ListenerFaults, FAULT_WINDOW_MS } from '../../../src/sources/listener-faults.js';
import { FdPressure, openFilesLimit, FD_WINDOW_MS } from '../../../src/http/fd-pressure.js';
import { UdpSource } from '../../../src/sources/udp.js';
import { TcpSource } from '../../../src/sources/tcp.js';
import { HttpServer } from '../../../src/http/server.js';
import { Telemetry } from '../../../src/core/telemetry.js';
import { WriteResult } from '../../../src/core/stages.js';
import type { FrameHandler } from '../../../src/core/stages.js';

const handler = (): FrameHandler => ({ telemetry: new Telemetry(), paused: false, onResume: () => undefined, accept: () => WriteResult.Ok });

test('errors: counted, reported for a minute, logged at once and then at most every 10 s with the count', () => {
  const lines: string[] = [];
  const f = new ListenerFaults('tcp://0.0.0.0:514', (l) => lines.push(l));
  const t0 = 1_000_000;
  expect(f.problem(t0)).toBeNull();
  f.record(new Error('accept ENOBUFS'), t0);
  for (let i = 1; i <= 499; i++) f.record(new Error('accept ENOBUFS'), t0 + i * 10); // 5 s of errors
  expect(f.errors).toBe(500);
  expect(lines).toEqual(['syslog-ecs: tcp://0.0.0.0:514: accept ENOBUFS\n']);
  f.record(new Error('accept ENOBUFS'), t0 + 10_000);
  expect(lines[1]).toBe('syslog-ecs: tcp://0.0.0.0:514: accept ENOBUFS (500 errors since the previous report)\n');
  expect(f.problem(t0 + 12_000)).toBe('accept ENOBUFS (501 errors so far, the last 2 s ago)');
  expect(f.problem(t0 + 10_000 + FAULT_WINDOW_MS)).toBeNull();
});

test('an unexpected close is reported for as long as it lasts, once in the log', () => {
  const lines: string[] = [];
  const f = new ListenerFaults('udp://0.0.0.0:514', (l) => lines.push(l));
  f.closedUnexpectedly();
  f.closedUnexpectedly();
  expect(lines).toEqual(['syslog-ecs: udp://0.0.0.0:514: the listening socket closed; no longer receiving\n']);
  expect(f.problem(Date.now() + 10 * FAULT_WINDOW_MS)).toBe('closed unexpectedly');
});

test('open files: the limit from /proc/self/limits; reported for a minute after 95 % of it; EMFILE while counting is the limit', () => {
  expect(openFilesLimit('Limit                     Soft Limit           Hard Limit           Units\nMax open files            1024                 4096                 files\n')).toBe(1024);
  expect(openFilesLimit('Max open files            unlimited            unlimited            files\n')).toBe(0);
  expect(openFilesLimit()).toBeGreaterThan(0); // this process, on Linux
  let n = 10;
  const p = new FdPressure(100, () => {
    if (n < 0) throw Object.assign(new Error('EMFILE: too many open files'), { code: 'EMFILE' });
    return n;
  });
  const t0 = 5_000_000;
  p.sample(t0);
  expect(p.problem(t0)).toBeNull();
  n = 94;
  p.sample(t0 + 1000);
  expect(p.problem(t0 + 1000)).toBeNull();
  n = 95;
  p.sample(t0 + 2000);
  expect(p.problem(t0 + 3000)).toMatch(/^open file descriptors reached 95 of the limit 100 \(1 s ago\): at the limit new TCP connections are closed unaccepted/);
  n = -1; // counting itself fails for want of a descriptor
  p.sample(t0 + 4000);
  expect(p.problem(t0 + 4000)).toMatch(/^open file descriptors reached 100 of the limit 100 \(0 s ago\)/);
  n = 10;
  p.sample(t0 + 5000);
  expect(p.problem(t0 + 4000 + FD_WINDOW_MS)).toBeNull();
  // no limit known: nothing watched
  const none = new FdPressure(0, () => 1e9);
  none.sample();
  expect(none.problem()).toBeNull();
});

test('/health: a UDP and a TCP listener whose sockets close on their own are not listening, and say why', async () => {
  const udp = new UdpSource({ name: 'udp-in', host: '127.0.0.1', port: 0, maxMessageBytes: 1024, receiveBufferBytes: 0 }, handler());
  const tcp = new TcpSource({ name: 'tcp-in', host: '127.0.0.1', port: 0, maxMessageBytes: 1024, maxConnections: 10, idleTimeoutMs: 0, framing: 'auto' }, handler());
  await udp.start();
  await tcp.start();
  const srv = new HttpServer({ listen: '127.0.0.1:0', telemetry: new Telemetry(), sources: [udp, tcp], outputs: [], fds: new FdPressure(0) });
  await srv.start();
  const stderr = process.stderr.write;
  const logged: string[] = [];
  process.stderr.write = ((s: string) => logged.push(String(s)) > 0) as typeof process.stderr.write;
  try {
    expect(srv.health().reasons).toEqual([]);
    // what an unexpected close looks like from inside: the sockets close without stop()
    await new Promise<void>((r) => (udp as unknown as { socket: { close(cb: () => void): void } }).socket.close(r));
    await new Promise<void>((r) => (tcp as unknown as { server: { close(cb: () => void): void } }).server.close(() => r()));
    const r = await fetch(srv.boundUrl + '/health');
    expect(r.status).toBe(503);
    const body = (await r.json()) as { reasons: string[]; listeners: { name: string; up: boolean }[] };
    expect(body.reasons).toEqual(['listener udp-in is not listening: closed unexpectedly', 'listener tcp-in is not listening: closed unexpectedly']);
    expect(body.listeners.map((l) => l.up)).toEqual([false, false]);
    expect(logged.join('')).toContain('udp-in: the listening socket closed; no longer receiving');
    const metrics = await (await fetch(srv.boundUrl + '/metrics')).text();
    expect(metrics).toContain('syslog_ecs_listener_up{listener="udp-in",url="' + udp.boundUrl + '"} 0');
    expect(metrics).toContain('syslog_ecs_listener_errors_total{listener="tcp-in"} 0');
  } finally {
    process.stderr.write = stderr;
    await srv.stop();
    await udp.stop();
    await tcp.stop(0);
  }
});

test('a stopped listener is not "closed unexpectedly"', async () => {
  const udp = new UdpSource({ name: 'u', host: '127.0.0.1', port: 0, maxMessageBytes: 1024, receiveBufferBytes: 0 }, handler());
  await udp.start();
  await udp.stop();
  expect(udp.faults.closed).toBe(false);
});
