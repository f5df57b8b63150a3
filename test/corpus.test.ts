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
    const out = `/tmp/ecs-score-${process.pid}.json`;
    const r = spawnSync(`${SHARED}/tools/ecs-score`, ['--cli', 'node dist/cli.js', '--corpus', `${SHARED}/corpus/elastic-integrations`, '--geoip-dir', `${SHARED}/geoip-test`, '--json', out], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect(j.totals.errors).toBe(0);
    expect(j.totals.docs_out).toBe(j.totals.docs_exp);
    expect(j.core_recall).toBeGreaterThanOrEqual(ECS_CORE_FLOOR);
    expect(j.core_conflict_rate).toBeLessThanOrEqual(ECS_CONFLICT_CEILING);
    expect(j.vendor_recall).toBeGreaterThanOrEqual(ECS_VENDOR_FLOOR);
  }, 300_000);
});
