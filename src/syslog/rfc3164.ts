/**
 * RFC 3164 as real devices send it: `[<PRI>][seq: ][*|.]TIMESTAMP[:] [HOSTNAME] [TAG[PID]:] MSG`,
 * with the common departures: no PRI, no timestamp, no hostname, a year or ISO 8601 stamp, Cisco
 * sequence numbers and clock-sync markers, `%ASA-...:` tags without a hostname, and
 * `Message forwarded from HOST:`. Lenient by design: whatever cannot be read stays in MSG.
 */
import type { SyslogMessage } from '../core/types.js';
import { SyslogFlag } from '../core/types.js';
import { read3164Stamp, stamp } from './timestamp.js';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Characters a hostname token may have: letters, digits, `.`, `-`, `_`, `:` (IPv6), `@`. */
function isHostChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ||
    c === 46 || c === 45 || c === 95 || c === 58 || c === 64;
}

/** Characters of a program name in a tag. */
function isTagChar(c: number): boolean {
  return c > 32 && c < 127 && c !== 58 && c !== 91 && c !== 93;
}

/** Reads `TAG[PID]:` or `TAG:` at i into m; returns the index after the tag and its colon, or -1. */
function readTag(s: string, i: number, m: SyslogMessage): number {
  const n = s.length;
  let p = i;
  while (p < n && p - i <= 128 && isTagChar(s.charCodeAt(p))) p++;
  if (p === i) return -1;
  const c = s.charCodeAt(p);
  if (c === 91) {
    const pidStart = p + 1;
    const close = s.indexOf(']', pidStart);
    if (close < 0 || close - pidStart > 128) return -1;
    const afterPid = close + 1;
    if (s.charCodeAt(afterPid) !== 58 && !(afterPid === n || s.charCodeAt(afterPid) === 32)) return -1;
    m.appname = s.slice(i, p);
    m.procid = close > pidStart ? s.slice(pidStart, close) : null;
    return s.charCodeAt(afterPid) === 58 ? afterPid + 1 : afterPid;
  }
  if (c === 58) {
    m.appname = s.slice(i, p);
    return p + 1;
  }
  return -1;
}

/** Reads `Message forwarded from HOST:` at i; returns index after it or -1. */
const FORWARDED = 'Message forwarded from ';
function readForwarded(s: string, i: number, m: SyslogMessage): number {
  if (!s.startsWith(FORWARDED, i)) return -1;
  const start = i + FORWARDED.length;
  const colon = s.indexOf(':', start);
  if (colon < 0) return -1;
  const end = colon + 1 < s.length && s.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1;
  m.hostname = s.slice(start, colon);
  return end;
}

function skipSpaces(s: string, i: number): number {
  while (s.charCodeAt(i) === 32) i++;
  return i;
}

/** Parses from `i` (just after the PRI, or 0) into m. Never fails: unread text becomes MSG. */
export function parse3164(s: string, i: number, m: SyslogMessage, tz: string, receivedAt: number): void {
  m.format = (m.flags & SyslogFlag.NoPri) === 0 ? 'rfc3164' : 'none';
  const n = s.length;
  let p = skipSpaces(s, i);
  // Cisco sequence number: `000123: ` (only when a stamp or `%` follows, so plain numbers stay MSG)
  if (isDigit(s.charCodeAt(p))) {
    let q = p;
    while (q < n && q - p < 12 && isDigit(s.charCodeAt(q))) q++;
    if (s.charCodeAt(q) === 58 && s.charCodeAt(q + 1) === 32) {
      const after = q + 2;
      const c = s.charCodeAt(after);
      if (c === 42 || c === 46 || c === 37 || read3164Stamp(s, after, tz, receivedAt) >= 0 || looksLikeHostThenStamp(s, after, tz, receivedAt)) {
        m.sequence = s.slice(p, q);
        p = after;
      }
    }
  }
  // Cisco origin-id hostname before the stamp: `R1: *Mar  1 ...`
  let tsEnd = read3164Stamp(s, p, tz, receivedAt);
  if (tsEnd < 0 && m.sequence !== null) {
    const h = hostBeforeStamp(s, p, tz, receivedAt);
    if (h > 0) {
      m.hostname = s.slice(p, h - 2);
      p = h;
      tsEnd = read3164Stamp(s, p, tz, receivedAt);
    }
  }
  if (tsEnd >= 0) {
    m.timestamp = stamp.ms;
    m.timestampUs = stamp.us;
    m.timestampHasZone = stamp.hasZone;
    if (stamp.yearInferred) m.flags |= SyslogFlag.YearInferred;
    m.timestampText = s.slice(p, tsEnd);
    p = tsEnd;
    if (s.charCodeAt(p) === 58) p++; // Cisco `...123:` after the stamp
  } else {
    m.flags |= SyslogFlag.NoTimestamp;
    // no stamp: all after PRI is MSG, except a leading `tag:` / `tag[pid]:`
    m.content = s.slice(p);
    const t = (m.flags & SyslogFlag.NoPri) === 0 ? readTag(s, p, m) : -1;
    if (t >= 0 && s.charCodeAt(t - 1) === 58 && (t === n || s.charCodeAt(t) === 32)) {
      m.message = s.slice(skipOne(s, t));
    } else {
      m.appname = null;
      m.procid = null;
      m.message = m.content;
    }
    return;
  }
  if (p >= n) {
    m.message = '';
    m.content = '';
    return;
  }
  if (s.charCodeAt(p) !== 32) {
    // a stamp glued to text: keep the text as MSG
    m.message = s.slice(p);
    m.content = m.message;
    return;
  }
  p = skipSpaces(s, p);
  const fwd = readForwarded(s, p, m);
  if (fwd >= 0) {
    p = skipSpaces(s, fwd);
  } else if (s.charCodeAt(p) !== 37 /* % */) {
    // HOSTNAME unless the token is itself a tag (`sshd[12]:`, `su:`)
    let q = p;
    while (q < n && isHostChar(s.charCodeAt(q))) q++;
    const endsToken = q === n || s.charCodeAt(q) === 32;
    const isTag = q > p && s.charCodeAt(q - 1) === 58 && endsToken;
    if (q > p && endsToken && !isTag) {
      m.hostname = s.slice(p, q);
      p = skipSpaces(s, q);
      if (p >= n) {
        m.message = '';
        m.content = '';
        return;
      }
    }
  }
  m.content = s.slice(p);
  let t = readTag(s, p, m);
  if (t < 0 && m.hostname !== null) t = readBareTag(s, p, m);
  if (t >= 0) p = skipOne(s, t);
  m.message = t >= 0 ? s.slice(p) : m.content;
}

/**
 * After a hostname, a first word without a colon is still the tag (as rsyslog and Vector read it:
 * `host -- MARK --`), unless it holds `=` or `"` (the start of a key=value payload).
 */
function readBareTag(s: string, i: number, m: SyslogMessage): number {
  let p = i;
  const n = s.length;
  while (p < n && p - i <= 128) {
    const c = s.charCodeAt(p);
    if (c === 32 || c === 61 || c === 34 || c < 32 || c === 127) break;
    p++;
  }
  if (p === i || (p < n && s.charCodeAt(p) !== 32)) return -1;
  m.appname = s.slice(i, p);
  return p;
}

function skipOne(s: string, i: number): number {
  return s.charCodeAt(i) === 32 ? i + 1 : i;
}

/** `HOST: <stamp>` at i: returns the index of the stamp, or -1. */
function hostBeforeStamp(s: string, i: number, tz: string, receivedAt: number): number {
  let q = i;
  while (q < s.length && q - i < 256 && isHostChar(s.charCodeAt(q)) && s.charCodeAt(q) !== 58) q++;
  if (q === i || s.charCodeAt(q) !== 58 || s.charCodeAt(q + 1) !== 32) return -1;
  const at = q + 2;
  return read3164Stamp(s, at, tz, receivedAt) >= 0 ? at : -1;
}

function looksLikeHostThenStamp(s: string, i: number, tz: string, receivedAt: number): boolean {
  return hostBeforeStamp(s, i, tz, receivedAt) > 0;
}
