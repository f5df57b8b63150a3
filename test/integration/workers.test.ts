/**
 * Parser workers in the running collector: every device family interleaved on one TCP connection
 * comes out of a parser worker (which makes a batch's documents parser by parser) as the same
 * documents, in the same order, as from the main thread; the ledgers count the same.
 */
import { writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:net';
import { startCollector, tempDir, readOutput, countOutput, waitFor, ledger } from '../helpers/collector.js';
import { interleavedFixtureLines } from '../helpers/fixture-lines.js';

async function run(workers: number, lines: string[]): Promise<{ docs: Record<string, any>[]; counts: Record<string, number> }> {
  const dir = tempDir();
  const out = join(dir, 'out');
  const cfg = join(dir, 'c.yaml');
  writeFileSync(cfg, [
    'listeners:',
    '  - url: tcp://127.0.0.1:0',
    '    timezone: Europe/Paris',
    'outputs:',
    `  - url: file:${out}`,
    '    flush_interval_ms: 100',
    // one file for every family, so the order of the documents shows
    '    index_template: all-events',
    'pipeline:',
    `  workers: ${workers}`,
    'http:',
    '  listen: ""',
  ].join('\n'));
  const c = await startCollector(['--config', cfg]);
  let stderr = '';
  try {
    const s = connect(c.port('tcp'), '127.0.0.1');
    await new Promise((r) => s.once('connect', r));
    s.end(lines.join('\n') + '\n');
    // counted by newlines: a file being appended to may end in half a line
    await waitFor(() => countOutput(out) === lines.length, 20_000, `${lines.length} documents`);
  } finally {
    const r = await c.stop();
    expect(r.code).toBe(0);
    stderr = r.stderr;
  }
  // the receive time and the sender's port differ from run to run; everything else comes from the line
  const docs = readOutput(out).map((d) => {
    // lines without a time of their own are stamped when received
    if (d['@timestamp'] === d.event.created) d['@timestamp'] = 'RECEIVED';
    delete d.event.created;
    if (d.log?.source?.address !== undefined) d.log.source.address = d.log.source.address.replace(/:\d+$/, ':PORT');
    return d;
  });
  return { docs, counts: ledger(stderr) };
}

test('one parser worker writes what the main thread writes, every family interleaved', async () => {
  // 1,000 rounds of the 15 families and plain syslog: several batches of 2,048, so the frame and
  // result buffers travel back to the worker and are used again
  const lines = interleavedFixtureLines(1000, ['<13>Jul 16 12:00:00 host1 app[42]: plain syslog text']);
  expect(lines.length).toBeGreaterThan(5 * 2048);
  const inline = await run(0, lines);
  const worker = await run(1, lines);
  expect(inline.docs).toHaveLength(lines.length);
  expect(worker.docs).toEqual(inline.docs);
  const families = new Set(worker.docs.map((d) => d.syslog_ecs.family));
  expect(families.size).toBe(readdirSync('fixtures').length + 1); // every family and plain syslog (null)
  expect(worker.counts).toEqual(inline.counts);
  expect(worker.counts.received).toBe(lines.length);
}, 60_000);
