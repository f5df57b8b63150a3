/**
 * Small operations on the FortiOS key=value map while it is mapped to ECS: a key that is mapped
 * ("renamed") leaves the map, a key that is only copied or converted stays, and whatever is left at
 * the end becomes `fortinet.firewall.*`.
 */
import type { EcsDoc } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { getField, setField } from '../../src/ecs/fields.js';

/** Removes a key and returns its value (undefined when absent or empty). */
export function take(fw: KvMap, k: string): string | undefined {
  const v = fw[k];
  if (v === undefined) return undefined;
  delete fw[k];
  return v === '' ? undefined : v;
}

/** Moves a key to an ECS path; with `ifAbsent`, only when the path is not set yet (else the key stays). */
export function mv(doc: EcsDoc, fw: KvMap, k: string, path: string, ifAbsent = false): void {
  if (fw[k] === undefined) return;
  if (ifAbsent && getField(doc, path) !== undefined) return;
  setField(doc, path, take(fw, k));
}

/** Copies a key to an ECS path, keeping it in the map. */
export function cp(doc: EcsDoc, fw: KvMap, k: string, path: string, ifAbsent = false): void {
  const v = fw[k];
  if (v === undefined || v === '') return;
  if (ifAbsent && getField(doc, path) !== undefined) return;
  setField(doc, path, v);
}

/** Integer of a decimal string; undefined when it is not one. */
export function long(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const s = v.trim();
  if (s.length === 0 || s.length > 20) return undefined;
  const c = s.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45)) return undefined;
  const n = Number(s);
  return Number.isInteger(n) ? n : undefined;
}

/** Converts a key to an integer at an ECS path (the key stays in the map). */
export function num(doc: EcsDoc, fw: KvMap, k: string, path: string, ifAbsent = false): void {
  const n = long(fw[k]);
  if (n === undefined) return;
  if (ifAbsent && getField(doc, path) !== undefined) return;
  setField(doc, path, n);
}

/** Deletes keys from the map. */
export function drop(fw: KvMap, keys: readonly string[]): void {
  for (let i = 0; i < keys.length; i++) delete fw[keys[i]!];
}

/** Appends to an array field, duplicates allowed only when `dup`. */
export function push(doc: EcsDoc, path: string, v: unknown, dup = true): void {
  if (v === undefined || v === null || v === '') return;
  const cur = getField(doc, path);
  if (Array.isArray(cur)) {
    if (dup || !cur.includes(v)) cur.push(v);
  } else if (cur === undefined) setField(doc, path, [v]);
  else if (dup || cur !== v) setField(doc, path, [cur, v]);
}
