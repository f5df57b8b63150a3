/**
 * The collector killed with SIGKILL with the disk buffer on, then restarted: every event that
 * reached the disk buffer arrives exactly once.
 *  1. Elasticsearch unreachable: the child takes 6000 events; the first QUEUE stay in memory, the
 *     rest spill to the disk buffer (fsync'ed). SIGKILL: the memory part is lost (it never reached
 *     the disk), the disk part must survive.
 *  2. Restarted against the real node: it replays the disk buffer; SIGKILL again mid-replay.
 *  3. Restarted once more: it finishes. Exactly the spilled events are indexed, none twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { Client } from '@elastic/elasticsearch';
import { esUrl } from '../setup/es-node.mjs';
import { uniq, countDocs, distinctSeq } from './helpers/es-sink.js';

const COUNT = 6000;
const QUEUE = 500;
let url: string;
let childJs: string;

beforeAll(async () => {
  url = await esUrl();
  // inside the tree (.build/ is ignored) so the bundle finds node_modules
  childJs = join(process.cwd(), '.build', 'test-es-crash', `child-${process.pid}.mjs`);
  await build({
    entryPoints: ['test/integration/helpers/es-crash-child.ts'], outfile: childJs, bundle: true, platform: 'node',
    format: 'esm', target: 'node20', packages: 'external', logLevel: 'error',
  });
}, 180_000);

interface Line { kind: string; [k: string]: unknown }

function runChild(env: Record<string, string>): { child: ChildProcess; lines: Line[]; next: (pred: (l: Line) => boolean, ms: number) => Promise<Line> } {
  const child = spawn(process.execPath, [childJs], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], cwd: process.cwd() });
  const lines: Line[] = [];
  const waiters: { pred: (l: Line) => boolean; resolve: (l: Line) => void }[] = [];
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  createInterface({ input: child.stdout! }).on('line', (t) => {
    const l = JSON.parse(t) as Line;
    lines.push(l);
    for (const w of [...waiters]) if (w.pred(l)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(l);
    }
  });
  const next = (pred: (l: Line) => boolean, ms: number) => new Promise<Line>((resolve, reject) => {
    const hit = lines.find(pred);
    if (hit) return resolve(hit);
    const t = setTimeout(() => reject(new Error(`child: timed out; stderr: ${stderr.slice(-2000)}`)), ms);
    waiters.push({ pred, resolve: (l) => { clearTimeout(t); resolve(l); } });
    child.on('exit', (code) => { if (code !== null && code !== 0) reject(new Error(`child exited ${code}: ${stderr.slice(-2000)}`)); });
  });
  return { child, lines, next };
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

test('SIGKILL with the disk buffer on, restarted: every event that reached the disk buffer, exactly once', async () => {
  const prefix = uniq('crash');
  const disk = mkdtempSync(join(tmpdir(), 'es-crash-disk-'));
  const base = { DISK: disk, PREFIX: prefix, QUEUE: String(QUEUE) };

  // 1. Elasticsearch unreachable (nothing listens on port 9): memory fills, the rest spills
  const a = runChild({ ...base, ES: 'http://127.0.0.1:9', FROM: '0', COUNT: String(COUNT) });
  const wrote = await a.next((l) => l.kind === 'WROTE', 30_000);
  expect(wrote.rejected).toBe(0);
  const p = await a.next((l) => l.kind === 'progress', 10_000);
  expect(p.spilledToDisk).toBe(COUNT - QUEUE);
  expect(p.written).toBe(0);
  await killed(a.child);

  // 2. against the real node: replay, killed mid-way
  const b = runChild({ ...base, ES: url, FROM: '0', COUNT: '0' });
  await b.next((l) => l.kind === 'progress' && Number(l.written) >= 1000, 60_000);
  await killed(b.child);
  const client = new Client({ node: url });
  try {
    const index = `${prefix}-cisco_asa.log-2024.08.01`;
    const midway = await countDocs(client, index);
    expect(midway).toBeGreaterThanOrEqual(1000);
    expect(midway).toBeLessThan(COUNT - QUEUE);

    // 3. restarted again: finishes the replay
    const c = runChild({ ...base, ES: url, FROM: '0', COUNT: '0', FLUSH: '1' });
    const done = await c.next((l) => l.kind === 'DONE', 120_000);
    expect(done.failed).toBe(0);
    expect(done.deadLettered).toBe(0);
    await new Promise((r) => c.child.on('exit', r));
    expect(await countDocs(client, index)).toBe(COUNT - QUEUE);
    expect(await distinctSeq(client, index)).toBe(COUNT - QUEUE); // throws on a duplicate
    // exactly the spilled ones: the first QUEUE were only in memory when the process died
    const low = await client.count({ index, query: { terms: { 'labels.seq': Array.from({ length: QUEUE }, (_, i) => String(i)) } } });
    expect(low.count).toBe(0);
  } finally {
    await client.indices.delete({ index: `${prefix}-*`, ignore_unavailable: true }).catch(() => undefined);
    await client.close();
  }
}, 300_000);
