/**
 * Reloading the parser directory under load, with the real collector (`dist/cli.js run`) on TCP:
 * 20,000 lines sent in five chunks; between chunks the family's file is rewritten (a new version,
 * once a broken one) and the collector is sent SIGHUP, and the next chunk goes only once it has
 * logged the reload (no timing window). Parsing on the main thread and on a parser worker. Every
 * line comes out once, parsed whole by one version of the family, never by a version older than
 * the one in force when it was sent; the broken edit is refused with its file and line and the
 * previous version keeps running; the ledger balances: received = written, nothing dropped.
 */
import { createConnection, type Socket } from 'node:net';
import { writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { startCollector, tempDir, readOutput, waitFor, ledger } from '../helpers/collector.js';

const CHUNK = 4000;

function family(version: number): string {
  return `family: acme
match:
  markers: ['ACME seq=']
fields:
  acme.seq: long
  acme.version: long
steps:
  - dissect: 'ACME seq=%{acme.seq} %{_rest}'
  - set: { acme.version: ${version}, event.kind: event }
`;
}

/** Writes the file as editors and deployment tools do: a new file renamed into place. */
function install(dir: string, text: string): void {
  const tmp = join(dir, '.acme.yml.tmp');
  writeFileSync(tmp, text);
  renameSync(tmp, join(dir, 'acme.yml'));
}

async function send(sock: Socket, from: number, n: number): Promise<void> {
  let buf = '';
  for (let i = from; i < from + n; i++) {
    buf += `<134>Mar 15 10:00:00 host1 app: ACME seq=${i} some text\n`;
    if (buf.length > 64 * 1024) {
      if (!sock.write(buf)) await new Promise((r) => sock.once('drain', r));
      buf = '';
    }
  }
  if (buf && !sock.write(buf)) await new Promise((r) => sock.once('drain', r));
}

async function reloadUnderLoad(workers: number): Promise<void> {
  const dir = tempDir('reload-');
  const parsers = join(dir, 'parsers');
  const out = join(dir, 'out');
  mkdirSync(parsers);
  install(parsers, family(1));
  const cfg = join(dir, 'config.yaml');
  writeFileSync(cfg, `listeners:\n  - url: tcp://127.0.0.1:0\noutputs:\n  - url: file:${out}\n    flush_interval_ms: 50\nparsers_dir: ${parsers}\npipeline:\n  workers: ${workers}\nhttp:\n  listen: ''\n`);
  const c = await startCollector(['--config', cfg]);
  const sock = createConnection({ host: '127.0.0.1', port: c.port('tcp') });
  await new Promise((r) => sock.once('connect', r));
  // what each chunk is sent after: the version in force (the broken edit keeps version 3)
  const plan: { edit: string | null; inForce: number }[] = [
    { edit: null, inForce: 1 },
    { edit: family(2), inForce: 2 },
    { edit: family(3), inForce: 3 },
    { edit: family(4).replace("'ACME seq=%{acme.seq} %{_rest}'", "'ACME seq=%{acme.seq %{_rest}'"), inForce: 3 },
    { edit: family(5), inForce: 5 },
  ];
  let hups = 0;
  for (const [k, step] of plan.entries()) {
    if (step.edit !== null) {
      install(parsers, step.edit);
      c.proc.kill('SIGHUP');
      hups++;
      const want = hups;
      await waitFor(() => (c.stderr().match(/parsers \(SIGHUP\)/g) ?? []).length >= want, 20_000, `reload ${want}`);
    }
    await send(sock, k * CHUNK, CHUNK);
  }
  await new Promise<void>((r) => sock.end(r));
  const N = plan.length * CHUNK;
  await waitFor(() => readOutput(out).length >= N, 30_000, 'every event written');
  const { code, stderr } = await c.stop();
  expect(code).toBe(0);
  expect(stderr).toMatch(/parsers \(SIGHUP\): 1 problem, keeping [^\n]*acme:\n[^\n]*acme\.yml:8: steps\[0\]\.dissect: unclosed %\{ at character 10\n/);
  const l = ledger(stderr);
  expect(l).toMatchObject({ received: N, written: N, dead_lettered: 0, dropped: 0, in_flight: 0 });
  const docs = readOutput(out);
  expect(docs).toHaveLength(N);
  const seen = new Set<number>();
  for (const d of docs) {
    expect(d.syslog_ecs).toMatchObject({ family: 'acme', parse: { status: 'parsed' } });
    const seq = d.acme.seq as number;
    seen.add(seq);
    const k = Math.floor(seq / CHUNK);
    expect([1, 2, 3, 5]).toContain(d.acme.version);
    expect(d.acme.version).toBeGreaterThanOrEqual(plan[k]!.inForce);
    expect(d.event.kind).toBe('event');
  }
  expect(seen.size).toBe(N);
  // the last chunk went after the last reload: all of it by the last version
  expect(docs.filter((d) => d.acme.seq >= 4 * CHUNK).every((d) => d.acme.version === 5)).toBe(true);
}

describe('reloading parser files under load', () => {
  test('parsing on the main thread: no event lost, the ledger balances', async () => {
    await reloadUnderLoad(0);
  }, 120_000);

  test('parsing on a parser worker: no event lost, the ledger balances', async () => {
    await reloadUnderLoad(1);
  }, 120_000);
});
