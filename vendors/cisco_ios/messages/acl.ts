/**
 * Access-list logging: `%SEC-6-IPACCESSLOGP/DP/RP/SP/NP`, `%IPV6_ACL-6-ACCESSLOGP/DP/SP/NP`,
 * `%FMANFP-6-IPACCESSLOGP` (IOS-XE data plane), as Elastic's pipeline dissects them:
 *   list 101 denied tcp 10.0.0.1(1234) -> 10.0.0.2(80), 1 packet
 *   list 151 denied icmp 10.0.0.1 -> 10.0.0.2 (3/4), 1 packet
 */
import type { EcsDoc } from '../../../src/core/types.js';
import { appendUnique, setField } from '../../../src/ecs/fields.js';
import { compileDissect, runDissect, type Dissect } from '../../../src/ecs/dissect.js';

const P = compileDissect('list %{acl} %{act} %{transport} %{saddr}(%{sport}) %{} %{daddr}(%{dport}), %{packets} packet');
const P_AL = compileDissect('access-list %{acl} %{act} %{transport} %{saddr}(%{sport}) %{} %{daddr}(%{dport}), %{packets} packet');
const DP = compileDissect('list %{acl} %{act} %{transport} %{saddr} %{} %{daddr} (%{icmp_type}/%{icmp_code}), %{packets} packet');
const RP = compileDissect('list %{acl} %{act} %{transport} %{saddr} %{} %{daddr}, %{packets} packet');
const SP = compileDissect('list %{acl} %{act} %{transport} %{saddr} %{} %{daddr} (%{igmp_type}), %{packets} packet');
const V6SP = compileDissect('list %{acl} %{act} %{nettype} %{saddr} %{} %{daddr}, %{packets} packet');
const NP = compileDissect('list %{acl} %{act} %{iana} %{saddr} %{} %{daddr}, %{packets} packet');

/** Which dissects each mnemonic tries; `strict` ones are a parse failure when none matches. */
const ACL_CODES: ReadonlyMap<string, { tries: readonly Dissect[]; strict: boolean }> = new Map([
  ['IPACCESSLOGP', { tries: [P, P_AL], strict: false }],
  ['ACCESSLOGP', { tries: [P, P_AL], strict: false }],
  ['IPV6ACCESSLOGP', { tries: [P, P_AL], strict: false }],
  ['IPACCESSLOGDP', { tries: [DP], strict: true }],
  ['ACCESSLOGDP', { tries: [DP], strict: true }],
  ['IPACCESSLOGRP', { tries: [RP], strict: true }],
  ['IPACCESSLOGSP', { tries: [SP], strict: true }],
  ['ACCESSLOGSP', { tries: [V6SP], strict: true }],
  ['IPACCESSLOGNP', { tries: [NP], strict: true }],
  ['ACCESSLOGNP', { tries: [NP], strict: true }],
]);

export function isAclCode(code: string): boolean {
  return ACL_CODES.has(code);
}

/** Parses an ACL log message into doc; returns null, or a step name when the layout did not match. */
export function parseAcl(code: string, text: string, doc: EcsDoc): string | null {
  const spec = ACL_CODES.get(code);
  if (spec === undefined) return null;
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  let ok = false;
  for (const d of spec.tries) {
    if (runDissect(d, text, 0, out)) {
      ok = true;
      break;
    }
  }
  if (!ok) return spec.strict ? 'parse_' + code.toLowerCase() : null;
  setField(doc, 'cisco.ios.access_list', out.acl);
  setField(doc, 'network.transport', out.transport);
  setField(doc, 'network.type', out.nettype);
  setField(doc, 'network.iana_number', out.iana);
  setField(doc, 'source.address', out.saddr);
  setField(doc, 'source.port', out.sport);
  setField(doc, 'destination.address', out.daddr);
  setField(doc, 'destination.port', out.dport);
  setField(doc, 'source.packets', out.packets);
  setField(doc, 'icmp.type', out.icmp_type);
  setField(doc, 'icmp.code', out.icmp_code);
  setField(doc, 'igmp.type', out.igmp_type);
  if (out.act === 'denied') {
    setField(doc, 'event.action', 'deny');
    appendUnique(doc, 'event.type', 'denied');
  } else if (out.act === 'permitted') {
    setField(doc, 'event.action', 'allow');
    appendUnique(doc, 'event.type', 'allowed');
  }
  return null;
}
