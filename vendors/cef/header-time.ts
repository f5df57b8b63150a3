/**
 * The time of a `<PRI>1 TIMESTAMP HOST CEF:...` / `LEEF:...` header. ArcSight and QRadar senders
 * write this short RFC 5424-like header without APP-NAME/PROCID/MSGID/SD, which the syslog parser
 * does not take as RFC 5424; the stamp is read here when the header gave none.
 */
import type { EcsDoc, SyslogMessage } from '../../src/core/types.js';
import { readIsoStamp, stamp } from '../../src/syslog/timestamp.js';
import { isoTimeUs } from '../../src/ecs/base.js';

export function shortHeaderTime(msg: SyslogMessage, doc: EcsDoc, tz: string): void {
  if (!Number.isNaN(msg.timestamp) || msg.priority < 0) return;
  const s = msg.raw;
  const gt = s.indexOf('>');
  if (gt < 0 || gt > 5) return;
  let p = gt + 1;
  const v0 = p;
  while (p < s.length && p - v0 < 3 && s.charCodeAt(p) >= 48 && s.charCodeAt(p) <= 57) p++;
  if (p === v0 || s.charCodeAt(p) !== 32) return;
  const end = readIsoStamp(s, p + 1, tz, false);
  if (end < 0 || s.charCodeAt(end) !== 32) return;
  doc['@timestamp'] = isoTimeUs(stamp.ms, stamp.us);
  if (!stamp.hasZone) (doc.event ??= {}).timezone = tz;
  let h = end + 1;
  while (h < s.length && s.charCodeAt(h) !== 32) h++;
  const host = s.slice(end + 1, h);
  if (host !== '' && !host.startsWith('CEF:') && !host.startsWith('LEEF:') && doc.log?.syslog !== undefined) {
    doc.log.syslog.hostname = host;
  }
  const tags = doc.tags as string[] | undefined;
  if (tags !== undefined) {
    const i = tags.indexOf('malformed_rfc5424');
    if (i >= 0) tags.splice(i, 1);
    if (tags.length === 0) delete doc.tags;
  }
}
