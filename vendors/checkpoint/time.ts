/**
 * Time helpers for Check Point: the event timezone as Elastic normalises it, the `time` field
 * (epoch seconds, epoch milliseconds or ISO 8601), and `subs_exp` (`Mon Mar 30 00:00:00 2020`).
 */
import { formatOffset, parseFixedOffset } from '../../src/syslog/timezone.js';
import { monthAt, readIsoStamp, stamp } from '../../src/syslog/timestamp.js';
import { zonedToEpoch } from '../../src/syslog/timezone.js';

/** `+0500` -> `+05:00`, `-5:00` -> `-05:00`; names (`UTC`, `Europe/Paris`) unchanged. */
export function normaliseZone(tz: string): string {
  const c = tz.charCodeAt(0);
  if (c === 43 || c === 45) {
    const m = parseFixedOffset(tz);
    if (!Number.isNaN(m)) return formatOffset(m);
  }
  return tz;
}

/** Epoch ms of a Check Point `time` value; NaN when unreadable. */
export function cpTime(v: string, tz: string): number {
  if (/^\d{1,19}$/.test(v)) {
    const n = Number(v);
    return v.length > 10 ? n : n * 1000;
  }
  const end = readIsoStamp(v, 0, tz, false);
  return end === v.length ? stamp.ms : NaN;
}

/** `EEE MMM d HH:mm:ss yyyy`, ISO 8601 or epoch seconds; epoch ms or NaN. */
export function subsExp(v: string, tz: string): number {
  if (/^\d{1,12}$/.test(v)) return Number(v) * 1000;
  const m = /^[A-Za-z]{3} +([A-Za-z]{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/.exec(v);
  if (m) {
    const mo = monthAt(m[1]!, 0);
    if (!mo) return NaN;
    return zonedToEpoch(+m[6]!, mo, +m[2]!, +m[3]!, +m[4]!, +m[5]!, 0, tz);
  }
  const end = readIsoStamp(v, 0, tz, false);
  return end === v.length ? stamp.ms : NaN;
}
