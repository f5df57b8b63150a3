/**
 * The Snort package's preprocessor alerts as pfSense forwards them, as Elastic's pfsense `snort`
 * pipeline reads them: `[gid:sid:rev] (preprocessor) message [Classification: c] [Priority: n]
 * {PROTO} ip:port -> ip:port`, into `snort.*` (the numbers as written) and `network.protocol`.
 * Rule alerts without the preprocessor part are the snort family's (vendors/snort).
 */
import type { EcsDoc } from '../../src/core/types.js';
import { isIp, setField, toInt } from '../../src/ecs/fields.js';
import { set2 } from '../../src/ecs/set-path.js';

/** `ip:port`, IPv6 with its port after the last colon. */
function endpoint(doc: EcsDoc, side: string, v: string): boolean {
  const colon = v.lastIndexOf(':');
  const ip = colon > 0 ? v.slice(0, colon) : '';
  const port = toInt(v.slice(colon + 1));
  if (!isIp(ip) || port === undefined) return false;
  setField(doc, side + '.address', ip);
  setField(doc, side + '.ip', ip);
  setField(doc, side + '.port', port);
  return true;
}

/** `[Name: value]` at p: [value, index after `]`] or null. */
function bracketed(s: string, p: number, name: string): [string, number] | null {
  if (!s.startsWith(name, p)) return null;
  const close = s.indexOf(']', p + name.length);
  return close < 0 ? null : [s.slice(p + name.length, close), close + 1];
}

export function parseSnortAlert(s: string, doc: EcsDoc): string | null {
  const idEnd = s.indexOf('] (');
  const ids = s.slice(1, idEnd).split(':');
  const preEnd = s.indexOf(') ', idEnd + 3);
  const cls = s.indexOf(' [Classification: ', preEnd);
  if (ids.length !== 3 || preEnd < 0 || cls < 0) return 'parse_snort_alert';
  const snort: EcsDoc = { generator_id: ids[0], signature_id: ids[1], signature_revision: ids[2], preprocessor: s.slice(idEnd + 3, preEnd) };
  snort.alert_message = s.slice(preEnd + 2, cls);
  const c = bracketed(s, cls + 1, '[Classification: ');
  const pr = c === null ? null : bracketed(s, c[1] + 1, '[Priority: ');
  if (c === null || pr === null) return 'parse_snort_alert';
  snort.classification = c[0];
  snort.priority = toInt(pr[0]);
  doc.snort = snort;
  let p = pr[1] + 1;
  if (s.charCodeAt(p) !== 123) return 'parse_snort_alert';
  const close = s.indexOf('} ', p);
  if (close < 0 || close - p > 16) return 'parse_snort_alert';
  set2(doc, 'network', 'protocol', s.slice(p + 1, close).toLowerCase());
  p = close + 2;
  const arrow = s.indexOf(' -> ', p);
  if (arrow < 0) return 'parse_snort_alert';
  let end = s.indexOf(' ', arrow + 4);
  if (end < 0) end = s.length;
  if (!endpoint(doc, 'source', s.slice(p, arrow)) || !endpoint(doc, 'destination', s.slice(arrow + 4, end))) return 'parse_snort_alert';
  return null;
}
