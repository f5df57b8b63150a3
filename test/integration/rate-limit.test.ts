/**
 * Per-sender rate limits on a running collector: UDP over the limit is dropped and counted
 * (`rate_limited`, in the ledger and /metrics); TCP in the default `pause` mode is slowed down by
 * flow control and loses nothing; TCP in `drop` mode drops and counts.
 */
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCollector, tempDir, countOutput, waitFor, ledger } from '../helpers/collector.js';

function sendUdp(port: number, n: number): Promise<void> {
  const s = createSocket('udp4');
  return new Promise((resolve, reject) => {
    let left = n;
    for (let i = 0; i < n; i++) {
      s.send(Buffer.from(`<13>Feb  5 17:32:18 host app: udp message ${i}`), port, '127.0.0.1', (err) => {
        if (err) reject(err);
        if (--left === 0) {
          s.close();
          resolve();
        }
      });
    }
  });
}

function sendTcp(port: number, n: number): Promise<number> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const c = connect(port, '127.0.0.1', () => {
      let body = '';
      const pad = 'x'.repeat(160);
      for (let i = 0; i < n; i++) body += `<13>Feb  5 17:32:18 host app: tcp message ${i} ${pad}\n`;
      c.end(body);
    });
    c.on('close', () => resolve(Date.now() - t0));
    c.on('error', reject);
  });
}

test('UDP drops over the limit and counts rate_limited; TCP pauses (nothing lost) or drops', async () => {
  const dir = tempDir('syslog-ecs-rl-');
  const out = join(dir, 'out');
  const cfg = join(dir, 'config.yaml');
  writeFileSync(cfg, `
listeners:
  - url: udp://127.0.0.1:0
    name: udp-limited
    rate_limit: { events_per_s: 20, burst: 10 }
  - url: tcp://127.0.0.1:0
    name: tcp-paced
    rate_limit: { events_per_s: 500, burst: 100 }
  - url: tcp://127.0.0.1:0
    name: tcp-drop
    rate_limit: { events_per_s: 10, burst: 5, tcp_action: drop }
outputs:
  - url: file:${out}
http:
  listen: 127.0.0.1:0
`);
  const col = await startCollector(['--config', cfg]);
  const [udpUrl, pacedUrl, dropUrl] = col.bound;
  const portOf = (u: string): number => Number(u.slice(u.lastIndexOf(':') + 1));
  const base = /http on (http:\/\/\S+)/.exec(col.stderr())![1]!;

  await sendUdp(portOf(udpUrl!), 200);
  const elapsed = await sendTcp(portOf(pacedUrl!), 1500);
  await sendTcp(portOf(dropUrl!), 100);
  // 1500 lines (~300 KB, several reads) at 500/s with 100 at once: the connection is read in
  // spurts as tokens come back; nothing is dropped
  await waitFor(() => countOutput(out) >= 1500, 20_000, 'TCP paced events written');
  const metrics = await (await fetch(base + '/metrics')).text();
  const { code, stderr } = await col.stop();
  expect(code).toBe(0);
  const l = ledger(stderr);
  expect(l.received).toBe(1800);
  expect(l.written! + (l.rate_limited ?? 0)).toBe(1800);
  // the drop counts per sender and reason, on the right listeners
  const udpDropped = Number(/syslog_ecs_dropped_total\{listener="udp-limited",sender="127.0.0.1",reason="rate_limited"\} (\d+)/.exec(metrics)?.[1]);
  const tcpDropped = Number(/syslog_ecs_dropped_total\{listener="tcp-drop",sender="127.0.0.1",reason="rate_limited"\} (\d+)/.exec(metrics)?.[1]);
  expect(udpDropped).toBeGreaterThanOrEqual(170); // 200 offered at once, a burst of 10 (+ refill while sending)
  expect(udpDropped).toBeLessThanOrEqual(190);
  expect(tcpDropped).toBeGreaterThanOrEqual(85);
  expect(tcpDropped).toBeLessThanOrEqual(95);
  expect(metrics).not.toMatch(/listener="tcp-paced"[^\n]*reason="rate_limited"/);
  expect(metrics).toMatch(/syslog_ecs_listener_rate_limit_pauses_total\{listener="tcp-paced"\} [1-9]/);
  expect(l.rate_limited).toBe(udpDropped + tcpDropped);
  // shaped: (1500 - 100) / 500 per s = 2.8 s, less the last read's lines (charged, not waited
  // for: at most one 64 KiB read, ~340 lines, 0.7 s). Each read is paused for the debt of all its
  // lines, not only the first one over the limit (which let big reads through: 1.08 s in a CI run).
  expect(elapsed).toBeGreaterThanOrEqual(2000);
  expect(countOutput(out)).toBe(1800 - udpDropped - tcpDropped);
}, 60_000);
