/** setField (src/ecs/fields.ts) on a path split once at load: same semantics, no per-call split. */
import type { EcsDoc } from '../../src/core/types.js';

export function put(obj: EcsDoc, parts: readonly string[], value: unknown): void {
  if (value === undefined || value === null || value === '') return;
  let cur = obj;
  const last = parts.length - 1;
  for (let i = 0; i < last; i++) {
    const k = parts[i]!;
    let next = cur[k];
    if (next === undefined || next === null || typeof next !== 'object' || Array.isArray(next)) {
      next = {};
      cur[k] = next;
    }
    cur = next;
  }
  cur[parts[last]!] = value;
}
