/**
 * The file output on a full disk, for real: a 2 MB tmpfs mounted for the test (root is needed to
 * mount; the suite runs as root). 20,000 events into it: the file holds only whole lines, exactly
 * as many as the ledger counts written, the rest are counted (output_error); once there is room
 * again the next events are whole lines too, never appended to a fragment.
 */
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCollector, tempDir, ledger, configFile, httpOf, metric } from '../helpers/collector.js';

const N = 20_000;
const MORE = 500;
let mnt = '';

beforeAll(() => {
  if (process.getuid?.() !== 0) throw new Error('the disk-full test mounts a tmpfs: run it as root (CI does)');
  mnt = tempDir('disk-full-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt]);
});

afterAll(() => {
  if (mnt !== '') execFileSync('umount', [mnt]);
});

/** the lines of every output file: each must be a whole JSON document */
function lines(dir: string): { count: number; endsWithNewline: boolean[] } {
  let count = 0;
  const ends: boolean[] = [];
  for (const f of readdirSync(dir)) {
    const text = readFileSync(join(dir, f), 'utf8');
    ends.push(text.length === 0 || text.endsWith('\n'));
    for (const line of text.split('\n')) {
      if (line === '') continue;
      JSON.parse(line); // throws on a torn line
      count++;
    }
  }
  return { count, endsWithNewline: ends };
}

async function send(port: number, from: number, n: number): Promise<void> {
  const sock = connect(port, '127.0.0.1');
  await new Promise<void>((r) => sock.once('connect', () => r()));
  for (let i = from; i < from + n; i++) {
    if (!sock.write(`<13>1 2026-12-01T10:00:00Z host app - - - disk full test event ${i} ${'x'.repeat(100)}\n`)) {
      await new Promise<void>((r) => sock.once('drain', () => r()));
    }
  }
  await new Promise<void>((r) => sock.end(() => r()));
}

test(`${N} events into a 2 MB filesystem: whole lines only, counted exactly; room again: whole lines after`, async () => {
  const out = join(mnt, 'out');
  const cfg = configFile(['listeners:', '  - url: tcp://127.0.0.1:0', 'outputs:', `  - url: file:${out}`, '    flush_interval_ms: 100', '    flush_bytes: 65536', 'http:', '  listen: 127.0.0.1:0']);
  const c = await startCollector(['--config', cfg]);
  const http = httpOf(c);
  /** waits until every event received has an outcome: written or dropped (output_error) */
  const settled = async (n: number): Promise<{ written: number; errors: number }> => {
    for (;;) {
      const written = await metric(http, /^syslog_ecs_ledger_written_total (\d+)/m);
      const errors = await metric(http, /^syslog_ecs_ledger_dropped_total\{reason="output_error"\} (\d+)/m);
      if (written + errors >= n) return { written, errors };
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  await send(c.port('tcp'), 0, N);
  const full = await settled(N);
  expect(full.errors).toBeGreaterThan(0);
  expect(full.written).toBeGreaterThan(0);
  const onDisk = lines(out);
  expect(onDisk.count).toBe(full.written);
  expect(onDisk.endsWithNewline.every(Boolean)).toBe(true);

  // room again
  execFileSync('mount', ['-o', 'remount,size=16m', mnt]);
  await send(c.port('tcp'), N, MORE);
  const after = await settled(N + MORE);
  expect(after.errors).toBe(full.errors);
  expect(after.written).toBe(full.written + MORE);
  const again = lines(out);
  expect(again.count).toBe(after.written);
  expect(again.endsWithNewline.every(Boolean)).toBe(true);

  const { code, stderr } = await c.stop();
  expect(code).toBe(0);
  expect(ledger(stderr)).toMatchObject({ received: N + MORE, written: after.written, output_error: full.errors, in_flight: 0 });
  expect(stderr).toMatch(/ENOSPC/);
}, 120_000);
