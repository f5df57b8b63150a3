/**
 * The command line with parser files: `check-config` reports the problems of the parser files a
 * configuration names (and of `--parsers DIR`) with their file and line, and accepts a sender
 * pinned to a family of a parser file; `parse --explain` says which family took each line (or why
 * none did), the status, and the step behind each field.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, tempDir } from '../../helpers/collector.js';

const GOOD = `family: acme
match:
  markers: ['ACME ']
fields:
  acme.rule: keyword
steps:
  - dissect: 'ACME %{acme.rule} from %{source.ip}'
`;

function cli(args: string[], input?: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function dirWith(files: Record<string, string>): string {
  const d = tempDir('pcli-');
  const p = join(d, 'parsers');
  mkdirSync(p);
  for (const [n, t] of Object.entries(files)) writeFileSync(join(p, n), t);
  return p;
}

describe('command line with parser files', () => {
  test('check-config --parsers: OK with the families, or each problem with file and line', () => {
    const good = dirWith({ 'acme.yml': GOOD });
    const ok = cli(['check-config', '--parsers', good]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/OK \(parser families: .*\bacme\)\n$/);
    const bad = dirWith({ 'acme.yml': GOOD.replace('%{source.ip}', '%{source.ip') });
    const r = cli(['check-config', '--parsers', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${join(bad, 'acme.yml')}:7: steps[0].dissect: unclosed %{ at character 24`);
  });

  test('check-config FILE: parsers_dir is checked, a sender may be pinned to its family, an unknown one is named', () => {
    const p = dirWith({ 'acme.yml': GOOD });
    const cfg = join(p, '..', 'config.yaml');
    writeFileSync(cfg, `parsers_dir: ${p}\nsenders:\n  - { match: 10.1.0.0/16, family: acme }\n  - { match: 10.2.0.0/16, family: acme_typo }\n`);
    const r = cli(['check-config', cfg]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`${cfg}:4: senders\\[1\\]\\.family: unknown family "acme_typo" \\(known: .*acme\\)`));
    expect(r.err).not.toContain('senders[0]');
    writeFileSync(join(p, 'acme.yml'), GOOD.replace('fields:', 'fieldz:'));
    const r2 = cli(['check-config', cfg]);
    expect(r2.err).toContain(`${join(p, 'acme.yml')}:4: fieldz: unknown key (did you mean "fields"?)`);
    writeFileSync(cfg, 'parsers_dir: /nonexistent/parsers\n');
    expect(cli(['check-config', cfg]).err).toMatch(/config\.yaml:1: parsers_dir: ENOENT/);
  });

  test('parse --explain: the family or why none took the line, the status, the step behind each field', () => {
    const p = dirWith({ 'acme.yml': GOOD });
    const r = cli(['parse', '--parsers', p, '--explain', '-'], '<134>Mar 15 10:00:00 h app: ACME r7 from 192.0.2.4\n<134>Mar 15 10:00:00 h app: ACME r7 to 192.0.2.4\n<134>Mar 15 10:00:00 h app: other\n');
    expect(r.code).toBe(0);
    const [l1, l2, l3] = r.out.split(/^line \d+: /m).slice(1);
    expect(l1).toMatch(/family: acme \(.*acme\.yml\)\n  status: parsed\n/);
    expect(l1).toMatch(/acme\.rule +"r7"  <- dissect \(acme\.yml:7\)/);
    expect(l1).toMatch(/source\.ip +"192\.0\.2\.4"  <- dissect \(acme\.yml:7\)/);
    expect(l1).toMatch(/log\.syslog\.hostname +"h"  <- syslog header/);
    expect(l2).toMatch(/status: unknown at dissect \(acme\.yml:7\): no " from " after %\{acme\.rule\}/);
    expect(l3).toMatch(/family: none\n(.*\n)*    acme: no "ACME " in the line\n/);
    expect(l3).toMatch(/status: syslog_only/);
  });
});
