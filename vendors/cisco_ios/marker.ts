/**
 * Finds the Cisco message marker `%FACILITY-SEVERITY-MNEMONIC:` in a line, the way Elastic's grok
 * reads it: the facility is the shortest run before `-<digits>-` (so `%PIM-SW1-6-INVALID_RP_JOIN`
 * has facility `PIM-SW1`), a one-letter severity (`%SNMP-W-SNMPAUTHFAIL`, Cisco small-business
 * switches) is tried only when no numeric one fits, and the mnemonic runs to the colon.
 * charCodeAt loops with fixed bounds: no regex, no allocation until a match.
 */

export interface Marker {
  /** index of `%` */
  start: number;
  facility: string;
  /** numeric severity 0..7, or -1 for a letter severity */
  severity: number;
  /** the letter of a letter severity, '' otherwise */
  letter: string;
  mnemonic: string;
  /** index just after the `:` that ends the marker */
  end: number;
}

/** Longest facility-severity-mnemonic run we look at. */
const MAX_RUN = 128;
/** How many `%` we try before giving up (adversarial lines full of `%`). */
const MAX_TRIES = 8;

function isRunChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Reads a marker whose `%` is at i; null when it is not one. */
export function markerAt(s: string, i: number): Marker | null {
  const p = i + 1;
  if (!isLetter(s.charCodeAt(p))) return null;
  let q = p;
  const limit = Math.min(s.length, p + MAX_RUN);
  while (q < limit && isRunChar(s.charCodeAt(q))) q++;
  if (s.charCodeAt(q) !== 58 /* : */) return null;
  // Elastic's grok wants whitespace after the colon (or the end of the line)
  const after = s.charCodeAt(q + 1);
  if (!(q + 1 >= s.length || after === 32 || after === 9)) return null;
  // numeric severity: first `-<digits>-` with a non-empty mnemonic after it
  for (let d = p + 1; d < q; d++) {
    if (s.charCodeAt(d) !== 45) continue;
    let e = d + 1;
    while (e < q && e - d <= 2 && isDigit(s.charCodeAt(e))) e++;
    if (e > d + 1 && s.charCodeAt(e) === 45 && e + 1 < q) {
      return {
        start: i, facility: s.slice(p, d), severity: Number(s.slice(d + 1, e)), letter: '',
        mnemonic: s.slice(e + 1, q), end: q + 1,
      };
    }
  }
  // letter severity: `-X-`
  for (let d = p + 1; d + 3 < q; d++) {
    if (s.charCodeAt(d) !== 45) continue;
    const c = s.charCodeAt(d + 1);
    if (c >= 65 && c <= 90 && s.charCodeAt(d + 2) === 45) {
      return { start: i, facility: s.slice(p, d), severity: -1, letter: s[d + 1]!, mnemonic: s.slice(d + 3, q), end: q + 1 };
    }
  }
  return null;
}

/**
 * The first marker in s from `from`, whose `%` starts the text or follows a space. Tries at most
 * MAX_TRIES `%` signs.
 */
export function findMarker(s: string, from: number): Marker | null {
  let i = s.indexOf('%', from);
  for (let tries = 0; i >= 0 && tries < MAX_TRIES; tries++) {
    if (i === from || s.charCodeAt(i - 1) === 32) {
      const m = markerAt(s, i);
      if (m !== null) return m;
    }
    i = s.indexOf('%', i + 1);
  }
  return null;
}

/** Cheap test for detect(): is there a marker at the start of `content` or after a space? */
export function hasMarker(content: string): boolean {
  return findMarker(content, 0) !== null;
}
