/**
 * Wall-clock time in a zone -> epoch milliseconds. A zone is `UTC`/`Z`, a fixed offset (`+02:00`,
 * `-0500`, `+09`) or an IANA name (`Europe/Paris`). Offsets of IANA zones come from Intl and are
 * cached per zone and hour, so the per-message cost is a map lookup.
 */

const fixedCache = new Map<string, number>();
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();
const OFFSET_CACHE_MAX = 4096;

/** Parses a fixed offset (`+02:00`, `-0500`, `+09`, `Z`, `UTC`, `GMT`) into minutes; NaN when not one. */
export function parseFixedOffset(tz: string): number {
  const cached = fixedCache.get(tz);
  if (cached !== undefined) return cached;
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
  if (fixedCache.size < 1024) fixedCache.set(tz, minutes);
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
function ianaOffsetAt(tz: string, utcMs: number): number {
  const hour = Math.floor(utcMs / 3_600_000);
  const key = tz + '|' + hour;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
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
  const off = Math.round((Date.UTC(y, mo - 1, d, h, mi, s) - hour * 3_600_000) / 60_000);
  if (offsetCache.size >= OFFSET_CACHE_MAX) offsetCache.clear();
  offsetCache.set(key, off);
  return off;
}

/** Offset in minutes of `tz` for the wall-clock time `localMs` (a UTC-based epoch of the wall clock). */
export function offsetForLocal(tz: string, localMs: number): number {
  const fixed = parseFixedOffset(tz);
  if (!Number.isNaN(fixed)) return fixed;
  let off: number;
  try {
    off = ianaOffsetAt(tz, localMs);
    const off2 = ianaOffsetAt(tz, localMs - off * 60_000);
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
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  return local - offsetForLocal(tz, local) * 60_000;
}

/** Formats an offset in minutes as `+hh:mm`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  const h = Math.floor(a / 60), m = a % 60;
  return sign + (h < 10 ? '0' : '') + h + ':' + (m < 10 ? '0' : '') + m;
}
