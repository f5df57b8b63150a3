/**
 * Layer-3 firewall and flow logs (`flows`, `firewall`, `vpn_firewall`, `cellular_firewall`,
 * `bridge_anyconnect_client_vpn_firewall`) and the NAT flow logs (`ip_flow_start`, `ip_flow_end`),
 * as Elastic's `flows` and `ipflows` pipelines map them:
 *   [allow|deny] src=IP dst=IP [mac=MAC] protocol=P [type=N] [sport=N] [dport=N] [pattern: RULE]
 *   src=IP dst=IP protocol=P sport=N dport=N [translated_src_ip=IP] [translated_dst_ip=IP] [translated_port=N]
 */
import type { EcsDoc } from '../../src/core/types.js';
import { isIp, toInt } from '../../src/ecs/fields.js';
import { parseKv } from '../../src/ecs/kv.js';
import { set2, set3 } from '../../src/ecs/set-path.js';
import { macDash } from './address.js';

const PATTERN = ' pattern: ';

function isPort(v: string | undefined): boolean {
  if (v === undefined || v.length === 0 || v.length > 5) return false;
  for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) < 48 || v.charCodeAt(i) > 57) return false;
  return true;
}

/** `cisco_meraki.firewall.action`/`rule` from `allow|deny RULE`; any other pattern stays whole. */
function setPattern(doc: EcsDoc, pattern: string): void {
  const sp = pattern.indexOf(' ');
  if ((pattern.startsWith('allow') || pattern.startsWith('deny')) && sp > 0) {
    set3(doc, 'cisco_meraki', 'firewall', 'action', pattern.slice(0, sp));
    set3(doc, 'cisco_meraki', 'firewall', 'rule', pattern.slice(sp + 1));
  } else set3(doc, 'cisco_meraki', 'firewall', 'pattern', pattern);
}

const SUBTYPE_BY_OP: ReadonlyMap<string, string> = new Map([['allow', 'flow_allowed'], ['deny', 'flow_denied']]);

export function flows(body: string, doc: EcsDoc): string | null {
  const pi = body.indexOf(PATTERN);
  const head = pi < 0 ? body : body.slice(0, pi);
  const sp = head.indexOf(' ');
  const first = sp < 0 ? head : head.slice(0, sp);
  const op = first !== '' && first.indexOf('=') < 0 ? first : undefined;
  const kv = parseKv(head, op === undefined ? 0 : sp + 1);
  if (!isIp(kv.src) || !isIp(kv.dst) || kv.protocol === undefined) return 'parse_flows';
  set3(doc, 'cisco_meraki', 'flows', 'op', op);
  set2(doc, 'source', 'ip', kv.src);
  set2(doc, 'destination', 'ip', kv.dst);
  if (kv.mac !== undefined) set2(doc, 'source', 'mac', macDash(kv.mac));
  set2(doc, 'network', 'protocol', kv.protocol);
  if (isPort(kv.sport)) set2(doc, 'source', 'port', toInt(kv.sport));
  if (isPort(kv.dport)) set2(doc, 'destination', 'port', toInt(kv.dport));
  if (pi >= 0 && pi + PATTERN.length < body.length) setPattern(doc, body.slice(pi + PATTERN.length));
  set2(doc, 'cisco_meraki', 'event_subtype', op === undefined ? 'ip_session_initiated' : SUBTYPE_BY_OP.get(op));
  return null;
}

/** ip_flow_start / ip_flow_end: the translated address and port win when present. */
export function ipFlows(body: string, doc: EcsDoc): string | null {
  const kv = parseKv(body);
  const tsrc = kv.translated_src_ip, tdst = kv.translated_dst_ip;
  const sip = tsrc ?? kv.src, dip = tdst ?? kv.dst;
  if (isIp(sip)) set2(doc, 'source', 'ip', sip);
  set2(doc, 'source', 'port', toInt(tsrc !== undefined ? kv.translated_port : kv.sport));
  if (isIp(dip)) set2(doc, 'destination', 'ip', dip);
  set2(doc, 'destination', 'port', toInt(tdst !== undefined ? kv.translated_port : kv.dport));
  set2(doc, 'network', 'protocol', kv.protocol);
  return kv.src === undefined || kv.dst === undefined ? 'parse_ip_flow' : null;
}
