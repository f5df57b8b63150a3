/**
 * The steps of a parser file, compiled once at load into objects that run per message: splitters
 * (dissect, kv, csv, regex), moves (rename, copy, remove), conversions (convert, date, lowercase,
 * uppercase, trim), constants (set, append), lookups by value, `related.*`, URL and domain
 * splitting, `switch` on a field's value (the way the built-in families dispatch on a message id)
 * and `fail`. Every step may carry `if:` (a condition), `name:` (its label in
 * `syslog_ecs.parse.step` and in `--explain`) and `optional: true` (a failure does not stop the
 * run, as `ignore_failure` in an ingest pipeline). A step that fails stops the run: the event is
 * the family's, status `unknown`, at that step.
 */
import type { Node } from 'yaml';
import { parseKv } from '../ecs/kv.js';
import { setUrl } from '../ecs/url.js';
import { setRegisteredDomain } from '../ecs/domain.js';
import { isIp } from '../ecs/fields.js';
import { isoTime } from '../ecs/base.js';
import { isValidTimezone } from '../syslog/timezone.js';
import { fieldNameProblem, fieldRef, type FieldRef } from './field-path.js';
import { CONVERT_TYPES, convertValue, type ConvertType } from './convert.js';
import { compileDissect, runDissect, writeDissect, type DissectPattern } from './dissect.js';
import { splitCsvLine } from './csv-line.js';
import { splitKv } from './kv-split.js';
import { categoryProblem } from './ecs-categories.js';
import { guardRegex, type GuardedRegex } from './regex-guard.js';
import { compileDateFormat, readDate, type DateFormat } from './date-format.js';
import { compileCondition, type Condition } from './conditions.js';
import type { RunState } from './run-state.js';
import { nearest, type YamlReader } from './yaml-reader.js';

export interface Step {
  readonly label: string;
  readonly optional: boolean;
  readonly cond: Condition | null;
  /** false: the step failed (RunState.reason says why when explaining) */
  run(st: RunState): boolean;
}

/** Runs steps in order; the label of the step that failed, or null. */
export function runSteps(steps: readonly Step[], st: RunState): string | null {
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    if (s.cond !== null && !s.cond.test(st)) continue;
    st.step = s.label;
    if (s.run(st)) continue;
    if (st.failed === '') st.failed = s.label;
    if (s.optional) {
      st.failed = '';
      continue;
    }
    return st.failed;
  }
  return null;
}

/** What compiling needs to know beyond the YAML. */
export interface CompileContext {
  readonly r: YamlReader;
  /** the file's base name, for step labels */
  readonly fileName: string;
  /** the conversion a field's declared type asks for (the family's `fields:`, then ECS); null: none */
  typeOf(field: string): ConvertType | null;
  /** regular expressions were already checked by the loading thread */
  readonly regexChecked: boolean;
  /** every field a step writes, with the line that writes it (for the declared-field checks) */
  readonly written: Map<string, number>;
}

/** A field a step writes, with the conversion its declared type asks for. */
interface Target {
  ref: FieldRef;
  conv: ConvertType | null;
}

/** Writes text to a target, converted; false (the step fails) when it does not convert. */
function writeTyped(st: RunState, t: Target, v: string): boolean {
  if (t.conv === null || v === '') {
    st.write(t.ref, v);
    return true;
  }
  const c = convertValue(v, t.conv);
  if (c === undefined) return st.trace === null ? false : st.because(`${t.ref.name}: ${JSON.stringify(v)} is not a ${t.conv}`);
  st.write(t.ref, c);
  return true;
}

const DEFAULT_MAX_INPUT = 8192;
const MAX_INPUT_LIMIT = 65_536;

abstract class BaseStep implements Step {
  label = '';
  optional = false;
  cond: Condition | null = null;
  abstract run(st: RunState): boolean;
}

class DissectStep extends BaseStep {
  constructor(private readonly src: FieldRef, private readonly d: DissectPattern, private readonly sep: string) {
    super();
  }
  run(st: RunState): boolean {
    const s = st.readText(this.src);
    if (s === undefined) return st.trace === null ? false : st.because(`${this.src.name} is absent`);
    if (!runDissect(this.d, s, st)) return false;
    writeDissect(this.d, st, this.sep);
    return true;
  }
}

interface KvSeparators {
  pair: string;
  value: string;
  single: boolean;
  trimKey: string;
  trimValue: string;
}

class KvStep extends BaseStep {
  /** one-character separators and no trimming: the shared scanner (src/ecs/kv.ts) */
  private readonly simple: boolean;
  constructor(
    private readonly src: FieldRef,
    private readonly sep: KvSeparators,
    private readonly fields: ReadonlyMap<string, Target>,
    private readonly target: FieldRef | null,
    private readonly maxKeys: number,
  ) {
    super();
    this.simple = sep.pair.length === 1 && sep.value.length === 1 && sep.trimKey === '' && sep.trimValue === '';
  }
  run(st: RunState): boolean {
    const s = st.readText(this.src);
    if (s === undefined) return st.trace === null ? false : st.because(`${this.src.name} is absent`);
    const rest: [string, string][] = [];
    let any = false;
    if (this.simple) {
      const kv = parseKv(s, 0, { pairSep: this.sep.pair.charCodeAt(0), kvSep: this.sep.value.charCodeAt(0), singleQuotes: this.sep.single });
      // a null-prototype object keyed by wire text: for-in sees only its own keys
      for (const k in kv) {
        any = true;
        if (!this.take(st, k, kv[k]!, rest)) return false;
      }
    } else {
      for (const [k, v] of splitKv(s, this.sep.pair, this.sep.value, this.sep.trimKey, this.sep.trimValue, 4 * this.maxKeys)) {
        any = true;
        if (!this.take(st, k, v, rest)) return false;
      }
    }
    if (!any) return st.trace === null ? false : st.because(`no key${this.sep.value}value pair in ${this.src.name}`);
    if (this.target !== null && rest.length > 0) st.writeWireKeys(this.target, rest, this.maxKeys);
    return true;
  }
  private take(st: RunState, k: string, v: string, rest: [string, string][]): boolean {
    const t = this.fields.get(k);
    if (t !== undefined) return writeTyped(st, t, v);
    if (this.target !== null) rest.push([k, v]);
    return true;
  }
}

class CsvStep extends BaseStep {
  private readonly out: string[] = [];
  constructor(
    private readonly src: FieldRef,
    private readonly sep: number,
    private readonly quote: number,
    private readonly trim: boolean,
    private readonly columns: readonly (Target | null)[],
    private readonly minColumns: number,
  ) {
    super();
  }
  run(st: RunState): boolean {
    const s = st.readText(this.src);
    if (s === undefined) return st.trace === null ? false : st.because(`${this.src.name} is absent`);
    const n = splitCsvLine(s, this.sep, this.quote, this.trim, this.out, this.columns.length);
    if (n < this.minColumns) return st.trace === null ? false : st.because(`${n} columns, fewer than ${this.minColumns}`);
    for (let i = 0; i < n; i++) {
      const t = this.columns[i];
      if (t !== null && t !== undefined && !writeTyped(st, t, this.out[i]!)) return false;
    }
    return true;
  }
}

class RegexStep extends BaseStep {
  constructor(
    private readonly src: FieldRef,
    private readonly g: GuardedRegex,
    private readonly targets: readonly (Target | null)[],
    private readonly maxInput: number,
  ) {
    super();
  }
  run(st: RunState): boolean {
    const s = st.readText(this.src);
    if (s === undefined) return st.trace === null ? false : st.because(`${this.src.name} is absent`);
    if (s.length > this.maxInput) return st.trace === null ? false : st.because(`${this.src.name} is ${s.length} characters, over max_input_chars ${this.maxInput}`);
    const m = this.g.re.exec(s);
    if (m === null) return st.trace === null ? false : st.because(`the pattern does not match ${this.src.name}`);
    const groups = m.groups;
    if (groups === undefined) return true;
    for (let i = 0; i < this.targets.length; i++) {
      const t = this.targets[i];
      const v = groups['_g' + i];
      if (t === null || t === undefined || v === undefined) continue;
      if (!writeTyped(st, t, v)) return false;
    }
    return true;
  }
}

class MoveStep extends BaseStep {
  constructor(private readonly pairs: readonly [FieldRef, Target][], private readonly keep: boolean) {
    super();
  }
  run(st: RunState): boolean {
    for (const [from, to] of this.pairs) {
      const v = st.read(from);
      if (v === undefined || v === null || v === '') continue;
      if (!this.keep) st.remove(from);
      if (to.conv !== null && typeof v !== 'object') {
        const c = convertValue(v, to.conv);
        if (c === undefined) return st.trace === null ? false : st.because(`${from.name}: ${JSON.stringify(v)} is not a ${to.conv}`);
        st.write(to.ref, c);
      } else st.write(to.ref, v);
    }
    return true;
  }
}

class ConvertStep extends BaseStep {
  constructor(private readonly pairs: readonly [FieldRef, ConvertType][]) {
    super();
  }
  run(st: RunState): boolean {
    for (const [f, type] of this.pairs) {
      const v = st.read(f);
      if (v === undefined || v === null || v === '') continue;
      const c = convertValue(v, type);
      if (c === undefined) return st.trace === null ? false : st.because(`${f.name}: ${JSON.stringify(v)} is not a ${type}`);
      st.write(f, c);
    }
    return true;
  }
}

class CaseStep extends BaseStep {
  constructor(private readonly fields: readonly FieldRef[], private readonly how: 'lowercase' | 'uppercase' | 'trim') {
    super();
  }
  run(st: RunState): boolean {
    for (const f of this.fields) {
      const v = st.read(f);
      if (typeof v !== 'string') continue;
      st.write(f, this.how === 'lowercase' ? v.toLowerCase() : this.how === 'uppercase' ? v.toUpperCase() : v.trim());
    }
    return true;
  }
}

class DateStep extends BaseStep {
  constructor(
    private readonly src: FieldRef,
    private readonly target: FieldRef,
    private readonly formats: readonly DateFormat[],
    private readonly timezone: string | null,
  ) {
    super();
  }
  run(st: RunState): boolean {
    const s = st.readText(this.src);
    if (s === undefined) return st.trace === null ? false : st.because(`${this.src.name} is absent`);
    const tz = this.timezone ?? st.ctx.timezone;
    for (let i = 0; i < this.formats.length; i++) {
      const ms = readDate(this.formats[i]!, s, tz, st.ctx.receivedAt);
      if (!Number.isNaN(ms)) {
        st.write(this.target, isoTime(ms));
        return true;
      }
    }
    return st.trace === null ? false : st.because(`${JSON.stringify(s)} matches none of the formats ${this.formats.map((f) => f.name).join(', ')}`);
  }
}

/** A constant, or a template with `{{field}}` parts filled per message. */
interface Value {
  constant: unknown;
  /** literal, field, literal, field, ... literal */
  parts: readonly (string | FieldRef)[] | null;
}

function valueOf(st: RunState, v: Value): unknown {
  if (v.parts === null) return v.constant;
  let out = '';
  for (const p of v.parts) {
    if (typeof p === 'string') out += p;
    else {
      const t = st.readText(p);
      if (t === undefined) return undefined;
      out += t;
    }
  }
  return out;
}

class SetStep extends BaseStep {
  constructor(private readonly pairs: readonly [Target, Value][], private readonly append: boolean) {
    super();
  }
  run(st: RunState): boolean {
    for (const [t, v] of this.pairs) {
      let val = valueOf(st, v);
      if (val === undefined) continue;
      if (v.parts !== null && t.conv !== null) {
        const c = convertValue(val, t.conv);
        if (c === undefined) return st.trace === null ? false : st.because(`${t.ref.name}: ${JSON.stringify(val)} is not a ${t.conv}`);
        val = c;
      }
      if (!this.append) {
        st.write(t.ref, Array.isArray(val) ? val.slice() : val);
        continue;
      }
      if (Array.isArray(val)) for (const x of val) st.appendUnique(t.ref, x);
      else st.appendUnique(t.ref, val);
    }
    return true;
  }
}

class LookupStep extends BaseStep {
  constructor(
    private readonly src: FieldRef,
    private readonly target: FieldRef,
    private readonly table: ReadonlyMap<string, unknown>,
    private readonly fallback: unknown,
    private readonly ignoreCase: boolean,
  ) {
    super();
  }
  run(st: RunState): boolean {
    const s = st.readText(this.src);
    if (s === undefined) return true;
    let v = this.table.get(this.ignoreCase ? s.toLowerCase() : s);
    if (v === undefined) v = this.fallback;
    if (v !== undefined) st.write(this.target, Array.isArray(v) ? v.slice() : v);
    return true;
  }
}

class RemoveStep extends BaseStep {
  constructor(private readonly fields: readonly FieldRef[]) {
    super();
  }
  run(st: RunState): boolean {
    for (const f of this.fields) st.remove(f);
    return true;
  }
}

const RELATED_KINDS = ['ip', 'user', 'hosts', 'hash'] as const;

class RelatedStep extends BaseStep {
  constructor(private readonly pairs: readonly [FieldRef, FieldRef[]][]) {
    super();
  }
  run(st: RunState): boolean {
    for (const [to, froms] of this.pairs) {
      const ip = to.name === 'related.ip';
      for (const f of froms) {
        const v = st.read(f);
        const vs = Array.isArray(v) ? v : [v];
        for (const x of vs) {
          if (typeof x !== 'string' || x === '') continue;
          if (ip && !isIp(x)) continue;
          st.appendUnique(to, x);
        }
      }
    }
    return true;
  }
}

class UrlStep extends BaseStep {
  constructor(private readonly src: FieldRef, private readonly target: FieldRef, private readonly domainOnly: boolean) {
    super();
  }
  run(st: RunState): boolean {
    const s = st.readText(this.src);
    if (s === undefined || s === '') return true;
    if (this.domainOnly) {
      setRegisteredDomain(st.objectAt(this.target), s, true);
      return true;
    }
    return setUrl(st.objectAt(this.target), s) || (st.trace === null ? false : st.because(`${JSON.stringify(s)} is not a URL`));
  }
}

class SwitchStep extends BaseStep {
  constructor(
    private readonly src: FieldRef,
    private readonly cases: ReadonlyMap<string, readonly Step[]>,
    private readonly fallback: readonly Step[] | null,
  ) {
    super();
  }
  run(st: RunState): boolean {
    const s = st.readText(this.src);
    const steps = (s === undefined ? undefined : this.cases.get(s)) ?? this.fallback;
    if (steps === null) return st.trace === null ? false : st.because(`no case for ${this.src.name} ${s === undefined ? '(absent)' : JSON.stringify(s)}`);
    return runSteps(steps, st) === null;
  }
}

class FailStep extends BaseStep {
  run(st: RunState): boolean {
    return st.trace === null ? false : st.because('a fail step');
  }
}

// ---- compiling

export const STEP_KINDS = [
  'dissect', 'kv', 'csv', 'regex', 'rename', 'copy', 'convert', 'date', 'set', 'append', 'lookup', 'remove',
  'related', 'lowercase', 'uppercase', 'trim', 'url', 'domain', 'switch', 'fail',
] as const;
const COMMON = ['if', 'name', 'optional'];

/** A field name the step reads or writes; null (with an issue) when refused. */
function field(c: CompileContext, node: Node | undefined, path: string): FieldRef | null {
  const name = c.r.str(node, path);
  if (name === null) return null;
  const bad = fieldNameProblem(name);
  if (bad !== null) {
    c.r.fail(node, path, bad);
    return null;
  }
  return fieldRef(name);
}

function target(c: CompileContext, node: Node | undefined, path: string): Target | null {
  const ref = field(c, node, path);
  if (ref === null) return null;
  c.written.set(ref.name, c.r.line(node));
  return { ref, conv: c.typeOf(ref.name) };
}

/** One separator character (`\t` written out is a tab). */
function oneChar(c: CompileContext, node: Node | undefined, path: string, dflt: string): number | null {
  if (node === undefined) return dflt.charCodeAt(0);
  let s = c.r.str(node, path);
  if (s === null) return null;
  if (s === '\\t') s = '\t';
  if (s.length !== 1) {
    c.r.fail(node, path, 'must be one character');
    return null;
  }
  return s.charCodeAt(0);
}

/** A separator of one or more characters (`\t` written out is a tab). */
function separator(c: CompileContext, node: Node | undefined, path: string, dflt: string): string | null {
  if (node === undefined) return dflt;
  const s = c.r.str(node, path);
  if (s === null) return null;
  if (s === '' || s.length > 16) {
    c.r.fail(node, path, 'must be 1 to 16 characters');
    return null;
  }
  return s.replace(/\\t/g, '\t');
}

/** The `field:` a splitter reads (default `message`) and its own options as a mapping, or its shorthand string. */
function splitterArgs(c: CompileContext, node: Node, path: string, main: string, keys: readonly string[]):
  { m: ReturnType<YamlReader['map']>; src: FieldRef | null; mainNode: Node | undefined } | null {
  if (c.r.isScalar(node)) return { m: null, src: fieldRef('message'), mainNode: node };
  const m = c.r.map(node, path);
  if (m === null) return null;
  c.r.onlyKeys(m, ['field', main, ...keys], path);
  const fn = c.r.get(m, 'field');
  const src = fn === undefined ? fieldRef('message') : field(c, fn, `${path}.field`);
  return { m, src, mainNode: c.r.get(m, main) };
}

/** A constant from YAML (scalar or list of scalars) or a `{{field}}` template, converted for its target. */
function compileValue(c: CompileContext, node: Node | undefined, path: string, conv: ConvertType | null): Value | null {
  const r = c.r;
  if (r.isSeq(node)) {
    const out: unknown[] = [];
    for (const [i, n] of (r.list(node, path) ?? []).entries()) {
      const v = compileValue(c, n, `${path}[${i}]`, conv);
      if (v === null) return null;
      if (v.parts !== null) {
        r.fail(n, `${path}[${i}]`, 'templates ({{field}}) are for single values');
        return null;
      }
      out.push(v.constant);
    }
    return { constant: out, parts: null };
  }
  if (!r.isScalar(node) || r.scalar(node) === null) {
    r.fail(node, path, 'must be a value or a list of values');
    return null;
  }
  const raw = r.scalar(node);
  if (typeof raw === 'string' && raw.indexOf('{{') >= 0) {
    const parts: (string | FieldRef)[] = [];
    let p = 0;
    while (p < raw.length) {
      const open = raw.indexOf('{{', p);
      if (open < 0) {
        parts.push(raw.slice(p));
        break;
      }
      const close = raw.indexOf('}}', open + 2);
      if (close < 0) {
        r.fail(node, path, 'unclosed {{');
        return null;
      }
      if (open > p) parts.push(raw.slice(p, open));
      const name = raw.slice(open + 2, close).trim();
      const bad = fieldNameProblem(name);
      if (bad !== null) {
        r.fail(node, path, `{{${name}}}: ${bad}`);
        return null;
      }
      parts.push(fieldRef(name));
      p = close + 2;
    }
    return { constant: undefined, parts };
  }
  if (conv === null) return { constant: raw, parts: null };
  const v = convertValue(raw, conv);
  if (v === undefined) {
    r.fail(node, path, `${JSON.stringify(raw)} is not a ${conv}`);
    return null;
  }
  return { constant: v, parts: null };
}

/** Compiles a list of steps (the family's `steps:`, a switch case). Null entries are dropped after their issues. */
export function compileSteps(c: CompileContext, node: Node | undefined, path: string): Step[] {
  const items = c.r.list(node, path);
  if (items === null) return [];
  const out: Step[] = [];
  items.forEach((n, i) => {
    const s = compileStep(c, n, `${path}[${i}]`);
    if (s !== null) out.push(s);
  });
  return out;
}

function compileStep(c: CompileContext, node: Node, path: string): Step | null {
  const r = c.r;
  const m = r.map(node, path);
  if (m === null) return null;
  const kinds = m.map((e) => e[0]).filter((k) => !COMMON.includes(k));
  if (kinds.length !== 1 || !(STEP_KINDS as readonly string[]).includes(kinds[0]!)) {
    const unknown = kinds.filter((k) => !(STEP_KINDS as readonly string[]).includes(k));
    const near = unknown.length > 0 ? nearest(unknown[0]!, [...STEP_KINDS, ...COMMON]) : undefined;
    r.fail(node, path, unknown.length > 0
      ? `unknown step "${unknown[0]}"${near !== undefined ? ` (did you mean "${near}"?)` : ` (steps: ${STEP_KINDS.join(', ')}; each may have ${COMMON.join(', ')})`}`
      : `one step per list item (found ${kinds.join(', ') || 'none'})`);
    return null;
  }
  const kind = kinds[0]!;
  const p = `${path}.${kind}`;
  const arg = r.get(m, kind)!;
  const step = build(c, kind, arg, p);
  if (step === null) return null;
  const nameNode = r.get(m, 'name');
  const name = nameNode === undefined ? null : r.str(nameNode, `${path}.name`);
  step.label = name ?? (kind === 'fail' ? r.str(arg, p) ?? 'fail' : `${kind} (${c.fileName}:${r.line(node)})`);
  const opt = r.get(m, 'optional');
  if (opt !== undefined) step.optional = r.bool(opt, `${path}.optional`) ?? false;
  const cond = r.get(m, 'if');
  if (cond !== undefined) step.cond = compileCondition(r, cond, `${path}.if`);
  return step;
}

/** A mapping of `field: something` pairs (rename, copy, convert, set...). */
function pairs(c: CompileContext, node: Node, path: string): [string, Node, Node][] {
  const m = c.r.map(node, path);
  if (m === null) return [];
  return m.map(([k, v, pair]) => [k, v, pair.key as Node]);
}

function fieldList(c: CompileContext, node: Node, path: string): FieldRef[] {
  const names = c.r.strList(node, path);
  const out: FieldRef[] = [];
  for (const n of names) {
    const bad = fieldNameProblem(n);
    if (bad !== null) c.r.fail(node, path, bad);
    else out.push(fieldRef(n));
  }
  return out;
}

function build(c: CompileContext, kind: string, node: Node, p: string): BaseStep | null {
  const r = c.r;
  switch (kind) {
    case 'dissect': {
      const a = splitterArgs(c, node, p, 'pattern', ['append_separator']);
      if (a === null || a.src === null) return null;
      const pattern = r.str(a.mainNode, a.m === null ? p : `${p}.pattern`);
      if (pattern === null) return null;
      const d = compileDissect(pattern, (f) => c.typeOf(f));
      if (typeof d === 'string') {
        r.fail(a.mainNode, a.m === null ? p : `${p}.pattern`, d);
        return null;
      }
      for (const f of d.fields) c.written.set(f, r.line(a.mainNode));
      const sepNode = r.get(a.m, 'append_separator');
      return new DissectStep(a.src, d, sepNode === undefined ? ' ' : r.str(sepNode, `${p}.append_separator`) ?? ' ');
    }
    case 'kv': {
      const a = splitterArgs(c, node, p, 'fields', ['separator', 'value_separator', 'quotes', 'target', 'max_keys', 'trim_key', 'trim_value']);
      if (a === null || a.src === null || a.m === null) {
        if (a !== null && a.m === null) r.fail(node, p, 'kv takes a mapping (field, separator, value_separator, fields, target)');
        return null;
      }
      const pairSep = separator(c, r.get(a.m, 'separator'), `${p}.separator`, ' ');
      const kvSep = separator(c, r.get(a.m, 'value_separator'), `${p}.value_separator`, '=');
      const tk = r.get(a.m, 'trim_key');
      const tv = r.get(a.m, 'trim_value');
      const trimKey = tk === undefined ? '' : r.str(tk, `${p}.trim_key`) ?? '';
      const trimValue = tv === undefined ? '' : r.str(tv, `${p}.trim_value`) ?? '';
      const q = r.get(a.m, 'quotes');
      const quotes = q === undefined ? 'double' : r.str(q, `${p}.quotes`);
      if (quotes !== null && quotes !== 'double' && quotes !== 'single') r.fail(q, `${p}.quotes`, 'must be double or single (single also takes \'...\')');
      const fields = new Map<string, Target>();
      if (a.mainNode !== undefined) {
        for (const [k, v] of pairs(c, a.mainNode, `${p}.fields`)) {
          const t = target(c, v, `${p}.fields.${k}`);
          if (t !== null) fields.set(k, t);
        }
      }
      const tNode = r.get(a.m, 'target');
      const tgt = tNode === undefined ? null : field(c, tNode, `${p}.target`);
      if (tgt !== null) c.written.set(tgt.name, r.line(tNode));
      const mk = r.get(a.m, 'max_keys');
      const maxKeys = mk === undefined ? 64 : r.int(mk, `${p}.max_keys`, 1, 1024) ?? 64;
      if (a.mainNode === undefined && tgt === null) r.fail(node, p, 'kv needs fields (key: field) or a target for the keys');
      if (pairSep === null || kvSep === null) return null;
      if (pairSep === kvSep) r.fail(node, p, 'separator and value_separator must differ');
      return new KvStep(a.src, { pair: pairSep, value: kvSep, single: quotes === 'single', trimKey, trimValue }, fields, tgt, maxKeys);
    }
    case 'csv': {
      const a = splitterArgs(c, node, p, 'columns', ['separator', 'quote', 'trim', 'min_columns']);
      if (a === null || a.src === null || a.m === null) {
        if (a !== null && a.m === null) r.fail(node, p, 'csv takes a mapping (field, separator, columns)');
        return null;
      }
      const sep = oneChar(c, r.get(a.m, 'separator'), `${p}.separator`, ',');
      const qn = r.get(a.m, 'quote');
      const quote = qn !== undefined && r.scalar(qn) === '' ? 0 : oneChar(c, qn, `${p}.quote`, '"');
      const tn = r.get(a.m, 'trim');
      const trim = tn === undefined ? false : r.bool(tn, `${p}.trim`) ?? false;
      const cols = r.list(a.mainNode, `${p}.columns`);
      if (cols === null || sep === null || quote === null) return null;
      const columns: (Target | null)[] = cols.map((n, i) => {
        const v = r.scalar(n);
        return v === null || v === '' ? null : target(c, n, `${p}.columns[${i}]`);
      });
      const mn = r.get(a.m, 'min_columns');
      const minColumns = mn === undefined ? columns.length : r.int(mn, `${p}.min_columns`, 1, columns.length) ?? columns.length;
      return new CsvStep(a.src, sep, quote, trim, columns, minColumns);
    }
    case 'regex': {
      const a = splitterArgs(c, node, p, 'pattern', ['ignore_case', 'max_input_chars']);
      if (a === null || a.src === null) return null;
      const pp = a.m === null ? p : `${p}.pattern`;
      const pattern = r.str(a.mainNode, pp);
      if (pattern === null) return null;
      const ic = r.get(a.m, 'ignore_case');
      const flags = ic !== undefined && r.bool(ic, `${p}.ignore_case`) === true ? 'i' : '';
      const mi = r.get(a.m, 'max_input_chars');
      const maxInput = mi === undefined ? DEFAULT_MAX_INPUT : r.int(mi, `${p}.max_input_chars`, 16, MAX_INPUT_LIMIT) ?? DEFAULT_MAX_INPUT;
      const g = guardRegex(pattern, flags, c.regexChecked);
      if (typeof g === 'string') {
        r.fail(a.mainNode, pp, g);
        return null;
      }
      if (g.groups.length === 0) {
        r.fail(a.mainNode, pp, 'no named group: write (?<field.name>...) for each part to keep');
        return null;
      }
      const targets = g.groups.map((name) => {
        const bad = fieldNameProblem(name);
        if (bad !== null) {
          r.fail(a.mainNode, pp, `(?<${name}>: ${bad}`);
          return null;
        }
        c.written.set(name, r.line(a.mainNode));
        return { ref: fieldRef(name), conv: c.typeOf(name) };
      });
      return new RegexStep(a.src, g, targets, maxInput);
    }
    case 'rename':
    case 'copy': {
      const out: [FieldRef, Target][] = [];
      for (const [k, v, kn] of pairs(c, node, p)) {
        const from = field(c, kn, `${p}.${k}`);
        const to = target(c, v, `${p}.${k}`);
        if (from !== null && to !== null) out.push([from, to]);
      }
      return new MoveStep(out, kind === 'copy');
    }
    case 'convert': {
      const out: [FieldRef, ConvertType][] = [];
      for (const [k, v, kn] of pairs(c, node, p)) {
        const f = field(c, kn, `${p}.${k}`);
        const t = r.str(v, `${p}.${k}`);
        if (t !== null && !(CONVERT_TYPES as readonly string[]).includes(t)) r.fail(v, `${p}.${k}`, `unknown type "${t}" (${CONVERT_TYPES.join(', ')}; dates: a date step)`);
        else if (f !== null && t !== null) out.push([f, t as ConvertType]);
      }
      return new ConvertStep(out);
    }
    case 'lowercase':
    case 'uppercase':
    case 'trim':
      return new CaseStep(fieldList(c, node, p), kind);
    case 'remove':
      return new RemoveStep(fieldList(c, node, p));
    case 'date': {
      const m = r.map(node, p);
      if (m === null) return null;
      r.onlyKeys(m, ['field', 'formats', 'target', 'timezone'], p);
      const src = field(c, r.get(m, 'field'), `${p}.field`);
      const tn = r.get(m, 'target');
      const tgt = tn === undefined ? fieldRef('@timestamp') : field(c, tn, `${p}.target`);
      if (tgt !== null) c.written.set(tgt.name, r.line(tn ?? node));
      const zn = r.get(m, 'timezone');
      const tz = zn === undefined ? null : r.str(zn, `${p}.timezone`);
      if (tz !== null && !isValidTimezone(tz)) r.fail(zn, `${p}.timezone`, `unknown zone "${tz}"`);
      const formats: DateFormat[] = [];
      const fn = r.get(m, 'formats');
      r.strList(fn, `${p}.formats`).forEach((f, i) => {
        const d = compileDateFormat(f);
        if (typeof d === 'string') r.fail(fn, `${p}.formats[${i}]`, `${JSON.stringify(f)}: ${d}`);
        else formats.push(d);
      });
      if (src === null || tgt === null || formats.length === 0) return null;
      return new DateStep(src, tgt, formats, tz);
    }
    case 'set':
    case 'append': {
      const out: [Target, Value][] = [];
      for (const [k, v, kn] of pairs(c, node, p)) {
        const t = target(c, kn, `${p}.${k}`);
        if (t === null) continue;
        const val = compileValue(c, v, `${p}.${k}`, t.conv);
        const bad = val === null || val.parts !== null ? null : categoryProblem(t.ref.name, val.constant);
        if (bad !== null) c.r.fail(v, `${p}.${k}`, bad);
        else if (val !== null) out.push([t, val]);
      }
      return new SetStep(out, kind === 'append');
    }
    case 'lookup': {
      const m = r.map(node, p);
      if (m === null) return null;
      r.onlyKeys(m, ['field', 'target', 'table', 'default', 'ignore_case'], p);
      const src = field(c, r.get(m, 'field'), `${p}.field`);
      const t = target(c, r.get(m, 'target'), `${p}.target`);
      const ic = r.get(m, 'ignore_case');
      const ignoreCase = ic === undefined ? false : r.bool(ic, `${p}.ignore_case`) ?? false;
      const table = new Map<string, unknown>();
      const tb = r.get(m, 'table');
      if (tb === undefined) r.fail(node, p, 'lookup needs a table');
      else {
        for (const [k, v] of pairs(c, tb, `${p}.table`)) {
          const val = compileValue(c, v, `${p}.table.${k}`, t?.conv ?? null);
          const bad = val === null || t === null ? null : categoryProblem(t.ref.name, val.constant);
          if (bad !== null) c.r.fail(v, `${p}.table.${k}`, bad);
          else if (val !== null) table.set(ignoreCase ? k.toLowerCase() : k, val.constant);
        }
      }
      const dn = r.get(m, 'default');
      const dv = dn === undefined ? null : compileValue(c, dn, `${p}.default`, t?.conv ?? null);
      if (src === null || t === null) return null;
      return new LookupStep(src, t.ref, table, dv?.constant, ignoreCase);
    }
    case 'related': {
      const out: [FieldRef, FieldRef[]][] = [];
      for (const [k, v, kn] of pairs(c, node, p)) {
        if (!(RELATED_KINDS as readonly string[]).includes(k)) {
          r.fail(kn, `${p}.${k}`, `related takes ${RELATED_KINDS.join(', ')}`);
          continue;
        }
        c.written.set(`related.${k}`, r.line(kn));
        out.push([fieldRef(`related.${k}`), fieldList(c, v, `${p}.${k}`)]);
      }
      return new RelatedStep(out);
    }
    case 'url':
    case 'domain': {
      const m = r.map(node, p);
      if (m === null) return null;
      r.onlyKeys(m, ['field', 'target'], p);
      const src = field(c, r.get(m, 'field'), `${p}.field`);
      const tn = r.get(m, 'target');
      const tgt = tn === undefined ? fieldRef(kind === 'url' ? 'url' : 'destination') : field(c, tn, `${p}.target`);
      if (src === null || tgt === null || tgt.temp) {
        if (tgt?.temp) r.fail(tn, `${p}.target`, 'must be a document field');
        return null;
      }
      c.written.set(tgt.name + '.*', r.line(tn ?? node));
      return new UrlStep(src, tgt, kind === 'domain');
    }
    case 'switch': {
      const m = r.map(node, p);
      if (m === null) return null;
      r.onlyKeys(m, ['field', 'cases', 'default'], p);
      const src = field(c, r.get(m, 'field'), `${p}.field`);
      const cases = new Map<string, Step[]>();
      const cn = r.get(m, 'cases');
      for (const [k, v] of cn === undefined ? [] : pairs(c, cn, `${p}.cases`)) cases.set(k, compileSteps(c, v, `${p}.cases.${k}`));
      if (cn === undefined) r.fail(node, p, 'switch needs cases');
      const dn = r.get(m, 'default');
      const fallback = dn === undefined ? null : compileSteps(c, dn, `${p}.default`);
      if (src === null) return null;
      return new SwitchStep(src, cases, fallback);
    }
    case 'fail': {
      const why = r.str(node, p);
      return why === null ? null : new FailStep();
    }
    default:
      return null;
  }
}

