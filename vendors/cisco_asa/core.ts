/**
 * The Cisco ASA / FTD parse path shared by both families: the marker and what precedes it, dispatch
 * on the message id through one table, then the common finishing steps of Elastic's pipelines
 * (finish.ts). `flavor` selects the few places where the FTD pipeline differs.
 */
import type { EcsDoc, SyslogMessage } from '../../src/core/types.js';
import { setField } from '../../src/ecs/fields.js';
import { isoTime } from '../../src/ecs/base.js';
import type { VendorContext } from '../../src/core/stages.js';
import type { Flavor, Work } from './work.js';
import { findMarker, type Marker, readHeader, repeatedBefore, unwrapRepeated } from './header.js';
import { HANDLERS } from './handlers.js';
import { parseSecurity, SECURITY_EVENT_IDS } from './messages/security-events.js';
import { finish } from './finish.js';
import { LEVELS } from './tables.js';

/** Parses one Cisco message into `doc`; returns null or the failed step. */
export function parseCisco(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext, flavor: Flavor): string | null {
  const mk = findMarker(msg.raw);
  const ev: EcsDoc = (doc.event ??= {});
  if (flavor === 'asa') {
    ev.kind = 'event';
    ev.category = ['network'];
  }
  const w: Work = {
    flavor, id: mk?.id ?? '', msg: '', doc, c: {}, natsrc: undefined, natdst: undefined, hms: undefined,
    outcome: undefined, srcUserSgt: undefined, dstUserSgt: undefined, security: undefined, msgHost: null, msgApp: null,
  };
  if (mk === null) {
    w.msgHost = msg.hostname;
    w.msgApp = msg.appname !== null && msg.appname !== ':' && msg.appname !== '-' ? msg.appname : null;
  }
  header(msg.raw, mk, w, ctx);
  severityAndBody(msg, mk, w);
  if (flavor === 'ftd' && w.id !== '') {
    ev.action = 'firewall-rule';
    const n = Number(w.id);
    if (n >= 101001 && n <= 105052) ev.reason = w.msg;
  }
  const step = dispatch(w, mk === null);
  finish(w);
  return step;
}

/** Host, process and the device's own stamp from the text before the marker. */
function header(raw: string, mk: Marker | null, w: Work, ctx: VendorContext): void {
  const doc = w.doc;
  const ev = doc.event as EcsDoc;
  const h = readHeader(mk === null ? '' : raw.slice(0, mk.at), ctx.timezone, ctx.receivedAt);
  // a security event without a marker: the syslog header's host and program
  if (mk === null && w.msgHost !== null) h.hostHostname = w.msgHost;
  if (mk === null && w.msgApp !== null) h.processName = w.msgApp;
  if (h.hostHostname) setField(doc, 'host.hostname', h.hostHostname);
  if (h.hostName) setField(doc, 'host.name', h.hostName);
  if (h.processName) setField(doc, 'process.name', h.processName);
  if (h.processPid !== undefined) setField(doc, 'process.pid', h.processPid);
  ev.timezone = h.zone ?? h.leadZone ?? ctx.timezone;
  if (h.ms !== undefined && !Number.isNaN(h.ms)) doc['@timestamp'] = isoTime(h.ms);
  else if (doc['@timestamp'] === undefined && h.leadMs !== undefined && !Number.isNaN(h.leadMs)) doc['@timestamp'] = isoTime(h.leadMs);
}

/** event.severity and log.level from the marker (7, debug, without one), and the message body. */
function severityAndBody(msg: SyslogMessage, mk: Marker | null, w: Work): void {
  const doc = w.doc;
  const ev = doc.event as EcsDoc;
  if (mk === null) {
    ev.severity = 7;
    if (doc.log) doc.log.level = LEVELS[7];
    w.msg = msg.message;
    return;
  }
  ev.severity = mk.severity;
  setField(doc, 'log.level', LEVELS[mk.severity] ?? undefined);
  if (mk.suffix !== undefined) w.c.suffix = mk.suffix;
  let body = msg.raw.slice(mk.body);
  // `%FTD-6-113005: %ASA-6-113005: ...`
  if (body.charCodeAt(0) === 37) {
    const again = findMarker(body, 1);
    if (again !== null) body = body.slice(again.body);
  }
  body = body.trimEnd();
  // a relay's wrapper ends the line with `]`
  w.msg = unwrapRepeated(body, body.charCodeAt(body.length - 1) === 93 && mk.at > 0 && repeatedBefore(msg.raw, mk.at));
}

/** The message's own fields: security events by their keys, the rest by the id's handler. */
function dispatch(w: Work, noMarker: boolean): string | null {
  if (w.id === '' || SECURITY_EVENT_IDS.has(w.id)) {
    if (w.msg.indexOf(':') > 0 && parseSecurity(w, w.msg)) return null;
    return w.id !== '' ? 'parse_' + w.id : noMarker ? 'no_message_id' : null;
  }
  const handler = HANDLERS.get(w.id);
  if (handler === undefined) return 'unknown_message_id';
  return handler(w) ? null : 'parse_' + w.id;
}
