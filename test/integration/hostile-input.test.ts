/**
 * Hostile senders against the real collector (`node dist/cli.js run`): a datagram whose structured
 * data is named `__proto__`, a count that claims a gigabyte, connections that never handshake or
 * never read, frames cut by the sender's close or by shutdown. Each must end in written events or
 * counted drops, the ledger balancing, the process alive until it is told to stop. (Datagrams
 * queued in the kernel at shutdown: test/unit/sources/udp.test.ts.)
 */
import { createSocket } from 'node:dgram';
import { connect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { startCollector, tempDir, readOutput, countOutput, waitFor, stopBalanced, type Collector } from '../helpers/collector.js';
import { makePki } from '../helpers/tls.js';

jest.setTimeout(120_000);

function config(dir: string, lines: string[]): string {
  const file = join(dir, 'config.yaml');
  writeFileSync(file, [...lines, 'outputs:', `  - url: file:${join(dir, 'out')}`, '    flush_interval_ms: 100', 'http:', '  listen: 127.0.0.1:0', ''].join('\n'));
  return file;
}

/** The collector's /metrics as series -> value. */
async function metrics(c: Collector): Promise<Map<string, number>> {
  const base = /http on (http:\/\/\S+)/.exec(c.stderr())?.[1];
  if (base === undefined) throw new Error('no http line in:\n' + c.stderr());
  const r = await fetch(base + '/metrics');
  expect(r.status).toBe(200);
  const m = new Map<string, number>();
  for (const line of (await r.text()).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const sp = line.lastIndexOf(' ');
    m.set(line.slice(0, sp), Number(line.slice(sp + 1)));
  }
  return m;
}

/** A listener's series value (labels beyond `listener` left out). */
function listenerValue(m: Map<string, number>, name: string): number {
  for (const [k, v] of m) if (k.startsWith(name + '{')) return v;
  throw new Error(`no ${name} in /metrics`);
}

function open(port: number, opts: { allowHalfOpen?: boolean } = {}): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1', allowHalfOpen: opts.allowHalfOpen ?? false }, () => resolve(s));
    s.on('error', reject);
  });
}

function closed(s: Socket): Promise<void> {
  return new Promise((resolve) => {
    if (s.destroyed) return resolve();
    s.on('close', () => resolve());
    s.on('error', () => undefined);
    s.resume();
  });
}

async function sendUdp(port: number, lines: readonly string[]): Promise<void> {
  const sock = createSocket('udp4');
  for (const l of lines) await new Promise<void>((r, j) => sock.send(l, port, '127.0.0.1', (e) => (e ? j(e) : r())));
  sock.close();
}

test('a datagram with structured data named __proto__, then 2,000 ordinary ones: 2,001 written, nothing polluted', async () => {
  const dir = tempDir();
  const c = await startCollector(['--config', config(dir, ['listeners:', '  - url: udp://127.0.0.1:0'])]);
  const hostile = '<34>1 - h a - - [__proto__ x="1"] m';
  const lines = Array.from({ length: 2000 }, (_, i) => `<13>1 2024-03-15T12:00:00Z host app - - - ordinary ${i}`);
  await sendUdp(c.port('udp'), [hostile, ...lines]);
  await waitFor(() => countOutput(join(dir, 'out')) === 2001, 20_000, '2,001 events');
  // a scrape observes every metric (the crash came from prom-client meeting an inherited label)
  const m = await metrics(c);
  expect(m.get('syslog_ecs_ledger_in_total')).toBe(2001);
  expect(c.proc.exitCode).toBeNull();
  const docs = readOutput(join(dir, 'out'));
  expect(docs).toHaveLength(2001);
  const first = docs.find((d) => d.message === 'm')!;
  expect(first.log.syslog.structured_data).toEqual(JSON.parse('{"__proto__":{"x":"1"}}'));
  // no other document got the attacker's parameter
  const others = docs.filter((d) => d !== first);
  expect(others.filter((d) => JSON.stringify(d).includes('"x"'))).toEqual([]);
  expect(others.map((d) => d.message).sort()).toEqual(lines.map((l) => l.slice(l.lastIndexOf(' - ') + 3)).sort());
  const l = await stopBalanced(c);
  expect(l.received).toBe(2001);
  expect(l.written).toBe(2001);
});

test('a count of 999999999 then 20,000 lines: the count is refused and counted, every line after it written', async () => {
  const dir = tempDir();
  const c = await startCollector(['--config', config(dir, ['listeners:', '  - url: tcp://127.0.0.1:0'])]);
  const s = await open(c.port('tcp'));
  const lines = Array.from({ length: 20_000 }, (_, i) => `<13>1 2024-03-15T12:00:00Z host app - - - line ${i}`);
  s.end(`999999999 <13>1 - host app - - - claims a gigabyte\n${lines.join('\n')}\n`);
  await waitFor(() => countOutput(join(dir, 'out')) === 20_000, 30_000, '20,000 events');
  const m = await metrics(c);
  expect(listenerValue(m, 'syslog_ecs_listener_oversize_bytes_total')).toBe('999999999 <13>1 - host app - - - claims a gigabyte\n'.length);
  const l = await stopBalanced(c);
  expect(l.received).toBe(20_001);
  expect(l.written).toBe(20_000);
  expect(l.oversize).toBe(1);
  const messages = readOutput(join(dir, 'out')).map((d) => d.message);
  expect(messages).toEqual(lines.map((_, i) => `line ${i}`));
});

test('idle timeout: a client that neither sends nor closes loses its slot; a sender after it is accepted', async () => {
  const dir = tempDir();
  const c = await startCollector(['--config', config(dir, [
    'listeners:', '  - url: tcp://127.0.0.1:0', '    max_connections: 1', '    idle_timeout_ms: 500',
  ])]);
  const port = c.port('tcp');
  // half-open allowed: the server's FIN alone does not make this client close its side
  const idle = await open(port, { allowHalfOpen: true });
  const ended = new Promise<void>((r) => idle.once('end', () => r()));
  idle.resume();
  await ended;
  const sender = await open(port);
  sender.end('<13>1 2024-03-15T12:00:00Z host app - - - after the idle one\n');
  await waitFor(() => countOutput(join(dir, 'out')) === 1, 10_000, 'the later sender\'s event');
  const m = await metrics(c);
  expect(listenerValue(m, 'syslog_ecs_listener_connections_refused_total')).toBe(0);
  idle.destroy();
  const l = await stopBalanced(c);
  expect(l.written).toBe(1);
  expect(readOutput(join(dir, 'out'))[0]!.message).toBe('after the idle one');
});

test('TLS: connections that never handshake count against max_connections and are destroyed at the handshake timeout', async () => {
  const dir = tempDir();
  const pki = makePki(tempDir('pki-'));
  const c = await startCollector(['--config', config(dir, [
    'listeners:', '  - url: tls://127.0.0.1:0', '    max_connections: 3',
    '    tls:', `      cert_file: ${pki.serverCert}`, `      key_file: ${pki.serverKey}`, '      handshake_timeout_ms: 1000',
  ])]);
  const port = c.port('tls');
  const silent = [await open(port), await open(port), await open(port)];
  // the fourth is over the limit while the three are still in their handshake
  const fourth = await open(port);
  await closed(fourth);
  // the three are destroyed by the collector at the handshake timeout (not left ESTABLISHED)
  await Promise.all(silent.map(closed));
  let m = await metrics(c);
  expect(listenerValue(m, 'syslog_ecs_listener_connections_refused_total')).toBe(1);
  expect(listenerValue(m, 'syslog_ecs_listener_tls_failures_total')).toBe(3);
  // their slots are free: a real TLS sender gets in
  const t = tlsConnect({ port, host: '127.0.0.1', ca: readFileSync(pki.ca), servername: 'localhost' });
  await new Promise<void>((r, j) => {
    t.once('secureConnect', () => r());
    t.once('error', j);
  });
  t.end('<13>1 2024-03-15T12:00:00Z host app - - - over TLS\n');
  await waitFor(() => countOutput(join(dir, 'out')) === 1, 10_000, 'the TLS event');
  m = await metrics(c);
  expect(listenerValue(m, 'syslog_ecs_listener_connections_refused_total')).toBe(1);
  const l = await stopBalanced(c);
  expect(l.written).toBe(1);
});

test('incomplete frames: a count larger than what came before the close, a line open at shutdown: written, tagged truncated, count removed', async () => {
  const dir = tempDir();
  const c = await startCollector(['--config', config(dir, [
    'listeners:', '  - url: tcp://127.0.0.1:0', 'pipeline:', '  shutdown_grace_ms: 500',
  ])]);
  const port = c.port('tcp');
  const short = await open(port);
  short.end('80 <13>1 2024-03-15T12:00:00Z host app - - - short');
  await waitFor(() => countOutput(join(dir, 'out')) === 1, 10_000, 'the short frame');
  const open1 = await open(port);
  open1.write('<13>1 2024-03-15T12:00:00Z host app - - - complete\n');
  await waitFor(() => countOutput(join(dir, 'out')) === 2, 10_000, 'the complete line');
  open1.write('<13>1 2024-03-15T12:00:00Z host app - - - cut at shutdown');
  open1.on('error', () => undefined);
  const l = await stopBalanced(c);
  expect(l.received).toBe(3);
  expect(l.written).toBe(3);
  const docs = readOutput(join(dir, 'out'));
  expect(docs.map((d) => [d.message, d.tags ?? []])).toEqual([
    ['short', ['truncated']],
    ['complete', []],
    ['cut at shutdown', ['truncated']],
  ]);
});
