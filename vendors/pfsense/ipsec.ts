/**
 * strongSwan `charon` (IPsec) lines, as Elastic's pfsense `ipsec` pipeline reads them: the packet
 * lines `NN[NET] ... from ip[port] to ip[port] (N bytes)` give the endpoints and the size; every
 * line is a network event of protocol `ipsec`, ended when the text says `disconnected`.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { appendUnique, isIp, setField, toInt } from '../../src/ecs/fields.js';
import { set2 } from '../../src/ecs/set-path.js';

/** `ip[port]` */
function bracketEndpoint(doc: EcsDoc, side: string, v: string): boolean {
  const open = v.indexOf('[');
  if (open <= 0 || v.charCodeAt(v.length - 1) !== 93) return false;
  const ip = v.slice(0, open);
  const p = toInt(v.slice(open + 1, -1));
  if (!isIp(ip) || p === undefined) return false;
  setField(doc, side + '.address', ip);
  setField(doc, side + '.ip', ip);
  setField(doc, side + '.port', p);
  return true;
}

/** `09[NET]`: a thread number and a subsystem, which the packet form starts with. */
function hasThreadPrefix(s: string): boolean {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === 0 || s.charCodeAt(i) !== 91) return false;
  const close = s.indexOf(']', i);
  return close > i + 1 && close < i + 16;
}

/** `... from a[p] to b[q] (N bytes)`: true when read whole (nothing is kept of a partial read). */
function packet(s: string, doc: EcsDoc): boolean {
  if (!hasThreadPrefix(s) || !s.endsWith(' bytes)')) return false;
  const open = s.lastIndexOf(' (');
  const to = s.lastIndexOf(' to ', open);
  const from = s.lastIndexOf(' ', to - 1);
  const bytes = toInt(s.slice(open + 2, s.length - 7));
  if (open < 0 || to < 0 || bytes === undefined) return false;
  const probe: typeof doc = {};
  if (!bracketEndpoint(probe, 'source', s.slice(from + 1, to)) || !bracketEndpoint(probe, 'destination', s.slice(to + 4, open))) return false;
  doc.source = probe.source;
  doc.destination = probe.destination;
  set2(doc, 'network', 'bytes', bytes);
  return true;
}

export function parseCharon(s: string, doc: EcsDoc): string | null {
  packet(s, doc);
  set2(doc, 'event', 'category', ['network']);
  if (doc.source?.address !== undefined) appendUnique(doc, 'event.type', 'connection');
  if (s.toLowerCase().indexOf('disconnected') >= 0) appendUnique(doc, 'event.type', 'end');
  set2(doc, 'network', 'protocol', 'ipsec');
  return null;
}
