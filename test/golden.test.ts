/**
 * Golden pairs: every fixtures/<family>/<case>.log runs through the whole parse path (`syslog-ecs
 * parse`, the built CLI) and must give the documents in <case>.log-expected.json, one per line.
 * Volatile fields (event.created) are left out. `GOLDEN_UPDATE=1` rewrites the expected files
 * (never in CI). A `<case>.log-config.json` may set `timezone` and `now`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.cwd();
const FIXTURES = join(ROOT, 'fixtures');
const UPDATE = process.env.GOLDEN_UPDATE === '1';
const NOW = '2024-03-15T12:00:00Z';

if (UPDATE && process.env.CI) throw new Error('GOLDEN_UPDATE must not be set in CI');

function clean(doc: Record<string, unknown>): Record<string, unknown> {
  const event = doc.event as Record<string, unknown> | undefined;
  if (event) delete event.created;
  return sortKeys(doc) as Record<string, unknown>;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) o[k] = sortKeys((v as Record<string, unknown>)[k]);
    return o;
  }
  return v;
}

const cases: [string, string][] = [];
if (existsSync(FIXTURES)) {
  for (const family of readdirSync(FIXTURES).sort()) {
    const dir = join(FIXTURES, family);
    if (!existsSync(dir) || family.endsWith('.json')) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.log')) cases.push([family, f]);
  }
}

describe('golden fixtures', () => {
  test('there are golden cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  test.each(cases)('%s/%s', (family, file) => {
    const path = join(FIXTURES, family, file);
    const cfgPath = path + '-config.json';
    const cfg = existsSync(cfgPath) ? (JSON.parse(readFileSync(cfgPath, 'utf8')) as { timezone?: string; now?: string }) : {};
    const args = [process.env.SYSLOG_ECS_CLI ?? 'dist/cli.js', 'parse', '--now', cfg.now ?? NOW, '--timezone=' + (cfg.timezone ?? 'UTC'),
      '--geoip-dir', join(ROOT, '..', 'shared', 'geoip-test'), path];
    const out = execFileSync('node', args, { cwd: ROOT, env: { ...process.env, TZ: 'Etc/GMT+2' }, maxBuffer: 64 << 20 }).toString();
    const docs = out.split('\n').filter((l) => l.trim() !== '').map((l) => clean(JSON.parse(l)));
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
    expect(docs).toHaveLength(lines.length);
    const expPath = path + '-expected.json';
    if (UPDATE) {
      writeFileSync(expPath, JSON.stringify({ expected: docs }, null, 2) + '\n');
      return;
    }
    const expected = (JSON.parse(readFileSync(expPath, 'utf8')) as { expected: unknown[] }).expected;
    expect(docs).toEqual(expected);
  });
});
