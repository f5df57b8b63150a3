/**
 * 64 KiB adversarial lines through families of parser files: a user's family that uses every
 * splitter (dissect, kv with one- and three-character separators, csv, an anchored regex, a
 * confirming match regex, conditions) and every shipped family, each input cut into one of the
 * family's own lines so the steps are deep in their work when the adversarial run starts. Each
 * line goes through the whole Processor (syslog header, recognition, steps, document) in under 50
 * ms of CPU time, the best of three runs (test/helpers/timing.ts): regular expressions see no more
 * than their max_input_chars, the splitters are linear.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bestMs } from '../helpers/timing.js';
import { set } from '../helpers/parser-files.js';
import { loadParserSet } from '../../src/config/parsers.js';
import { FAMILY_IDS } from '../../src/dispatch/dispatch.js';
import { Processor } from '../../src/pipeline/process.js';
import { Telemetry } from '../../src/core/telemetry.js';
import { ParserHolder, type ParserSet } from '../../src/parsers/parser-set.js';

const SIZE = 64 * 1024;
const LIMIT_MS = 50;

function fill(unit: string): string {
  return unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
}

const BODIES: [string, string][] = [
  ...[' ', ',', '=', '|', ':', '"', '\\', '[', ']', '(', ')', '<', '>', '-', '.', '%', '*', '\t'].map((c): [string, string] => [`run of ${JSON.stringify(c)}`, fill(c)]),
  ['key= repeated', fill('key=')],
  ['key=" unterminated', 'key="' + fill('a ')],
  ['dash pairs', fill(' - ')],
  ['dash keys without values', fill('k - ')],
  ['value then dash', fill('k v - ')],
  ['commas and quotes', fill(',"')],
  ['words', fill('word ')],
  ['digits', fill('1')],
  ['ip-like', fill('1.')],
  ['port arrows', fill('1.2.3.4:5->')],
  ['params', fill('(A=b, ')],
  ['pipes', fill('Event|1|')],
  ['user from', fill('user a from ')],
  ['added by', fill(' added by x')],
];

const USER_FAMILY = `family: acme
match:
  - markers: ['ACME']
    regex: '^(?:[a-z]+: )?ACME '
fields:
  acme.rule: keyword
  acme.n: long
  acme.extra: flattened
steps:
  - dissect: 'ACME %{acme.rule} %{_rest}'
  - name: kv1
    optional: true
    kv: { field: _rest, fields: { n: acme.n }, target: acme.extra }
  - name: kv3
    optional: true
    kv: { field: _rest, separator: ' - ', value_separator: ' ', trim_value: '"', fields: { User: user.name }, target: acme.extra }
  - name: csv
    optional: true
    csv: { field: _rest, columns: [_a, _b, _c, _d], min_columns: 1 }
  - name: regex
    optional: true
    regex: { field: _rest, pattern: '^user (?<user.name>[^ ]+) from (?<source.ip>[0-9.]+)$' }
  - if: { any: [ { field: _rest, contains: 'deny' }, { field: _rest, ends_with: 'x' } ] }
    set: { event.action: deny }
`;

/** The first line of each of the family's fixtures (up to three). */
function seeds(family: string): string[] {
  const dir = join('fixtures', family);
  return readdirSync(dir).filter((f) => f.endsWith('.log')).sort().slice(0, 3)
    .map((f) => readFileSync(join(dir, f), 'utf8').split('\n')[0]!);
}

function processorOf(s: ParserSet): (line: string) => unknown {
  const telemetry = new Telemetry();
  const p = new Processor({ timezone: 'UTC', senders: [], enrichers: [], telemetry, parsers: new ParserHolder(s) });
  const stats = telemetry.stats('redos', '192.0.2.1');
  return (line) => p.process({ data: Buffer.from(line), senderIp: '192.0.2.1', senderPort: 514, listener: 'redos', receivedAt: Date.UTC(2024, 2, 10), truncated: false }, stats);
}

const userSet = set(USER_FAMILY);
const shipped = loadParserSet(null);
const cases: [string, string, (l: string) => unknown, string][] = [];
const userRun = processorOf(userSet);
for (const seed of ['<134>Mar 10 08:00:00 fw1 app: ACME r1 ', '<134>Mar 10 08:00:00 fw1 app: ACME r1 user ']) {
  for (const [name, body] of BODIES) cases.push(['acme', name, userRun, seed + body]);
}
const shippedRun = processorOf(shipped);
const familyOf = (line: string): unknown => (shippedRun(line) as { syslog_ecs: { family: string } }).syslog_ecs.family;
for (const f of shipped.families) {
  for (const seed of seeds(f.id)) {
    for (const [name, body] of BODIES) {
      // cut into the seed as deep as recognition allows: at 60%, 80%, else after the whole line
      const cut = [0.6, 0.8, 1].map((k) => seed.slice(0, Math.floor(seed.length * k))).find((c) => familyOf(c + body) === f.id) ?? seed + ' ';
      cases.push([f.id, name, shippedRun, cut + body]);
    }
  }
}

describe('64 KiB adversarial lines through parser-file families', () => {
  test('the inputs are what they say, nearly all taken by their family', () => {
    expect(cases.length).toBeGreaterThan(6 * BODIES.length);
    for (const c of cases) expect(c[3].length).toBeGreaterThanOrEqual(SIZE);
    const taken = cases.filter(([f, , process, line]) => (process(line) as { syslog_ecs: { family: string } }).syslog_ecs.family === f).length;
    expect(taken / cases.length).toBeGreaterThan(0.95);
  });

  test.each(cases.map((c, i) => [c[0], c[1], i] as const))('%s, %s (#%#): the family takes it (or a built-in one first), under 50 ms of CPU', (family, _n, i) => {
    const [, , process, line] = cases[i]!;
    // a body can make a line a built-in family's (snort takes commas and quotes after a stamp): tried first, as designed
    expect([family, ...FAMILY_IDS]).toContain((process(line) as { syslog_ecs: { family: string } }).syslog_ecs.family);
    expect(bestMs(() => process(line))).toBeLessThan(LIMIT_MS);
  });
});
