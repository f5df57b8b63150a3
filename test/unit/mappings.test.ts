/**
 * Every field the parsers emit (fixtures/**\/*-expected.json) is covered by the generated
 * Elasticsearch mapping (with the fields the shipped parser files declare, which the output maps
 * beside it), with a type its values fit: nothing is left to dynamic mapping by accident.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { isIP } from 'node:net';
// @ts-expect-error plain ESM build script without types
import { generate, render } from '../../scripts/gen-mappings.mjs';
import { FIELD_MAPPINGS } from '../../src/sinks/elasticsearch/mappings.generated.js';
import { buildProperties, mappingsBody } from '../../src/sinks/elasticsearch/templates.js';
import { loadParserSet } from '../../src/config/parsers.js';

interface Spec { type: string }
const gen = generate() as { fields: Map<string, Spec>; errors: string[]; warnings: string[]; vendors: string[] };

function walk(dir: string, out: string[]): string[] {
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (f.endsWith('-expected.json')) out.push(p);
  }
  return out;
}

/** leaf paths of a document with their values (arrays flattened) */
function leaves(v: unknown, prefix: string, out: Map<string, unknown[]>): void {
  if (Array.isArray(v)) {
    for (const x of v) leaves(x, prefix, out);
    return;
  }
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) leaves(x, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  if (v === null) return;
  let arr = out.get(prefix);
  if (!arr) out.set(prefix, (arr = []));
  arr.push(v);
}

function coveredBy(path: string, fields: Map<string, Spec>): Spec | 'open' | undefined {
  const direct = fields.get(path);
  if (direct) return direct;
  const parts = path.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const t = fields.get(parts.slice(0, i).join('.'))?.type;
    if (t === 'flattened' || t === 'object') return 'open';
  }
  return undefined;
}

function fits(type: string, v: unknown): boolean {
  switch (type) {
    case 'ip': return typeof v === 'string' && isIP(v) !== 0;
    case 'long': return (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^-?\d+$/.test(v));
    case 'float': case 'double': return typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)));
    case 'date': return (typeof v === 'string' && !Number.isNaN(Date.parse(v))) || typeof v === 'number';
    case 'boolean': return typeof v === 'boolean' || v === 'true' || v === 'false';
    case 'geo_point': return true; // lat/lon objects are walked as leaves of the parent
    default: return true; // keyword, text
  }
}

describe('generated Elasticsearch mappings', () => {
  test('every vendor fields.yml is valid', () => {
    expect(gen.errors).toEqual([]);
  });

  test('the committed mappings.generated.ts is up to date (node scripts/build.mjs)', () => {
    const text = readFileSync('src/sinks/elasticsearch/mappings.generated.ts', 'utf8');
    expect(text).toBe(render(gen));
    expect(Object.keys(FIELD_MAPPINGS).length).toBe(gen.fields.size);
  });

  test('ECS fields the vendors declare are typed', () => {
    expect(gen.warnings).toEqual([]);
  });

  test('ECS essentials have the right types', () => {
    expect(gen.fields.get('@timestamp')?.type).toBe('date');
    expect(gen.fields.get('source.ip')?.type).toBe('ip');
    expect(gen.fields.get('destination.geo.location')?.type).toBe('geo_point');
    expect(gen.fields.get('source.port')?.type).toBe('long');
    expect(gen.fields.get('message')?.type).toBe('text');
    const props = buildProperties('match_only_text') as Record<string, { properties?: Record<string, { type?: string }>; type?: string }>;
    expect(props.message?.type).toBe('match_only_text');
    expect(props.source?.properties?.ip?.type).toBe('ip');
    const body = mappingsBody('text') as { dynamic_templates: Record<string, { mapping: { type: string } }>[] };
    expect(body.dynamic_templates.some((t) => Object.values(t)[0]!.mapping.type === 'keyword')).toBe(true);
  });

  const files = walk('fixtures', []);
  test('every field in fixtures/**/*-expected.json is mapped, with a fitting type', () => {
    const table = new Map(gen.fields);
    for (const [name, type] of Object.entries(loadParserSet(null).fieldTypes())) if (!table.has(name)) table.set(name, { type });
    const missing = new Map<string, string>();
    const misfit = new Map<string, string>();
    for (const f of files) {
      const j = JSON.parse(readFileSync(f, 'utf8'));
      const docs: unknown[] = Array.isArray(j) ? j : Array.isArray(j.expected) ? j.expected : [j];
      for (const d of docs) {
        const out = new Map<string, unknown[]>();
        leaves(d, '', out);
        for (const [path, values] of out) {
          // geo_point given as {lat, lon}
          const geo = path.match(/^(.*\.location)\.(lat|lon)$/);
          const p = geo ? geo[1]! : path;
          const spec = coveredBy(p, table);
          if (spec === undefined) {
            if (!missing.has(p)) missing.set(p, f);
            continue;
          }
          if (spec !== 'open' && !geo) {
            const bad = values.find((v) => !fits(spec.type, v));
            if (bad !== undefined && !misfit.has(p)) misfit.set(p, `${spec.type} <- ${JSON.stringify(bad)} (${f})`);
          }
        }
      }
    }
    const report = [...missing].map(([p, f]) => `unmapped ${p} (${f})`).concat([...misfit].map(([p, m]) => `type ${p}: ${m}`));
    expect(report).toEqual([]);
  });
});
