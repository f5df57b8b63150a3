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

/**
 * A Firepower security event without the `%FTD-` marker and id (devices before 6.3, or a relay that
 * kept only the body): `Key: Value` pairs naming both addresses and a Firepower-only key.
 */
export function isHeadlessSecurityEvent(s: string): boolean {
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
    return hasFtdMarker(msg.raw) || isHeadlessSecurityEvent(msg.raw);
  },
  parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
    return parseCisco(msg, doc, ctx, 'ftd');
  },
};
