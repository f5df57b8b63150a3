/**
 * cisco_asa: Cisco ASA, PIX and FWSM firewalls (`%ASA-6-302013: ...`, `%PIX-`, `%FWSM-`), normalized
 * as Elastic's cisco_asa integration does. The message parsers live in this folder and are shared
 * with cisco_ftd (see core.ts).
 */
import { DetectHint, type EcsDoc, type SyslogMessage, type VendorContext, type VendorParser } from '../../src/core/types.js';
import { parseCisco } from './core.js';

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
  requires: DetectHint.percent,
  detect(msg: SyslogMessage): boolean {
    return hasAsaMarker(msg.raw);
  },
  parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
    return parseCisco(msg, doc, ctx, 'asa');
  },
};
