/** Moves from the Sophos key=value map to ECS: a mapped key leaves the map, the rest stays `sophos.xg.*`. */
import type { EcsDoc } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { getField, setField } from '../../src/ecs/fields.js';

export function take(xg: KvMap, k: string): string | undefined {
  const v = xg[k];
  if (v === undefined) return undefined;
  delete xg[k];
  return v;
}

/** Renames a key to an ECS path (only when the path is unset with `ifAbsent`). */
export function mv(doc: EcsDoc, xg: KvMap, k: string, path: string, ifAbsent = false): void {
  if (xg[k] === undefined) return;
  if (ifAbsent && getField(doc, path) !== undefined) return;
  setField(doc, path, take(xg, k));
}

export function long(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const s = v.trim();
  if (s.length === 0 || s.length > 20 || !/^-?\d+$/.test(s)) return undefined;
  return Number(s);
}

/** Converts a key to an integer at an ECS path and removes the key. */
export function num(doc: EcsDoc, xg: KvMap, k: string, path: string, ifAbsent = false): void {
  const v = xg[k];
  if (v === undefined) return;
  delete xg[k];
  if (ifAbsent && getField(doc, path) !== undefined) return;
  const n = long(v);
  if (n !== undefined) setField(doc, path, n);
}

export function push(doc: EcsDoc, path: string, v: unknown): void {
  if (v === undefined || v === null || v === '') return;
  const cur = getField(doc, path);
  if (Array.isArray(cur)) cur.push(v);
  else if (cur === undefined) setField(doc, path, [v]);
  else setField(doc, path, [cur, v]);
}

export function lower(doc: EcsDoc, path: string): void {
  const v = getField(doc, path);
  if (typeof v === 'string') setField(doc, path, v.toLowerCase());
}
