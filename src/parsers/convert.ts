/**
 * Type conversions of text from the wire, as Elasticsearch's `convert` processor reads them: long
 * (decimal or hex integers, src/ecs/fields.ts toInt), double, ip (an IPv4 or IPv6 literal, a zone
 * or brackets dropped), boolean (true/false, yes/no, on/off, 1/0, any case), keyword (text as is).
 * A value that does not convert is undefined: the step that asked fails and says why.
 */
import { isIp, toInt } from '../ecs/fields.js';

export const CONVERT_TYPES = ['long', 'double', 'ip', 'boolean', 'keyword'] as const;
export type ConvertType = (typeof CONVERT_TYPES)[number];

/** Field types a parser file may declare (the index template maps them) and what each converts to. */
export const DECLARED_TYPES: Readonly<Record<string, ConvertType | 'date' | 'text' | 'flattened' | 'object'>> = {
  keyword: 'keyword', long: 'long', integer: 'long', double: 'double', float: 'double', ip: 'ip', boolean: 'boolean',
  date: 'date', text: 'text', match_only_text: 'text', flattened: 'flattened', object: 'object',
};

function toDouble(s: string): number | undefined {
  if (s.length === 0 || s.length > 64) return undefined;
  const c = s.charCodeAt(0);
  // Number() takes blanks, '', 0x, Infinity: only plain decimal notation here
  if (!((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) && s.trim() === s ? n : undefined;
}

function toIp(s: string): string | undefined {
  let t = s;
  if (t.charCodeAt(0) === 91 && t.charCodeAt(t.length - 1) === 93) t = t.slice(1, -1);
  const z = t.indexOf('%');
  if (z > 0 && t.indexOf(':') >= 0) t = t.slice(0, z);
  return isIp(t) ? t : undefined;
}

function toBool(s: string): boolean | undefined {
  switch (s.toLowerCase()) {
    case 'true': case 'yes': case 'on': case '1': return true;
    case 'false': case 'no': case 'off': case '0': return false;
    default: return undefined;
  }
}

/** Converts a value; undefined when it cannot be read as `type`. Non-strings are taken as their text. */
export function convertValue(v: unknown, type: ConvertType): unknown {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const x of v) {
      const c = convertValue(x, type);
      if (c === undefined) return undefined;
      out.push(c);
    }
    return out;
  }
  if (type === 'long' && typeof v === 'number') return Number.isInteger(v) ? v : Math.trunc(v);
  if (type === 'double' && typeof v === 'number') return v;
  if (type === 'boolean' && typeof v === 'boolean') return v;
  const s = typeof v === 'string' ? v : String(v);
  switch (type) {
    case 'long': return toInt(s);
    case 'double': return toDouble(s);
    case 'ip': return toIp(s);
    case 'boolean': return toBool(s);
    default: return s;
  }
}
