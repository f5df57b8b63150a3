/**
 * A collector out of file descriptors (run under `prlimit --nofile=64:64`), flooded with TCP
 * connections: libuv closes the connections it can't accept without reporting an error, so the
 * only sign is the descriptor count; /health turns 503 and says so, and the listener keeps working
 * once the connections are gone.
 */
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { startCollector, tempDir, waitFor, readOutput } from '../helpers/collector.js';

test('open files at the limit: /health 503 naming the limit; events still arrive afterwards', async () => {
  const dir = tempDir();
  const out = join(dir, 'out');
  const col = await startCollector(['--listen', 'tcp://127.0.0.1:0', '--output', `file:${out}`, '--http', '127.0.0.1:0'], {}, ['prlimit', '--nofile=64:64']);
  const socks: Socket[] = [];
  try {
    const http = /http on (http:\/\/\S+)/.exec(col.stderr())![1]!;
    let r = await fetch(http + '/health');
    expect(r.status).toBe(200);
    const port = col.port('tcp');
    let closedByPeer = 0;
    for (let i = 0; i < 100; i++) {
      const s = connect(port, '127.0.0.1');
      s.on('error', () => undefined);
      s.on('close', () => closedByPeer++);
      socks.push(s);
    }
    // the collector can't hold 100 connections with 64 descriptors: libuv closes the rest unaccepted
    await waitFor(() => closedByPeer >= 30, 10_000, 'connections closed unaccepted');
    // held for more than the 1 s sampling interval
    await new Promise((res) => setTimeout(res, 1500));
    for (const s of socks) s.destroy();
    // the collector closes its ends, which frees the descriptors for the HTTP request
    await new Promise((res) => setTimeout(res, 500));
    r = await fetch(http + '/health');
    expect(r.status).toBe(503);
    const body = (await r.json()) as { reasons: string[] };
    expect(body.reasons).toHaveLength(1);
    expect(body.reasons[0]).toMatch(/^open file descriptors reached \d+ of the limit 64 \(\d+ s ago\): at the limit new TCP connections are closed unaccepted/);
    const metrics = await (await fetch(http + '/metrics')).text();
    expect(metrics).toMatch(/^process_max_fds 64$/m);
    // the listener itself still works
    const s = connect(port, '127.0.0.1');
    await new Promise((res) => s.once('connect', res));
    s.end('<13>Jan  1 00:00:00 host app: after the flood\n');
    await waitFor(() => readOutput(out).some((d) => d.message === 'after the flood'), 10_000, 'the event sent after the flood');
  } finally {
    for (const s of socks) s.destroy();
    const { code } = await col.stop();
    expect(code).toBe(0);
  }
});
