/**
 * The ECS document every event starts from: the syslog header fields, `event.original`, the
 * receive time and the sender. Vendor parsers then add to (or override) it.
 */
import type { EcsDoc, Frame, SyslogMessage } from '../core/types.js';
import { SyslogFlag } from '../core/types.js';
import { FACILITY_NAMES, SEVERITY_LEVELS, SEVERITY_NAMES } from '../syslog/pri.js';
import { formatOffset, offsetForLocal, parseFixedOffset } from '../syslog/timezone.js';

/** Flags worth a tag in the document, in bit order. */
const FLAG_TAGS: readonly [number, string][] = [
  [SyslogFlag.InvalidUtf8, 'invalid_utf8'],
  [SyslogFlag.Truncated, 'truncated'],
  [SyslogFlag.Malformed5424, 'malformed_rfc5424'],
  [SyslogFlag.Repeated, 'repeated'],
];
const FLAG_TAG_BITS = FLAG_TAGS.reduce((a, [bit]) => a | bit, 0);

/**
 * `new Date(ms).toISOString()`, reusing the formatted second: a direct-mapped cache by epoch
 * second. A document carries several times (receive time, device time, start/end), mostly a few
 * seconds apart, and bursts share them, so nearly every call is a hit.
 */
const ISO_SLOTS = 256;
const isoSecs = new Float64Array(ISO_SLOTS).fill(NaN);
const isoPrefixes: string[] = new Array<string>(ISO_SLOTS).fill('');

/** and the whole string by millisecond: the events of a burst share their receive (and often device) time */
const MS_SLOTS = 256;
const msKeys = new Float64Array(MS_SLOTS).fill(NaN);
const msStrings: string[] = new Array<string>(MS_SLOTS).fill('');

export function isoTime(ms: number): string {
  if (!Number.isInteger(ms) || ms < -8.64e15 || ms > 8.64e15) return new Date(ms).toISOString();
  const mslot = ms & (MS_SLOTS - 1);
  if (msKeys[mslot] === ms) return msStrings[mslot]!;
  const iso = formatIso(ms);
  msKeys[mslot] = ms;
  msStrings[mslot] = iso;
  return iso;
}

function formatIso(ms: number): string {
  const sec = Math.floor(ms / 1000);
  const slot = sec & (ISO_SLOTS - 1);
  let prefix: string;
  if (isoSecs[slot] === sec) prefix = isoPrefixes[slot]!;
  else {
    const iso = new Date(sec * 1000).toISOString();
    if (iso.length !== 24) return new Date(ms).toISOString(); // years outside 0000-9999
    prefix = iso.slice(0, 20);
    isoSecs[slot] = sec;
    isoPrefixes[slot] = prefix;
  }
  const frac = ms - sec * 1000;
  return prefix + (frac < 10 ? '00' : frac < 100 ? '0' : '') + frac + 'Z';
}

/**
 * ISO 8601 in the offset `tz` has at that instant (`Z` when it is 0), as Elasticsearch's date
 * processor writes a date parsed with a `timezone`: `2024-03-14T03:00:00.000-05:00`.
 */
export function isoTimeIn(ms: number, tz: string): string {
  let off = parseFixedOffset(tz);
  if (Number.isNaN(off)) {
    off = offsetForLocal(tz, ms);
    off = offsetForLocal(tz, ms + off * 60_000);
  }
  if (off === 0 || Number.isNaN(off)) return isoTime(ms);
  return isoTime(ms + off * 60_000).slice(0, -1) + formatOffset(off);
}

/** ISO 8601 in UTC with microseconds when the stamp had them. */
export function isoTimeUs(ms: number, us: number): string {
  const iso = isoTime(ms);
  if (us === 0) return iso;
  return iso.slice(0, 23) + String(us).padStart(3, '0') + 'Z';
}

let lastIp = '', lastPort = -1, lastAddress = '';

/** `ip:port` of the sender; the same string while frames keep coming from one sender */
function senderAddress(ip: string, port: number): string {
  if (ip !== lastIp || port !== lastPort) {
    lastIp = ip;
    lastPort = port;
    lastAddress = ip + ':' + port;
  }
  return lastAddress;
}

/** Builds the base document of a parsed message. */
export function baseDocument(m: SyslogMessage, frame: Frame, timezone: string): EcsDoc {
  const syslog: EcsDoc = {};
  const hasPri = (m.flags & SyslogFlag.NoPri) === 0;
  // without a PRI the message is user.notice (RFC 3164 4.3.3), but log.level is left to the vendor
  {
    syslog.priority = m.priority;
    syslog.facility = { code: m.facility, name: FACILITY_NAMES[m.facility] };
    syslog.severity = { code: m.severity, name: SEVERITY_NAMES[m.severity] };
  }
  if (m.hostname !== null) syslog.hostname = m.hostname;
  if (m.appname !== null) syslog.appname = m.appname;
  if (m.procid !== null) syslog.procid = m.procid;
  if (m.msgid !== null) syslog.msgid = m.msgid;
  if (m.version >= 0) syslog.version = String(m.version);
  if (m.structuredData !== null) syslog.structured_data = m.structuredData;

  const hasTs = !Number.isNaN(m.timestamp);
  const event: EcsDoc = { original: m.raw, created: isoTime(frame.receivedAt) };
  if (hasTs && !m.timestampHasZone) event.timezone = timezone;

  const log: EcsDoc = {};
  if (hasPri) log.level = SEVERITY_LEVELS[m.severity];
  log.syslog = syslog;
  if (frame.senderIp !== '') log.source = { address: senderAddress(frame.senderIp, frame.senderPort) };

  // no device time: @timestamp stays absent here and outputs index the event at event.created
  const doc: EcsDoc = hasTs
    ? { '@timestamp': isoTimeUs(m.timestamp, m.timestampUs), message: m.message, event, log }
    : { message: m.message, event, log };
  let tags: string[] | null = null;
  const flags = m.flags | (frame.truncated ? SyslogFlag.Truncated : 0);
  if ((flags & FLAG_TAG_BITS) !== 0) {
    for (const [bit, tag] of FLAG_TAGS) {
      if (flags & bit) (tags ??= []).push(tag);
    }
  }
  if (tags !== null) doc.tags = tags;
  return doc;
}
