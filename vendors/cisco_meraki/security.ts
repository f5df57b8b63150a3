/**
 * `security_event` (IDS alerts and AMP file events) and the older `ids-alerts`, as Elastic's
 * `security` and `idsalerts` pipelines map them:
 *   security_event ids_alerted signature=G:S:R priority=N timestamp=T dhost=MAC direction=D protocol=P src=IP:PORT dst=IP:PORT decision=D message: TEXT
 *   security_event security_filtering_file_scanned url=URL src=IP:PORT dst=IP:PORT mac=MAC name='NAME' sha256=H disposition=D action=A
 *   security_event security_filtering_disposition_change name=NAME sha256=H disposition=D action=A
 *   ids-alerts signature=G:S:R priority=N timestamp=T direction=D protocol=P src=IP:PORT
 */
import type { EcsDoc } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { splitKv } from '../../src/ecs/kv-split.js';
import { setUrl } from '../../src/ecs/url.js';
import { set2, set3 } from '../../src/ecs/set-path.js';
import { macDash } from './address.js';
import { setEnds } from './urls.js';

const MESSAGE = ' message:';
/** trim_value of the security pipeline's kv */
const TRIM = { trim: " '\"" } as const;

/** [key=value text, text after `message:`] */
function splitMessage(body: string): [string, string | undefined] {
  const mi = body.indexOf(MESSAGE);
  if (mi < 0) return [body, undefined];
  let m = mi + MESSAGE.length;
  if (body.charCodeAt(m) === 32) m++;
  return [body.slice(0, mi), body.slice(m)];
}

/** The IDS keys both log types share. */
function idsKeys(kv: KvMap, doc: EcsDoc): void {
  set3(doc, 'cisco_meraki', 'security', 'priority', kv.priority);
  set3(doc, 'cisco_meraki', 'security', 'signature', kv.signature);
  set2(doc, 'network', 'direction', kv.direction);
  if (kv.protocol !== undefined) set2(doc, 'network', 'protocol', kv.protocol.toLowerCase());
}

export function securityEvent(body: string, doc: EcsDoc): string | null {
  const sp = body.indexOf(' ');
  const sub = sp < 0 ? body : body.slice(0, sp);
  if (sub === '' || sub.indexOf('=') >= 0) return 'parse_security_event';
  set2(doc, 'cisco_meraki', 'event_subtype', sub);
  const [head, text] = splitMessage(sp < 0 ? '' : body.slice(sp + 1));
  if (text !== undefined) doc.message = text;
  const kv = splitKv(head, 0, TRIM);
  idsKeys(kv, doc);
  if (kv.dhost !== undefined) set3(doc, 'cisco_meraki', 'security', 'dhost', macDash(kv.dhost));
  set3(doc, 'cisco_meraki', 'security', 'decision', kv.decision);
  if (kv.url !== undefined && kv.url !== '') setUrl((doc.url ??= {}), kv.url);
  if (kv.mac !== undefined) set3(doc, 'cisco_meraki', 'security', 'mac', macDash(kv.mac));
  set2(doc, 'file', 'name', kv.name);
  set3(doc, 'file', 'hash', 'sha256', kv.sha256);
  set2(doc, 'cisco_meraki', 'disposition', kv.disposition);
  set3(doc, 'cisco_meraki', 'security', 'action', kv.action);
  // the retrospective disposition names no connection: its src/dst are not taken
  if (sub !== 'security_filtering_disposition_change') setEnds(doc, kv.src, kv.dst, false);
  return null;
}

export function idsAlerts(body: string, doc: EcsDoc): string | null {
  const [head, text] = splitMessage(body);
  if (text !== undefined) doc.message = text;
  const kv = splitKv(head, 0, TRIM);
  set2(doc, 'cisco_meraki', 'event_subtype', 'ids_alerted');
  idsKeys(kv, doc);
  setEnds(doc, kv.src, kv.dst, true);
  return kv.signature === undefined ? 'parse_ids_alerts' : null;
}
