/**
 * RT_FLOW in the BSD text form (without structured data), as the Junos log reference writes it:
 *   RT_FLOW_SESSION_CREATE: session created SRC/SPORT->DST/DPORT [TAG] SERVICE NATSRC/NPORT->NATDST/NPORT ... PROTO POLICY FROMZONE TOZONE ID ...
 *   RT_FLOW_SESSION_CLOSE: session closed REASON: SRC/SPORT->DST/DPORT [TAG] SERVICE NATSRC/NPORT->NATDST/NPORT ...
 *   RT_FLOW_SESSION_DENY: session denied SRC/SPORT->DST/DPORT [TAG] SERVICE PROTO(ICMPTYPE) POLICY FROMZONE TOZONE ...
 * The columns after the addresses differ between releases, so only the address pairs (which every
 * release writes first) and a close reason are taken: source / destination and their NAT, and the
 * flow's event.type and action, as the structured form gives them.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { isIp, toInt } from '../../src/ecs/fields.js';
import { set2, set3 } from '../../src/ecs/set-path.js';
import { categorizeFlow } from './flow.js';

const PREFIXES: readonly string[] = ['session created ', 'session closed ', 'session denied '];

/** `ADDR/PORT->ADDR/PORT` at the start of a word; null when the word is not one. */
function pair(w: string): [string, number | undefined, string, number | undefined] | null {
  const arrow = w.indexOf('->');
  if (arrow <= 0) return null;
  const a = w.slice(0, arrow), b = w.slice(arrow + 2);
  const sa = a.lastIndexOf('/'), sb = b.lastIndexOf('/');
  if (sa <= 0 || sb <= 0) return null;
  const sip = a.slice(0, sa), dip = b.slice(0, sb);
  if (!isIp(sip) || !isIp(dip)) return null;
  return [sip, toInt(a.slice(sa + 1)), dip, toInt(b.slice(sb + 1))];
}

export function mapFlowText(tag: string, text: string, doc: EcsDoc): boolean {
  let t = text.charCodeAt(0) === 32 ? text.slice(1) : text;
  let k = 0;
  while (k < PREFIXES.length && !t.startsWith(PREFIXES[k]!)) k++;
  if (k === PREFIXES.length) return false;
  t = t.slice(PREFIXES[k]!.length);
  if (k === 1) {
    // `session closed REASON: ...`
    const colon = t.indexOf(': ');
    if (colon > 0 && colon < 64) {
      set3(doc, 'juniper', 'srx', 'reason', t.slice(0, colon));
      t = t.slice(colon + 2);
    }
  }
  const words = t.split(' ', 6);
  const first = words[0] === undefined ? null : pair(words[0]);
  if (first === null) return false;
  categorizeFlow(Object.create(null) as Record<string, string>, tag, doc);
  set2(doc, 'source', 'ip', first[0]);
  set2(doc, 'source', 'port', first[1]);
  set2(doc, 'destination', 'ip', first[2]);
  set2(doc, 'destination', 'port', first[3]);
  for (let i = 1; i < words.length; i++) {
    const nat = pair(words[i]!);
    if (nat === null) continue;
    if (nat[0] !== first[0] || nat[1] !== first[1]) {
      set3(doc, 'source', 'nat', 'ip', nat[0]);
      set3(doc, 'source', 'nat', 'port', nat[1]);
    }
    if (nat[2] !== first[2] || nat[3] !== first[3]) {
      set3(doc, 'destination', 'nat', 'ip', nat[2]);
      set3(doc, 'destination', 'nat', 'port', nat[3]);
    }
    break;
  }
  return true;
}
