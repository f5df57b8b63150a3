/**
 * The families shipped in parsers/: every file loads without a problem with its regular
 * expressions checked for catastrophic backtracking as a user's would be (a start trusts them), its
 * samples pass, and each family has what a built-in one has: golden fixtures, an onboarding page
 * with a row in the onboarding index, and a Kibana saved search.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildParserSet, readParserDir } from '../../../src/parsers/load.js';
import { parserLoadOptions } from '../../../src/config/parsers.js';
import { shippedParsersDir } from '../../../src/parsers/shipped.js';
import { formatParserIssue } from '../../../src/parsers/yaml-reader.js';
import { FAMILY_IDS } from '../../../src/dispatch/dispatch.js';
import { OBJECTS } from '../../../kibana/generate.mjs';

const dir = shippedParsersDir();
const sources = dir === null ? [] : readParserDir(dir, true);
const { set, issues } = buildParserSet(sources, { ...parserLoadOptions(), checkShippedRegex: true });

describe('shipped parser files', () => {
  test('parsers/ is found and holds families', () => {
    expect(dir).not.toBeNull();
    expect(set.families.length).toBeGreaterThanOrEqual(6);
  });

  test('every file loads, patterns checked for backtracking, samples passing', () => {
    expect(issues.map(formatParserIssue)).toEqual([]);
  });

  test.each(set.families.map((f) => [f.id] as const))('%s has fixtures, an onboarding page, a saved search, observer.vendor', (id) => {
    const f = set.byId.get(id)!;
    expect(FAMILY_IDS).not.toContain(id);
    const fx = join('fixtures', id);
    expect(existsSync(fx) && readdirSync(fx).filter((n) => n.endsWith('.log')).length).toBeGreaterThanOrEqual(1);
    expect(existsSync(join('docs', 'onboarding', `${id}.md`))).toBe(true);
    expect(readFileSync(join('docs', 'onboarding', 'README.md'), 'utf8')).toContain(`[${id}](${id}.md)`);
    const searches = (OBJECTS as { type: string; attributes: { kibanaSavedObjectMeta?: { searchSourceJSON: string } } }[])
      .filter((o) => o.type === 'search' && o.attributes.kibanaSavedObjectMeta?.searchSourceJSON.includes(`event.dataset:\\"${f.dataset}\\"`));
    expect(searches).toHaveLength(1);
    expect(f.samples.length).toBeGreaterThanOrEqual(1);
    expect(readFileSync(f.file, 'utf8')).toMatch(/observer\.vendor: /);
  });
});
