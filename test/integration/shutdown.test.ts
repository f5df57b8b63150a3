/**
 * Lifecycle against the real collector process: SIGTERM ends it within the shutdown bound whatever
 * the Elasticsearch output's state (nothing listening, or a node that accepts and never answers),
 * what could not be delivered is counted (dropped: shutdown) or kept in the disk buffer, the
 * ledger is printed and the exit code says which; a fatal configuration or start error stops
 * everything and exits non-zero before anything listens.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { startCollector, tempDir, ledger, CLI, configFile, deadPort, httpOf } from '../helpers/collector.js';
import { esUrl } from '../setup/es-node.mjs';

const GRACE_MS = 1000;
/** src/pipeline/collector.ts SHUTDOWN_FLUSH_MS + src/cli/run-command.ts WATCHDOG_MARGIN_MS */
const BOUND_MS = GRACE_MS + 5000 + 3000;
const N = 2000;

/** A TCP server that accepts connections and never answers: requests hang until they time out. */
async function blackhole(): Promise<{ port: number; server: Server; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.resume();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { port: (server.address() as { port: number }).port, server, sockets };
}

function config(dir: string, esUrlText: string, extra: string[] = []): string {
  return configFile([
    'listeners:',
    '  - url: tcp://127.0.0.1:0',
    'outputs:',
    `  - url: ${esUrlText}`,
    '    elasticsearch:',
    '      flush_interval_ms: 100',
    ...extra,
    'pipeline:',
    `  shutdown_grace_ms: ${GRACE_MS}`,
    'http:',
    '  listen: 127.0.0.1:0',
  ], dir);
}

/** Sends N lines over one TCP connection and waits until the collector has received them all. */
async function sendAll(port: number, metrics: () => Promise<string>, tag: string): Promise<Socket> {
  const sock = connect(port, '127.0.0.1');
  await new Promise<void>((r) => sock.once('connect', () => r()));
  let text = '';
  for (let i = 0; i < N; i++) text += `<13>1 2026-12-01T10:00:00Z host app - - - ${tag} ${i}\n`;
  sock.write(text);
  let received = 0;
  await waitFor(() => received >= N, 30_000, `${N} received`);
  return sock;

  async function waitFor(cond: () => boolean, ms: number, what: string): Promise<void> {
    const end = Date.now() + ms;
    for (;;) {
      const m = /^syslog_ecs_ledger_in_total (\d+)/m.exec(await metrics());
      received = m ? Number(m[1]) : 0;
      if (cond()) return;
      if (Date.now() > end) throw new Error('timed out waiting for ' + what);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function stopTimed(c: Awaited<ReturnType<typeof startCollector>>): Promise<{ code: number | null; stderr: string; ms: number }> {
  const t0 = Date.now();
  const r = await c.stop();
  return { ...r, ms: Date.now() - t0 };
}

describe('SIGTERM with Elasticsearch unreachable', () => {
  test('nothing listening at the Elasticsearch address: exits 3, every event counted as dropped (shutdown)', async () => {
    const dir = tempDir();
    const c = await startCollector(['--config', config(dir, `http://127.0.0.1:${await deadPort()}`)]);
    const metrics = async (): Promise<string> => (await fetch(httpOf(c) + '/metrics')).text();
    const sock = await sendAll(c.port('tcp'), metrics, 'refused');
    const { code, stderr, ms } = await stopTimed(c);
    sock.destroy();
    expect(code).toBe(3);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(stderr).not.toContain('shutdown did not finish');
    const l = ledger(stderr);
    expect(l).toMatchObject({ received: N, written: 0, shutdown: N, in_flight: 0 });
  }, 60_000);

  test('a node that accepts and never answers (templates and bulk requests hang): exits 3 within the bound', async () => {
    const hole = await blackhole();
    try {
      const dir = tempDir();
      const c = await startCollector(['--config', config(dir, `http://127.0.0.1:${hole.port}`)]);
      const metrics = async (): Promise<string> => (await fetch(httpOf(c) + '/metrics')).text();
      const sock = await sendAll(c.port('tcp'), metrics, 'silent');
      const { code, stderr, ms } = await stopTimed(c);
      sock.destroy();
      expect(code).toBe(3);
      expect(ms).toBeLessThan(BOUND_MS);
      expect(ledger(stderr)).toMatchObject({ received: N, written: 0, shutdown: N, in_flight: 0 });
    } finally {
      for (const s of hole.sockets) s.destroy();
      hole.server.close();
    }
  }, 60_000);

  test('with a disk buffer: exits 0, the events stay in the buffer and reach Elasticsearch after a restart', async () => {
    const dir = tempDir();
    const disk = join(dir, 'buffer');
    const prefix = `shutdown-${process.pid}-${Date.now()}`;
    const extra = [
      `      index_template: "${prefix}-{dataset}-{yyyy.MM.dd}"`,
      `      template_name: ${prefix}`,
      `      dead_letter: { index: ${prefix}-dead-letter }`,
      '      disk_buffer:',
      `        path: ${disk}`,
      '        max_bytes: 67108864',
    ];
    const c = await startCollector(['--config', config(dir, `http://127.0.0.1:${await deadPort()}`, extra)]);
    const metrics = async (): Promise<string> => (await fetch(httpOf(c) + '/metrics')).text();
    const sock = await sendAll(c.port('tcp'), metrics, 'kept');
    const first = await stopTimed(c);
    sock.destroy();
    expect(first.code).toBe(0);
    expect(first.ms).toBeLessThan(BOUND_MS);
    // nothing dropped: what Elasticsearch did not take is held in the disk buffer
    expect(ledger(first.stderr)).toMatchObject({ received: N, written: 0, dropped: 0, in_flight: N });

    const url = await esUrl();
    const again = await startCollector(['--config', config(tempDir(), url, extra)]);
    const es = new Client({ node: url });
    try {
      let count = 0;
      const end = Date.now() + 60_000;
      while (count < N && Date.now() < end) {
        await new Promise((res) => setTimeout(res, 250));
        await es.indices.refresh({ index: `${prefix}-*` }).catch(() => undefined);
        count = (await es.count({ index: `${prefix}-*` }).catch(() => ({ count: 0 }))).count;
      }
      expect(count).toBe(N);
    } finally {
      const r = await again.stop();
      await es.close();
      expect(ledger(r.stderr)).toMatchObject({ dropped: 0, in_flight: 0 });
    }
  }, 120_000);
});

describe('fatal errors at start', () => {
  function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const p = spawn(process.execPath, [CLI, 'run', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const kill = setTimeout(() => p.kill('SIGKILL'), 20_000);
      p.on('exit', (code) => {
        clearTimeout(kill);
        resolve({ code, stderr });
      });
    });
  }

  test('http.listen without a port: check-config and run refuse it, run exits 2 before listening', async () => {
    const dir = tempDir();
    const cfg = join(dir, 'c.yaml');
    writeFileSync(cfg, `listeners:\n  - url: udp://127.0.0.1:0\noutputs:\n  - url: file:${join(dir, 'out')}\nhttp:\n  listen: localhost\n`);
    const check = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const p = spawn(process.execPath, [CLI, 'check-config', cfg], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      p.on('exit', (code) => resolve({ code, stderr }));
    });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`${cfg}:6: http.listen: not HOST:PORT: "localhost"`);
    const r = await run(['--config', cfg]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('COL_ERR_CONFIG');
    expect(r.stderr).not.toContain('listening on');
  }, 30_000);

  test('--http without a port: exits 2 and leaves nothing running', async () => {
    const r = await run(['--listen', 'udp://127.0.0.1:0', '--output', `file:${join(tempDir(), 'out')}`, '--http', 'localhost']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('COL_ERR_CONFIG');
    expect(r.stderr).not.toContain('listening on');
  }, 30_000);

  test('a listener that cannot bind after another started: the first is stopped, exit 2', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    const port = (taken.address() as { port: number }).port;
    try {
      const r = await run(['--listen', 'udp://127.0.0.1:0', '--listen', `tcp://127.0.0.1:${port}`, '--output', `file:${join(tempDir(), 'out')}`, '--http', '']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('COL_ERR_LISTEN');
    } finally {
      taken.close();
    }
  }, 30_000);
});
