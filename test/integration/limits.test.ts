/**
 * Listener limits against the real collector: maximum connections (refused, counted), idle timeout
 * (closed), maximum message size (truncated and flagged, not dropped), and `parse --stats`.
 */
import { connect, type Socket } from 'node:net';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCollector, tempDir, readOutput, waitFor, ledger } from '../helpers/collector.js';

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.on('error', reject);
  });
}

function closed(s: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (s.destroyed) return resolve(true);
    const t = setTimeout(() => resolve(false), ms);
    s.on('close', () => {
      clearTimeout(t);
      resolve(true);
    });
    s.resume();
  });
}

test('max_connections: the connection beyond the limit is closed; idle connections are closed after idle_timeout_ms', async () => {
  const dir = tempDir();
  const cfg = join(dir, 'c.yaml');
  writeFileSync(cfg, [
    'listeners:',
    '  - url: tcp://127.0.0.1:0',
    '    max_connections: 2',
    '    idle_timeout_ms: 1500',
    '    max_message_bytes: 512',
    'outputs:',
    `  - url: file:${join(dir, 'out')}`,
    '    flush_interval_ms: 100',
  ].join('\n'));
  const c = await startCollector(['--config', cfg]);
  const port = c.port('tcp');
  const a = await open(port);
  const b = await open(port);
  await new Promise((r) => setTimeout(r, 200));
  const third = await open(port);
  expect(await closed(third, 2000)).toBe(true);
  // an over-long message is truncated and flagged, not dropped
  a.write('<13>1 - host app - - - ' + 'x'.repeat(2000) + '\n');
  b.write('<13>1 - host app - - - short\n');
  await waitFor(() => readOutput(join(dir, 'out')).length === 2, 5000, 'two events');
  // both go idle: closed by the collector after ~1.5 s
  expect(await closed(a, 4000)).toBe(true);
  expect(await closed(b, 4000)).toBe(true);
  const { code, stderr } = await c.stop();
  expect(code).toBe(0);
  const docs = readOutput(join(dir, 'out'));
  const long = docs.find((d) => d.message.startsWith('xxx'))!;
  expect(long.tags).toContain('truncated');
  expect(long.event.original.length).toBe(512);
  const l = ledger(stderr);
  expect(l.received).toBe(2);
  expect(l.written).toBe(2);
});

test('parse --stats: parsed and unknown per family and message id on stderr', () => {
  const dir = tempDir();
  const f = join(dir, 'in.log');
  writeFileSync(f, [
    '<166>Jan 22 2024 10:00:01 fw1 : %ASA-6-302013: Built outbound TCP connection 123 for outside:8.8.8.8/53 (8.8.8.8/53) to inside:10.0.0.1/5353 (10.0.0.1/5353)',
    '<166>Jan 22 2024 10:00:02 fw1 : %ASA-6-999999: Something new',
    '<13>Jan 22 10:00:03 host app: plain',
  ].join('\n') + '\n');
  const r = spawnSync('node', ['dist/cli.js', 'parse', '--stats', f], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  expect(r.stdout.trim().split('\n')).toHaveLength(3);
  expect(r.stderr).toMatch(/messages 3: parsed 1, unknown 1, syslog only 1/);
  expect(r.stderr).toMatch(/cisco_asa 302013 1 0/);
  expect(r.stderr).toMatch(/cisco_asa 999999 0 1/);
});

test.each([0, 1])('two outputs with pipeline.workers=%i: both get every event, the primary counts the ledger', async (workers) => {
  const dir = tempDir();
  const cfg = join(dir, 'c.yaml');
  writeFileSync(cfg, [
    'listeners:',
    '  - url: tcp://127.0.0.1:0',
    'outputs:',
    `  - url: file:${join(dir, 'a')}`,
    `  - url: file:${join(dir, 'b')}`,
    'pipeline:',
    `  workers: ${workers}`,
  ].join('\n'));
  const c = await startCollector(['--config', cfg]);
  const s = await open(c.port('tcp'));
  for (let i = 0; i < 500; i++) s.write(`<13>1 - host app - - - event ${i}\n`);
  s.end();
  await waitFor(() => readOutput(join(dir, 'a')).length === 500 && readOutput(join(dir, 'b')).length === 500, 10_000, 'both outputs');
  const { code, stderr } = await c.stop();
  expect(code).toBe(0);
  const l = ledger(stderr);
  expect(l.received).toBe(500);
  expect(l.written).toBe(500);
  const a = readOutput(join(dir, 'a')).map((d) => d.message);
  expect(a).toEqual(Array.from({ length: 500 }, (_, i) => `event ${i}`));
  expect(readOutput(join(dir, 'b')).map((d) => d.message)).toEqual(a);
});

test('parse --users: directory users enrich the user fields a vendor parser wrote', () => {
  const dir = tempDir();
  const users = join(dir, 'users.yaml');
  writeFileSync(users, 'users:\n  alice:\n    full_name: Alice Example\n    email: alice@example.com\n    domain: EXAMPLE\n    groups: [netops]\n');
  const f = join(dir, 'in.log');
  writeFileSync(f, '<166>Jan 22 2024 10:00:01 fw1 : %ASA-6-113004: AAA user authentication Successful : server =  10.1.1.1 : user = alice\n');
  const r = spawnSync('node', ['dist/cli.js', 'parse', '--users', users, f], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  const doc = JSON.parse(r.stdout);
  expect(doc.source.user).toMatchObject({ name: 'alice', full_name: 'Alice Example', email: 'alice@example.com', domain: 'EXAMPLE' });
});
