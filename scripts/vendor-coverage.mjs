#!/usr/bin/env node
// Catalogue coverage: each family's vendors/<id>/catalogue.yml lists the message types its devices
// send (from the vendor's guide and Elastic's pipeline), with lines written from the documented
// format and the fields each one yields. This runs every line through the built parse path
// (`syslog-ecs parse`) and says, per family, how many types are catalogued, mapped (every line
// parsed, with its id and all its fields) and tested (with at least one line).
//
//   node scripts/vendor-coverage.mjs [--show N] [--family ID]    (npm run coverage:vendors)
//
// test/vendors/catalogue.test.ts asserts the same, entry by entry.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { generate } from './gen-mappings.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const NOW = '2024-03-15T12:00:00Z';

/** The catalogues of every family that has one: [{ family, file, catalogue, errors }]. */
export function loadCatalogues(root = ROOT) {
  const dir = join(root, 'vendors');
  const out = [];
  for (const family of readdirSync(dir).sort()) {
    const file = join(dir, family, 'catalogue.yml');
    if (!existsSync(file)) continue;
    let catalogue = null;
    const errors = [];
    try {
      catalogue = parseYaml(readFileSync(file, 'utf8'));
    } catch (e) {
      errors.push(`not YAML: ${e.message}`);
    }
    if (catalogue !== null) errors.push(...checkShape(catalogue, family));
    out.push({ family, file: `vendors/${family}/catalogue.yml`, catalogue, errors });
  }
  return out;
}

function isStrings(v) {
  return Array.isArray(v) && v.every((s) => typeof s === 'string' && s !== '');
}

/** What is wrong with a catalogue's shape (empty when nothing). */
export function checkShape(c, family) {
  const errors = [];
  if (c === null || typeof c !== 'object') return ['not a mapping'];
  if (c.family !== family) errors.push(`family: must be "${family}" (the folder)`);
  if (c.id_field !== undefined && typeof c.id_field !== 'string' && !isStrings(c.id_field)) errors.push('id_field: a field path, a list of them (the id is their values joined by /), or none (families without message ids)');
  if (!isStrings(c.sources) || c.sources.length === 0) errors.push('sources: the documents the formats come from (a list)');
  if (!Array.isArray(c.messages) || c.messages.length === 0) return [...errors, 'messages: a list of entries'];
  const seen = new Set();
  c.messages.forEach((m, i) => {
    const at = `messages[${i}]${m && typeof m.id === 'string' ? ` (${m.id})` : ''}`;
    if (m === null || typeof m !== 'object') return errors.push(`${at}: not a mapping`);
    if (typeof m.id !== 'string' || m.id === '') errors.push(`${at}.id: a string`);
    else if (seen.has(m.id)) errors.push(`${at}.id: repeated`);
    else seen.add(m.id);
    if (typeof m.format !== 'string' || m.format === '') errors.push(`${at}.format: the documented format`);
    if (!isStrings(m.lines) || m.lines.length === 0) errors.push(`${at}.lines: lines written from the format (a list)`);
    if (m.fields !== undefined && !isStrings(m.fields) && !(Array.isArray(m.fields) && m.fields.length === 0)) errors.push(`${at}.fields: a list of field paths`);
    if (m.todo === undefined && (m.fields === undefined || m.fields.length === 0) && (typeof m.note !== 'string' || m.note === '')) {
      errors.push(`${at}: fields, or a note saying why it yields none beyond message`);
    }
    if (m.values !== undefined && (m.values === null || typeof m.values !== 'object' || Array.isArray(m.values))) errors.push(`${at}.values: a mapping of field to value`);
    if (m.todo !== undefined && (typeof m.todo !== 'string' || m.todo === '')) errors.push(`${at}.todo: why it is not mapped yet`);
  });
  return errors;
}

/** Documents of `lines` through the built CLI's parse path, in order. */
export function parseLines(lines, root = ROOT) {
  if (lines.length === 0) return [];
  for (const l of lines) if (l.includes('\n')) throw new Error(`a catalogue line holds a newline: ${l.slice(0, 80)}`);
  const cli = process.env.SYSLOG_ECS_CLI ?? join(root, 'dist', 'cli.js');
  const out = execFileSync('node', [cli, 'parse', '--now', NOW, '--timezone=UTC', '-'], {
    cwd: root, input: lines.join('\n') + '\n', maxBuffer: 256 << 20, env: { ...process.env, TZ: 'Etc/GMT+2' },
  }).toString();
  const docs = out.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
  if (docs.length !== lines.length) throw new Error(`parse gave ${docs.length} documents for ${lines.length} lines`);
  return docs;
}

export function getPath(doc, path) {
  // documents are nested; a few vendor fields are written with dots in one key (Elastic's flattened names)
  let cur = doc;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (Object.hasOwn(cur, parts[i])) {
      cur = cur[parts[i]];
      continue;
    }
    const rest = parts.slice(i).join('.');
    return Object.hasOwn(cur, rest) ? cur[rest] : undefined;
  }
  return cur;
}

function present(v) {
  return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
}

function same(actual, expected) {
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => same(actual[i], e));
  if (Array.isArray(actual)) return false;
  return actual === expected || (typeof actual !== 'object' && String(actual) === String(expected));
}

/** Field paths a document may carry: the generated mapping table (ECS + every fields.yml). */
export function mappedFields(root = ROOT) {
  return generate(root).fields;
}

/** True when the index template maps `path` (itself, or an object/flattened field above it). */
export function isMappedField(fields, path) {
  if (fields.has(path)) return true;
  const parts = path.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const f = fields.get(parts.slice(0, i).join('.'));
    if (f !== undefined && (f.type === 'flattened' || f.type === 'object')) return true;
  }
  return false;
}

/**
 * What is wrong with one entry's documents. A mapped entry (no `todo`): every line `parsed`, its id
 * at `id_field`, every listed field present, every listed value equal. An entry marked `todo`: still
 * the family's, never a parser error, its id found (what unknown types get).
 */
export function entryProblems(c, m, docs, fields) {
  const idField = c.id_field ?? 'event.code';
  const checkId = idField !== 'none';
  const problems = [];
  docs.forEach((d, i) => {
    const at = m.lines.length > 1 ? `line ${i + 1}: ` : '';
    const family = d.syslog_ecs?.family;
    const status = d.syslog_ecs?.parse?.status;
    if (family !== c.family) return problems.push(`${at}family ${family ?? 'none'}, not ${c.family}`);
    if (status === 'parser_error') return problems.push(`${at}parser_error: ${d.error?.message ?? ''}`);
    const id = !checkId ? undefined : Array.isArray(idField) ? idField.map((f) => getPath(d, f) ?? '').join('/').replace(/\/+$/, '') : getPath(d, idField);
    if (checkId && !same(id, m.id)) problems.push(`${at}${idField} is ${JSON.stringify(id)}, not ${JSON.stringify(m.id)}`);
    if (m.todo !== undefined) return;
    if (status !== 'parsed') problems.push(`${at}status ${status} (step ${d.syslog_ecs?.parse?.step ?? '-'})`);
    for (const f of m.fields ?? []) if (!present(getPath(d, f))) problems.push(`${at}no ${f}`);
    for (const [f, v] of Object.entries(m.values ?? {})) {
      const got = getPath(d, f);
      if (!same(got, v)) problems.push(`${at}${f} is ${JSON.stringify(got)}, not ${JSON.stringify(v)}`);
    }
  });
  if (fields !== undefined) {
    for (const f of [...(m.fields ?? []), ...Object.keys(m.values ?? {})]) {
      if (!isMappedField(fields, f)) problems.push(`${f} is in no fields.yml (the index template would not type it)`);
    }
  }
  return problems;
}

/** Every entry of every catalogue with its problems: [{ family, id, todo, tested, problems }]. */
export function evaluate(root = ROOT, only = null) {
  const fields = mappedFields(root);
  const rows = [];
  for (const { family, catalogue, errors } of loadCatalogues(root)) {
    if (only !== null && family !== only) continue;
    if (errors.length > 0) {
      rows.push({ family, id: '(catalogue)', todo: undefined, tested: false, problems: errors });
      continue;
    }
    const lines = catalogue.messages.flatMap((m) => m.lines);
    const docs = parseLines(lines, root);
    let k = 0;
    for (const m of catalogue.messages) {
      const mine = docs.slice(k, k + m.lines.length);
      k += m.lines.length;
      rows.push({ family, id: m.id, todo: m.todo, tested: m.lines.length > 0, problems: entryProblems(catalogue, m, mine, fields) });
    }
  }
  return rows;
}

/** Per family: catalogued, mapped (not todo, no problem), tested. */
export function summarize(rows) {
  const by = new Map();
  for (const r of rows) {
    if (r.id === '(catalogue)') continue;
    let s = by.get(r.family);
    if (s === undefined) by.set(r.family, (s = { family: r.family, catalogued: 0, mapped: 0, tested: 0 }));
    s.catalogued++;
    if (r.todo === undefined && r.problems.length === 0) s.mapped++;
    if (r.tested && r.problems.length === 0) s.tested++;
  }
  return [...by.values()];
}

function pct(a, b) {
  return b === 0 ? '-' : (100 * a / b).toFixed(1) + '%';
}

function main(argv) {
  const showAt = argv.indexOf('--show');
  const show = showAt >= 0 ? Number(argv[showAt + 1] ?? 5) : 0;
  const famAt = argv.indexOf('--family');
  const only = famAt >= 0 ? argv[famAt + 1] ?? null : null;
  const rows = evaluate(ROOT, only);
  const sums = summarize(rows);
  const w = Math.max(8, ...sums.map((s) => s.family.length));
  const lines = [`${'family'.padEnd(w)}  catalogued  mapped           tested`];
  const tot = { catalogued: 0, mapped: 0, tested: 0 };
  for (const s of sums) {
    lines.push(`${s.family.padEnd(w)}  ${String(s.catalogued).padStart(10)}  ${String(s.mapped).padStart(5)} ${pct(s.mapped, s.catalogued).padStart(7)}  ${String(s.tested).padStart(6)} ${pct(s.tested, s.catalogued).padStart(7)}`);
    tot.catalogued += s.catalogued;
    tot.mapped += s.mapped;
    tot.tested += s.tested;
  }
  lines.push(`${'all'.padEnd(w)}  ${String(tot.catalogued).padStart(10)}  ${String(tot.mapped).padStart(5)} ${pct(tot.mapped, tot.catalogued).padStart(7)}  ${String(tot.tested).padStart(6)} ${pct(tot.tested, tot.catalogued).padStart(7)}`);
  const bad = rows.filter((r) => r.problems.length > 0);
  const todo = rows.filter((r) => r.todo !== undefined && r.problems.length === 0);
  lines.push(`entries with problems: ${bad.length}; marked todo: ${todo.length}`);
  if (show > 0) {
    for (const r of bad.slice(0, show)) lines.push(`  ${r.family} ${r.id}: ${r.problems.slice(0, 3).join('; ')}`);
    for (const r of todo.slice(0, show)) lines.push(`  ${r.family} ${r.id}: todo: ${r.todo}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
