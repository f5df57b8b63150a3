/**
 * Timestamp scanners for syslog headers, by charCodeAt, no regex. Each returns the index after the
 * stamp (or -1) and leaves its reading in the shared `stamp` result, which callers copy at once.
 */
import { zonedToEpoch, parseFixedOffset, utcMs } from './timezone.js';
import { inferYear } from './year.js';
import { table } from '../core/null-proto.js';

export interface StampResult {
  ms: number;
  /** microseconds beyond the millisecond (0..999) */
  us: number;
  hasZone: boolean;
  yearInferred: boolean;
}

export const stamp: StampResult = { ms: NaN, us: 0, hasZone: false, yearInferred: false };

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(i + k);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

/** Month from a three-letter English abbreviation at i (any case); 0 when not a month. */
export function monthAt(s: string, i: number): number {
  const a = s.charCodeAt(i) | 32, b = s.charCodeAt(i + 1) | 32, c = s.charCodeAt(i + 2) | 32;
  switch (a) {
    case 106: // j
      if (b === 97 && c === 110) return 1; // jan
      if (b === 117 && c === 110) return 6; // jun
      if (b === 117 && c === 108) return 7; // jul
      return 0;
    case 102: return b === 101 && c === 98 ? 2 : 0; // feb
    case 109: // m
      if (b === 97 && c === 114) return 3; // mar
      if (b === 97 && c === 121) return 5; // may
      return 0;
    case 97: // a
      if (b === 112 && c === 114) return 4; // apr
      if (b === 117 && c === 103) return 8; // aug
      return 0;
    case 115: return b === 101 && c === 112 ? 9 : 0; // sep
    case 111: return b === 99 && c === 116 ? 10 : 0; // oct
    case 110: return b === 111 && c === 118 ? 11 : 0; // nov
    case 100: return b === 101 && c === 99 ? 12 : 0; // dec
    default: return 0;
  }
}

/** Zone abbreviations that devices write after a time; anything else is not taken as a zone. */
const ZONE_ABBREV = table<string>({
  UTC: '+00:00', GMT: '+00:00', Z: '+00:00', UT: '+00:00',
  EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00',
  PST: '-08:00', PDT: '-07:00', AKST: '-09:00', AKDT: '-08:00', HST: '-10:00',
  CET: '+01:00', CEST: '+02:00', MET: '+01:00', MEST: '+02:00', WET: '+00:00', WEST: '+01:00',
  EET: '+02:00', EEST: '+03:00', BST: '+01:00', IST: '+05:30', JST: '+09:00', KST: '+09:00',
  AEST: '+10:00', AEDT: '+11:00', ACST: '+09:30', ACDT: '+10:30', AWST: '+08:00', NZST: '+12:00', NZDT: '+13:00',
  MSK: '+03:00', SGT: '+08:00', HKT: '+08:00',
});

/**
 * Reads `hh:mm:ss[.fff]` at i. Returns the end index or -1; writes h/m/s/ms into `hms`.
 */
const hms = { h: 0, m: 0, s: 0, ms: 0, us: 0 };
function readTime(s: string, i: number): number {
  const h = digits(s, i, 2);
  if (h < 0 || h > 23 || s.charCodeAt(i + 2) !== 58) return -1;
  const m = digits(s, i + 3, 2);
  if (m < 0 || m > 59 || s.charCodeAt(i + 5) !== 58) return -1;
  const sec = digits(s, i + 6, 2);
  if (sec < 0 || sec > 60) return -1;
  let j = i + 8;
  let micros = 0;
  if ((s.charCodeAt(j) === 46 || s.charCodeAt(j) === 44) && isDigit(s.charCodeAt(j + 1))) {
    j++;
    let scale = 100_000;
    while (isDigit(s.charCodeAt(j))) {
      if (scale >= 1) micros += (s.charCodeAt(j) - 48) * scale;
      scale /= 10;
      j++;
    }
  }
  hms.h = h; hms.m = m; hms.s = sec === 60 ? 59 : sec; hms.ms = Math.floor(micros / 1000); hms.us = micros % 1000;
  return j;
}

/** Reads a numeric offset `Z`, `+hh:mm`, `+hhmm`, `+hh` at i; returns end or -1; minutes in `zoneMin`. */
let zoneMin = 0;
function readOffset(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 90 || c === 122) { zoneMin = 0; return i + 1; }
  if (c !== 43 && c !== 45) return -1;
  const h = digits(s, i + 1, 2);
  if (h < 0 || h > 23) return -1;
  let j = i + 3, m = 0;
  if (s.charCodeAt(j) === 58) {
    m = digits(s, j + 1, 2);
    if (m < 0) return -1;
    j += 3;
  } else if (isDigit(s.charCodeAt(j))) {
    m = digits(s, j, 2);
    if (m < 0) return -1;
    j += 2;
  }
  zoneMin = (c === 45 ? -1 : 1) * (h * 60 + m);
  return j;
}

/**
 * ISO 8601 / RFC 3339 at i: `yyyy-mm-ddThh:mm:ss[.f][Z|±hh:mm]`, also with a space for `T`.
 * Without a zone the stamp is read in `tz`.
 */
export function readIsoStamp(s: string, i: number, tz: string, requireT: boolean): number {
  const y = digits(s, i, 4);
  if (y < 0 || s.charCodeAt(i + 4) !== 45) return -1;
  const mo = digits(s, i + 5, 2);
  if (mo < 1 || mo > 12 || s.charCodeAt(i + 7) !== 45) return -1;
  const d = digits(s, i + 8, 2);
  if (d < 1 || d > 31) return -1;
  const sep = s.charCodeAt(i + 10);
  if (!(sep === 84 || sep === 116 || (!requireT && sep === 32))) return -1;
  const t = readTime(s, i + 11);
  if (t < 0) return -1;
  let end = readOffset(s, t);
  if (end >= 0) {
    stamp.ms = utcMs(y, mo, d, hms.h, hms.m, hms.s, hms.ms) - zoneMin * 60_000;
    stamp.hasZone = true;
  } else {
    end = t;
    stamp.ms = zonedToEpoch(y, mo, d, hms.h, hms.m, hms.s, hms.ms, tz);
    stamp.hasZone = false;
  }
  stamp.us = hms.us;
  stamp.yearInferred = false;
  return end;
}

/**
 * The RFC 3164 family at i, as devices write it:
 *   `Mmm dd hh:mm:ss`, `Mmm  d hh:mm:ss.fff`, `Mmm dd yyyy hh:mm:ss`, `Mmm dd hh:mm:ss yyyy`,
 *   `yyyy Mmm dd hh:mm:ss`, each optionally followed by a zone (`UTC`, `CEST`, `+02:00`),
 *   and ISO 8601 stamps. A leading `*` or `.` (Cisco clock-sync markers) is skipped.
 * Year-less stamps get their year from `receivedAt`.
 */
export function read3164Stamp(s: string, i: number, tz: string, receivedAt: number): number {
  let p = i;
  const lead = s.charCodeAt(p);
  if (lead === 42 || lead === 46) p++; // * or .
  if (isDigit(s.charCodeAt(p))) {
    const iso = readIsoStamp(s, p, tz, false);
    if (iso >= 0) return iso;
    // `yyyy Mmm dd hh:mm:ss`
    const y = digits(s, p, 4);
    if (y < 0 || s.charCodeAt(p + 4) !== 32) return -1;
    const mo = monthAt(s, p + 5);
    if (!mo || s.charCodeAt(p + 8) !== 32) return -1;
    return readMonthDayTime(s, p + 9, mo, y, tz, receivedAt);
  }
  const mo = monthAt(s, p);
  if (!mo) return -1;
  if (s.charCodeAt(p + 3) !== 32) return -1;
  return readMonthDayTime(s, p + 4, mo, -1, tz, receivedAt);
}

function readMonthDayTime(s: string, i: number, mo: number, yearIn: number, tz: string, receivedAt: number): number {
  let p = i;
  while (s.charCodeAt(p) === 32) p++;
  let d = 0, nd = 0;
  while (nd < 2 && isDigit(s.charCodeAt(p))) { d = d * 10 + s.charCodeAt(p) - 48; p++; nd++; }
  if (nd === 0 || d < 1 || d > 31 || s.charCodeAt(p) !== 32) return -1;
  p++;
  let year = yearIn;
  // `Mmm dd yyyy hh:mm:ss`
  if (year < 0 && isDigit(s.charCodeAt(p + 2)) && isDigit(s.charCodeAt(p + 3)) && s.charCodeAt(p + 4) === 32) {
    const y = digits(s, p, 4);
    if (y >= 0) { year = y; p += 5; }
  }
  let end = readTime(s, p);
  if (end < 0) return -1;
  // `Mmm dd hh:mm:ss yyyy`
  if (year < 0 && s.charCodeAt(end) === 32) {
    const y = digits(s, end + 1, 4);
    if (y >= 1970 && y < 2200 && !isDigit(s.charCodeAt(end + 5)) && s.charCodeAt(end + 5) !== 58) {
      year = y;
      end += 5;
    }
  }
  let yearInferred = false;
  if (year < 0) {
    year = inferYear(mo, d, receivedAt);
    yearInferred = true;
  }
  // optional zone after a space: an abbreviation or a numeric offset
  let zone = tz;
  let hasZone = false;
  if (s.charCodeAt(end) === 32) {
    const zEnd = readZoneWord(s, end + 1);
    if (zEnd > 0) {
      zone = zoneWord;
      hasZone = true;
      end = zEnd;
    }
  } else {
    const o = readOffset(s, end);
    if (o > 0 && s.charCodeAt(end) !== 90 && s.charCodeAt(end) !== 122) {
      zone = offsetText(zoneMin);
      hasZone = true;
      end = o;
    }
  }
  const { h, m, s: sec, ms } = hms;
  stamp.ms = zonedToEpoch(year, mo, d, h, m, sec, ms, zone);
  stamp.us = hms.us;
  stamp.hasZone = hasZone;
  stamp.yearInferred = yearInferred;
  return end;
}

let zoneWord = '';
function readZoneWord(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 43 || c === 45) {
    const o = readOffset(s, i);
    if (o < 0) return -1;
    const after = s.charCodeAt(o);
    if (!(Number.isNaN(after) || after === 32 || after === 58)) return -1;
    zoneWord = offsetText(zoneMin);
    return o;
  }
  let j = i;
  while (j < i + 5) {
    const k = s.charCodeAt(j);
    if (k >= 65 && k <= 90) j++;
    else break;
  }
  if (j === i) return -1;
  const after = s.charCodeAt(j);
  if (!(Number.isNaN(after) || after === 32 || after === 58)) return -1;
  const word = s.slice(i, j);
  const off = ZONE_ABBREV[word];
  if (off === undefined) return -1;
  zoneWord = off;
  return j;
}

function offsetText(min: number): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  const h = Math.floor(a / 60), m = a % 60;
  return sign + (h < 10 ? '0' : '') + h + ':' + (m < 10 ? '0' : '') + m;
}

export { parseFixedOffset };
