/**
 * The moves a key=value family's mapping is written in, read line by line against Elastic's
 * pipeline (rename, set/copy_from, convert, remove, append): a key that is renamed leaves the map,
 * a key that is copied or converted in place stays, and what is left at the end becomes the
 * family's own namespace. Maps come from parseKv (null-prototype, keyed by wire text); a family whose
 * reader collects a repeated key into an array (Check Point) passes that array, and these read its
 * first value.
 */
import type { EcsDoc } from '../core/types.js';
import type { KvMap } from './kv.js';
import { appendUnique, getField, setField, toInt } from './fields.js';

/** A key/value map whose repeated keys may hold every value in an array. */
export type KvValues = KvMap | Record<string, string | string[]>;

/** The value of a key (the first one of a repeated key); undefined when absent. */
export function peek(kv: KvValues, k: string): string | undefined {
  const v = kv[k];
  return Array.isArray(v) ? v[0] : v;
}

/** Removes a key and returns its value; undefined when absent or empty. */
export function take(kv: KvValues, k: string): string | undefined {
  const v = peek(kv, k);
  if (v === undefined) return undefined;
  delete kv[k];
  return v === '' ? undefined : v;
}

/** rename: the key to an ECS path; with `ifAbsent`, only when the path is unset (else the key stays). */
export function move(doc: EcsDoc, kv: KvValues, k: string, path: string, ifAbsent = false): void {
  if (kv[k] === undefined) return;
  if (ifAbsent && getField(doc, path) !== undefined) return;
  setField(doc, path, take(kv, k));
}

/** set copy_from: the key's value to an ECS path; the key stays. */
export function copy(doc: EcsDoc, kv: KvValues, k: string, path: string, ifAbsent = false): void {
  const v = peek(kv, k);
  if (v === undefined || v === '') return;
  if (ifAbsent && getField(doc, path) !== undefined) return;
  setField(doc, path, v);
}

/** convert to long and rename: the key leaves the map; a value that is not an integer is dropped. */
export function moveLong(doc: EcsDoc, kv: KvValues, k: string, path: string, ifAbsent = false): void {
  const v = peek(kv, k);
  if (v === undefined) return;
  delete kv[k];
  if (ifAbsent && getField(doc, path) !== undefined) return;
  setField(doc, path, toInt(v));
}

/** convert to long at an ECS path; the key stays in the map. */
export function copyLong(doc: EcsDoc, kv: KvValues, k: string, path: string, ifAbsent = false): void {
  const n = toInt(peek(kv, k));
  if (n === undefined) return;
  if (ifAbsent && getField(doc, path) !== undefined) return;
  setField(doc, path, n);
}

/** remove: keys leave the map. */
export function drop(kv: KvValues, keys: readonly string[]): void {
  for (let i = 0; i < keys.length; i++) delete kv[keys[i]!];
}

/** append: to an array field; `allowDuplicates` as the processor's option (default true). */
export function append(doc: EcsDoc, path: string, v: unknown, allowDuplicates = true): void {
  if (v === undefined || v === null || v === '') return;
  if (!allowDuplicates) return appendUnique(doc, path, v);
  const cur = getField(doc, path);
  if (Array.isArray(cur)) cur.push(v);
  else if (cur === undefined) setField(doc, path, [v]);
  else setField(doc, path, [cur, v]);
}

/**
 * One line of a mapping table, read against the pipeline it mirrors: `rename` (move), `copy`,
 * `long` (convert to long at the path, the key stays), `renameLong` (convert and rename); a verb
 * ending in `?` acts only when the path is still unset (the processor's `if: ... == null`).
 */
export type KvVerb = 'rename' | 'rename?' | 'copy' | 'copy?' | 'long' | 'long?' | 'renameLong' | 'renameLong?';
export type KvStep = readonly [verb: KvVerb, key: string, path: string];

/** Runs a mapping table in order. */
export function applySteps(doc: EcsDoc, kv: KvMap, steps: readonly KvStep[]): void {
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const k = step[1];
    if (kv[k] === undefined) continue;
    const verb = step[0], path = step[2];
    switch (verb) {
      case 'rename': move(doc, kv, k, path); break;
      case 'rename?': move(doc, kv, k, path, true); break;
      case 'copy': copy(doc, kv, k, path); break;
      case 'copy?': copy(doc, kv, k, path, true); break;
      case 'long': copyLong(doc, kv, k, path); break;
      case 'long?': copyLong(doc, kv, k, path, true); break;
      case 'renameLong': moveLong(doc, kv, k, path); break;
      case 'renameLong?': moveLong(doc, kv, k, path, true); break;
    }
  }
}
