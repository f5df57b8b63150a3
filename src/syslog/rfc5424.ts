/**
 * RFC 5424: `<PRI>VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP SD [SP MSG]`.
 * Scans by index; returns false when the header does not follow the grammar, so the caller can
 * fall back to the lenient RFC 3164 reading and flag the message.
 */
import type { SyslogMessage } from '../core/types.js';
import { SyslogFlag } from '../core/types.js';
import { readIsoStamp, stamp } from './timestamp.js';
import { record } from '../core/null-proto.js';

/** Reads one header field up to the next space; null for the NILVALUE `-`. Sets `fieldEnd`. */
let fieldEnd = 0;
function field(s: string, i: number, max: number): string | null | undefined {
  let j = i;
  const n = s.length;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (c === 32) break;
    if (c < 33 || c > 126) return undefined; // PRINTUSASCII only
    j++;
  }
  if (j === i || j - i > max) return undefined;
  fieldEnd = j;
  if (j - i === 1 && s.charCodeAt(i) === 45) return null;
  return s.slice(i, j);
}

/**
 * Structured data at i. Returns the end index, or -1 when malformed; the result in `sdOut`. SD-IDs
 * and parameter names are the sender's words (`__proto__`, `constructor`): both levels are
 * objects that inherit nothing (record()), where such names are plain keys.
 */
let sdOut: Record<string, Record<string, string>> | null = null;
function readSd(s: string, i: number): number {
  if (s.charCodeAt(i) === 45) {
    sdOut = null;
    return i + 1;
  }
  if (s.charCodeAt(i) !== 91) return -1;
  const out = record<Record<string, string>>();
  let p = i;
  const n = s.length;
  while (p < n && s.charCodeAt(p) === 91) {
    p++;
    const idStart = p;
    while (p < n) {
      const c = s.charCodeAt(p);
      if (c === 32 || c === 93 || c === 61 || c === 34 || c < 33 || c > 126) break;
      p++;
    }
    if (p === idStart || p - idStart > 32) return -1;
    const id = s.slice(idStart, p);
    const params = out[id] ?? record<string>();
    while (p < n && s.charCodeAt(p) === 32) {
      p++;
      const nameStart = p;
      while (p < n) {
        const c = s.charCodeAt(p);
        if (c === 61 || c === 32 || c === 93 || c === 34 || c < 33 || c > 126) break;
        p++;
      }
      if (p === nameStart || p - nameStart > 32 || s.charCodeAt(p) !== 61) return -1;
      const name = s.slice(nameStart, p);
      p++;
      // tolerate spaces after `=` (some senders write `name= "value"`)
      while (s.charCodeAt(p) === 32 && p - nameStart < 64) p++;
      if (s.charCodeAt(p) !== 34) return -1;
      p++;
      let value = '';
      let chunk = p;
      for (;;) {
        if (p >= n) return -1;
        const c = s.charCodeAt(p);
        if (c === 92 /* \ */) {
          const e = s.charCodeAt(p + 1);
          if (e === 34 || e === 92 || e === 93) {
            value += s.slice(chunk, p);
            chunk = p + 1;
            p += 2;
            continue;
          }
          p++;
          continue;
        }
        if (c === 34) break;
        p++;
      }
      value += s.slice(chunk, p);
      p++;
      params[name] = value;
    }
    if (s.charCodeAt(p) !== 93) return -1;
    p++;
    out[id] = params;
  }
  sdOut = out;
  return p;
}

/**
 * Parses the RFC 5424 header that starts at `i` (just after `<PRI>`) into `m`.
 * Returns false (and leaves `m` untouched) when the header is not RFC 5424.
 */
export function parse5424(s: string, i: number, m: SyslogMessage, tz: string): boolean {
  // VERSION: 1-3 digits, first non-zero, then SP
  let p = i;
  let version = 0;
  const c0 = s.charCodeAt(p);
  if (c0 < 49 || c0 > 57) return false;
  while (p < i + 3 && s.charCodeAt(p) >= 48 && s.charCodeAt(p) <= 57) {
    version = version * 10 + s.charCodeAt(p) - 48;
    p++;
  }
  if (s.charCodeAt(p) !== 32) return false;
  p++;
  // TIMESTAMP
  let ts = NaN;
  let tsText: string | null = null;
  let hasZone = false;
  if (s.charCodeAt(p) === 45 && s.charCodeAt(p + 1) === 32) {
    p += 1;
  } else {
    const end = readIsoStamp(s, p, tz, true);
    if (end < 0 || s.charCodeAt(end) !== 32) return false;
    ts = stamp.ms;
    m.timestampUs = stamp.us;
    hasZone = stamp.hasZone;
    tsText = s.slice(p, end);
    p = end;
  }
  if (s.charCodeAt(p) !== 32) return false;
  p++;
  const hostname = field(s, p, 255);
  if (hostname === undefined || s.charCodeAt(fieldEnd) !== 32) return false;
  p = fieldEnd + 1;
  const appname = field(s, p, 48);
  if (appname === undefined || s.charCodeAt(fieldEnd) !== 32) return false;
  p = fieldEnd + 1;
  const procid = field(s, p, 128);
  if (procid === undefined || s.charCodeAt(fieldEnd) !== 32) return false;
  p = fieldEnd + 1;
  const msgid = field(s, p, 32);
  if (msgid === undefined || s.charCodeAt(fieldEnd) !== 32) return false;
  p = fieldEnd + 1;
  const sdEnd = readSd(s, p);
  if (sdEnd < 0) return false;
  let message = '';
  if (sdEnd < s.length) {
    if (s.charCodeAt(sdEnd) !== 32) return false;
    message = s.slice(sdEnd + 1);
  }
  m.format = 'rfc5424';
  m.version = version;
  m.timestamp = ts;
  m.timestampText = tsText;
  m.timestampHasZone = hasZone;
  if (Number.isNaN(ts)) m.flags |= SyslogFlag.NoTimestamp;
  m.hostname = hostname;
  m.appname = appname;
  m.procid = procid;
  m.msgid = msgid;
  m.structuredData = sdOut;
  m.message = message;
  m.content = message;
  return true;
}
