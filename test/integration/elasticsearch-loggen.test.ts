/**
 * End to end: syslog-ng's loggen sends 100k events over TCP to `syslog-ecs run`, whose output is
 * this Elasticsearch: exactly 100k documents, and the loss ledger says written=100000; parsed on the
 * main thread and on a parser worker.
 * Needs loggen (scripts/install-peers puts it in .peers/bin) and the built CLI (built here into
 * .build/test-es-e2e from the current sources).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { Client } from '@elastic/elasticsearch';
import { esUrl } from '../setup/es-node.mjs';
import { uniq, countDocs, waitFor } from './helpers/es-sink.js';

const N = Number(process.env.LOGGEN_EVENTS ?? 100_000);
const LOGGEN = [process.env.LOGGEN, join(process.cwd(), '.peers/bin/loggen'), '/usr/bin/loggen'].find((p) => p && existsSync(p));
const OUTDIR = join(process.cwd(), '.build', 'test-es-e2e');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

const maybe = LOGGEN ? test : test.skip;

// on the main thread (the default), and on a parser worker, whose documents come as bytes
for (const workers of [0, 1]) maybe(`loggen: ${N} events over TCP -> syslog-ecs run (${workers} parser workers) -> exactly ${N} documents`, async () => {
  const url = await esUrl();
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', OUTDIR], { stdio: 'ignore' });
  const prefix = uniq('e2e');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'es-e2e-'));
  const config = join(dir, 'syslog-ecs.yml');
  writeFileSync(config, [
    'listeners:',
    `  - url: tcp://127.0.0.1:${port}`,
    'outputs:',
    `  - url: ${url}`,
    `    index_template: "${prefix}-{dataset}-{yyyy.MM.dd}"`,
    '    elasticsearch:',
    `      template_name: ${prefix}`,
    `      dead_letter: { index: ${prefix}-dead-letter }`,
    'pipeline:',
    `  workers: ${workers}`,
    'http:',
    '  listen: ""',
    '',
  ].join('\n'));
  let stderr = '';
  const collector: ChildProcess = spawn(process.execPath, [join(OUTDIR, 'cli.js'), 'run', '--config', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  collector.stderr!.on('data', (d) => (stderr += d));
  const client = new Client({ node: url });
  try {
    await waitFor(() => stderr.includes('ready'), 60_000, `collector ready (stderr: ${stderr})`);
    const t0 = Date.now();
    execFileSync(LOGGEN!, ['--inet', '--stream', '--number', String(N), '--rate', '200000', '--size', '200', '--interval', '120', '127.0.0.1', String(port)], { stdio: 'ignore', timeout: 180_000 });
    const index = `${prefix}-*`;
    await waitFor(async () => (await countDocs(client, index)) >= N, 180_000, `${N} documents`);
    const seconds = (Date.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 2000)); // anything extra would show now
    collector.kill('SIGTERM');
    await new Promise((r) => collector.on('exit', r));
    expect(await countDocs(client, index)).toBe(N);
    const ledger = /ledger: received=(\d+) written=(\d+) dead_lettered=(\d+) dropped=(\d+)/.exec(stderr);
    expect(ledger).not.toBeNull();
    expect(Number(ledger![1])).toBe(N);
    expect(Number(ledger![2])).toBe(N);
    expect(Number(ledger![4])).toBe(0);
    process.stderr.write(`loggen e2e (${workers} workers): ${N} events indexed in ${seconds.toFixed(1)} s (${Math.round(N / seconds)}/s)\n`);
  } finally {
    if (collector.exitCode === null) collector.kill('SIGKILL');
    await client.indices.delete({ index: `${prefix}-*`, ignore_unavailable: true }).catch(() => undefined);
    await client.close();
  }
}, 400_000);
