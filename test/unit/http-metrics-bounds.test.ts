/** /metrics label bounds without a network: senders per listener and coverage ids, folded into `other`. */
import { Telemetry, MAX_LABEL_CHARS, MAX_MESSAGE_IDS_PER_FAMILY } from '../../src/core/telemetry.js';
import { createMetricsRegistry, boundedSenders } from '../../src/http/metrics.js';

function seriesOf(text: string, name: string): string[] {
  return text.split('\n').filter((l) => l.startsWith(name + '{'));
}
const valueOf = (l: string): number => Number(l.slice(l.lastIndexOf(' ') + 1));

test('25,000 senders on one listener: 100 series of their own and one "other" that sums the rest', async () => {
  const t = new Telemetry();
  for (let i = 0; i < 25_000; i++) {
    const s = t.stats('udp', `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    s.received = 2;
    s.written = 1;
    s.dropped.queue_full = 1;
  }
  const reg = createMetricsRegistry({ telemetry: t, sources: [], outputs: [], listenerUp: () => true, maxSenders: 100 });
  const text = await reg.metrics();
  const received = seriesOf(text, 'syslog_ecs_received_total');
  expect(received.length).toBe(101);
  const kept = received.filter((l) => !l.includes('sender="other"'));
  expect(kept.length).toBe(100);
  // the telemetry keeps 10,000 senders; the rest are already its own "other"
  const all = received.reduce((a, l) => a + valueOf(l), 0);
  expect(all).toBe(t.totals().received);
  const dropped = seriesOf(text, 'syslog_ecs_dropped_total');
  expect(dropped.length).toBe(101);
  expect(dropped.reduce((a, l) => a + valueOf(l), 0)).toBe(t.totals().dropped.queue_full);
});

test('boundedSenders keeps the first senders of each listener and folds per listener', () => {
  const t = new Telemetry();
  for (const l of ['a', 'b']) for (let i = 0; i < 5; i++) t.stats(l, `10.0.0.${i}`).received = i + 1;
  const rows = boundedSenders(t.senders.values(), 2);
  expect(rows.map((r) => `${r.listener} ${r.sender} ${r.received}`)).toEqual([
    'a 10.0.0.0 1', 'a 10.0.0.1 2', 'a other 12', 'b 10.0.0.0 1', 'b 10.0.0.1 2', 'b other 12',
  ]);
});

test('coverage: long ids and ids past the per-family bound count as "other"', async () => {
  const t = new Telemetry();
  for (let i = 0; i < 25_000; i++) t.countCoverage('cef', 'x'.repeat(2990) + i, i % 3 === 0);
  for (let i = 0; i < 2 * MAX_MESSAGE_IDS_PER_FAMILY; i++) t.countCoverage('cisco_asa', String(100000 + i), true);
  // counted by a parser worker and handed over: the same bounds
  t.addCoverage([['cisco_asa ' + 'y'.repeat(500), 3, 4], ['cisco_asa 999999', 1, 0]]);
  const reg = createMetricsRegistry({ telemetry: t, sources: [], outputs: [], listenerUp: () => true });
  const text = await reg.metrics();
  const cov = seriesOf(text, 'syslog_ecs_coverage_total');
  const cef = cov.filter((l) => l.includes('family="cef"'));
  expect(cef.map((l) => l.replace(/ \d+$/, ''))).toEqual([
    'syslog_ecs_coverage_total{family="cef",message_id="other",result="parsed"}',
    'syslog_ecs_coverage_total{family="cef",message_id="other",result="unknown"}',
  ]);
  expect(cef.reduce((a, l) => a + valueOf(l), 0)).toBe(25_000);
  const asa = cov.filter((l) => l.includes('family="cisco_asa"'));
  expect(asa.length).toBe((MAX_MESSAGE_IDS_PER_FAMILY + 1) * 2);
  expect(asa.reduce((a, l) => a + valueOf(l), 0)).toBe(2 * MAX_MESSAGE_IDS_PER_FAMILY + 8);
  for (const l of text.split('\n')) for (const v of l.matchAll(/="([^"]*)"/g)) expect(v[1]!.length).toBeLessThanOrEqual(MAX_LABEL_CHARS);
  expect(text.length).toBeLessThan(256 * 1024);
});
