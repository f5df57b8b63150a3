/**
 * cisco_asa: Cisco ASA, PIX and FWSM firewalls (`%ASA-6-302013: ...`, `%PIX-`, `%FWSM-`), normalized
 * as Elastic's cisco_asa integration does. The message parsers live in this folder and are shared
 * with cisco_ftd (see core.ts).
 */
import { type EcsDoc, type SyslogMessage } from '../../src/core/types.js';
import { parseCisco } from './core.js';
import { DetectHint, type VendorContext, type VendorParser } from '../../src/core/stages.js';

/** True when a `%ASA-`, `%PIX-` or `%FWSM-` marker appears near the start of the message. */
export function hasAsaMarker(s: string): boolean {
  let i = s.indexOf('%');
  while (i >= 0 && i < 512) {
    const c = s.charCodeAt(i + 1);
    if (
      (c === 65 && s.startsWith('ASA-', i + 1)) ||
      (c === 80 && s.startsWith('PIX-', i + 1)) ||
      (c === 70 && s.startsWith('FWSM-', i + 1))
    ) return true;
    i = s.indexOf('%', i + 1);
  }
  return false;
}

export const parser: VendorParser = {
  id: 'cisco_asa',
  dataset: 'cisco_asa.log',
  samples: [
    '<164>Mar 14 2024 08:00:00 asa-1 : %ASA-4-106023: Deny tcp src outside:10.1.1.7/44321 dst dmz:10.2.2.80/22 by access-group "OUTSIDE_IN" [0x5063b82f, 0x0]',
    '<166>Mar 14 2024 08:00:00 asa-1 : %ASA-6-302013: Built inbound TCP connection 1234 for outside:10.1.1.7/5000 (10.1.1.7/5000) to inside:10.2.2.9/443 (10.2.2.9/443)',
  ],
  requires: DetectHint.percent,
  detect(msg: SyslogMessage): boolean {
    return hasAsaMarker(msg.raw);
  },
  parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
    return parseCisco(msg, doc, ctx, 'asa');
  },
};
