/**
 * FortiOS times: `date=2024-05-01 time=13:45:10` in the device zone (`tz="+0200"`, sometimes
 * `tz="GMT+2:00"`), and `eventtime=` as epoch seconds, milliseconds, microseconds or nanoseconds.
 */
import { readIsoStamp, stamp } from '../../src/syslog/timestamp.js';
import { isValidTimezone, parseFixedOffset } from '../../src/syslog/timezone.js';

const zoneCache = new Map<string, string | null>();

/**
 * The device zone as Elastic writes `event.timezone`: a leading abbreviation before an offset is
 * dropped and the offset padded (`GMT+2:00` -> `+0200`, `UTC-05:30` -> `-0530`); anything else as written.
 */
export function normalizeTz(tz: string): string {
  const m = /^[A-Z]{1,4}([+-])(\d{1,2}):?(\d{2})$/.exec(tz);
  if (m === null) return tz;
  return m[1]! + (m[2]!.length === 1 ? '0' : '') + m[2]! + m[3]!;
}

/** A zone the time helpers can use, or null. */
export function usableZone(tz: string): string | null {
  let z = zoneCache.get(tz);
  if (z !== undefined) return z;
  z = !Number.isNaN(parseFixedOffset(tz)) || isValidTimezone(tz) ? tz : null;
  if (zoneCache.size < 256) zoneCache.set(tz, z);
  return z;
}

/** Epoch ms of `date` + `time` read in `tz`; NaN when unreadable. */
export function dateTimeMs(date: string, time: string, tz: string): number {
  if (date.length !== 10 || time.length < 8 || time.length > 15) return NaN;
  const s = date + ' ' + time;
  return readIsoStamp(s, 0, tz, false) === s.length ? stamp.ms : NaN;
}

/**
 * Epoch ms of `eventtime`. Elastic cuts 19-digit nanosecond stamps to milliseconds and reads
 * anything longer than 11 digits as milliseconds; microsecond stamps (16 digits) are read as such here.
 */
export function eventTimeMs(v: string): number {
  const n = v.length;
  if (n === 0 || n > 19) return NaN;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
  }
  if (n > 18) return Number(v.slice(0, n - 6));
  if (n >= 15) return Math.floor(Number(v.slice(0, n - 3)));
  if (n > 11) return Number(v);
  return Number(v) * 1000;
}
