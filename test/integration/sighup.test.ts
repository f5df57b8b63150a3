/**
 * SIGHUP to the real collector under load, as logrotate's postrotate sends it: the process keeps
 * running, the output files are reopened (the rotated file stops growing, a new one starts), the
 * inventory is read again and a changed sender rule applies; nothing is lost (every event sent is
 * a whole line in the rotated or the new files, and the ledger balances).
 */
import { connect } from 'node:net';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCollector, tempDir, ledger, httpOf, metric } from '../helpers/collector.js';

const ROUNDS = 4;

function config(dir: string, senderTz: string): string {
  return [
    'listeners:',
    '  - url: tcp://127.0.0.1:0',
    'senders:',
    `  - { match: 127.0.0.1, timezone: "${senderTz}" }`,
    'outputs:',
    `  - url: file:${join(dir, 'out')}`,
    '    flush_interval_ms: 50',
    'enrich:',
    `  assets: { file: ${join(dir, 'assets.csv')} }`,
    'http:',
    '  listen: 127.0.0.1:0',
  ].join('\n') + '\n';
}

function allLines(out: string): Record<string, any>[] {
  const docs: Record<string, any>[] = [];
  for (const f of readdirSync(out).sort()) {
    const text = readFileSync(join(out, f), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    for (const l of text.split('\n')) if (l !== '') docs.push(JSON.parse(l));
  }
  return docs;
}

test(`${ROUNDS} rotations and SIGHUPs under load: still running, files reopened, nothing lost`, async () => {
  const dir = tempDir();
  const out = join(dir, 'out');
  writeFileSync(join(dir, 'assets.csv'), 'ip,name\n127.0.0.1,before-reload\n');
  const cfg = join(dir, 'c.yaml');
  writeFileSync(cfg, config(dir, '+01:00'));
  const c = await startCollector(['--config', cfg]);
  const http = httpOf(c);
  const sock = connect(c.port('tcp'), '127.0.0.1');
  await new Promise<void>((r) => sock.once('connect', () => r()));
  let sent = 0;
  let sending = true;
  // a steady stream, no timestamp in the messages (the sender rule's zone applies)
  const load = (async () => {
    while (sending) {
      let text = '';
      for (let i = 0; i < 200; i++) text += `<13>Dec  1 10:00:00 host app: event ${sent++}\n`;
      if (!sock.write(text)) await new Promise<void>((r) => sock.once('drain', () => r()));
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const written = (): Promise<number> => metric(http, /^syslog_ecs_ledger_written_total (\d+)/m);

  const reloads = (): number => c.stderr().split('output files reopened').length - 1;
  for (let round = 1; round <= ROUNDS; round++) {
    const before = await written();
    while ((await written()) < before + 1000) await new Promise((r) => setTimeout(r, 20));
    for (const f of readdirSync(out)) if (f.endsWith('.ndjson')) renameSync(join(out, f), join(out, `${f}.${round}`));
    if (round === ROUNDS) {
      writeFileSync(join(dir, 'assets.csv'), 'ip,name\n127.0.0.1,after-reload\n');
      writeFileSync(cfg, config(dir, '+05:00'));
    }
    c.proc.kill('SIGHUP');
    while (reloads() < round) {
      if (c.proc.exitCode !== null || c.proc.signalCode !== null) throw new Error(`the collector ended on SIGHUP (${c.proc.exitCode ?? c.proc.signalCode})`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  // the last reload's effects show in the events written after it
  const mark = await written();
  while ((await written()) < mark + 2000) await new Promise((r) => setTimeout(r, 20));
  sending = false;
  await load;
  await new Promise<void>((r) => sock.end(() => r()));
  while ((await written()) < sent) await new Promise((r) => setTimeout(r, 20));

  const { code, stderr } = await c.stop();
  expect(code).toBe(0);
  expect(stderr).toContain('reload: senders applied');
  expect(ledger(stderr)).toMatchObject({ received: sent, written: sent, dropped: 0, in_flight: 0 });
  const files = readdirSync(out);
  // each rotated file stopped growing at its SIGHUP; the current one was opened after the last
  for (let round = 1; round <= ROUNDS; round++) expect(files.some((f) => f.endsWith(`.ndjson.${round}`))).toBe(true);
  expect(files.some((f) => f.endsWith('.ndjson'))).toBe(true);
  const docs = allLines(out);
  expect(docs.length).toBe(sent);
  const seqs = new Set(docs.map((d) => Number(/event (\d+)/.exec(d.message)![1])));
  expect(seqs.size).toBe(sent);
  const last = docs.find((d) => /event (\d+)/.exec(d.message)![1] === String(sent - 1))!;
  expect(JSON.stringify(last)).toContain('after-reload');
  expect(last['@timestamp']).toMatch(/T05:00:00/);
}, 120_000);
