/**
 * Checks a YAML node against a schema table (schema.ts): types, bounds, unknown keys, required keys;
 * fills defaults. Every issue names the key path and its line, and all of them are collected (a
 * file with five mistakes reports five).
 */
import { Document, LineCounter, isMap, isSeq, isScalar, type Node } from 'yaml';
import type { FieldSpec } from './schema.js';

export interface ConfigIssue {
  path: string;
  /** 1-based; 0 when the value did not come from a file */
  line: number;
  message: string;
  /** the file when it is not the configuration's (a parser file of parsers_dir) */
  file?: string;
}

export class Validator {
  readonly issues: ConfigIssue[] = [];
  constructor(private readonly lines: LineCounter) {}

  line(node: Node | null | undefined): number {
    const r = node?.range;
    return r ? this.lines.linePos(r[0]).line : 0;
  }

  fail(path: string, node: Node | null | undefined, message: string): void {
    this.issues.push({ path, line: this.line(node), message });
  }

  value(spec: FieldSpec, node: Node | null | undefined, path: string): unknown {
    switch (spec.type) {
      case 'object':
        if (spec.shorthand !== undefined && isScalar(node) && typeof node.value === 'boolean') {
          const out = this.object(spec.fields, undefined, path);
          out[spec.shorthand] = node.value;
          return out;
        }
        return this.object(spec.fields, node, path);
      case 'list': {
        if (!isSeq(node)) {
          this.fail(path, node, 'must be a list');
          return [];
        }
        return node.items.map((item, i) => this.value(spec.of, item as Node, `${path}[${i}]`));
      }
      case 'string-list': {
        if (!isSeq(node)) {
          this.fail(path, node, 'must be a list of strings');
          return [];
        }
        return node.items.map((item, i) => {
          if (!isScalar(item) || typeof item.value !== 'string') this.fail(`${path}[${i}]`, item as Node, 'must be a string');
          return isScalar(item) ? String(item.value) : '';
        });
      }
      default:
        return this.scalar(spec, node, path);
    }
  }

  private scalar(spec: FieldSpec, node: Node | null | undefined, path: string): unknown {
    if (!isScalar(node)) {
      this.fail(path, node, `must be a ${spec.type === 'int' ? 'number' : spec.type}`);
      return undefined;
    }
    const v = node.value;
    if (spec.type === 'string') {
      if (typeof v === 'number') return String(v);
      if (typeof v !== 'string') this.fail(path, node, 'must be a string');
      return v;
    }
    if (spec.type === 'bool') {
      if (typeof v !== 'boolean') this.fail(path, node, 'must be true or false');
      return v;
    }
    if (spec.type === 'int') {
      if (typeof v !== 'number' || !Number.isInteger(v)) {
        this.fail(path, node, 'must be an integer');
        return undefined;
      }
      if (spec.min !== undefined && v < spec.min) this.fail(path, node, `must be at least ${spec.min}`);
      if (spec.max !== undefined && v > spec.max) this.fail(path, node, `must be at most ${spec.max}`);
      return v;
    }
    if (spec.type === 'enum' && (typeof v !== 'string' || !spec.values.includes(v))) {
      this.fail(path, node, `must be one of ${spec.values.join(', ')}`);
    }
    return v;
  }

  object(fields: Record<string, FieldSpec>, node: Node | null | undefined, path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (node !== undefined && node !== null && !isMap(node)) {
      if (!(isScalar(node) && node.value === null)) this.fail(path || '(top level)', node, 'must be a mapping of keys');
    }
    const seen = new Set<string>();
    if (isMap(node)) {
      for (const pair of node.items) {
        const keyNode = pair.key as Node;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        const p = path ? `${path}.${key}` : key;
        const spec = Object.hasOwn(fields, key) ? fields[key] : undefined;
        if (!spec) {
          const near = Object.keys(fields).find((k) => k.replace(/_/g, '') === key.replace(/[_-]/g, '').toLowerCase());
          this.fail(p, keyNode, `unknown key${near ? ` (did you mean "${near}"?)` : ''}`);
          continue;
        }
        seen.add(key);
        out[key] = this.value(spec, pair.value as Node, p);
      }
    }
    for (const [key, spec] of Object.entries(fields)) {
      if (seen.has(key)) continue;
      if (spec.required === true && isMap(node)) this.fail(path ? `${path}.${key}` : key, node, 'required');
      if (spec.type === 'list' && spec.default !== undefined) {
        out[key] = spec.default.map((item) => fillDefaults(spec.of, structuredClone(item)));
      } else if ('default' in spec && spec.default !== undefined) out[key] = structuredClone(spec.default);
      else if (spec.type === 'object' && spec.optional === true && hasDefaults(spec.fields) && path === '') {
        out[key] = this.object(spec.fields, undefined, key);
      }
    }
    return out;
  }
}

/** Defaults of an object spec filled into a default value (list items given as defaults). */
function fillDefaults(spec: FieldSpec, value: unknown): unknown {
  if (spec.type !== 'object' || value === null || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  for (const [k, f] of Object.entries(spec.fields)) {
    if (v[k] === undefined && 'default' in f && f.default !== undefined) v[k] = structuredClone(f.default);
  }
  return v;
}

function hasDefaults(fields: Record<string, FieldSpec>): boolean {
  return Object.values(fields).some((f) => 'default' in f && f.default !== undefined);
}

/** A section given as a plain object (by code, not a file) checked against its fields; issues have line 0. */
export function validateObject(fields: Record<string, FieldSpec>, value: unknown, path: string): { value: Record<string, unknown>; issues: ConfigIssue[] } {
  const v = new Validator(new LineCounter());
  const node = new Document(value ?? {}).contents as Node | null;
  return { value: v.object(fields, node, path), issues: v.issues };
}
