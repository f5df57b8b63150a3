/**
 * Loading parser files: every problem is reported with its file, line and key, and a file with
 * problems yields no family. Catastrophic patterns, prototype keys, unknown steps and types, fields
 * not declared or declared against ECS, samples that do not parse, names of built-in families.
 */
import { build, set } from '../../helpers/parser-files.js';
import { formatParserIssue } from '../../../src/parsers/yaml-reader.js';
import { buildParserSet } from '../../../src/parsers/load.js';
import { parserLoadOptions } from '../../../src/config/parsers.js';

const HEAD = `family: acme
match:
  markers: ['ACME:']
`;

function problems(text: string): string[] {
  return build(text).issues.map(formatParserIssue);
}

describe('parser file validation', () => {
  test('a good file loads one family with its dataset', () => {
    const s = set(HEAD + `steps:
  - dissect: 'ACME: %{source.ip} %{_rest}'
`);
    expect(s.families.map((f) => [f.id, f.dataset])).toEqual([['acme', 'acme.log']]);
    expect(s.datasets()).toEqual(['acme.log']);
  });

  test('a catastrophic-backtracking pattern is refused with its file and line', () => {
    const p = problems(HEAD + `fields:
  acme.user: keyword
steps:
  - dissect: 'ACME: %{_rest}'
  - regex: { field: _rest, pattern: '^(?<acme.user>(\\w+\\s?)*)$' }
`);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^acme\.yml:8: steps\[1\]\.regex\.pattern: catastrophic backtracking: exponential/);
  });

  test('a polynomial pattern (an unanchored search) is refused, its anchored form accepted', () => {
    expect(problems(HEAD + `steps:\n  - regex: { pattern: 'user=(?<user.name>.*) from' }\n`)[0]).toMatch(/acme\.yml:5: steps\[0\]\.regex\.pattern: catastrophic backtracking: polynomial/);
    expect(problems(HEAD + `steps:\n  - regex: { pattern: '^ACME: user=(?<user.name>[^ ]+) from' }\n`)).toEqual([]);
  });

  test('a match regex is checked too, and needs a cheap rule beside it', () => {
    expect(problems(`family: acme\nmatch:\n  markers: ['ACME']\n  regex: '(a|a)*$'\nsteps: []\n`)[0]).toMatch(/^acme\.yml:4: match\.regex: catastrophic backtracking/);
    expect(problems(`family: acme\nmatch:\n  regex: '^ACME'\nsteps: []\n`)[0]).toMatch(/^acme\.yml:3: match: a rule needs programs, starts_with, markers or senders/);
  });

  test('prototype names are refused wherever a field is named', () => {
    expect(problems(HEAD + `steps:\n  - dissect: 'ACME: %{__proto__.polluted}'\n`)[0]).toMatch(/acme\.yml:5: steps\[0\]\.dissect: %\{__proto__\.polluted\}: "__proto__" may not be part of a field name/);
    expect(problems(HEAD + `steps:\n  - set: { constructor.prototype.x: 1 }\n`)[0]).toMatch(/acme\.yml:5: steps\[0\]\.set\.constructor\.prototype\.x: "constructor" may not/);
    expect(problems(HEAD + `fields:\n  a.__proto__: keyword\nsteps: []\n`)[0]).toMatch(/acme\.yml:5: fields\.a\.__proto__: "__proto__" may not/);
    expect(problems(HEAD + `steps:\n  - regex: { pattern: '^ACME: (?<prototype>\\d+)$' }\n`)[0]).toMatch(/acme\.yml:5: steps\[0\]\.regex\.pattern: \(\?<prototype>: "prototype" may not/);
  });

  test('unknown keys, steps and types name their line (with a hint when one is close)', () => {
    const p = problems(HEAD + `stepz: []
steps:
  - disect: 'x %{a}'
  - convert: { source.port: integer }
  - dissect: { pattern: 'ACME %{_a}', apend_separator: ',' }
`);
    expect(p).toEqual([
      'acme.yml:4: stepz: unknown key (did you mean "steps"?)',
      'acme.yml:6: steps[0]: unknown step "disect" (did you mean "dissect"?)',
      expect.stringMatching(/^acme\.yml:7: steps\[1\]\.convert\.source\.port: unknown type "integer"/),
      expect.stringMatching(/^acme\.yml:8: steps\[2\]\.dissect\.apend_separator: unknown key/),
    ]);
  });

  test('a field outside ECS must be declared, and may not be declared against ECS', () => {
    expect(problems(HEAD + `steps:\n  - dissect: 'ACME: %{acme.rule}'\n`)[0]).toBe('acme.yml:5: fields: acme.rule is written but not declared: add it under fields: with its type (keyword, long, double, ip, boolean, date...)');
    expect(problems(HEAD + `fields:\n  source.ip: keyword\nsteps: []\n`)[0]).toMatch(/^acme\.yml:5: fields\.source\.ip: already mapped as ip/);
    expect(problems(HEAD + `fields:\n  acme.a: keyword\n  acme.a.b: long\nsteps: []\n`)[0]).toBe('acme.yml:6: fields.acme.a.b: acme.a is declared keyword: it cannot hold acme.a.b');
  });

  test('a categorisation constant must be one of ECS\'s values', () => {
    expect(problems(HEAD + `steps:\n  - set: { event.category: [netwrok] }\n`)[0]).toMatch(/^acme\.yml:5: steps\[0\]\.set\.event\.category: "netwrok" is not an ECS event\.category \(api, authentication, /);
    expect(problems(HEAD + `steps:\n  - lookup: { field: _x, target: event.outcome, table: { a: success, b: failed } }\n`)[0]).toMatch(/^acme\.yml:5: steps\[0\]\.lookup\.table\.b: "failed" is not an ECS event\.outcome/);
  });

  test('a constant that does not fit its field type is refused at load', () => {
    expect(problems(HEAD + `steps:\n  - set: { source.port: http }\n`)[0]).toBe('acme.yml:5: steps[0].set.source.port: "http" is not a long');
  });

  test('samples must be recognised, parse, and give what they expect', () => {
    const p = problems(HEAD + `fields:
  acme.n: long
steps:
  - dissect: 'ACME: %{acme.n} %{user.name}'
samples:
  - 'ACME: 12 alice'
  - line: 'ACME: 12 alice'
    expect: { acme.n: 13 }
  - 'no marker here'
  - 'ACME: twelve bob'
`);
    expect(p).toEqual([
      'acme.yml:10: samples: acme.n is 12, expected 13',
      'acme.yml:12: samples: not recognised as acme: no "ACME:" in the line',
      'acme.yml:13: samples: does not parse: the step dissect (acme.yml:7) failed',
    ]);
  });

  test('a sample a built-in family claims first is reported (before_builtin is the way out)', () => {
    const text = `family: acme\nmatch:\n  markers: ['%ASA-']\nsteps: []\nsamples:\n  - '<166>Mar 15 2024 10:00:00 fw : %ASA-6-302013: Built inbound TCP connection'\n`;
    expect(problems(text)[0]).toMatch(/^acme\.yml:6: samples: the built-in family cisco_asa claims this line first/);
    expect(problems(text.replace('match:\n  markers', 'before_builtin: true\nmatch:\n  markers'))[0]).toMatch(/^acme\.yml:4: match: before_builtin needs every rule to name programs, starts_with or senders/);
  });

  test('built-in names, twice the same family, YAML errors', () => {
    expect(problems(`family: cisco_asa\nmatch: { markers: ['xx'] }\nsteps: []\n`)[0]).toMatch(/^acme\.yml:1: family: "cisco_asa" is a built-in family/);
    const two = build({ 'a.yml': HEAD + 'steps: []\n', 'b.yml': HEAD + 'steps: []\n' }).issues.map(formatParserIssue);
    expect(two).toEqual(['b.yml:1: family: family acme is also defined in a.yml']);
    expect(problems('family: [unclosed\n')[0]).toMatch(/^acme\.yml:\d+: /);
  });

  test('a shipped family is replaced by a user file of the same name; two user files of one family are an error', () => {
    const shipped = { file: 'parsers/acme.yml', text: HEAD + 'dataset: shipped.log\nsteps: []\n', shipped: true };
    const mine = { file: 'mine/acme.yml', text: HEAD + 'dataset: mine.log\nsteps: []\n', shipped: false };
    const r = buildParserSet([shipped, mine], parserLoadOptions());
    expect(r.issues).toEqual([]);
    expect(r.set.families.map((f) => [f.id, f.dataset, f.file])).toEqual([['acme', 'mine.log', 'mine/acme.yml']]);
    expect(buildParserSet([mine, { ...mine, file: 'mine/acme2.yml' }], parserLoadOptions()).issues.map(formatParserIssue)).toEqual(['mine/acme2.yml:1: family: family acme is also defined in mine/acme.yml']);
  });
});
