#!/usr/bin/env node
/**
 * The `parse` bench of two builds side by side in one run: each measurement (the mixed corpus,
 * the batched corpus, each family) of build A, then of build B, round after round, on one corpus
 * (the fixtures of `--corpus DIR`, plus plain syslog lines as family `plain`), so both see the same
 * lines and the same state of the machine. Prints a table of medians (events/s) and the ratio B/A.
 *   node bench/compare/parse-builds.mjs --a OLD_TREE --b NEW_TREE --corpus TREE [--rounds 3] [--seconds 3] [--only mixed,plain,...] [--json FILE]
 * A tree is a checkout whose build (node scripts/build.mjs) made dist/bench/parse.bench.js.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (k, d) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const A = resolve(opt('--a')), B = resolve(opt('--b')), corpusTree = resolve(opt('--corpus', opt('--a')));
const rounds = Number(opt('--rounds', '3'));
const seconds = opt('--seconds', '3');

// one corpus for both: the corpus tree's fixtures and plain syslog in the three shapes senders use
const cwd = mkdtempSync(join(tmpdir(), 'parse-builds-'));
cpSync(join(corpusTree, 'fixtures'), join(cwd, 'fixtures'), { recursive: true });
mkdirSync(join(cwd, 'fixtures', 'plain'));
writeFileSync(join(cwd, 'fixtures', 'plain', 'plain.log'), [
  '<38>2024-03-14T08:00:00+00:00 host1 app[1234]: seq: 0000000001, thread: 0000, runid: 1710403200, stamp: 2024-03-14T08:00:00 PADDPADDPADD',
  '<34>1 2024-03-14T08:00:00.123Z host2 sshd 99 ID47 [exampleSDID@32473 iut="3" eventSource="Application"] Accepted password for alice from 10.0.0.9 port 50022 ssh2',
  '<13>Mar 14 08:00:00 host3 CRON[42]: (root) CMD (run-parts /etc/cron.hourly)',
].join('\n') + '\n');
const all = ['mixed', 'batched', ...readdirSync(join(cwd, 'fixtures')).filter((f) => !f.endsWith('.json')).sort()];
const names = opt('--only') ? opt('--only').split(',') : all;

const got = { a: {}, b: {} };
for (let r = 0; r < rounds; r++) {
  for (const n of names) {
    for (const [k, tree] of [['a', A], ['b', B]]) {
      const v = Number(execFileSync(process.execPath, [join(tree, 'dist/bench/parse.bench.js'), '--only', n, '--seconds', seconds], { cwd, encoding: 'utf8' }).trim());
      (got[k][n] ??= []).push(v);
    }
  }
  process.stderr.write(`round ${r + 1}/${rounds} done\n`);
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const rows = names.map((n) => ({ name: n, a: median(got.a[n]), b: median(got.b[n]), a_all: got.a[n], b_all: got.b[n] }));
const lines = ['| corpus | A events/s | B events/s | B/A |', '|---|---|---|---|'];
for (const r of rows) lines.push(`| ${r.name} | ${r.a} | ${r.b} | ${(r.b / r.a).toFixed(2)} |`);
process.stdout.write(lines.join('\n') + '\n');
if (opt('--json')) writeFileSync(opt('--json'), JSON.stringify({ a: A, b: B, corpus: corpusTree, rounds, seconds: Number(seconds), node: process.version, rows }, null, 2) + '\n');
