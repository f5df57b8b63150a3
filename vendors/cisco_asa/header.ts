/**
 * The Cisco message header: the `%ASA-[suffix-]sev-id:` marker, and what precedes it in the raw line
 * (PRI, device timestamp, host, process, a second `Mmm dd hh:mm:ss ZONE:` stamp) as Elastic's
 * pipeline reads them.
 */
import { read3164Stamp, stamp } from '../../src/syslog/timestamp.js';
import { table } from '../../src/core/null-proto.js';

export interface Marker {
  /** index of `%` in the text */
  at: number;
  /** `ASA`, `PIX`, `FWSM`, `FTD` */
  product: string;
  suffix: string | undefined;
  severity: number;
  /** six-digit id, '' when absent */
  id: string;
  /** index where the message body starts */
  body: number;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Reads a marker at `%` index i; null when the text there is not one. */
export function markerAt(s: string, i: number): Marker | null {
  let p = i + 1;
  const n = s.length;
  while (p < n && isUpper(s.charCodeAt(p))) p++;
  if (p === i + 1 || p - i > 12 || s.charCodeAt(p) !== 45) return null;
  const product = s.slice(i + 1, p);
  p++;
  let suffix: string | undefined;
  if (!isDigit(s.charCodeAt(p))) {
    const q = p;
    while (p < n && p - q < 32) {
      const c = s.charCodeAt(p);
      if (isDigit(c) || c === 45) break;
      p++;
    }
    if (s.charCodeAt(p) !== 45 || p === q) return null;
    suffix = s.slice(q, p);
    p++;
  }
  const sevAt = p;
  while (p < n && isDigit(s.charCodeAt(p)) && p - sevAt < 3) p++;
  if (p === sevAt || s.charCodeAt(p) !== 45) return null;
  const severity = Number(s.slice(sevAt, p));
  p++;
  const idAt = p;
  while (p < n && isDigit(s.charCodeAt(p)) && p - idAt < 8) p++;
  const id = s.slice(idAt, p);
  if (s.charCodeAt(p) === 58) p++;
  while (s.charCodeAt(p) === 32) p++;
  return { at: i, product, suffix, severity, id, body: p };
}

/** The first marker whose product is one of `products` (checked by the caller's detect). */
export function findMarker(s: string, limit = 512): Marker | null {
  let i = s.indexOf('%');
  while (i >= 0 && i < limit) {
    const m = markerAt(s, i);
    if (m !== null) return m;
    i = s.indexOf('%', i + 1);
  }
  return null;
}

export interface Header {
  hostHostname?: string;
  hostName?: string;
  processName?: string;
  processPid?: number;
  /** epoch ms of a stamp in the header or a second stamp before the marker, when it overrides */
  ms?: number;
  /** zone written with that stamp (`UTC`, `-08:00`), for event.timezone */
  zone?: string;
  /** zone written with the leading stamp */
  leadZone?: string;
  /** epoch ms of the leading stamp, for lines whose syslog header gave no time */
  leadMs?: number;
}

/** The zone abbreviations of the pipeline's ASA_DATE, as the fixed offsets they denote. */
const ABBREV = table<string>({
  EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00',
  PDT: '-07:00', AST: '-04:00', ADT: '-03:00', CET: '+01:00', CEST: '+02:00',
});

const HOSTLIKE = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

function zoneText(s: string, from: number, to: number): string | undefined {
  const t = s.slice(from, to).trim();
  const sp = t.lastIndexOf(' ');
  const z = sp >= 0 ? t.slice(sp + 1) : t;
  if (z === 'Z' || z === 'UTC' || z === 'GMT') return 'UTC';
  const ab = ABBREV[z];
  if (ab !== undefined) return ab;
  const m = /(?:Z|[+-]\d{2}:?\d{2})$/.exec(t);
  if (m !== null) return m[0] === 'Z' ? 'UTC' : m[0];
  return undefined;
}

const WEEKDAYS = new Set(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);

/** After `<PRI>`: `1 2024-03-15T10:00:00Z host app procid msgid SD` (RFC 5424, with or without PRI). */
function read5424(prefix: string, p: number, h: Header, tz: string, receivedAt: number): boolean {
  if (prefix.charCodeAt(p) !== 49 || prefix.charCodeAt(p + 1) !== 32 || !isDigit(prefix.charCodeAt(p + 2))) return false;
  const e = read3164Stamp(prefix, p + 2, tz, receivedAt);
  if (e < 0) return false;
  h.ms = stamp.ms;
  if (stamp.hasZone) h.leadZone = zoneText(prefix, p + 2, e);
  let q = e;
  while (prefix.charCodeAt(q) === 32) q++;
  const sp = prefix.indexOf(' ', q);
  const host = prefix.slice(q, sp < 0 ? prefix.length : sp);
  if (host !== '-' && HOSTLIKE.test(host)) h.hostHostname = host;
  return true;
}

/** A device host after a relay's stamp and host and the device's own stamp (`fw-1 :`). */
function deviceHost(rest: string, from: number, h: Header): void {
  let q = from;
  while (rest.charCodeAt(q) === 32) q++;
  const m = /^([A-Za-z0-9_][A-Za-z0-9._-]*)\s*:?$/.exec(rest.slice(q));
  if (m !== null) h.hostHostname = m[1];
}

/** Reads the text before the marker. `tz` is the default zone, `receivedAt` for year inference. */
export function readHeader(prefix: string, tz: string, receivedAt: number): Header {
  const h: Header = {};
  let p = 0;
  const n = prefix.length;
  if (prefix.charCodeAt(0) === 60) {
    const gt = prefix.indexOf('>');
    if (gt > 0 && gt < 6) p = gt + 1;
  }
  while (p < n && prefix.charCodeAt(p) === 32) p++;
  if (prefix.charCodeAt(p) === 58) p++; // `<166>:Jun ...`
  if (read5424(prefix, p, h, tz, receivedAt)) return h;
  // `Mon Aug 12 ...`: the syslog header reader does not take the weekday, so the stamp is read here
  const weekday = prefix.charCodeAt(p + 3) === 32 && isUpper(prefix.charCodeAt(p + 4)) && WEEKDAYS.has(prefix.slice(p, p + 3));
  if (weekday) p += 4;
  const e = read3164Stamp(prefix, p, tz, receivedAt);
  if (weekday && e > p) h.ms = stamp.ms;
  if (e > p) {
    h.leadMs = stamp.ms;
    if (stamp.hasZone) h.leadZone = zoneText(prefix, p, e);
    p = e;
    if (prefix.charCodeAt(p) === 90 && prefix.charCodeAt(p + 1) === 32) p++; // a stray `Z`
    if (prefix.charCodeAt(p) === 58) p++;
  }
  while (p < n && prefix.charCodeAt(p) === 32) p++;
  let rest = prefix.slice(p).trimEnd();
  if (rest === '' || rest === ':') return h;
  // `process: host` (e.g. `LOCAL4.WARNING: fw-1`)
  const ph = /^([^%\s:[]+):\s(\S+)$/.exec(rest);
  if (ph !== null) {
    h.processName = ph[1];
    h.hostName = ph[2];
    return h;
  }
  const sp = rest.search(/[\s:]/);
  const first = sp < 0 ? rest : rest.slice(0, sp);
  if (HOSTLIKE.test(first) && read3164Stamp(rest, 0, tz, receivedAt) < 0) {
    h.hostHostname = first;
    rest = sp < 0 ? '' : rest.slice(sp).replace(/^\s*:?\s*/, '');
  }
  if (rest === '') return h;
  const e2 = read3164Stamp(rest, 0, tz, receivedAt);
  if (e2 > 0) {
    h.ms = stamp.ms;
    h.zone = stamp.hasZone ? zoneText(rest, 0, e2) : undefined;
    deviceHost(rest, e2, h);
    return h;
  }
  const pr = /^([^%\s:[]+)(?:\[(\d+)\])?:?$/.exec(rest);
  if (pr !== null) {
    h.processName = pr[1];
    if (pr[2] !== undefined) h.processPid = Number(pr[2]);
  }
  return h;
}

const REPEATED = 'message repeated ';

/**
 * The message inside `message repeated N times: [ ... ]` (the device's own wrapper after the id,
 * or a relay's around the whole marker, `inPrefix`); the body as it is otherwise.
 */
export function unwrapRepeated(body: string, inPrefix: boolean): string {
  if (inPrefix) {
    const end = body.lastIndexOf(']');
    return end >= 0 && body.slice(end + 1).trim() === '' ? body.slice(0, end).trimEnd() : body;
  }
  if (!body.startsWith(REPEATED)) return body;
  const open = body.indexOf(': [', REPEATED.length);
  const close = body.lastIndexOf(']');
  if (open < 0 || close < open) return body;
  return body.slice(open + 3, close).trim();
}

/** True when a relay's `message repeated N times: [` stands before the marker at `at`. */
export function repeatedBefore(raw: string, at: number): boolean {
  const i = raw.lastIndexOf(REPEATED, at);
  return i >= 0 && raw.indexOf('[', i) < at;
}
