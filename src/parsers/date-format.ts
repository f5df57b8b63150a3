/**
 * Date formats of the `date` step, in the Java pattern letters Elasticsearch's date processor and
 * Logstash's date filter take (`yyyy-MM-dd HH:mm:ss`, `MMM d HH:mm:ss`, `dd/MM/yyyy:HH:mm:ss Z`),
 * plus the named formats ISO8601, UNIX (seconds, with a fraction) and UNIX_MS. Compiled once at
 * load into a list of tokens read by charCodeAt. A space in a format matches one or more spaces
 * (syslog pads days: `Mar  5`); a format without a year takes the year the syslog header's
 * stamps take (src/syslog/year.ts); one without a zone is read in the step's `timezone`, else the
 * sender's.
 */
import { monthAt, readIsoStamp, stamp } from '../syslog/timestamp.js';
import { zonedToEpoch, utcMs } from '../syslog/timezone.js';
import { inferYear } from '../syslog/year.js';

const enum Tok {
  Literal, Space, Year4, Year2, Month, MonthName, Day, Hour, Hour12, AmPm, Minute, Second, Fraction, Offset, ZoneName, DayName,
}

interface Token {
  kind: Tok;
  /** literal text; for numbers, the exact width (0: 1 or 2 digits) */
  text: string;
  width: number;
}

export interface DateFormat {
  readonly name: string;
  readonly named: 'ISO8601' | 'UNIX' | 'UNIX_MS' | null;
  readonly tokens: readonly Token[];
  readonly hasYear: boolean;
}

export const NAMED_FORMATS = ['ISO8601', 'UNIX', 'UNIX_MS'] as const;

/** Compiles a format; a string is why it is refused. */
export function compileDateFormat(f: string): DateFormat | string {
  if ((NAMED_FORMATS as readonly string[]).includes(f)) return { name: f, named: f as DateFormat['named'], tokens: [], hasYear: true };
  const tokens: Token[] = [];
  let hasYear = false, hasMonth = false, hasDay = false;
  for (let i = 0; i < f.length; ) {
    const c = f[i]!;
    let run = 1;
    while (f[i + run] === c) run++;
    const lit = (text: string): void => {
      const prev = tokens[tokens.length - 1];
      if (prev !== undefined && prev.kind === Tok.Literal) prev.text += text;
      else tokens.push({ kind: Tok.Literal, text, width: 0 });
    };
    if (c === "'") {
      const end = f.indexOf("'", i + 1);
      if (end < 0) return 'unclosed quote';
      lit(end === i + 1 ? "'" : f.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    if (c === ' ') tokens.push({ kind: Tok.Space, text: ' ', width: 0 });
    else if (c === 'y' || c === 'u') {
      if (run !== 2 && run !== 4) return `"${c.repeat(run)}": years are yyyy or yy`;
      tokens.push({ kind: run === 4 ? Tok.Year4 : Tok.Year2, text: '', width: run });
      hasYear = true;
    } else if (c === 'M') {
      if (run > 4) return `"${c.repeat(run)}": months are M, MM, MMM or MMMM`;
      tokens.push(run >= 3 ? { kind: Tok.MonthName, text: '', width: run } : { kind: Tok.Month, text: '', width: run === 2 ? 2 : 0 });
      hasMonth = true;
    } else if (c === 'd') {
      if (run > 2) return '"ddd": days are d or dd';
      tokens.push({ kind: Tok.Day, text: '', width: run === 2 ? 2 : 0 });
      hasDay = true;
    } else if (c === 'H' || c === 'h' || c === 'm' || c === 's') {
      if (run > 2) return `"${c.repeat(run)}" is not a pattern (${c} or ${c}${c})`;
      const kind = c === 'H' ? Tok.Hour : c === 'h' ? Tok.Hour12 : c === 'm' ? Tok.Minute : Tok.Second;
      tokens.push({ kind, text: '', width: run === 2 ? 2 : 0 });
    } else if (c === 'S') {
      if (run > 9) return 'at most 9 fraction digits (S)';
      tokens.push({ kind: Tok.Fraction, text: '', width: run });
    } else if (c === 'a') tokens.push({ kind: Tok.AmPm, text: '', width: 0 });
    else if (c === 'Z' || c === 'X' || c === 'x') tokens.push({ kind: Tok.Offset, text: '', width: 0 });
    else if (c === 'z') tokens.push({ kind: Tok.ZoneName, text: '', width: 0 });
    else if (c === 'E') tokens.push({ kind: Tok.DayName, text: '', width: 0 });
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return `"${c}" is not a pattern letter this step reads (quote literal text: 'T')`;
    else lit(c.repeat(run));
    i += c === ' ' ? 1 : run;
    if (c === ' ') while (f[i] === ' ') i++;
  }
  if (!hasMonth || !hasDay) return 'a format needs a month (M) and a day (d), or one of ' + NAMED_FORMATS.join(', ');
  return { name: f, named: null, tokens, hasYear };
}

function num(s: string, p: number, width: number, max: number): number {
  const n = width === 0 ? max : width;
  let v = 0, k = 0;
  for (; k < n; k++) {
    const c = s.charCodeAt(p + k);
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
  }
  if (k === 0 || (width !== 0 && k !== width)) return -1;
  numLen = k;
  return v;
}
let numLen = 0;

/** Epoch milliseconds of `s` read with `f`; NaN when it does not match the whole text. */
export function readDate(f: DateFormat, s: string, tz: string, receivedAt: number): number {
  if (f.named === 'ISO8601') {
    const end = readIsoStamp(s, 0, tz, false);
    return end === s.length ? stamp.ms : NaN;
  }
  if (f.named === 'UNIX' || f.named === 'UNIX_MS') {
    if (!/^\d{1,16}(\.\d{1,9})?$/.test(s)) return NaN;
    const n = Number(s);
    return f.named === 'UNIX' ? Math.round(n * 1000) : Math.round(n);
  }
  let year = NaN, month = 0, day = 0, hour = 0, minute = 0, second = 0, ms = 0, pm = -1;
  let offset = NaN;
  let p = 0;
  const n = s.length;
  for (const t of f.tokens) {
    switch (t.kind) {
      case Tok.Literal:
        if (!s.startsWith(t.text, p)) return NaN;
        p += t.text.length;
        break;
      case Tok.Space:
        if (s.charCodeAt(p) !== 32) return NaN;
        while (s.charCodeAt(p) === 32) p++;
        break;
      case Tok.Year4: case Tok.Year2: {
        const v = num(s, p, t.width, t.width);
        if (v < 0) return NaN;
        year = t.kind === Tok.Year2 ? 2000 + v : v;
        p += numLen;
        break;
      }
      case Tok.Month: case Tok.Day: case Tok.Hour: case Tok.Hour12: case Tok.Minute: case Tok.Second: {
        const v = num(s, p, t.width, 2);
        if (v < 0) return NaN;
        p += numLen;
        if (t.kind === Tok.Month) month = v;
        else if (t.kind === Tok.Day) day = v;
        else if (t.kind === Tok.Hour || t.kind === Tok.Hour12) hour = v;
        else if (t.kind === Tok.Minute) minute = v;
        else second = v;
        break;
      }
      case Tok.MonthName: {
        month = monthAt(s, p);
        if (month === 0) return NaN;
        p += 3;
        while (p < n && ((s.charCodeAt(p) | 32) >= 97 && (s.charCodeAt(p) | 32) <= 122)) p++;
        break;
      }
      case Tok.DayName: {
        const p0 = p;
        while (p < n && ((s.charCodeAt(p) | 32) >= 97 && (s.charCodeAt(p) | 32) <= 122)) p++;
        if (p - p0 < 3) return NaN;
        break;
      }
      case Tok.Fraction: {
        let k = 0, v = 0;
        while (k < 9 && s.charCodeAt(p + k) >= 48 && s.charCodeAt(p + k) <= 57) {
          if (k < 3) v = v * 10 + (s.charCodeAt(p + k) - 48);
          k++;
        }
        if (k === 0) return NaN;
        for (let j = k; j < 3; j++) v *= 10;
        ms = v;
        p += k;
        break;
      }
      case Tok.AmPm: {
        const a = s.charCodeAt(p) | 32;
        if ((a !== 97 && a !== 112) || (s.charCodeAt(p + 1) | 32) !== 109) return NaN;
        pm = a === 112 ? 1 : 0;
        p += 2;
        break;
      }
      case Tok.Offset: {
        const c = s.charCodeAt(p);
        if (c === 90) {
          offset = 0;
          p++;
          break;
        }
        if (c !== 43 && c !== 45) return NaN;
        const h = num(s, p + 1, 2, 2);
        if (h < 0) return NaN;
        let q = p + 3;
        if (s.charCodeAt(q) === 58) q++;
        const m = num(s, q, 2, 2);
        if (m < 0) return NaN;
        offset = (c === 45 ? -1 : 1) * (h * 60 + m);
        p = q + 2;
        break;
      }
      case Tok.ZoneName: {
        if (s.startsWith('UTC', p) || s.startsWith('GMT', p)) {
          offset = 0;
          p += 3;
        } else if (s.charCodeAt(p) === 90) {
          offset = 0;
          p += 1;
        } else return NaN;
        break;
      }
    }
  }
  if (p !== n) return NaN;
  if (pm === 1 && hour < 12) hour += 12;
  else if (pm === 0 && hour === 12) hour = 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return NaN;
  if (!f.hasYear) year = inferYear(month, day, receivedAt);
  if (!Number.isNaN(offset)) return utcMs(year, month, day, hour, minute, second, ms) - offset * 60_000;
  return zonedToEpoch(year, month, day, hour, minute, second, ms, tz);
}
