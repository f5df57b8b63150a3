/**
 * Regression guards on the shared reference corpora (read from ../shared, never copied):
 * the syslog header parser against other projects' RFC 3164/5424 cases, and vendor parsing
 * against the ECS documents Elastic's pipelines produce. Floors sit just under the current scores.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const SHARED = '../shared';
const RFC_FLOOR = 0.97;
const ECS_CORE_FLOOR = 0.96;
const ECS_VENDOR_FLOOR = 0.98;
const ECS_CONFLICT_CEILING = 0.01;
// issue 4's bar for each package
const PACKAGE_CORE_FLOOR = 0.9;
const PACKAGE_VENDOR_FLOOR = 0.8;

describe('reference corpora', () => {
  test('the shared corpora are present', () => {
    expect(existsSync(`${SHARED}/corpus/syslog-rfc/cases.jsonl`)).toBe(true);
    expect(existsSync(`${SHARED}/corpus/elastic-integrations`)).toBe(true);
  });

  test(`syslog-rfc-score: every document out, every invalid input kept, field agreement >= ${RFC_FLOOR}`, () => {
    const r = spawnSync(`${SHARED}/tools/syslog-rfc-score`, ['--cli', 'node dist/cli.js', '--cases', `${SHARED}/corpus/syslog-rfc/cases.jsonl`, '--min', String(RFC_FLOOR)], { encoding: 'utf8' });
    const last = r.stdout.trim().split('\n').pop()!;
    const m = /documents (\d+)\/(\d+); invalid inputs kept (\d+)\/(\d+); field agreement \d+\/\d+ = ([\d.]+)%/.exec(last);
    expect(m).not.toBeNull();
    expect(m![1]).toBe(m![2]);
    expect(m![3]).toBe(m![4]);
    expect(Number(m![5]) / 100).toBeGreaterThanOrEqual(RFC_FLOOR);
    expect(r.status).toBe(0);
  }, 120_000);

  test('ecs-score: core recall, conflicts and vendor recall stay at their floors', () => {
    const j = ecsScore();
    expect(j.totals.errors).toBe(0);
    expect(j.totals.docs_out).toBe(j.totals.docs_exp);
    expect(j.core_recall).toBeGreaterThanOrEqual(ECS_CORE_FLOOR);
    expect(j.core_conflict_rate).toBeLessThanOrEqual(ECS_CONFLICT_CEILING);
    expect(j.vendor_recall).toBeGreaterThanOrEqual(ECS_VENDOR_FLOOR);
  }, 300_000);

  test(`ecs-score: every package at core recall >= ${PACKAGE_CORE_FLOOR} and vendor recall >= ${PACKAGE_VENDOR_FLOOR}`, () => {
    const j = ecsScore();
    const below: string[] = [];
    for (const [name, p] of Object.entries(j.packages)) {
      // geo and AS fields the reference took from databases that ../shared/geoip-test does not
      // hold: cisco_asa's test-302020-direction.log expects Madrid, Amsterdam and "Documentation
      // ASN" for 203.0.113.20 and 198.51.100.10, which no database there knows (every reader of
      // them answers null)
      const unknowable = name === 'cisco_asa' ? geoAsMissing(p.missing_fields) : 0;
      const core = p.core_hit / (p.core_exp - unknowable);
      const vendor = p.vend_exp === 0 ? 1 : p.vend_hit / p.vend_exp;
      if (core < PACKAGE_CORE_FLOOR || vendor < PACKAGE_VENDOR_FLOOR) below.push(`${name}: core ${core.toFixed(3)} vendor ${vendor.toFixed(3)}`);
    }
    expect(below).toEqual([]);
    // what the exception covers stays that: the geo/AS misses, no more
    expect(geoAsMissing(j.packages.cisco_asa!.missing_fields)).toBeLessThanOrEqual(60);
  }, 300_000);
});

interface PackageScore {
  core_exp: number;
  core_hit: number;
  vend_exp: number;
  vend_hit: number;
  missing_fields: Record<string, number>;
}
interface EcsScore {
  packages: Record<string, PackageScore>;
  totals: { errors: number; docs_out: number; docs_exp: number };
  core_recall: number;
  core_conflict_rate: number;
  vendor_recall: number;
}

let score: EcsScore | null = null;
/** One run of ecs-score for the tests above (18 s). */
function ecsScore(): EcsScore {
  if (score !== null) return score;
  const out = `/tmp/ecs-score-${process.pid}.json`;
  const r = spawnSync(`${SHARED}/tools/ecs-score`, ['--cli', 'node dist/cli.js', '--corpus', `${SHARED}/corpus/elastic-integrations`, '--geoip-dir', `${SHARED}/geoip-test`, '--json', out], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  score = JSON.parse(readFileSync(out, 'utf8')) as EcsScore;
  return score;
}

function geoAsMissing(missing: Record<string, number>): number {
  let n = 0;
  for (const [k, v] of Object.entries(missing)) if (/^(source|destination)\.(geo|as)\./.test(k)) n += v;
  return n;
}
