/**
 * Loading parser files: every `*.yml` / `*.yaml` of the shipped directory (`parsers/`) and of the
 * user's (`parsers_dir`, `--parsers DIR`), one family a file, validated whole before anything runs:
 * each problem names its file, line and key. A user's family of the same id as a shipped one
 * replaces it. The samples a file lists are run at load and must parse as it says.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Node } from 'yaml';
import { CollectorError } from '../core/errors.js';
import type { SyslogMessage } from '../core/types.js';
import { parseSyslog } from '../syslog/parse.js';
import { baseDocument } from '../ecs/base.js';
import { getField } from '../ecs/fields.js';
import { YamlReader, formatParserIssue, type ParserIssue } from './yaml-reader.js';
import { fieldNameProblem } from './field-path.js';
import { DECLARED_TYPES, type ConvertType } from './convert.js';
import { compileSteps, type CompileContext } from './steps.js';
import { compileMatch } from './match.js';
import { UserFamily, type DeclaredField } from './family.js';
import { ParserSet, type ParserSource } from './parser-set.js';
import { RunState } from './run-state.js';

export interface LoadOptions {
  /** the mapped type of a field the collector already knows (ECS and the built-in families), by the wiring */
  knownType?: (field: string) => string | undefined;
  /** ids of the built-in families (a file may not take one) */
  builtinIds?: readonly string[];
  /** the built-in family that claims a line, if any (samples of families tried after them are checked against it) */
  builtinClaim?: (msg: SyslogMessage) => string | null;
  /** the loading thread already checked these sources (parser workers): skip the regex and sample checks */
  prechecked?: boolean;
  /** check the shipped files' regular expressions too (the test suite does; a start trusts them) */
  checkShippedRegex?: boolean;
}

const TOP_KEYS = ['family', 'dataset', 'description', 'before_builtin', 'match', 'fields', 'steps', 'samples'];
const ID_RE = /^[a-z][a-z0-9_]{0,63}$/;
const DATASET_RE = /^[a-z0-9][a-z0-9_.-]{0,99}$/;
const MAX_FILE_BYTES = 1 << 20;
const MAX_FILES = 256;

/** The parser files of a directory, sorted by name (names starting with a dot are editors' and skipped). */
export function readParserDir(dir: string, shipped: boolean): ParserSource[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new CollectorError('COL_ERR_PARSERS', `${dir}: ${(e as Error).message}`);
  }
  names = names.filter((n) => !n.startsWith('.') && (n.endsWith('.yml') || n.endsWith('.yaml'))).sort();
  if (names.length > MAX_FILES) throw new CollectorError('COL_ERR_PARSERS', `${dir}: ${names.length} parser files, more than ${MAX_FILES}`);
  const out: ParserSource[] = [];
  for (const n of names) {
    const file = join(dir, n);
    try {
      if (!statSync(file).isFile()) continue;
      if (statSync(file).size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES} bytes`);
      out.push({ file, text: readFileSync(file, 'utf8'), shipped });
    } catch (e) {
      throw new CollectorError('COL_ERR_PARSERS', `${file}: ${(e as Error).message}`);
    }
  }
  return out;
}

/** A known type for a field or one of its parents when that parent is an open object. */
function knownTypeOf(opts: LoadOptions, name: string): string | undefined {
  const k = opts.knownType;
  if (k === undefined) return undefined;
  const t = k(name);
  if (t !== undefined) return t;
  const parts = name.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const pt = k(parts.slice(0, i).join('.'));
    if (pt === 'object' || pt === 'flattened') return 'object';
    if (pt !== undefined) return pt;
  }
  return undefined;
}

function convFor(type: string | undefined): ConvertType | null {
  if (type === undefined) return null;
  const c = DECLARED_TYPES[type];
  return c === 'long' || c === 'double' || c === 'ip' || c === 'boolean' || c === 'keyword' ? c : null;
}

interface Sample {
  line: string;
  expect: [string, unknown][];
  /** where it is written */
  at: number;
}

/** A declared type as the index template maps it. */
const MAPPED: Readonly<Record<string, string>> = { integer: 'long', match_only_text: 'text' };
const NUMERIC = new Set(['float', 'double']);

/** Compiles one file; null (with issues) when it does not hold a valid family. */
function compileFamily(src: ParserSource, opts: LoadOptions, state: RunState, issues: ParserIssue[]): { family: UserFamily; samples: Sample[] } | null {
  const r = new YamlReader(src.file, src.text);
  const m = r.root === null || r.root === undefined ? null : r.map(r.root, '');
  if (m === null) {
    if (r.issues.length === 0) r.fail(r.root, '', 'a parser file is a mapping: family, match, steps, fields');
    issues.push(...r.issues);
    return null;
  }
  r.onlyKeys(m, TOP_KEYS, '');
  const id = r.str(r.get(m, 'family'), 'family');
  if (id !== null && !ID_RE.test(id)) r.fail(r.get(m, 'family'), 'family', 'must be snake_case: lower-case letters, digits and _, starting with a letter');
  if (id !== null && opts.builtinIds?.includes(id)) r.fail(r.get(m, 'family'), 'family', `"${id}" is a built-in family; give this one another name`);
  const dn = r.get(m, 'dataset');
  const dataset = dn === undefined ? `${id ?? 'x'}.log` : r.str(dn, 'dataset');
  if (dataset !== null && !DATASET_RE.test(dataset)) r.fail(dn, 'dataset', 'must be lower-case letters, digits, ".", "_" and "-" (it names indices)');
  const desc = r.get(m, 'description');
  const description = desc === undefined ? '' : r.str(desc, 'description') ?? '';
  const bn = r.get(m, 'before_builtin');
  const beforeBuiltin = bn === undefined ? false : r.bool(bn, 'before_builtin') ?? false;
  const prechecked = opts.prechecked === true;
  // the shipped files' patterns are checked by the test suite (test/unit/parsers/shipped.test.ts), not at each start
  const regexChecked = prechecked || (src.shipped && opts.checkShippedRegex !== true);

  // declared fields first: steps convert what they write to these types
  const fields = new Map<string, DeclaredField>();
  const fn = r.get(m, 'fields');
  if (fn !== undefined) {
    for (const [name, v, pair] of r.map(fn, 'fields') ?? []) {
      const p = `fields.${name}`;
      const bad = fieldNameProblem(name);
      if (bad !== null || name.startsWith('_')) {
        r.fail(pair.key as Node, p, bad ?? 'a temporary is not declared');
        continue;
      }
      let type: string | null;
      let descr = '';
      if (r.isMap(v)) {
        const fm = r.map(v, p) ?? [];
        r.onlyKeys(fm, ['type', 'description'], p);
        type = r.str(r.get(fm, 'type'), `${p}.type`);
        const d = r.get(fm, 'description');
        if (d !== undefined) descr = r.str(d, `${p}.description`) ?? '';
      } else type = r.str(v, p);
      if (type === null) continue;
      if (DECLARED_TYPES[type] === undefined) {
        r.fail(v, p, `unknown type "${type}" (${Object.keys(DECLARED_TYPES).join(', ')})`);
        continue;
      }
      const known = knownTypeOf(opts, name);
      const mapped = MAPPED[type] ?? type;
      if (known !== undefined && known !== 'object' && known !== mapped && !(NUMERIC.has(known) && NUMERIC.has(mapped))) {
        r.fail(v, p, `already mapped as ${known} (ECS or a built-in family); declare it ${known} or use a field of your own`);
        continue;
      }
      fields.set(name, { type: mapped, description: descr, line: r.line(pair.key as Node) });
    }
  }
  const ctx: CompileContext = {
    r,
    fileName: basename(src.file),
    typeOf: (f) => {
      const d = fields.get(f);
      return convFor(d !== undefined ? d.type : knownTypeOf(opts, f));
    },
    regexChecked,
    written: new Map(),
  };
  const rules = compileMatch(r, r.get(m, 'match'), 'match', regexChecked);
  if (beforeBuiltin && rules.some((x) => !x.narrow)) {
    r.fail(r.get(m, 'match'), 'match', 'before_builtin needs every rule to name programs, starts_with or senders (a marker alone would be searched for in every line)');
  }
  const sn = r.get(m, 'steps');
  const steps = sn === undefined ? [] : compileSteps(ctx, sn, 'steps');
  if (sn === undefined) r.fail(r.root, 'steps', 'is required: how lines are split and mapped');

  // every field written outside ECS and the built-in families is declared with its type
  if (opts.knownType !== undefined) {
    for (const [name, line] of ctx.written) {
      if (name.startsWith('_') || name.endsWith('.*')) continue;
      if (fields.has(name) || knownTypeOf(opts, name) !== undefined) continue;
      if ([...fields.keys()].some((d) => name.startsWith(d + '.') && (fields.get(d)!.type === 'object' || fields.get(d)!.type === 'flattened'))) continue;
      issues.push({ file: src.file, line, path: 'fields', message: `${name} is written but not declared: add it under fields: with its type (keyword, long, double, ip, boolean, date...)` });
    }
  }
  // a declared leaf may not also be a parent
  const names = [...fields.keys()].sort();
  for (let i = 0; i + 1 < names.length; i++) {
    const a = names[i]!;
    const t = fields.get(a)!.type;
    if (t !== 'object' && names[i + 1]!.startsWith(a + '.')) {
      issues.push({ file: src.file, line: fields.get(names[i + 1]!)!.line, path: `fields.${names[i + 1]}`, message: `${a} is declared ${t}: it cannot hold ${names[i + 1]}` });
    }
  }
  const samples: Sample[] = [];
  const sampleNode = r.get(m, 'samples');
  if (sampleNode !== undefined) {
    (r.list(sampleNode, 'samples') ?? []).forEach((n, i) => {
      const p = `samples[${i}]`;
      if (r.isScalar(n)) {
        const line = r.str(n, p);
        if (line !== null) samples.push({ line, expect: [], at: r.line(n) });
        return;
      }
      const sm = r.map(n, p);
      if (sm === null) return;
      r.onlyKeys(sm, ['line', 'expect'], p);
      const line = r.str(r.get(sm, 'line'), `${p}.line`);
      const expect: [string, unknown][] = [];
      const en = r.get(sm, 'expect');
      if (en !== undefined) {
        for (const [k, v] of r.map(en, `${p}.expect`) ?? []) expect.push([k, (v as { toJSON(): unknown }).toJSON()]);
      }
      if (line !== null) samples.push({ line, expect, at: r.line(n) });
    });
  }
  issues.push(...r.issues);
  if (r.issues.length > 0 || id === null || dataset === null) return null;
  const family = new UserFamily(id, dataset, src.file, description, beforeBuiltin, rules, steps, fields, samples.map((s) => s.line), state);
  return { family, samples };
}

/** Runs a family's samples as the collector would see them; issues for those that do not parse as written. */
function checkSamples(f: UserFamily, samples: readonly Sample[], opts: LoadOptions, issues: ParserIssue[]): void {
  const now = Date.now();
  const testRecognition = f.rules.some((r) => r.senders === null);
  for (const s of samples) {
    const fail = (message: string): void => {
      issues.push({ file: f.file, line: s.at, path: 'samples', message });
    };
    const msg = parseSyslog(s.line, 0, 'UTC', now);
    if (testRecognition) {
      const claim = f.beforeBuiltin ? null : opts.builtinClaim?.(msg) ?? null;
      if (claim !== null) {
        fail(`the built-in family ${claim} claims this line first: set before_builtin: true with programs, starts_with or senders`);
        continue;
      }
      const why = f.whyNot(msg, '');
      if (why !== null) {
        fail(`not recognised as ${f.id}: ${why}`);
        continue;
      }
    }
    const doc = baseDocument(msg, { data: Buffer.from(s.line), senderIp: '', senderPort: 0, listener: 'samples', receivedAt: now, truncated: false }, 'UTC');
    let step: string | null;
    try {
      step = f.parse(msg, doc, { timezone: 'UTC', receivedAt: now });
    } catch (e) {
      fail(`the steps threw: ${(e as Error).message}`);
      continue;
    }
    if (step !== null) {
      fail(`does not parse: the step ${step} failed`);
      continue;
    }
    for (const [k, want] of s.expect) {
      const got = getField(doc, k);
      if (JSON.stringify(got) !== JSON.stringify(want)) fail(`${k} is ${got === undefined ? 'absent' : JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    }
  }
}

export interface LoadResult {
  set: ParserSet;
  issues: ParserIssue[];
}

/**
 * Builds a set from sources (shipped first, then the user's). With issues, the set holds the
 * families that compiled; callers refuse to start (or keep the previous set on a reload).
 */
export function buildParserSet(sources: readonly ParserSource[], opts: LoadOptions = {}): LoadResult {
  const issues: ParserIssue[] = [];
  const state = new RunState();
  const compiled = new Map<string, { family: UserFamily; samples: Sample[]; shipped: boolean }>();
  for (const src of sources) {
    const before = issues.length;
    const c = compileFamily(src, opts, state, issues);
    if (c === null) continue;
    const prev = compiled.get(c.family.id);
    if (prev !== undefined && !(prev.shipped && !src.shipped)) {
      issues.push({ file: src.file, line: 1, path: 'family', message: `family ${c.family.id} is also defined in ${prev.family.file}` });
      continue;
    }
    if (issues.length === before) compiled.set(c.family.id, { family: c.family, samples: c.samples, shipped: src.shipped });
  }
  // one type per field across the families
  const owner = new Map<string, UserFamily>();
  for (const { family } of compiled.values()) {
    for (const [name, d] of family.fields) {
      const o = owner.get(name);
      if (o !== undefined && o.fields.get(name)!.type !== d.type) {
        issues.push({ file: family.file, line: d.line, path: `fields.${name}`, message: `declared ${d.type} here but ${o.fields.get(name)!.type} in ${o.file}` });
      } else owner.set(name, family);
    }
  }
  if (opts.prechecked !== true) {
    for (const c of compiled.values()) checkSamples(c.family, c.samples, opts, issues);
  }
  const families = [...compiled.values()].map((c) => c.family);
  return { set: new ParserSet(families, sources, state), issues };
}

/** Reads and builds the set of the shipped directory (when given) and the user's; throws with every issue. */
export function loadParsers(shippedDir: string | null, userDir: string | null, opts: LoadOptions = {}): ParserSet {
  const sources = [...(shippedDir === null ? [] : readParserDir(shippedDir, true)), ...(userDir === null ? [] : readParserDir(userDir, false))];
  const { set, issues } = buildParserSet(sources, opts);
  if (issues.length > 0) throw new CollectorError('COL_ERR_PARSERS', '\n' + issues.map(formatParserIssue).join('\n'));
  return set;
}
