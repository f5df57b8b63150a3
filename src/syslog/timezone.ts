/**
 * Wall-clock time in a zone -> epoch milliseconds. A zone is `UTC`/`Z`, a fixed offset (`+02:00`,
 * `-0500`, `+09`) or an IANA name (`Europe/Paris`). Offsets of IANA zones come from Intl and are
 * cached per zone and hour; the two hours last asked for in a zone are answered without a lookup
 * (a stream of events is mostly within one hour), so the per-message cost is two Map lookups by
 * the zone's name (is it a fixed offset, then its offsets).
 */

const fixedCache = new Map<string, number>();
const formatters = new Map<string, Intl.DateTimeFormat>();

/** One IANA zone's offsets by hour (UTC-based hour number -> minutes). */
class ZoneOffsets {
  h0 = NaN;
  o0 = 0;
  h1 = NaN;
  o1 = 0;
  readonly byHour = new Map<number, number>();
  constructor(readonly tz: string) {}
}
const zones = new Map<string, ZoneOffsets>();
// bounds: 256 zones of 512 hours (three weeks of distinct hours each) at most
const ZONES_MAX = 256;
const HOURS_PER_ZONE_MAX = 512;

/** the zone of the last parseFixedOffset() call and its answer (one sender's zone, message after message) */
let lastFixedTz = '';
let lastFixed = NaN;

/** Parses a fixed offset (`+02:00`, `-0500`, `+09`, `Z`, `UTC`, `GMT`) into minutes; NaN when not one. */
export function parseFixedOffset(tz: string): number {
  if (tz === lastFixedTz) return lastFixed;
  let cached = fixedCache.get(tz);
  if (cached === undefined) {
    cached = readFixedOffset(tz);
    if (fixedCache.size < 1024) fixedCache.set(tz, cached);
  }
  lastFixedTz = tz;
  lastFixed = cached;
  return cached;
}

function readFixedOffset(tz: string): number {
  let minutes = NaN;
  const t = tz.trim();
  if (t === 'Z' || t === 'UTC' || t === 'GMT' || t === 'Etc/UTC' || t === 'UT' || t === 'z') minutes = 0;
  else {
    let s = t;
    if (s.startsWith('UTC') || s.startsWith('GMT')) s = s.slice(3);
    const c = s.charCodeAt(0);
    if ((c === 43 || c === 45) && s.length >= 2) {
      const sign = c === 45 ? -1 : 1;
      const body = s.slice(1).replace(':', '');
      if (/^\d{1,4}$/.test(body)) {
        let h: number, m: number;
        if (body.length <= 2) { h = +body; m = 0; } else { h = +body.slice(0, body.length - 2); m = +body.slice(-2); }
        if (h <= 18 && m < 60) minutes = sign * (h * 60 + m);
      }
    }
  }
  return minutes;
}

/** True when `tz` names a zone this module can use. */
export function isValidTimezone(tz: string): boolean {
  if (!Number.isNaN(parseFixedOffset(tz))) return true;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Offset in minutes of an IANA zone at the instant `utcMs`. */
function ianaOffsetAt(z: ZoneOffsets, utcMs: number): number {
  const hour = Math.floor(utcMs / 3_600_000);
  if (hour === z.h0) return z.o0;
  if (hour === z.h1) return z.o1;
  let off = z.byHour.get(hour);
  if (off === undefined) {
    off = computeOffset(z.tz, hour);
    if (z.byHour.size >= HOURS_PER_ZONE_MAX) z.byHour.clear();
    z.byHour.set(hour, off);
  }
  z.h1 = z.h0;
  z.o1 = z.o0;
  z.h0 = hour;
  z.o0 = off;
  return off;
}

function computeOffset(tz: string, hour: number): number {
  const parts = formatter(tz).formatToParts(new Date(hour * 3_600_000));
  let y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  for (const p of parts) {
    switch (p.type) {
      case 'year': y = +p.value; break;
      case 'month': mo = +p.value; break;
      case 'day': d = +p.value; break;
      case 'hour': h = +p.value; break;
      case 'minute': mi = +p.value; break;
      case 'second': s = +p.value; break;
      default: break;
    }
  }
  return Math.round((Date.UTC(y, mo - 1, d, h, mi, s) - hour * 3_600_000) / 60_000);
}

function zoneOffsets(tz: string): ZoneOffsets {
  let z = zones.get(tz);
  if (z === undefined) {
    formatter(tz); // throws for a zone Intl does not know (before anything is cached)
    z = new ZoneOffsets(tz);
    if (zones.size >= ZONES_MAX) zones.clear();
    zones.set(tz, z);
  }
  return z;
}

/** Offset in minutes of `tz` for the wall-clock time `localMs` (a UTC-based epoch of the wall clock). */
export function offsetForLocal(tz: string, localMs: number): number {
  const fixed = parseFixedOffset(tz);
  if (!Number.isNaN(fixed)) return fixed;
  let off: number;
  try {
    const z = zoneOffsets(tz);
    off = ianaOffsetAt(z, localMs);
    const off2 = ianaOffsetAt(z, localMs - off * 60_000);
    if (off2 !== off) off = off2;
  } catch {
    return 0;
  }
  return off;
}

/** Epoch milliseconds of a wall-clock time in `tz` (month 1-12). */
export function zonedToEpoch(
  year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, tz: string,
): number {
  const local = utcMs(year, month, day, hour, minute, second, ms);
  return local - offsetForLocal(tz, local) * 60_000;
}

/** Formats an offset in minutes as `+hh:mm`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  const h = Math.floor(a / 60), m = a % 60;
  return sign + (h < 10 ? '0' : '') + h + ':' + (m < 10 ? '0' : '') + m;
}

// the minute of the last utcMs() call: a busy sender writes the same minute in message after message
let lastY = NaN, lastMo = 0, lastD = 0, lastH = 0, lastMi = 0, lastMinuteMs = NaN;

/**
 * `Date.UTC(year, month - 1, day, hour, minute, second, ms)` (month 1-12), with the minute's start
 * kept from the last call: Date.UTC costs 60-90 ns a call here, and the time of
 * day is linear in its fields (ECMA-262 MakeTime), so the cached minute plus seconds and
 * milliseconds is the same number.
 */
export function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  // Date.UTC truncates fractions (and gives NaN for NaN): such fields go to it as they are
  if ((second | 0) !== second || (ms | 0) !== ms) return Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (year !== lastY || month !== lastMo || day !== lastD || hour !== lastH || minute !== lastMi) {
    lastMinuteMs = Date.UTC(year, month - 1, day, hour, minute);
    lastY = year;
    lastMo = month;
    lastD = day;
    lastH = hour;
    lastMi = minute;
  }
  const t = lastMinuteMs + second * 1000 + ms;
  // TimeClip: beyond 8.64e15 ms (year 275760) Date.UTC says NaN
  return t > 8.64e15 || t < -8.64e15 ? NaN : t;
}
