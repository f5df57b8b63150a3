/**
 * The config loader under generated hostile files (fast-check): the schema's own keys mixed with
 * Object.prototype's names and random words, values of every kind (huge and negative numbers,
 * long and hostile strings, deep nesting, lists where maps belong), aliases, and plain garbage.
 * validateConfigText must answer every file with a list of issues (each naming a path and a
 * line), never a throw; no global object changes; CPU time grows with the text.
 */
import fc from 'fast-check';
import { validateConfigText, formatIssues } from '../../src/config/load.js';
import { configSpec, type FieldSpec } from '../../src/config/schema.js';
import { cpuMs, bestMs } from '../helpers/timing.js';
import { PROTO_KEYS, fuzzRuns, fuzzSeed, globalsChanged, snapshotGlobals } from '../helpers/hostile.js';

/** Every key the schema knows, at any depth. */
function schemaKeys(fields: Record<string, FieldSpec>, out: Set<string>): Set<string> {
  for (const [k, f] of Object.entries(fields)) {
    out.add(k);
    if (f.type === 'object') schemaKeys(f.fields, out);
    if (f.type === 'list' && f.of.type === 'object') schemaKeys(f.of.fields, out);
  }
  return out;
}
const KNOWN = [...schemaKeys(configSpec, new Set(['elasticsearch', 'url', 'hosts', 'index', 'username', 'password', 'api_key', 'disk_buffer'])) ];

const key = fc.oneof(fc.constantFrom(...KNOWN), fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 12 }));
const scalar = fc.oneof(
  fc.integer(), fc.constantFrom(0, -1, 2 ** 53, 1e308, -1e308), fc.double(), fc.boolean(), fc.constant(null),
  fc.constantFrom('udp://0.0.0.0:514', 'tcp://[::]:99999', 'tls://h:6514', 'file:./x', 'http://127.0.0.1:9200', 'stdout', 'Mars/Olympus', '10.0.0.0/33', '::/0'),
  fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 40 }), fc.integer({ min: 1000, max: 20_000 }).map((n) => 'x'.repeat(n)),
);

/** A YAML value in flow style (JSON is YAML): nested maps and lists up to `depth`. */
const value: fc.Arbitrary<string> = fc.letrec<{ v: string }>((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    scalar.map((x) => JSON.stringify(x) ?? 'null'),
    fc.array(tie('v'), { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`),
    fc.array(fc.tuple(key, tie('v')), { maxLength: 4 }).map((kv) => `{${kv.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}`),
  ),
})).v;

const document = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.tuple(key, value), { maxLength: 8 }).map((kv) => kv.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join('\n')) },
  // deep nesting, anchors and aliases, and bytes that are not YAML at all
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 1000 }).map((n) => 'listeners: ' + '['.repeat(n) + ']'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20 }).map((n) => ['a: &a [x, x]', ...Array.from({ length: n }, (_, i) => `b${i}: &b${i} [*${i === 0 ? 'a' : 'b' + (i - 1)}, *${i === 0 ? 'a' : 'b' + (i - 1)}]`), `listeners: *b${n - 1}`].join('\n')) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('latin1')) },
);

describe('config loader fuzz', () => {
  test('any file: issues with a path and a line, never a throw; nothing global changes; time grows with the text', () => {
    const clean = snapshotGlobals();
    fc.assert(fc.property(document, (text) => {
      const t0 = cpuMs();
      const { issues } = validateConfigText(text);
      let ms = cpuMs() - t0;
      for (const i of issues) {
        expect(typeof i.path).toBe('string');
        expect(Number.isInteger(i.line) && i.line >= 0).toBe(true);
        expect(typeof i.message).toBe('string');
      }
      expect(typeof formatIssues('c.yaml', issues)).toBe('string');
      const limit = 100 + text.length * 0.02;
      if (ms > limit) ms = bestMs(() => validateConfigText(text));
      expect(ms).toBeLessThan(limit);
      expect(globalsChanged(clean)).toEqual([]);
    }), { seed: fuzzSeed(), numRuns: fuzzRuns(60) });
  });
});
