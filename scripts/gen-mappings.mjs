// Generates src/sinks/elasticsearch/mappings.generated.ts: the flat field -> mapping table the
// Elasticsearch output's index templates are built from. Sources: the ECS table
// (src/sinks/elasticsearch/ecs-fields.yml) and every vendor's vendors/<id>/fields.yml
// (`ecs: [...]` the ECS fields it uses, `fields: [{name, type, description}]` its own namespace).
// Run by scripts/build.mjs; `node scripts/gen-mappings.mjs --check` exits 1 when the file is stale.
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = 'src/sinks/elasticsearch/mappings.generated.ts';

/** field types this node and every 8.x cluster know; others are mapped to the nearest one */
const TYPE_ALIASES = {
  keyword: 'keyword', text: 'text', match_only_text: 'text', ip: 'ip', long: 'long', integer: 'long', short: 'long',
  byte: 'long', unsigned_long: 'long', float: 'float', half_float: 'float', scaled_float: 'float', double: 'double',
  date: 'date', date_nanos: 'date', boolean: 'boolean', geo_point: 'geo_point', flattened: 'flattened', object: 'object',
  group: 'object', nested: 'object', array: 'keyword', wildcard: 'keyword', constant_keyword: 'keyword', version: 'keyword',
};

function normSpec(spec, where) {
  const s = typeof spec === 'string' ? { type: spec } : { ...spec };
  const t = TYPE_ALIASES[s.type];
  if (t === undefined) throw new Error(`${where}: unknown field type "${s.type}"`);
  s.type = t;
  return s;
}

function expand(table, sets, prefix, out, where, depth = 0) {
  if (depth > 5) throw new Error(`${where}: field sets nest too deep at ${prefix}`);
  for (const [k, v] of Object.entries(table)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string' && v.startsWith('@')) {
      const set = sets[v.slice(1)];
      if (!set) throw new Error(`${where}: unknown field set ${v} at ${path}`);
      expand(set, sets, path, out, where, depth + 1);
    } else out.set(path, normSpec(v, `${where}: ${path}`));
  }
}

/** Builds the table; returns {fields: Map path->spec, owners: Map path->source, warnings}. */
export function generate(root = ROOT) {
  const fields = new Map();
  const owners = new Map();
  const warnings = [];
  const errors = [];
  const ecsFile = join(root, 'src/sinks/elasticsearch/ecs-fields.yml');
  const ecs = parse(readFileSync(ecsFile, 'utf8'));
  const ecsFields = new Map();
  expand(ecs.fields, ecs.sets ?? {}, '', ecsFields, 'ecs-fields.yml');
  for (const [p, s] of ecsFields) {
    fields.set(p, s);
    owners.set(p, 'ecs');
  }
  const vendorsDir = join(root, 'vendors');
  const vendorIds = existsSync(vendorsDir) ? readdirSync(vendorsDir).filter((d) => existsSync(join(vendorsDir, d, 'fields.yml'))).sort() : [];
  for (const id of vendorIds) {
    const where = `vendors/${id}/fields.yml`;
    let doc;
    try {
      doc = parse(readFileSync(join(vendorsDir, id, 'fields.yml'), 'utf8')) ?? {};
    } catch (e) {
      // one vendor's broken file must not break everyone's build: skipped here, failed by test/unit/mappings.test.ts
      errors.push(`${where}: not valid YAML (skipped): ${e.message.split('\n')[0]}`);
      continue;
    }
    for (const name of doc.ecs ?? []) {
      const n = String(name);
      if (n.endsWith('.*')) {
        const base = n.slice(0, -2);
        if (!fields.has(base) && ![...fields.keys()].some((k) => k.startsWith(base + '.'))) warnings.push(`${where}: ECS ${n} not in the ECS table`);
      } else if (!ecsFields.has(n) && !isUnderOpenObject(n, ecsFields)) warnings.push(`${where}: ECS field ${n} not in the ECS table`);
    }
    for (const f of doc.fields ?? []) {
      if (!f || typeof f.name !== 'string') throw new Error(`${where}: every field needs a name`);
      const spec = normSpec(f.type ?? 'keyword', `${where}: ${f.name}`);
      const prev = fields.get(f.name);
      if (prev && prev.type !== spec.type) {
        throw new Error(`${where}: ${f.name} is ${spec.type} here but ${prev.type} in ${owners.get(f.name)}`);
      }
      if (!prev) {
        fields.set(f.name, spec);
        owners.set(f.name, id);
      }
    }
  }
  // a leaf may not also be a parent (e.g. `a: keyword` and `a.b: long`)
  const sorted = [...fields.keys()].sort();
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].startsWith(a); j++) {
      if (sorted[j].startsWith(a + '.') && fields.get(a).type !== 'object') {
        throw new Error(`${a} (${owners.get(a)}) is a ${fields.get(a).type} leaf but ${sorted[j]} (${owners.get(sorted[j])}) is under it`);
      }
    }
  }
  return { fields, owners, warnings, errors, vendors: vendorIds };
}

function isUnderOpenObject(path, fields) {
  const parts = path.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const t = fields.get(parts.slice(0, i).join('.'))?.type;
    if (t === 'object' || t === 'flattened') return true;
  }
  return false;
}

export function render(result) {
  const keys = [...result.fields.keys()].sort();
  const lines = keys.map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(result.fields.get(k))},`);
  return `// Generated by scripts/gen-mappings.mjs from src/sinks/elasticsearch/ecs-fields.yml and
// vendors/*/fields.yml (${result.vendors.join(', ') || 'none'}). Do not edit: run node scripts/build.mjs.
export interface FieldMapping {
  type: string;
  index?: boolean;
  doc_values?: boolean;
}

export const FIELD_MAPPINGS: Record<string, FieldMapping> = {
${lines.join('\n')}
};
`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = generate();
  for (const w of [...result.errors, ...result.warnings]) process.stderr.write(`gen-mappings: warning: ${w}\n`);
  const text = render(result);
  const out = join(ROOT, OUT);
  const old = existsSync(out) ? readFileSync(out, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (old !== text) {
      process.stderr.write(`gen-mappings: ${OUT} is stale: run node scripts/build.mjs\n`);
      process.exit(1);
    }
  } else if (old !== text) writeFileSync(out, text);
}
