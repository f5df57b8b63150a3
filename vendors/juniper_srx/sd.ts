/**
 * The `[junos@2636...]` structured data as Elastic's pipeline keys it: from the parsed header, or
 * (when Junos wrote unescaped quotes the RFC 5424 reader refuses) read from the raw text; keys
 * snake_case, the values Junos writes for "nothing" dropped. Wire-keyed: null-prototype maps.
 */
import type { SyslogMessage } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { parseKv } from '../../src/ecs/kv.js';

/** Values the pipeline drops as empty. */
const EMPTY: ReadonlySet<string> = new Set(['None', 'UNKNOWN', 'N/A', '-']);

/** `source-address` -> `source_address`, remembered (the key vocabulary is small; bounded for odd input). */
const underscored = new Map<string, string>();
function underscore(k: string): string {
  let u = underscored.get(k);
  if (u === undefined) {
    u = k.includes('-') ? k.replace(/-/g, '_') : k;
    if (underscored.size < 4096) underscored.set(k, u);
  }
  return u;
}

function trimQuotes(v: string): string {
  let a = 0, b = v.length;
  while (a < b && v.charCodeAt(a) === 34) a++;
  while (b > a && v.charCodeAt(b - 1) === 34) b--;
  return a === 0 && b === v.length ? v : v.slice(a, b);
}

/** The `junos@...` SD element's params, or null when the line has none; `fromRaw` when re-read. */
export function junosParams(msg: SyslogMessage): { params: Record<string, string>; fromRaw: boolean } | null {
  const sd = msg.structuredData;
  if (sd !== null) {
    for (const id in sd) if (id.startsWith('junos@')) return { params: sd[id]!, fromRaw: false };
  }
  const s = msg.raw;
  const i = s.indexOf('[junos@');
  if (i < 0) return null;
  const sp = s.indexOf(' ', i);
  if (sp < 0) return null;
  let end = s.lastIndexOf('"]');
  end = end > sp ? end + 1 : s.length;
  const kv = parseKv(s.slice(sp + 1, end));
  // the pipeline trims stray quotes off values (`remote-address=1.2.3.4"`)
  for (const k in kv) kv[k] = trimQuotes(kv[k]!);
  return { params: kv, fromRaw: true };
}

/** snake_case keys, empty values dropped. */
export function srxKeys(params: Record<string, string>): KvMap {
  const out: KvMap = Object.create(null) as KvMap;
  for (const k in params) {
    const v = params[k]!;
    if (EMPTY.has(v)) continue;
    out[underscore(k)] = v;
  }
  return out;
}
