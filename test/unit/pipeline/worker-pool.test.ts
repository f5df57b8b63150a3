/**
 * The parser pool's bounds, with a worker that never hands a batch back: a stream listener's
 * frames are taken up to FULL_EVENTS with Ok, then with Full (the source pauses), and refused
 * (Rejected: the source counts a drop) from twice FULL_EVENTS; a datagram listener's frames are
 * refused only from DATAGRAM_REJECT_EVENTS, since a datagram source cannot pause. Every frame is
 * counted received, and what the stalled worker holds is counted dropped at shutdown.
 */
import { ParserPool } from '../../../src/pipeline/worker-pool.js';
import { Pipeline } from '../../../src/pipeline/pipeline.js';
import { Telemetry } from '../../../src/core/telemetry.js';
import { WriteResult, type Output } from '../../../src/core/stages.js';
import { DATAGRAM_REJECT_EVENTS, FULL_EVENTS } from '../../../src/pipeline/worker-protocol.js';
import type { Frame } from '../../../src/core/types.js';

const output: Output = {
  name: 'null',
  start: async () => undefined,
  write: () => WriteResult.Ok,
  onDrain: () => undefined,
  pending: () => 0,
  flush: async () => undefined,
  close: async () => undefined,
  health: () => ({ ok: true }),
};

async function stalledPool(): Promise<{ pool: ParserPool; telemetry: Telemetry }> {
  const telemetry = new Telemetry();
  const pipeline = new Pipeline(telemetry, { process: () => ({}) as never }, [output]);
  const pool = new ParserPool(pipeline, {
    workers: 1, senders: [], enrich: { geoipDir: null, assets: null, users: null, watch: false } as never,
    workerFile: new URL('../../helpers/stalled-worker.mjs', import.meta.url),
  });
  await pool.start();
  return { pool, telemetry };
}

/** Results of n frames from one sender through a handler, as counts by result. */
function feed(pool: ParserPool, telemetry: Telemetry, datagram: boolean, n: number): { results: Record<number, number>; firstFull: number; firstRejected: number } {
  const handler = pool.handler('UTC', datagram);
  const stats = telemetry.stats(datagram ? 'udp://x' : 'tcp://x', '192.0.2.1');
  const frame: Frame = { data: Buffer.from('<13>Jul 16 12:00:00 host app: text'), senderIp: '192.0.2.1', senderPort: 514, listener: 'x', receivedAt: Date.now(), truncated: false };
  const results: Record<number, number> = { [WriteResult.Ok]: 0, [WriteResult.Full]: 0, [WriteResult.Rejected]: 0 };
  let firstFull = -1;
  let firstRejected = -1;
  for (let i = 0; i < n; i++) {
    const r = handler.accept(frame, stats);
    results[r]!++;
    if (r === WriteResult.Full && firstFull < 0) firstFull = i;
    if (r === WriteResult.Rejected && firstRejected < 0) firstRejected = i;
  }
  expect(stats.received).toBe(n);
  return { results, firstFull, firstRejected };
}

test('a stream listener: Full from FULL_EVENTS, Rejected from twice that', async () => {
  const { pool, telemetry } = await stalledPool();
  try {
    const r = feed(pool, telemetry, false, 3 * FULL_EVENTS);
    expect(r.firstFull).toBe(FULL_EVENTS - 1);
    expect(r.firstRejected).toBe(2 * FULL_EVENTS);
    expect(r.results[WriteResult.Rejected]).toBe(FULL_EVENTS);
  } finally {
    await pool.close(200);
  }
  // what the worker never handed back is counted, not lost
  const s = telemetry.stats('tcp://x', '192.0.2.1');
  expect(s.dropped.shutdown).toBe(2 * FULL_EVENTS);
});

test('a datagram listener: refused only from DATAGRAM_REJECT_EVENTS', async () => {
  expect(DATAGRAM_REJECT_EVENTS).toBeGreaterThan(2 * FULL_EVENTS);
  const { pool, telemetry } = await stalledPool();
  try {
    const r = feed(pool, telemetry, true, DATAGRAM_REJECT_EVENTS + 100);
    expect(r.firstFull).toBe(FULL_EVENTS - 1);
    expect(r.firstRejected).toBe(DATAGRAM_REJECT_EVENTS);
    expect(r.results[WriteResult.Rejected]).toBe(100);
  } finally {
    await pool.close(200);
  }
  expect(telemetry.stats('udp://x', '192.0.2.1').dropped.shutdown).toBe(DATAGRAM_REJECT_EVENTS);
});
