/** HttpServer in-process: /health answers 503 with the reason when an output fails or a listener is down; escaping. */
import { HttpServer, parseHostPort } from '../../src/http/server.js';
import { escapeHtml, renderStatusPage, RateTracker } from '../../src/http/status-page.js';
import { Telemetry } from '../../src/core/telemetry.js';
import type { Output, OutputHealth } from '../../src/core/stages.js';
import type { Source } from '../../src/core/stages.js';

function fakeOutput(h: () => OutputHealth, pending = 0): Output {
  return {
    name: 'elasticsearch:http://127.0.0.1:9200',
    start: async () => undefined, write: () => 0, onDrain: () => undefined, pending: () => pending,
    flush: async () => undefined, close: async () => undefined, health: h,
  } as unknown as Output;
}
const source = (name: string, boundUrl: string): Source => ({ name, boundUrl, start: async () => undefined, stop: async () => undefined });

test('health: 200, then 503 with the output\'s reason, then 503 for a stopped listener', async () => {
  let health: OutputHealth = { ok: true };
  const telemetry = new Telemetry();
  const udp = source('udp', 'udp://127.0.0.1:5514');
  const srv = new HttpServer({ listen: '127.0.0.1:0', telemetry, sources: [udp], outputs: [fakeOutput(() => health, 42)] });
  await srv.start();
  try {
    let r = await fetch(srv.boundUrl + '/health');
    expect(r.status).toBe(200);
    health = { ok: false, reason: 'elasticsearch unreachable or failing (3 in a row): connect ECONNREFUSED' };
    r = await fetch(srv.boundUrl + '/health');
    expect(r.status).toBe(503);
    const body = (await r.json()) as { reasons: string[]; outputs: { pending: number }[] };
    expect(body.reasons).toEqual(['output elasticsearch:http://127.0.0.1:9200: elasticsearch unreachable or failing (3 in a row): connect ECONNREFUSED']);
    expect(body.outputs[0]!.pending).toBe(42);
    const metrics = await (await fetch(srv.boundUrl + '/metrics')).text();
    expect(metrics).toContain('syslog_ecs_output_up{output="elasticsearch:http://127.0.0.1:9200"} 0');
    expect(metrics).toContain('syslog_ecs_output_pending_events{output="elasticsearch:http://127.0.0.1:9200"} 42');
    health = { ok: true };
    srv.listenerStopped(udp);
    r = await fetch(srv.boundUrl + '/health');
    expect(r.status).toBe(503);
    expect(((await r.json()) as { reasons: string[] }).reasons).toEqual(['listener udp is not listening']);
    const head = await fetch(srv.boundUrl + '/health', { method: 'HEAD' });
    expect(head.status).toBe(503);
  } finally {
    await srv.stop();
  }
});

test('events/s from the rate sampler', () => {
  const t = new Telemetry();
  const s = t.stats('udp', '10.0.0.1');
  const rates = new RateTracker(t);
  rates.sample(1_000_000);
  s.received += 50;
  rates.sample(1_005_000);
  expect(rates.rate(s)).toBe(10);
  const html = renderStatusPage({
    telemetry: t, rates, health: { ok: true, reasons: [] }, listeners: [], outputs: [], startedAt: 0, refreshSeconds: 5,
  }, 1_005_000);
  expect(html).toContain('<td class="num">10.0</td>');
});

test('escaping and address parsing', () => {
  expect(escapeHtml(`<a href="x" onclick='y'>&\u0000`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;\uFFFD');
  expect(escapeHtml('plain')).toBe('plain');
  expect(parseHostPort('[::1]:9102')).toEqual({ host: '::1', port: 9102 });
  expect(parseHostPort('0.0.0.0:0')).toEqual({ host: '0.0.0.0', port: 0 });
  expect(() => parseHostPort('9102')).toThrow(/HOST:PORT/);
  const t = new Telemetry();
  const s = t.stats('tcp', '10.0.0.9');
  s.received = 1;
  s.syslogOnly = 1;
  s.lastSeen = Date.now();
  t.sampleUnparsed(s, '<13>x: </pre><script>alert(1)</script>', { message: '</pre><script>' }, Date.now());
  const html = renderStatusPage({ telemetry: t, rates: new RateTracker(t), health: { ok: true, reasons: [] }, listeners: [], outputs: [], startedAt: 0, refreshSeconds: 5 });
  expect(html).not.toContain('<script');
  expect(html).toContain('&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
});
