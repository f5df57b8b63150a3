/**
 * Lines as relays and files hand them on: a relay's own stamp and host in front of a device's RFC
 * 5424 header (rsyslog's and syslog-ng's file and forward templates keep the device line as MSG),
 * and rsyslog's repeat wrapper `message repeated N times: [ MSG ]`. Both run after the header
 * parse, by charCodeAt and startsWith on the parsed message; nothing here allocates for a line
 * that has neither.
 */
import type { SyslogMessage } from '../core/types.js';
import { SyslogFlag } from '../core/types.js';
import { readPri } from './pri.js';
import { parse5424 } from './rfc5424.js';

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * After a relay's `STAMP HOST`, the CONTENT may itself be a device's RFC 5424 line
 * (`[<PRI>]1 2024-03-15T10:00:00Z srx RT_FLOW - ...`): then the device's header wins (its time,
 * host, app, structured data); the relay's stamp stays only when the device wrote none.
 */
export function readRelayed5424(m: SyslogMessage, tz: string): void {
  if (m.format === 'rfc5424' || m.hostname === null) return;
  const c = m.content;
  let i = 0;
  let pri = -1;
  if (c.charCodeAt(0) === 60) {
    pri = readPri(c, 0);
    if (pri < 0) return;
    i = pri & 1023;
  }
  const v = c.charCodeAt(i);
  if (v < 49 || v > 57 || c.charCodeAt(i + 1) !== 32) return;
  const n = c.charCodeAt(i + 2);
  if (!isDigit(n) && n !== 45) return;
  const relayTs = m.timestamp, relayUs = m.timestampUs, relayText = m.timestampText, relayZone = m.timestampHasZone;
  if (!parse5424(c, i, m, tz)) {
    m.timestampUs = relayUs;
    return;
  }
  if (pri >= 0) {
    m.priority = pri >> 10;
    m.facility = m.priority >> 3;
    m.severity = m.priority & 7;
    m.flags &= ~SyslogFlag.NoPri;
  }
  if (Number.isNaN(m.timestamp) && !Number.isNaN(relayTs)) {
    m.timestamp = relayTs;
    m.timestampUs = relayUs;
    m.timestampText = relayText;
    m.timestampHasZone = relayZone;
    m.flags &= ~SyslogFlag.NoTimestamp;
  }
}

const REPEATED = 'message repeated ';
/** how far into MSG a tag may put the wrapper (`%ASA-2-106006: message repeated ...`) */
const REPEATED_WITHIN = 160;

/**
 * rsyslog's repeat reduction writes `message repeated N times: [ MSG]` for N identical lines
 * (also after a tag such as `%ASA-2-106006:`): MSG and CONTENT become the repeated text, and the
 * message is flagged Repeated. The count is part of event.original.
 */
export function unwrapRepeated(m: SyslogMessage): void {
  const msg = m.message;
  // the wrapper ends the message: no `]` at the end, no search
  let end = msg.length;
  while (end > 0 && msg.charCodeAt(end - 1) === 32) end--;
  if (msg.charCodeAt(end - 1) !== 93) return;
  let at: number;
  if (msg.charCodeAt(0) === 109 && msg.startsWith(REPEATED)) at = 0;
  else {
    const k = msg.lastIndexOf(': ' + REPEATED, REPEATED_WITHIN);
    if (k < 0) return;
    at = k + 2;
  }
  let p = at + REPEATED.length;
  const d0 = p;
  while (p < msg.length && p - d0 < 10 && isDigit(msg.charCodeAt(p))) p++;
  if (p === d0 || !msg.startsWith(' times: [', p) || end <= p + 9) return;
  let a = p + 9;
  let b = end - 1;
  if (msg.charCodeAt(a) === 32) a++;
  if (b > a && msg.charCodeAt(b - 1) === 32) b--;
  const inner = msg.slice(0, at) + msg.slice(a, b);
  if (m.content.length >= msg.length && m.content.endsWith(msg)) {
    m.content = m.content.slice(0, m.content.length - msg.length) + inner;
  } else {
    m.content = inner;
  }
  m.message = inner;
  m.flags |= SyslogFlag.Repeated;
}
