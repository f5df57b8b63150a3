/**
 * cef: ArcSight Common Event Format from any vendor, with or without a syslog header in front.
 * Decoding and the ECS mapping follow Elastic's CEF decoder and the cef integration pipeline
 * (including its Forcepoint NGFW sub-pipeline). Check Point's CEF is claimed by vendors/checkpoint.
 */
import type { EcsDoc, SyslogMessage, VendorContext, VendorParser } from '../../src/core/types.js';
import { decodeCef } from './decode.js';
import { cefToEcs } from './ecs.js';
import { shortHeaderTime } from './header-time.js';

export const parser: VendorParser = {
  id: 'cef',
  dataset: 'cef.log',
  detect(msg: SyslogMessage): boolean {
    return msg.raw.indexOf('CEF:') >= 0;
  },
  parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
    const at = msg.raw.indexOf('CEF:');
    if (at < 0) return 'no_cef_header';
    const ev = decodeCef(msg.raw, at, ctx.timezone, ctx.receivedAt);
    if (ev === null) return 'parse_header';
    shortHeaderTime(msg, doc, ctx.timezone);
    cefToEcs(ev, doc, ctx, null);
    return ev.complete ? null : 'parse_header';
  },
};
