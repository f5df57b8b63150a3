/**
 * cisco_ftd: Cisco Firepower Threat Defense (`%FTD-6-430003: ...`, and the ASA-style messages FTD
 * writes), normalized as Elastic's cisco_ftd integration does. It reuses the cisco_asa message
 * parsers with the FTD flavor (observer, categorization by action, security-event layout).
 */
import { type EcsDoc, type SyslogMessage } from '../../src/core/types.js';
import { parseCisco } from '../cisco_asa/core.js';
import type { VendorContext, VendorParser } from '../../src/core/stages.js';

/** True when a `%FTD-` marker appears near the start of the message. */
export function hasFtdMarker(s: string): boolean {
  const i = s.indexOf('%FTD-');
  return i >= 0 && i < 512;
}

/** `Word: ` at the start (a program tag or a first key), so key=value lines cost one short look. */
function startsWithKey(s: string): boolean {
  let i = 0;
  while (i < s.length && i < 48) {
    const c = s.charCodeAt(i);
    if (c === 58) return i > 0 && s.charCodeAt(i + 1) === 32;
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46 || c === 91 || c === 93)) return false;
    i++;
  }
  return false;
}

/**
 * A Firepower security event without the `%FTD-` marker and id (devices before 6.3, or a relay that
 * kept only the body): `Key: Value` pairs naming both addresses and a Firepower-only key.
 */
export function isHeadlessSecurityEvent(s: string): boolean {
  if (!startsWithKey(s)) return false;
  const i = s.indexOf('SrcIP: ');
  if (i < 0 || s.indexOf('DstIP: ', i) < 0) return false;
  return s.indexOf('AccessControlRuleAction: ') >= 0 || s.indexOf('DeviceUUID: ') >= 0 || s.indexOf('IntrusionPolicy: ') >= 0
    || s.indexOf('FileSHA256: ') >= 0;
}

export const parser: VendorParser = {
  id: 'cisco_ftd',
  dataset: 'cisco_ftd.log',
  samples: [
    '<164>Mar 14 2024 08:00:00 ftd-1 : %FTD-4-106023: Deny udp src outside:10.1.1.7/5353 dst inside:10.20.0.9/53 by access-group "CSM_FW_ACL_" [0x97aa021a, 0x0]',
  ],
  detect(msg: SyslogMessage): boolean {
    return hasFtdMarker(msg.raw) || isHeadlessSecurityEvent(msg.content);
  },
  parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
    return parseCisco(msg, doc, ctx, 'ftd');
  },
};
