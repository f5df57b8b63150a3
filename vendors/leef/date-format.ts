/**
 * `devTime` as `devTimeFormat` describes it: a Java SimpleDateFormat pattern (`MMM dd yyyy HH:mm:ss`,
 * `yyyy-MM-dd'T'HH:mm:ss.SSSZ`, ...). A pattern is compiled once into an anchored regular expression
 * of bounded character classes and cached; without a pattern, epoch milliseconds or the
 * LEEF default `MMM dd yyyy HH:mm:ss` (and the other syslog stamp shapes) are accepted.
 */
import { monthAt, read3164Stamp, stamp } from '../../src/syslog/timestamp.js';
import { parseFixedOffset, utcMs, zonedToEpoch } from '../../src/syslog/timezone.js';

const enum Part { Year, Year2, Month, MonthName, Day, Hour, Hour12, Minute, Second, Fraction, AmPm, Zone, Skip }

interface Compiled {
  re: RegExp;
  parts: Part[];
}

const cache = new Map<string, Compiled | null>();

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function compile(fmt: string): Compiled | null {
  if (fmt.length > 64) return null;
  let re = '^';
  const parts: Part[] = [];
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i]!;
    if (c === "'") {
      const e = fmt.indexOf("'", i + 1);
      if (e < 0) return null;
      re += e === i + 1 ? "'" : escapeRe(fmt.slice(i + 1, e));
      i = e + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      re += escapeRe(c);
      i++;
      continue;
    }
    let j = i;
    while (j < fmt.length && fmt[j] === c) j++;
    const n = j - i;
    i = j;
    switch (c) {
      case 'y': case 'u':
        if (n === 2) { re += '(\\d{2})'; parts.push(Part.Year2); } else { re += '(\\d{4})'; parts.push(Part.Year); }
        break;
      case 'M': case 'L':
        if (n >= 3) { re += '([A-Za-z]{3,9})'; parts.push(Part.MonthName); } else { re += '(\\d{1,2})'; parts.push(Part.Month); }
        break;
      case 'd': re += '(\\d{1,2})'; parts.push(Part.Day); break;
      case 'H': case 'k': re += '(\\d{1,2})'; parts.push(Part.Hour); break;
      case 'h': case 'K': re += '(\\d{1,2})'; parts.push(Part.Hour12); break;
      case 'm': re += '(\\d{1,2})'; parts.push(Part.Minute); break;
      case 's': re += '(\\d{1,2})'; parts.push(Part.Second); break;
      case 'S': re += '(\\d{1,9})'; parts.push(Part.Fraction); break;
      case 'a': re += '([AaPp][Mm])'; parts.push(Part.AmPm); break;
      case 'E': re += '([A-Za-z]{2,9})'; parts.push(Part.Skip); break;
      case 'z': case 'Z': case 'X': case 'x': case 'O':
        re += '(Z|[A-Za-z]{1,5}(?:[+-]\\d{1,2}(?::?\\d{2})?)?|[+-]\\d{2}(?::?\\d{2})?)'; parts.push(Part.Zone); break;
      default: return null;
    }
  }
  re += ' *$';
  return { re: new RegExp(re), parts };
}

function compiled(fmt: string): Compiled | null {
  let c = cache.get(fmt);
  if (c === undefined) {
    c = compile(fmt);
    if (cache.size >= 256) cache.clear();
    cache.set(fmt, c);
  }
  return c;
}

/** Zone text -> minutes east of UTC; NaN when unknown. */
function zoneMinutes(z: string): number {
  const m = parseFixedOffset(z);
  return m;
}

export interface DevTime {
  ms: number;
  hasZone: boolean;
}

const result: DevTime = { ms: NaN, hasZone: false };

/** Reads `devTime` with its optional `devTimeFormat`; `ms` is NaN when it cannot be read. */
export function readDevTime(v: string, fmt: string | undefined, tz: string, receivedAt: number): DevTime {
  result.ms = NaN;
  result.hasZone = false;
  if (v.length > 64) return result;
  if (fmt === undefined || fmt === '') {
    if (/^\d{10,13}$/.test(v)) {
      result.ms = v.length <= 10 ? Number(v) * 1000 : Number(v);
      result.hasZone = true;
      return result;
    }
    const end = read3164Stamp(v, 0, tz, receivedAt);
    if (end < 0 || v.slice(end).trim() !== '') return result;
    result.ms = stamp.ms;
    result.hasZone = stamp.hasZone;
    return result;
  }
  const c = compiled(fmt);
  if (c === null) return readDevTime(v, undefined, tz, receivedAt);
  const m = c.re.exec(v);
  if (m === null) return result;
  let y = NaN, mo = 1, d = 1, h = 0, mi = 0, s = 0, ms = 0, pm = -1, zone = NaN;
  for (let k = 0; k < c.parts.length; k++) {
    const g = m[k + 1]!;
    switch (c.parts[k]) {
      case Part.Year: y = +g; break;
      case Part.Year2: y = 2000 + +g; break;
      case Part.Month: mo = +g; break;
      case Part.MonthName: mo = monthAt(g, 0); break;
      case Part.Day: d = +g; break;
      case Part.Hour: h = +g; break;
      case Part.Hour12: h = +g % 12; break;
      case Part.Minute: mi = +g; break;
      case Part.Second: s = +g; break;
      case Part.Fraction: ms = Math.floor(+(g + '000').slice(0, 3)); break;
      case Part.AmPm: pm = (g.charCodeAt(0) | 32) === 112 ? 1 : 0; break;
      case Part.Zone: zone = zoneMinutes(g); break;
      default: break;
    }
  }
  if (pm === 1) h += 12;
  if (!mo || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return result;
  if (Number.isNaN(y)) y = new Date(receivedAt).getUTCFullYear();
  if (!Number.isNaN(zone)) {
    result.ms = utcMs(y, mo, d, h, mi, s, ms) - zone * 60_000;
    result.hasZone = true;
  } else {
    result.ms = zonedToEpoch(y, mo, d, h, mi, s, ms, tz);
  }
  return result;
}
