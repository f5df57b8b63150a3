/**
 * The house rule on wire-keyed data (docs/security.md): in the rooms that read bytes from the wire
 * (sources, framing, syslog, dispatch, ecs, vendors), a string-keyed object is a `Map` or inherits
 * nothing (`table()` / `record()` from src/core/null-proto.ts), since a plain `{}` answers a
 * device's `constructor` or `__proto__` from Object.prototype. This check reads the source for the
 * plain forms; test/fuzz/prototype-keys.fuzz.test.ts tries the keys themselves on every parser.
 */
import { join, relative } from 'node:path';
import { sourceFiles } from '../../helpers/source-files.js';

const ROOT = process.cwd();
const ROOMS = ['src/sources', 'src/framing', 'src/syslog', 'src/dispatch', 'src/ecs', 'vendors'];

/** The plain forms, each with what to write instead. */
const PLAIN: readonly [RegExp, string][] = [
  [/:\s*(?:Readonly<)?Record<string,[^;=]*>\s*=\s*\{/, 'a string-keyed object literal: table({...}) or record()'],
  [/:\s*\{\s*\[\w+:\s*string\]:[^;=]*\}\s*=\s*\{/, 'an index-signature object literal: table({...}) or record()'],
  [/\{\}\s+as\s+(?:Readonly<)?Record<string/, 'a {} cast to a string-keyed record: record()'],
  [/\w\[[\w.]+\]\s*\?\?\s*\{\}/, 'a missing entry filled with {}: record()'],
];

/** Lines in the plain forms, of [path, text] pairs. */
function plainObjects(files: readonly (readonly [string, string])[]): string[] {
  const bad: string[] = [];
  for (const [f, text] of files) {
    text.split('\n').forEach((line, i) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
      for (const [re, instead] of PLAIN) {
        if (re.test(line)) bad.push(`${relative(ROOT, f)}:${i + 1}: ${instead}: ${line.trim()}`);
      }
    });
  }
  return bad;
}

describe('wire-keyed objects', () => {
  test('no plain string-keyed object in the rooms that read the wire', () => {
    const files = sourceFiles(...ROOMS.map((r) => join(ROOT, r)));
    expect(files.length).toBeGreaterThan(50);
    expect(plainObjects(files)).toEqual([]);
  });

  test('the check flags the forms it exists to stop, and not their replacements', () => {
    const at = (p: string): string => join(ROOT, p);
    const bad = plainObjects([
      [at('vendors/x/index.ts'), "const ACTIONS: Record<string, string> = { allow: 'allowed' };"],
      [at('vendors/x/index.ts'), 'export const T: Readonly<Record<string, number>> = {'],
      [at('src/syslog/x.ts'), '  const out: Record<string, Record<string, string>> = {};'],
      [at('src/syslog/x.ts'), '    const params: Record<string, string> = out[id] ?? {};'],
      [at('vendors/x/kv.ts'), 'const m: { [k: string]: string } = {};'],
      [at('vendors/x/kv.ts'), 'const m = {} as Record<string, number>;'],
    ]);
    expect(bad).toHaveLength(6);
    expect(plainObjects([
      [at('vendors/x/index.ts'), "const ACTIONS = table<string>({ allow: 'allowed' });"],
      [at('src/syslog/x.ts'), '  const out = record<Record<string, string>>();'],
      [at('src/syslog/x.ts'), '    const params = out[id] ?? record<string>();'],
      [at('vendors/x/index.ts'), '  const c: Record<string, unknown> | undefined = w.doc.cisco;'],
      [at('vendors/x/index.ts'), '// const ACTIONS: Record<string, string> = {}'],
    ])).toEqual([]);
  });
});
