/**
 * The stamp of Snort's and Suricata's alert files, `MM/DD[/YY[YY]]-hh:mm:ss[.ffffff]`, read in the
 * sender's zone (the year inferred when absent).
 */
import type { VendorContext } from '../../src/core/stages.js';
import { zonedToEpoch } from '../../src/syslog/timezone.js';
import { inferYear } from '../../src/syslog/year.js';

export interface SnortStamp {
  /** epoch milliseconds, NaN when none was read */
  ms: number;
  /** microseconds beyond ms */
  us: number;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Reads `MM/DD[/YY[YY]]-hh:mm:ss[.ffffff]` at 0 into `out`; returns the end index or -1. */
export function readSnortDate(s: string, ctx: VendorContext, out: SnortStamp): number {
  if (!isDigit(s.charCodeAt(0)) || !isDigit(s.charCodeAt(1)) || s.charCodeAt(2) !== 47) return -1;
  const mo = +s.slice(0, 2), d = +s.slice(3, 5);
  if (!isDigit(s.charCodeAt(3)) || !isDigit(s.charCodeAt(4))) return -1;
  let p = 5, year = -1;
  if (s.charCodeAt(p) === 47) {
    let q = p + 1;
    while (q < s.length && q < p + 5 && isDigit(s.charCodeAt(q))) q++;
    const y = s.slice(p + 1, q);
    if (y.length !== 2 && y.length !== 4) return -1;
    year = y.length === 2 ? 2000 + +y : +y;
    p = q;
  }
  if (s.charCodeAt(p) !== 45) return -1;
  const hh = +s.slice(p + 1, p + 3), mi = +s.slice(p + 4, p + 6), ss = +s.slice(p + 7, p + 9);
  if (s.charCodeAt(p + 3) !== 58 || s.charCodeAt(p + 6) !== 58 || !(hh >= 0 && mi >= 0 && ss >= 0)) return -1;
  p += 9;
  let frac = 0, scale = 1;
  if (s.charCodeAt(p) === 46) {
    p++;
    while (isDigit(s.charCodeAt(p)) && scale < 1e6) { frac = frac * 10 + (s.charCodeAt(p) - 48); scale *= 10; p++; }
    while (isDigit(s.charCodeAt(p))) p++;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 || mi > 59 || ss > 60) return -1;
  const micros = Math.round((frac * 1e6) / scale);
  if (year < 0) year = inferYear(mo, d, ctx.receivedAt);
  out.ms = zonedToEpoch(year, mo, d, hh, mi, ss, Math.floor(micros / 1000), ctx.timezone);
  out.us = micros % 1000;
  return p;
}
