/**
 * Test helper for the hostile-input (fuzz) tests: the keys an attacker puts where a parser expects
 * names, a snapshot of the global objects such keys could change, a check that a document holds
 * nothing inherited, each family's seed lines, and the run count (FUZZ_RUNS for longer runs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from '../../src/ecs/serialize.js';

/** Names that mean something to every plain object (and their upper-case forms, for parsers that lower-case). */
export const PROTO_KEYS: readonly string[] = [
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf',
  'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__defineSetter__', '__lookupGetter__',
  '__lookupSetter__', 'length', 'name', 'caller', 'arguments', 'apply', 'call', 'bind', 'then', 'toJSON',
  '__PROTO__', 'CONSTRUCTOR', 'Constructor', 'TOSTRING', '__proto__.polluted', 'constructor.prototype.polluted',
  'a.__proto__.polluted', 'prototype.polluted',
];

/**
 * How many runs a property gets: its own bounded default (CI), or FUZZ_RUNS times that in a
 * longer run (`FUZZ_RUNS=50 npm run bench -- --only fuzz`).
 */
export function fuzzRuns(base: number): number {
  const f = Number(process.env.FUZZ_RUNS ?? '');
  return Number.isInteger(f) && f > 1 ? base * f : base;
}

/** The fast-check seed: fixed so that CI replays the same inputs; FUZZ_SEED explores others. */
export function fuzzSeed(): number {
  const s = Number(process.env.FUZZ_SEED ?? '');
  return Number.isInteger(s) ? s : 20_250_125;
}

const WATCHED: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Object', Object],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
];

/** Every own property (and its value or accessors) of the global objects a key can reach. */
export type GlobalsSnapshot = Map<string, unknown>;

export function snapshotGlobals(): GlobalsSnapshot {
  const snap = new Map<string, unknown>();
  for (const [name, obj] of WATCHED) {
    for (const key of Reflect.ownKeys(obj)) {
      const d = Object.getOwnPropertyDescriptor(obj, key)!;
      snap.set(`${name}.${String(key)}`, 'value' in d ? d.value : [d.get, d.set]);
    }
    snap.set(`${name} [[Prototype]]`, Object.getPrototypeOf(obj));
  }
  return snap;
}

/** What differs between two snapshots (empty when nothing does). */
export function globalsChanged(before: GlobalsSnapshot, after: GlobalsSnapshot = snapshotGlobals()): string[] {
  const diff: string[] = [];
  for (const [k, v] of after) {
    const b = before.get(k);
    const same = Array.isArray(v) && Array.isArray(b) ? v[0] === b[0] && v[1] === b[1] : Object.is(v, b) && before.has(k);
    if (!same) diff.push(k);
  }
  for (const k of before.keys()) if (!after.has(k)) diff.push(`${k} (removed)`);
  return diff;
}

/**
 * A cheap stand-in for a snapshot, for every call of a long run: the number of own properties of
 * each watched object and the methods every object reaches. A full snapshot is taken around the run.
 */
export function globalsSignature(): string {
  let sig = '';
  for (const [, obj] of WATCHED) sig += Reflect.ownKeys(obj).length + ',';
  const p = Object.prototype as unknown as Record<string, unknown>;
  return sig + [p.toString, p.valueOf, p.hasOwnProperty, p.constructor, p.toJSON, Array.prototype.push].map((f) => typeof f).join(',');
}

/** Deletes what was added to the global objects since `before` (so one finding does not spill into the next). */
export function restoreGlobals(before: GlobalsSnapshot): void {
  for (const [name, obj] of WATCHED) {
    for (const key of Reflect.ownKeys(obj)) {
      if (!before.has(`${name}.${String(key)}`)) Reflect.deleteProperty(obj, key);
    }
  }
}

/**
 * What in a document did not come from the wire as data: an object whose prototype is not
 * Object.prototype, Array.prototype, null or an empty object without one, a function, a property
 * reached through a prototype (a getter or a name the object does not own), or text of a built-in
 * function.
 */
export function inheritedJunk(doc: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string, depth: number): void => {
    if (depth > 64) {
      out.push(`${path}: nested deeper than 64`);
      return;
    }
    if (typeof v === 'function') {
      out.push(`${path}: a function`);
      return;
    }
    if (typeof v === 'string') {
      if (v.includes('[native code]')) out.push(`${path}: text of a built-in function`);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const proto = Object.getPrototypeOf(v);
    if (Array.isArray(v)) {
      if (proto !== Array.prototype) out.push(`${path}: an array with another prototype`);
      v.forEach((x, i) => walk(x, `${path}[${i}]`, depth + 1));
      return;
    }
    // src/core/null-proto.ts: an empty prototype that has none itself is as good as none
    const bare = proto !== null && Object.getPrototypeOf(proto) === null && Reflect.ownKeys(proto).length === 0;
    if (proto !== Object.prototype && proto !== null && !bare) {
      out.push(`${path}: prototype is not Object.prototype (${Object.prototype.toString.call(proto)})`);
      return;
    }
    for (const key of Object.keys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, key)!;
      if (!('value' in d)) out.push(`${path}.${key}: an accessor`);
      else walk(d.value, `${path}.${key}`, depth + 1);
    }
  };
  walk(doc, '$', 0);
  return out;
}

/** What is wrong with a document the Processor made: a parser that failed, anything not data, JSON that does not read back. */
export function documentProblems(doc: Record<string, any>): string[] {
  const found: string[] = [];
  if (doc.syslog_ecs?.parse?.status === 'parser_error') found.push(`parser_error: ${doc.error?.message}`);
  found.push(...inheritedJunk(doc));
  try {
    JSON.parse(serialize(doc));
  } catch (e) {
    found.push(`not serializable: ${(e as Error).message}`);
  }
  return found;
}

/** A family's seed lines: its parser's own samples and the first lines of its golden fixtures. */
export function familySeeds(family: string, samples: readonly string[]): string[] {
  const out = [...samples];
  const dir = join(process.cwd(), 'fixtures', family);
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.log')).sort();
  } catch {
    /* a family without fixtures keeps its samples */
  }
  for (const f of files) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n').slice(0, 3)) {
      if (line.trim() !== '' && !line.includes('\r')) out.push(line);
    }
  }
  return out.length > 0 ? out : ['<134>1 2024-03-10T08:00:00Z host app - - - message'];
}

/** The characters parsers split on: a line is cut into tokens between them. */
const DELIMS = /([\s=|,;:"'[\]<>(){}^/\\]+)/;

/** The tokens of a line between delimiters (delimiters at odd indices). */
export function tokens(line: string): string[] {
  return line.split(DELIMS);
}
