/**
 * Field names a parser file writes and reads: a document path (`source.ip`, `@timestamp`) or a
 * temporary (`_rest`: lives for one message, never reaches the document). Names come from YAML and
 * are checked at load: plain segments only, never `__proto__`, `constructor` or `prototype`, so no
 * write walks into Object.prototype. Values from the wire are only ever values.
 */

/** Segments that would reach an object's prototype machinery. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** One segment: letters, digits, `_`, `-` and `@` (`@timestamp`). */
function segmentOk(s: string): boolean {
  if (s.length === 0 || s.length > 128) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 64;
    if (!ok) return false;
  }
  return true;
}

/** Why a field name is refused, or null when it is fine. */
export function fieldNameProblem(name: string): string | null {
  if (name === '') return 'empty field name';
  const parts = name.split('.');
  for (const p of parts) {
    if (FORBIDDEN.has(p)) return `"${p}" may not be part of a field name`;
    if (!segmentOk(p)) return `"${name}" is not a field name (letters, digits, "_", "-", "@", dotted)`;
  }
  if (name.charCodeAt(0) === 95 && parts.length > 1) return `temporary "${name}" may not be dotted`;
  return null;
}

/** A field as steps address it, split once at load. */
export interface FieldRef {
  /** as written in the file */
  readonly name: string;
  /** a temporary (`_name`): kept beside the document for one message */
  readonly temp: boolean;
  /** the document path's segments (empty for a temporary) */
  readonly parts: readonly string[];
}

export function fieldRef(name: string): FieldRef {
  const temp = name.charCodeAt(0) === 95;
  return { name, temp, parts: temp ? [] : name.split('.') };
}

/** true for a key that must never become an own property name written from wire text */
export function isForbiddenKey(k: string): boolean {
  return FORBIDDEN.has(k);
}
