/**
 * Reads and in-place conversions of two- and three-level document paths, without splitting a
 * dotted path per call (the finishing steps run them on every message).
 */
import type { EcsDoc } from '../../src/core/types.js';
import { deleteField, toInt } from '../../src/ecs/fields.js';

/** `doc[a][b]` as getField reads `a.b`. */
export function get2(doc: EcsDoc, a: string, b: string): unknown {
  const o = doc[a];
  return o !== null && typeof o === 'object' ? (o as EcsDoc)[b] : undefined;
}

/** `doc[a][b][c]` as getField reads `a.b.c`. */
export function get3(doc: EcsDoc, a: string, b: string, c: string): unknown {
  const o = doc[a];
  if (o === null || typeof o !== 'object') return undefined;
  const p = (o as EcsDoc)[b];
  return p !== null && typeof p === 'object' ? (p as EcsDoc)[c] : undefined;
}

/** The object at `o[k]`, created (or replacing a non-object) as setField does on its way. */
export function child(o: EcsDoc, k: string): EcsDoc {
  let n = o[k];
  if (n === undefined || n === null || typeof n !== 'object' || Array.isArray(n)) {
    n = {};
    o[k] = n;
  }
  return n as EcsDoc;
}

/** convert (long) of `o[k]` in place (at `path` of `doc`): an integer string becomes a number, anything else is removed. */
function intIn(doc: EcsDoc, o: unknown, k: string, path: string): void {
  if (o === null || typeof o !== 'object') return;
  const v = (o as EcsDoc)[k];
  if (v === undefined || (typeof v === 'number' && Number.isInteger(v))) return;
  const n = toInt(v);
  if (n === undefined) deleteField(doc, path);
  else (o as EcsDoc)[k] = n;
}

/** convert (long) for `a.b`. */
export function int2(doc: EcsDoc, a: string, b: string, path: string): void {
  intIn(doc, doc[a], b, path);
}

/** convert (long) for `a.b.c`. */
export function int3(doc: EcsDoc, a: string, b: string, c: string, path: string): void {
  intIn(doc, get2(doc, a, b), c, path);
}

/** lowercase for `o[k]`. */
export function lowerKey(o: EcsDoc, k: string): void {
  const v = o[k];
  if (typeof v === 'string' && v !== '') o[k] = v.toLowerCase();
}
