/**
 * Prototype keys from the wire: every registered family's own lines with keys, values, structured
 * data and extensions replaced by names every plain object has (`__proto__`, `constructor`,
 * `toString`...), through the whole Processor, once detected and once with the family forced. No
 * line may change a global object, make the parser fail, or leave in its document anything that
 * is not data (a function, an odd prototype, text of a built-in).
 */
import fc from 'fast-check';
import { VENDORS } from '../../vendors/index.js';
import { Processor } from '../../src/pipeline/process.js';
import { Telemetry } from '../../src/core/telemetry.js';
import type { Frame } from '../../src/core/types.js';
import { PROTO_KEYS, familySeeds, fuzzRuns, fuzzSeed, globalsChanged, globalsSignature, documentProblems, restoreGlobals, snapshotGlobals, tokens } from '../helpers/hostile.js';

const RUNS = fuzzRuns(60);
/** a longer run (FUZZ_RUNS): every seed line, every key and both ways in the exhaustive test too */
const LONG = RUNS > 60;
const NOW = Date.parse('2024-03-15T12:00:00Z');

type Edit =
  | { op: 'replace'; at: number; key: string }
  | { op: 'value'; at: number; key: string }
  | { op: 'pair'; at: number; key: string; value: string; quoted: boolean }
  | { op: 'sd'; key: string; param: string }
  | { op: 'extension'; key: string; sep: string };

const key = fc.constantFrom(...PROTO_KEYS);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(), key }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('value' as const), at: fc.nat(), key }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('pair' as const), at: fc.nat(), key, value: fc.oneof(key, fc.constant('polluted')), quoted: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('sd' as const), key, param: key }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('extension' as const), key, sep: fc.constantFrom(' ', '\t', '|', '^', ',') }) },
);

/** The line with the edits made in turn. */
function apply(line: string, edits: readonly Edit[]): string {
  let s = line;
  for (const e of edits) {
    if (e.op === 'replace') {
      const t = tokens(s);
      // even indices are the words between delimiters
      const words = Math.ceil(t.length / 2);
      t[2 * (e.at % words)] = e.key;
      s = t.join('');
    } else if (e.op === 'value') {
      // the whole value after the n-th `=` or `: `, words and all (`cs2Label=Rule Name` -> `cs2Label=constructor`)
      const seps = [...s.matchAll(/=|: /g)];
      if (seps.length === 0) continue;
      const m = seps[e.at % seps.length]!;
      const from = m.index + m[0].length;
      const rest = s.slice(from);
      const end = rest.search(/ [\w.-]+=|[|,;^\t\]"]|, /);
      s = s.slice(0, from) + e.key + (end < 0 ? '' : rest.slice(end));
    } else if (e.op === 'pair') {
      const t = tokens(s);
      const at = 2 * (e.at % Math.ceil(t.length / 2)) + 1;
      const value = e.quoted ? `"${e.value}"` : e.value;
      t.splice(Math.min(at, t.length), 0, ` ${e.key}=${value} `);
      s = t.join('');
    } else if (e.op === 'sd') {
      // after an RFC 5424 header's fields, else at the end
      const m = /^(<\d{1,3}>1 \S+ \S+ \S+ \S+ \S+ )(- )?/.exec(s);
      const sd = `[${e.key.replace(/[ =\]"]/g, '')} ${e.param.replace(/[ =\]"]/g, '')}="polluted"][x@1 ${e.param.replace(/[ =\]"]/g, '')}="1"]`;
      s = m ? m[1] + sd + ' ' + s.slice(m[0].length) : s + ' ' + sd;
    } else {
      s = `${s}${e.sep}${e.key}=polluted${e.sep}${e.key}.x=1`;
    }
  }
  return s.replace(/[\r\n]/g, ' ');
}

const telemetry = new Telemetry();
const detected = new Processor({ timezone: 'UTC', senders: [], enrichers: [], telemetry });
const forced = new Map(VENDORS.map((v) => [v.id, new Processor({
  timezone: 'UTC', senders: [{ match: '0.0.0.0/0', family: v.id }], enrichers: [], telemetry,
})]));

const SIGNATURE = globalsSignature();

/** The problems one line makes through one processor (empty: none). */
function problems(p: Processor, line: string): string[] {
  const frame: Frame = { data: Buffer.from(line), senderIp: '192.0.2.1', senderPort: 514, listener: 'fuzz', receivedAt: NOW, truncated: false };
  const stats = telemetry.stats('fuzz', '192.0.2.1');
  const found: string[] = [];
  let doc: Record<string, any> | null = null;
  try {
    doc = p.process(frame, stats);
  } catch (e) {
    found.push(`threw: ${(e as Error).message}`);
  }
  if (globalsSignature() !== SIGNATURE) {
    const changed = globalsChanged(CLEAN);
    found.push(`changed ${changed.join(', ')}`);
    restoreGlobals(CLEAN);
  }
  if (doc !== null) found.push(...documentProblems(doc));
  return found;
}

/** The problems of a line through detection and through its family's parser forced. */
function bothWays(family: string, line: string): string[] {
  return [...problems(detected, line), ...problems(forced.get(family)!, line).map((p) => `forced: ${p}`)];
}

const CLEAN = snapshotGlobals();
afterAll(() => {
  // the signature sees added names and replaced methods; the whole snapshot, every value
  expect(globalsChanged(CLEAN)).toEqual([]);
});

describe.each(VENDORS.map((v) => [v.id, v] as const))('prototype keys: %s', (family, vendor) => {
  const seeds = familySeeds(family, vendor.samples);
  test('keys, values, structured data and extensions named after Object.prototype change nothing', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 4 }), (seedIndex, edits) => {
        const line = apply(seeds[seedIndex % seeds.length]!, edits);
        const found = bothWays(family, line);
        if (found.length > 0) throw new Error(`${JSON.stringify(line)}:\n  ${found.join('\n  ')}`);
      }),
      { seed: fuzzSeed(), numRuns: RUNS },
    );
  });

  test('every token and every value of a seed line, one at a time, replaced by a prototype key', () => {
    const found: string[] = [];
    for (const seed of seeds.slice(0, LONG ? seeds.length : 1)) {
      const edits: Edit[] = [];
      const words = Math.ceil(tokens(seed).length / 2);
      const values = [...seed.matchAll(/=|: /g)].length;
      for (const k of LONG ? PROTO_KEYS : ['__proto__', 'constructor', 'CONSTRUCTOR']) {
        for (let at = 0; at < words; at++) edits.push({ op: 'replace', at, key: k });
        for (let at = 0; at < values; at++) edits.push({ op: 'value', at, key: k });
      }
      for (const e of edits) {
        const line = apply(seed, [e]);
        const p = LONG ? bothWays(family, line) : problems(forced.get(family)!, line);
        if (p.length > 0) found.push(`${JSON.stringify(line)}: ${p.join('; ')}`);
      }
    }
    expect(found.slice(0, 20)).toEqual([]);
  });
});
