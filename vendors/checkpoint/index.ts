/**
 * checkpoint: Check Point Log Exporter (R80.x / R81.x gateways and management servers), in its
 * syslog form `<PRI>1 TIME HOST CheckPoint PID - [key:"value"; key:"value"; ...]` and in its CEF form
 * `CEF:0|Check Point|VPN-1 & FireWall-1|...`. The syslog body is not RFC 5424 structured data, so
 * the header is read here from the raw line. Mapping follows Elastic's checkpoint integration (and,
 * for CEF, the cef integration with its Check Point sub-pipeline).
 */
import type { EcsDoc, SyslogMessage } from '../../src/core/types.js';
import { readIsoStamp, stamp } from '../../src/syslog/timestamp.js';
import { decodeCef } from '../cef/decode.js';
import { cefToEcs } from '../cef/ecs.js';
import { shortHeaderTime } from '../cef/header-time.js';
import { withoutRepeatWrapper } from '../cef/repeated.js';
import { checkpointCef } from './cef-map.js';
import { parseCpBody, parseCpPipes, type CpKv } from './kv.js';
import { mapCheckpoint } from './syslog-map.js';
import { normaliseZone } from './time.js';
import type { VendorContext, VendorParser } from '../../src/core/stages.js';

/** the app name, followed by ` `, `[pid]` or `:` */
const APP_TAG = ' CheckPoint';
const APP_NAME = 'CheckPoint';
const CEF = 'CEF:0|Check Point|';

interface Header {
  /** epoch ms of the header time, NaN when absent */
  ms: number;
  /** zone written in the header (`UTC` for `Z`), null when none */
  zone: string | null;
  /** index of the body's `[` */
  body: number;
  hostname: string | null;
  appname: string | null;
  procid: string | null;
}

function token(s: string, i: number): number {
  while (i < s.length && s.charCodeAt(i) !== 32) i++;
  return i;
}

function spaces(s: string, i: number): number {
  while (s.charCodeAt(i) === 32) i++;
  return i;
}

/** `<PRI>VER TS HOST APP PROC MSGID [` as Elastic's grok reads it; null when the line is not so. */
function readHeader(s: string, tz: string): Header | null {
  let p = 0;
  if (s.charCodeAt(0) === 60) {
    const gt = s.indexOf('>', 1);
    if (gt < 0 || gt > 5) return null;
    p = gt + 1;
  }
  const v0 = p;
  while (p < s.length && s.charCodeAt(p) >= 48 && s.charCodeAt(p) <= 57) p++;
  if (p === v0 || s.charCodeAt(p) !== 32) return null;
  p = spaces(s, p);
  let ms = NaN;
  let zone: string | null = null;
  let tsEnd = token(s, p);
  if (!(tsEnd === p + 1 && s.charCodeAt(p) === 45)) {
    // `2018-03-21 17:25:25`: a space where ISO 8601 has its T, as Elastic's TIMESTAMP_ISO8601 allows
    let ts = s;
    let at = p;
    if (tsEnd === p + 10 && s.charCodeAt(tsEnd + 3) === 58 && s.charCodeAt(tsEnd + 1) >= 48 && s.charCodeAt(tsEnd + 1) <= 57) {
      tsEnd = token(s, tsEnd + 1);
      ts = s.slice(p, p + 10) + 'T' + s.slice(p + 11, tsEnd);
      at = 0;
    }
    const end = readIsoStamp(ts, at, tz, false);
    if (end !== (at === 0 ? ts.length : tsEnd)) return null;
    ms = stamp.ms;
    if (stamp.hasZone) {
      const c = ts.charCodeAt(end - 1);
      if (c === 90 || c === 122) zone = 'UTC';
      else {
        let z = end - 1;
        while (z > at && ts.charCodeAt(z) !== 43 && ts.charCodeAt(z) !== 45) z--;
        zone = normaliseZone(ts.slice(z, end));
      }
    }
  }
  const fields: (string | null)[] = [];
  p = spaces(s, tsEnd);
  for (let k = 0; k < 4; k++) {
    const e = token(s, p);
    if (e === p) return null;
    const f = s.slice(p, e);
    fields.push(f === '-' ? null : f);
    p = spaces(s, e);
  }
  if (s.charCodeAt(p) !== 91) return null;
  return { ms, zone, body: p, hostname: fields[0]!, appname: fields[1]!, procid: fields[2]! };
}

/**
 * raw.indexOf(APP_TAG) when that is below 300, else -1 or an index >= 300. Searches `CheckPoint`
 * and checks the space before it: a search for ` CheckPoint` stops at every space of the line.
 */
function appTagAt(raw: string): number {
  let j = raw.indexOf(APP_NAME);
  while (j >= 0 && j <= 300) {
    if (j > 0 && raw.charCodeAt(j - 1) === 32) return j - 1;
    j = raw.indexOf(APP_NAME, j + 1);
  }
  return -1;
}

/** a line whose header is not RFC 5424 (e.g. `Mar 29 13:19:20 gw CheckPoint[123]: [...]`) */
function looseBody(s: string): number {
  let p = s.indexOf(APP_TAG);
  if (p < 0) return s.indexOf('[');
  p += APP_TAG.length;
  if (s.charCodeAt(p) === 91) p = s.indexOf(']', p) + 1;
  return s.indexOf('[', p);
}

/**
 * A Log Exporter body whose header a relay dropped (`[action:"Accept"; ... origin:"..."; ...]`):
 * a `[` near the start, then `key:"` pairs with the `origin` and `loguid` keys every gateway and
 * management log carries.
 */
function bareBody(raw: string): boolean {
  const b = raw.indexOf('[');
  if (b < 0 || b > 300) return false;
  const o = raw.indexOf('origin:"', b);
  return o > 0 && raw.indexOf('loguid:"', b) > 0 && (raw.charCodeAt(o - 1) === 32 || raw.charCodeAt(o - 1) === 91);
}

/**
 * Start of a Log Exporter "splunk" body (`time=...|hostname=...|...|loguid={...}|origin=...|`), -1
 * when the line has none: the `|loguid=` pair, and the body starts after the last space before the
 * first `|`.
 */
function pipesAt(raw: string): number {
  const l = raw.indexOf('|loguid=');
  if (l < 0 || raw.indexOf('origin=') < 0) return -1;
  const bar = raw.indexOf('|');
  const sp = raw.lastIndexOf(' ', bar);
  const start = sp + 1;
  const eq = raw.indexOf('=', start);
  return eq > start && eq < bar ? start : -1;
}

function isEmpty(kv: CpKv): boolean {
  for (const _ in kv) return false;
  return true;
}

/** The body after the header is Check Point's own format, not broken RFC 5424 structured data. */
function notMalformed(doc: EcsDoc): void {
  const tags = doc.tags as string[] | undefined;
  if (tags === undefined) return;
  const i = tags.indexOf('malformed_rfc5424');
  if (i >= 0) tags.splice(i, 1);
  if (tags.length === 0) delete doc.tags;
}

/** The "splunk" form: pipe-separated pairs, the same keys as the syslog form. */
function parsePipeForm(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext, at: number): string | null {
  const tz = normaliseZone(ctx.timezone || 'UTC');
  const s = msg.raw;
  let end = s.length;
  while (end > at && (s.charCodeAt(end - 1) === 124 || s.charCodeAt(end - 1) <= 32)) end--;
  const kv = parseCpPipes(s, at, end);
  notMalformed(doc);
  doc.event ??= {};
  mapCheckpoint(kv, doc, msg.timestampHasZone ? 'UTC' : tz, msg.timestamp);
  return null;
}

function parseSyslogForm(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
  const s = msg.raw;
  const tz = normaliseZone(ctx.timezone || 'UTC');
  const h = readHeader(s, tz);
  let body: number;
  let ms: number;
  let zone: string;
  if (h !== null) {
    body = h.body;
    ms = h.ms;
    zone = h.zone ?? tz;
    const sys = doc.log?.syslog;
    if (sys !== undefined) {
      if (h.hostname !== null) sys.hostname = h.hostname;
      if (h.appname !== null) sys.appname = h.appname;
      if (h.procid !== null) sys.procid = h.procid;
      sys.version = '1';
    }
    notMalformed(doc);
  } else {
    body = looseBody(s);
    ms = msg.timestamp;
    zone = msg.timestampHasZone ? 'UTC' : tz;
  }
  doc.event ??= {};
  if (body < 0) {
    doc.observer = { vendor: 'Checkpoint', type: 'firewall' };
    doc.event.timezone = zone;
    return 'no_body';
  }
  let end = s.lastIndexOf(']');
  if (end <= body) end = s.length;
  // `message repeated N times: [ [key:"value"; ...]]`: the body is the inner bracket
  let inner = body + 1;
  while (s.charCodeAt(inner) === 32) inner++;
  if (s.charCodeAt(inner) === 91 && end < s.length) {
    body = inner;
    const e2 = s.lastIndexOf(']', end - 1);
    if (e2 > body) end = e2;
  }
  const kv = parseCpBody(s, body + 1, end);
  // a body without one `key:"value"` pair is not Check Point's; one whose pairs all map to ECS is
  const empty = isEmpty(kv);
  mapCheckpoint(kv, doc, zone, ms);
  return empty ? 'parse_body' : null;
}

export const parser: VendorParser = {
  id: 'checkpoint',
  dataset: 'checkpoint.firewall',
  samples: [
    '<134>1 2024-03-14T08:00:00Z cp-gw CheckPoint 2210 - [action:"Accept"; ifdir:"inbound"; ifname:"eth1"; origin:"10.0.10.1"; src:"10.0.0.5"; dst:"10.0.20.15"; proto:"6"; s_port:"50123"; service:"443"; product:"VPN-1 & FireWall-1"]',
  ],
  detect(msg: SyslogMessage): boolean {
    const raw = msg.raw;
    const i = appTagAt(raw);
    if (i >= 0 && i < 300) {
      const c = raw.charCodeAt(i + APP_TAG.length);
      if (c === 32 || c === 91 || c === 58) return true;
    }
    return raw.indexOf(CEF) >= 0 || bareBody(raw) || pipesAt(raw) >= 0;
  },
  parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
    const at = msg.raw.indexOf(CEF);
    if (at >= 0) {
      const ev = decodeCef(withoutRepeatWrapper(msg.raw, at), at, ctx.timezone, ctx.receivedAt);
      if (ev === null) return 'parse_cef_header';
      shortHeaderTime(msg, doc, ctx.timezone);
      cefToEcs(ev, doc, ctx, checkpointCef);
      return ev.complete ? null : 'parse_cef_header';
    }
    // the bracketed form has `key:"value"` pairs; a pipe-separated body has none
    if (msg.raw.indexOf(':"') < 0) {
      const p = pipesAt(msg.raw);
      if (p >= 0) return parsePipeForm(msg, doc, ctx, p);
    }
    return parseSyslogForm(msg, doc, ctx);
  },
};
