/**
 * /metrics against hostile label values, on the real collector: 25,000 CEF messages whose
 * signature ids (the coverage `message_id` label) are unique and 3,000 characters long. The scrape
 * stays small (ids past the per-family bound or too long count under `other`), no label value is
 * longer than the bound, the counts still add up, and /health answers.
 */
import { connect } from 'node:net';
import { join } from 'node:path';
import { startCollector, tempDir, ledger, configFile, httpOf } from '../helpers/collector.js';
import { MAX_LABEL_CHARS, MAX_MESSAGE_IDS_PER_FAMILY } from '../../src/core/telemetry.js';

const N = 25_000;

test(`${N} unique 3000-character CEF signature ids: bounded /metrics, /health answers`, async () => {
  const dir = tempDir();
  const c = await startCollector(['--config', configFile(['listeners:', '  - url: tcp://127.0.0.1:0', 'outputs:', `  - url: file:${join(dir, 'out')}`, 'http:', '  listen: 127.0.0.1:0'], dir)]);
  const http = httpOf(c);
  const sock = connect(c.port('tcp'), '127.0.0.1');
  await new Promise<void>((r) => sock.once('connect', () => r()));
  const pad = 'x'.repeat(3000 - 6);
  // half of them short enough to be ids (up to the per-family bound), half too long
  for (let i = 0; i < N; i++) {
    const id = i % 2 === 0 ? String(i) : pad + String(i).padStart(6, '0');
    const ok = sock.write(`<134>Mar 14 08:00:00 host CEF:0|Acme|ids|1.0|${id}|probe|5|src=10.0.0.1 dst=10.2.1.2\n`);
    if (!ok) await new Promise<void>((r) => sock.once('drain', () => r()));
  }
  sock.end();
  let metrics = '';
  for (;;) {
    metrics = await (await fetch(http + '/metrics')).text();
    const m = /^syslog_ecs_ledger_in_total (\d+)/m.exec(metrics);
    if (m && Number(m[1]) >= N) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  metrics = await (await fetch(http + '/metrics')).text();
  const health = await fetch(http + '/health');
  expect(health.status).toBe(200);

  const coverage = metrics.split('\n').filter((l) => l.startsWith('syslog_ecs_coverage_total{'));
  const cef = coverage.filter((l) => l.includes('family="cef"'));
  // a parsed and an unknown series per id kept, plus `other`
  expect(cef.length).toBe((MAX_MESSAGE_IDS_PER_FAMILY + 1) * 2);
  const total = cef.reduce((a, l) => a + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
  expect(total).toBe(N);
  const other = cef.filter((l) => l.includes('message_id="other"')).reduce((a, l) => a + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
  expect(other).toBe(N - MAX_MESSAGE_IDS_PER_FAMILY);
  for (const l of metrics.split('\n')) {
    for (const v of l.matchAll(/="((?:[^"\\]|\\.)*)"/g)) expect(v[1]!.length).toBeLessThanOrEqual(MAX_LABEL_CHARS);
  }
  expect(metrics.length).toBeLessThan(1 << 20);
  const { code, stderr } = await c.stop();
  expect(code).toBe(0);
  expect(ledger(stderr)).toMatchObject({ received: N, written: N, in_flight: 0 });
}, 120_000);
