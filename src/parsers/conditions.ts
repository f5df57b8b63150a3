/**
 * Conditions of a step's `if:` and of a family's checks: a field's text compared with literals from
 * the parser file (`equals`, `in`, `starts_with`, `ends_with`, `contains`, `exists`), combined with
 * `all`, `any` and `not`. `in` is a Set: one lookup whatever its size.
 */
import type { Node } from 'yaml';
import { fieldNameProblem, fieldRef, type FieldRef } from './field-path.js';
import type { RunState } from './run-state.js';
import type { YamlReader } from './yaml-reader.js';

export interface Condition {
  test(st: RunState): boolean;
}

class FieldTest implements Condition {
  constructor(
    private readonly ref: FieldRef,
    private readonly op: 'equals' | 'in' | 'starts_with' | 'ends_with' | 'contains' | 'exists',
    private readonly text: string,
    private readonly set: ReadonlySet<string> | null,
    private readonly exists: boolean,
  ) {}

  test(st: RunState): boolean {
    if (this.op === 'exists') {
      const v = st.read(this.ref);
      return (v !== undefined && v !== null && v !== '') === this.exists;
    }
    const v = st.readText(this.ref);
    if (v === undefined) return false;
    switch (this.op) {
      case 'equals': return v === this.text;
      case 'in': return this.set!.has(v);
      case 'starts_with': return v.startsWith(this.text);
      case 'ends_with': return v.endsWith(this.text);
      default: return v.indexOf(this.text) >= 0;
    }
  }
}

class AllOf implements Condition {
  constructor(private readonly parts: readonly Condition[]) {}
  test(st: RunState): boolean {
    for (const p of this.parts) if (!p.test(st)) return false;
    return true;
  }
}

class AnyOf implements Condition {
  constructor(private readonly parts: readonly Condition[]) {}
  test(st: RunState): boolean {
    for (const p of this.parts) if (p.test(st)) return true;
    return false;
  }
}

class Not implements Condition {
  constructor(private readonly inner: Condition) {}
  test(st: RunState): boolean {
    return !this.inner.test(st);
  }
}

const OPS = ['equals', 'in', 'starts_with', 'ends_with', 'contains', 'exists'] as const;

/** Compiles a condition mapping; null (with issues) when it is malformed. */
export function compileCondition(r: YamlReader, node: Node | undefined, path: string): Condition | null {
  const m = r.map(node, path);
  if (m === null) return null;
  const keys = m.map((e) => e[0]);
  const combo = keys.find((k) => k === 'all' || k === 'any' || k === 'not');
  if (combo !== undefined) {
    if (keys.length !== 1) {
      r.fail(node, path, `"${combo}" stands alone in its mapping`);
      return null;
    }
    const inner = r.get(m, combo)!;
    if (combo === 'not') {
      const c = compileCondition(r, inner, `${path}.not`);
      return c === null ? null : new Not(c);
    }
    const items = r.list(inner, `${path}.${combo}`);
    if (items === null) return null;
    const parts: Condition[] = [];
    items.forEach((n, i) => {
      const c = compileCondition(r, n, `${path}.${combo}[${i}]`);
      if (c !== null) parts.push(c);
    });
    if (parts.length !== items.length) return null;
    return combo === 'all' ? new AllOf(parts) : new AnyOf(parts);
  }
  r.onlyKeys(m, ['field', ...OPS], path);
  const field = r.str(r.get(m, 'field'), `${path}.field`);
  const ops = OPS.filter((o) => keys.includes(o));
  if (ops.length !== 1) {
    r.fail(node, path, `needs one of ${OPS.join(', ')} (or all, any, not)`);
    return null;
  }
  if (field === null) return null;
  const bad = fieldNameProblem(field);
  if (bad !== null) {
    r.fail(r.get(m, 'field'), `${path}.field`, bad);
    return null;
  }
  const op = ops[0]!;
  const arg = r.get(m, op);
  if (op === 'exists') {
    const b = r.bool(arg, `${path}.exists`);
    return b === null ? null : new FieldTest(fieldRef(field), op, '', null, b);
  }
  if (op === 'in') return new FieldTest(fieldRef(field), op, '', new Set(r.strList(arg, `${path}.in`)), true);
  const text = r.str(arg, `${path}.${op}`);
  return text === null ? null : new FieldTest(fieldRef(field), op, text, null, true);
}
