/**
 * Syslog codec entry: decodes a frame's bytes and parses the header as RFC 5424 when it is one,
 * else as lenient RFC 3164. Never throws; what it cannot read stays in `message` and is flagged.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import type { SyslogMessage } from '../core/types.js';
import { SyslogFlag } from '../core/types.js';
import { readPri } from './pri.js';
import { parse5424 } from './rfc5424.js';
import { parse3164 } from './rfc3164.js';

/** Decodes bytes as UTF-8; sets SyslogFlag.InvalidUtf8 in the returned flags when they were not. */
export function decode(data: Buffer): { text: string; flags: number } {
  // trailing LF/CR/NUL are framing leftovers (senders that octet-count a newline-terminated line)
  let end = data.length;
  while (end > 0) {
    const c = data[end - 1];
    if (c === 10 || c === 13 || c === 0) end--;
    else break;
  }
  // ASCII (one native scan): decoded as latin1, which is the same text and needs no check for
  // replacement characters
  if (isAscii(data)) return { text: data.toString('latin1', 0, end), flags: SyslogFlag.Ascii };
  // toString with bounds: no subarray (a Buffer object) per message
  const text = data.toString('utf8', 0, end);
  let flags = 0;
  if (text.indexOf('\uFFFD') >= 0 && !isUtf8(data)) flags |= SyslogFlag.InvalidUtf8;
  return { text, flags };
}

function emptyMessage(raw: string, flags: number): SyslogMessage {
  return {
    format: 'none',
    priority: -1,
    facility: -1,
    severity: -1,
    version: -1,
    timestamp: NaN,
    timestampUs: 0,
    timestampText: null,
    timestampHasZone: false,
    hostname: null,
    appname: null,
    procid: null,
    msgid: null,
    structuredData: null,
    sequence: null,
    message: raw,
    content: raw,
    raw,
    flags,
  };
}

/**
 * Parses one syslog message. `tz` is the zone for stamps without one (IANA name or offset);
 * `receivedAt` (epoch ms) resolves the year of year-less stamps.
 */
export function parseSyslog(raw: string, flags: number, tz: string, receivedAt: number): SyslogMessage {
  const m = emptyMessage(raw, flags);
  let start = 0;
  if (raw.charCodeAt(0) === 0xfeff) {
    m.flags |= SyslogFlag.Bom;
    start = 1;
  }
  // tolerate leading whitespace some relays add before the PRI
  while (start < raw.length && (raw.charCodeAt(start) === 32 || raw.charCodeAt(start) === 9) && start < 8) start++;
  const pri = readPri(raw, start);
  let p = start;
  if (pri >= 0) {
    m.priority = pri >> 10;
    m.facility = m.priority >> 3;
    m.severity = m.priority & 7;
    p = pri & 1023;
    if (parse5424(raw, p, m, tz)) return m;
    const v = raw.charCodeAt(p);
    // looked like a 5424 version: flag the malformed header, then read leniently
    if (v >= 49 && v <= 57 && raw.charCodeAt(p + 1) === 32) m.flags |= SyslogFlag.Malformed5424;
  } else {
    // RFC 3164 4.3.3: a message without PRI is user.notice (13); flagged so it can be told apart
    m.flags |= SyslogFlag.NoPri;
    m.priority = 13;
    m.facility = 1;
    m.severity = 5;
    // RFC 5424 whose PRI a relay or a file writer cut off: `1 2024-03-15T10:00:00Z host app ...`
    if (raw.charCodeAt(p) === 49 && raw.charCodeAt(p + 1) === 32 && parse5424(raw, p, m, tz)) return m;
  }
  parse3164(raw, p, m, tz, receivedAt);
  return m;
}
