/**
 * The one way into a document by name: `child` steps into (or creates) the object under a key,
 * `put` writes a value. A key from the wire may be `__proto__`: on a plain object that name reads
 * Object.prototype and writing it swaps the object's prototype, so it is read and written as an
 * own property, like any other name. setField and friends (fields.ts) walk paths with these.
 *
 * setField for a path split at build time: `setField(doc, 'a.b.c', v)` is `set3(doc, 'a', 'b', 'c', v)`,
 * with the same rules (empty values skipped, a non-object on the way replaced by an object) but no
 * path split or cache lookup per call.
 */
import type { EcsDoc } from '../core/types.js';

const PROTO = '__proto__';

/** The own value under `k` (undefined when `k` is `__proto__` and not an own property). */
export function own(cur: EcsDoc, k: string): unknown {
  return k !== PROTO ? cur[k] : Object.prototype.hasOwnProperty.call(cur, k) ? cur[k] : undefined;
}

/** Writes `cur[k] = v` as an own data property, `__proto__` included. */
export function put(cur: EcsDoc, k: string, v: unknown): void {
  if (k !== PROTO) cur[k] = v;
  else Object.defineProperty(cur, k, { value: v, writable: true, enumerable: true, configurable: true });
}

/** The object under `k`, made (replacing a non-object) when there is none. */
export function child(cur: EcsDoc, k: string): EcsDoc {
  let next = own(cur, k);
  if (next === undefined || next === null || typeof next !== 'object' || Array.isArray(next)) {
    next = {};
    put(cur, k, next);
  }
  return next as EcsDoc;
}

export function set1(doc: EcsDoc, a: string, v: unknown): void {
  if (v === undefined || v === null || v === '') return;
  put(doc, a, v);
}

export function set2(doc: EcsDoc, a: string, b: string, v: unknown): void {
  if (v === undefined || v === null || v === '') return;
  put(child(doc, a), b, v);
}

export function set3(doc: EcsDoc, a: string, b: string, c: string, v: unknown): void {
  if (v === undefined || v === null || v === '') return;
  put(child(child(doc, a), b), c, v);
}

export function set4(doc: EcsDoc, a: string, b: string, c: string, d: string, v: unknown): void {
  if (v === undefined || v === null || v === '') return;
  put(child(child(child(doc, a), b), c), d, v);
}

export function set5(doc: EcsDoc, a: string, b: string, c: string, d: string, e: string, v: unknown): void {
  if (v === undefined || v === null || v === '') return;
  put(child(child(child(child(doc, a), b), c), d), e, v);
}
