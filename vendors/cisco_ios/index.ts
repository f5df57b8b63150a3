/**
 * cisco_ios: Cisco IOS, IOS-XE and NX-OS `%FACILITY-SEVERITY-MNEMONIC: text` messages (also the
 * one-letter severities of Cisco small-business switches), normalised as Elastic's `cisco_ios`
 * integration does. See README.md.
 */
import { type EcsDoc, type SyslogMessage, SyslogFlag } from '../../src/core/types.js';
import { deleteField, toInt } from '../../src/ecs/fields.js';
import { isoTime, isoTimeUs } from '../../src/ecs/base.js';
import { findMarker, type Marker } from './marker.js';
import { readHeader, type CiscoHeader } from './header.js';
import { isAclCode, parseAcl } from './messages/acl.js';
import { parseConfig, parseLogin, parseLogout } from './messages/session.js';
import {
  parseAuditTrail, parseBadAuth, parseDropPkt, parseLinkState, parseReplayCtr, parseRpJoin,
} from './messages/misc.js';
import { finish } from './finish.js';
import { set2, set3 } from '../../src/ecs/set-path.js';
import { DetectHint, type VendorContext, type VendorParser } from '../../src/core/stages.js';

/** `log.level` names of the Cisco severities, as Elastic's pipeline writes them. */
const LEVELS: readonly string[] = [
  'emergencies', 'alert', 'critical', 'error', 'warning', 'notification', 'informational', 'debug',
];

type Handler = (code: string, text: string, doc: EcsDoc, facility: string) => string | null;

/** Steps by mnemonic (wire text: a Map). */
const HANDLERS: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  ['LOGIN_SUCCESS', (code, text, doc) => parseLogin(code, text, doc)],
  ['LOGIN_FAILED', (code, text, doc) => parseLogin(code, text, doc)],
  ['QUIET_MODE_ON', (code, text, doc) => parseLogin(code, text, doc)],
  ['LOGOUT', (_c, text, doc) => parseLogout(text, doc)],
  ['CONFIG_I', (_c, text, doc) => parseConfig(text, doc)],
  ['BADAUTH', (_c, text, doc) => parseBadAuth(text, doc)],
  ['INVALID_RP_JOIN', (_c, text, doc) => parseRpJoin(text, doc)],
  ['INVALID_REPLAY_CTR', (_c, text, doc) => parseReplayCtr(text, doc)],
  ['SESS_AUDIT_TRAIL', (_c, text, doc, fac) => (fac === 'FW' ? parseAuditTrail(text, doc) : null)],
  ['DROP_PKT', (_c, text, doc, fac) => (fac === 'FW' ? parseDropPkt(text, doc) : null)],
  ['UPDOWN', (_c, text, doc) => parseLinkState(text, doc)],
  ['CHANGED', (_c, text, doc) => parseLinkState(text, doc)],
]);
/** NX-OS interface messages (`ETHPORT-5-IF_DOWN_LINK_FAILURE`, `IF_UP`, ...). */
const ETHPORT_PREFIX = 'IF_';

/**
 * observer.type: Elastic's pipeline sets `firewall` on every message; its letter-severity branch
 * (Cisco small-business switches, `%SNMP-W-...`) writes `router`.
 */
function observerType(m: Marker): string {
  return m.severity >= 0 ? 'firewall' : 'router';
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * After the marker, Elastic drops an optional slot tag `\w+\d+(/\d+)?:` (`R0/0:`, `SIP0:`) and
 * then an optional process tag `[a-zA-Z0-9_]+:` (`fman_fp_image:`), each followed by spaces.
 */
function messageStart(s: string, p: number): number {
  while (isSpace(s.charCodeAt(p))) p++;
  // slot tag
  let q = p;
  while (q < s.length && q - p < 64 && isWordChar(s.charCodeAt(q))) q++;
  if (q > p && s.charCodeAt(q - 1) >= 48 && s.charCodeAt(q - 1) <= 57) {
    let r = q;
    if (s.charCodeAt(r) === 47) {
      r++;
      const d0 = r;
      while (s.charCodeAt(r) >= 48 && s.charCodeAt(r) <= 57) r++;
      if (r === d0) r = -1;
    }
    if (r > 0 && s.charCodeAt(r) === 58 && isSpace(s.charCodeAt(r + 1))) {
      p = r + 1;
      while (isSpace(s.charCodeAt(p))) p++;
    }
  }
  // process tag
  q = p;
  while (q < s.length && q - p < 128 && isWordChar(s.charCodeAt(q))) q++;
  if (q > p && s.charCodeAt(q) === 58 && isSpace(s.charCodeAt(q + 1))) {
    p = q + 1;
    while (isSpace(s.charCodeAt(p))) p++;
  }
  return p;
}

/** Index after the PRI in raw (0 when there is none). */
function afterPri(msg: SyslogMessage): number {
  if (msg.priority < 0) return 0;
  const gt = msg.raw.indexOf('>');
  return gt >= 0 && gt < 12 ? gt + 1 : 0;
}

function setCommon(doc: EcsDoc): void {
  set2(doc, 'event', 'category', ['network']);
  set2(doc, 'event', 'type', ['info']);
  set2(doc, 'event', 'provider', 'firewall');
  set2(doc, 'observer', 'vendor', 'Cisco');
  set2(doc, 'observer', 'product', 'IOS');
}

/** Counters, host, uptime and the device's own stamp from the header. */
function setHeader(doc: EcsDoc, h: CiscoHeader, ctx: VendorContext): void {
  if (h.messageCount !== null) set3(doc, 'cisco', 'ios', 'message_count', toInt(h.messageCount));
  if (h.sequence !== null) set3(doc, 'cisco', 'ios', 'sequence', h.sequence);
  const seq = toInt(h.sequence ?? h.messageCount ?? undefined);
  if (seq !== undefined) set2(doc, 'event', 'sequence', seq);
  if (h.hostname !== null) set3(doc, 'log', 'syslog', 'hostname', h.hostname);
  if (h.uptime !== null) set3(doc, 'cisco', 'ios', 'uptime', h.uptime);
  deleteField(doc, 'log.syslog.appname');
  deleteField(doc, 'log.syslog.procid');
  if (!Number.isNaN(h.time)) {
    doc['@timestamp'] = isoTimeUs(h.time, h.timeUs);
    if (h.timeHasZone) deleteField(doc, 'event.timezone');
    else set2(doc, 'event', 'timezone', ctx.timezone);
  } else if (doc['@timestamp'] === undefined) {
    // no device time at all: Elastic stamps the event when it is ingested
    doc['@timestamp'] = isoTime(ctx.receivedAt);
    deleteField(doc, 'event.timezone');
  }
}

/**
 * The text after the marker (slot and process tags dropped); the inner message of an IOS-XE
 * `%IOSXE-3-PLATFORM` wrapper; the repeated text when a relay wrapped it (`message repeated N
 * times: [ ... ]`, already unwrapped in the content).
 */
function messageText(msg: SyslogMessage, found: Marker): { m: Marker; text: string } {
  let m = found;
  let text = msg.raw.slice(messageStart(msg.raw, m.end));
  if ((msg.flags & SyslogFlag.Repeated) !== 0) {
    const cm = findMarker(msg.content, 0);
    if (cm !== null) text = msg.content.slice(messageStart(msg.content, cm.end));
  }
  if (m.facility === 'IOSXE' && m.mnemonic === 'PLATFORM' && text.indexOf('%') >= 0) {
    const inner = findMarker(text, 0);
    if (inner !== null) {
      m = inner;
      text = text.slice(messageStart(text, inner.end));
    }
  }
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return { m, text: end === text.length ? text : text.slice(0, end) };
}

/** FACILITY-SEVERITY-MNEMONIC */
function setMarker(doc: EcsDoc, m: Marker): void {
  set3(doc, 'cisco', 'ios', 'facility', m.facility);
  set2(doc, 'event', 'code', m.mnemonic);
  if (m.severity >= 0) {
    set2(doc, 'event', 'severity', m.severity);
    if (m.severity < LEVELS.length) set2(doc, 'log', 'level', LEVELS[m.severity]);
  } else {
    // Elastic keeps the letter of a letter severity as cisco.ios.mnemonic
    set3(doc, 'cisco', 'ios', 'mnemonic', m.letter);
  }
}

/** The mnemonic's own step (ACL logs, logins, interface state ...); null for the others. */
function mapMessage(m: Marker, text: string, doc: EcsDoc): string | null {
  const code = m.mnemonic;
  const handler = HANDLERS.get(code);
  if (handler !== undefined) return handler(code, text, doc, m.facility);
  if (isAclCode(code)) return parseAcl(code, text, doc);
  if (m.facility === 'ETHPORT' && code.startsWith(ETHPORT_PREFIX)) return parseLinkState(text, doc);
  return null;
}

export const parser: VendorParser = {
  id: 'cisco_ios',
  dataset: 'cisco_ios.log',
  samples: [
    '<190>912: Mar 14 08:00:00.000: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/1, changed state to up',
  ],
  requires: DetectHint.percent,

  detect(msg: SyslogMessage): boolean {
    // `%` then FACILITY-SEV-MNEMONIC: (the `%` at the start of the content or after a space)
    return msg.content.indexOf('%') >= 0 && findMarker(msg.content, 0) !== null;
  },

  parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
    setCommon(doc);
    const raw = msg.raw;
    const from = afterPri(msg);
    const found = findMarker(raw, from);
    if (found === null) {
      set2(doc, 'observer', 'type', 'router');
      return 'no_message_id';
    }
    setHeader(doc, readHeader(raw, from, found.start, msg.priority >= 0, ctx.timezone, ctx.receivedAt), ctx);
    const { m, text } = messageText(msg, found);
    doc.message = text;
    setMarker(doc, m);
    const step = mapMessage(m, text, doc);
    set2(doc, 'observer', 'type', observerType(m));
    finish(doc);
    return step;
  },
};
