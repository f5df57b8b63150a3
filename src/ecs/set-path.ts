/**
 * setField for a path split at build time: `setField(doc, 'a.b.c', v)` is `set3(doc, 'a', 'b', 'c', v)`,
 * with the same rules (empty values skipped, a non-object on the way replaced by an object) but no
 * path split or cache lookup per call.
 */
import type { EcsDoc } from '../core/types.js';

function step(cur: EcsDoc, k: string): EcsDoc {
  let next = cur[k];
  if (next === undefined || next === null || typeof next !== 'object' || Array.isArray(next)) {
    next = {};
    cur[k] = next;
  }
  return next as EcsDoc;
}

export function set1(doc: EcsDoc, a: string, v: unknown): void {
  if (v === undefined || v === null || v === '') return;
  doc[a] = v;
}

export function set2(doc: EcsDoc, a: string, b: string, v: unknown): void {
  if (v === undefined || v === null || v === '') return;
  step(doc, a)[b] = v;
}

export function set3(doc: EcsDoc, a: string, b: string, c: string, v: unknown): void {
  if (v === undefined || v === null || v === '') return;
  step(step(doc, a), b)[c] = v;
}

export function set4(doc: EcsDoc, a: string, b: string, c: string, d: string, v: unknown): void {
  if (v === undefined || v === null || v === '') return;
  step(step(step(doc, a), b), c)[d] = v;
}

export function set5(doc: EcsDoc, a: string, b: string, c: string, d: string, e: string, v: unknown): void {
  if (v === undefined || v === null || v === '') return;
  step(step(step(step(doc, a), b), c), d)[e] = v;
}
