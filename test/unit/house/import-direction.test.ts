/**
 * The house rule (docs/development.md): data flows sources -> framing -> syslog -> dispatch ->
 * vendors -> ecs -> enrich -> sinks, and the stages meet only through the contracts in src/core.
 * ALLOWED below is the plan: what each room may import.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { sourceFiles } from '../../helpers/source-files.js';

const ROOT = process.cwd();

/**
 * What each room may import besides itself. Stages see core and the libraries before them in the
 * flow (framing, syslog, ecs); vendors see no stage; only the wiring (pipeline) and the entry points
 * see several stages.
 */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  framing: ['core'],
  syslog: ['core'],
  ecs: ['core', 'syslog'],
  vendors: ['core', 'syslog', 'ecs'],
  parsers: ['core', 'syslog', 'ecs'],
  dispatch: ['core', 'syslog', 'vendors', 'parsers'],
  sources: ['core', 'framing', 'ecs'],
  enrich: ['core', 'syslog', 'ecs'],
  sinks: ['core', 'ecs'],
  kibana: ['core'],
  config: ['core', 'syslog', 'dispatch', 'sinks', 'parsers'],
  pipeline: ['core', 'framing', 'syslog', 'ecs', 'dispatch', 'parsers', 'enrich', 'sinks', 'sources', 'config', 'http'],
  http: ['core'],
  cli: ['core', 'framing', 'syslog', 'ecs', 'dispatch', 'parsers', 'enrich', 'sinks', 'sources', 'config', 'kibana', 'pipeline', 'http'],
  'cli.ts': ['core', 'config', 'cli'],
};

function roomOf(file: string): string | null {
  const rel = relative(ROOT, file).split('/');
  if (rel[0] === 'vendors') return 'vendors';
  if (rel[0] !== 'src') return null;
  return rel.length === 2 ? rel[1]! : rel[1]!;
}

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

/** Imports against the layers, of [path, text] pairs. */
function backwardImports(files: readonly (readonly [string, string])[]): string[] {
  const bad: string[] = [];
  for (const [f, text] of files) {
    const from = roomOf(f);
    if (from === null) continue;
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2]!;
      if (!spec.startsWith('.')) continue;
      const to = roomOf(resolve(dirname(f), spec));
      if (to === null || to === from) continue;
      const allowed = ALLOWED[from];
      if (allowed === undefined || ALLOWED[to] === undefined) bad.push(`${relative(ROOT, f)}: room ${allowed === undefined ? from : to} is not in the house plan`);
      else if (!allowed.includes(to)) bad.push(`${relative(ROOT, f)} (${from}) imports ${spec} (${to})`);
    }
  }
  return bad;
}

describe('import direction', () => {
  const files = sourceFiles(join(ROOT, 'src'), join(ROOT, 'vendors'));

  test('every room of src/ is in the house plan', () => {
    const rooms = readdirSync(join(ROOT, 'src')).filter((n) => statSync(join(ROOT, 'src', n)).isDirectory() || n.endsWith('.ts'));
    expect(rooms.filter((r) => ALLOWED[r] === undefined)).toEqual([]);
  });

  test('no module imports a room its own may not see', () => {
    expect(backwardImports(files)).toEqual([]);
  });

  test('the check flags the imports it exists to stop', () => {
    const at = (p: string): string => join(ROOT, p);
    const bad = backwardImports([
      [at('src/sources/udp.ts'), "import { WriteResult } from '../sinks/output.js';"],
      [at('src/enrich/geoip.ts'), "import type { Enricher } from '../pipeline/process.js';"],
      [at('src/sinks/elasticsearch/templates.ts'), "import { VENDORS } from '../../../vendors/index.js';"],
      [at('src/sinks/file/file-output.ts'), "export { x } from '../../sources/udp.js';"],
      [at('vendors/cef/index.ts'), "const m = await import('../../src/dispatch/dispatch.js');"],
      [at('src/pipeline/process.ts'), "import { decode } from '../syslog/parse.js';"],
    ]);
    expect(bad).toHaveLength(5);
    expect(bad.join('\n')).not.toMatch(/^src\/pipeline/m);
  });
});
