/**
 * Bench `fuzz`: the fuzz suite (test/fuzz: framer, syslog and vendor parsers, prototype keys,
 * config loader) run long, as CI cannot: FUZZ_RUNS times each property's runs (default 20, 5 with
 * --quick), under a seed of its own per run unless FUZZ_SEED is set. Prints one JSON line: the
 * multiplier, the seed, the tests passed and failed, and the seconds taken.
 * Usage: node dist/bench/fuzz.bench.js [--quick] [--runs N] (npm run bench -- --only fuzz)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const runs = Number(argv.includes('--runs') ? argv[argv.indexOf('--runs') + 1] : quick ? 5 : 20) || 20;
const seed = process.env.FUZZ_SEED ?? String(Date.now() % 2_147_483_647);
const t0 = Date.now();
const r = spawnSync(process.execPath, ['--experimental-vm-modules', join('node_modules', 'jest', 'bin', 'jest.js'), '--json', 'test/fuzz'], {
  encoding: 'utf8', env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: seed }, maxBuffer: 256 << 20, timeout: 3_600_000,
});
const seconds = Math.round((Date.now() - t0) / 1000);
let passed = 0;
let failed = -1;
const failures: string[] = [];
try {
  const j = JSON.parse(r.stdout) as { numPassedTests: number; numFailedTests: number; testResults: { assertionResults: { status: string; fullName: string }[] }[] };
  passed = j.numPassedTests;
  failed = j.numFailedTests;
  for (const f of j.testResults) for (const a of f.assertionResults) if (a.status === 'failed') failures.push(a.fullName);
} catch {
  failures.push(`jest exited ${r.status}: ${(r.stderr ?? '').slice(-300)}`);
}
process.stdout.write(JSON.stringify({
  scenario: 'fuzz', system: 'syslog-ecs', fuzz_runs: runs, fuzz_seed: Number(seed), passed, failed, seconds, failures,
  note: `test/fuzz with FUZZ_RUNS=${runs} FUZZ_SEED=${seed}: ${passed} passed, ${failed} failed in ${seconds} s${failures.length ? ': ' + failures.join('; ') : ''}`,
}) + '\n');
