/**
 * cef: ArcSight Common Event Format from any vendor, with or without a syslog header in front.
 * Decoding and the ECS mapping follow Elastic's CEF decoder and the cef integration pipeline
 * (including its Forcepoint NGFW sub-pipeline). Check Point's CEF is claimed by vendors/checkpoint.
 */
import type { EcsDoc, SyslogMessage } from '../../src/core/types.js';
import { decodeCef } from './decode.js';
import { cefToEcs } from './ecs.js';
import { shortHeaderTime } from './header-time.js';
import { withoutRepeatWrapper } from './repeated.js';
import type { VendorContext, VendorParser } from '../../src/core/stages.js';

export const parser: VendorParser = {
  id: 'cef',
  dataset: 'cef.log',
  samples: [
    '<134>Mar 14 08:00:00 host CEF:0|Security|threatmanager|1.0|100|worm successfully stopped|10|src=10.0.0.1 dst=10.2.1.2 spt=1232 dpt=80 proto=TCP act=blocked suser=jdoe',
  ],
  detect(msg: SyslogMessage): boolean {
    return msg.raw.indexOf('CEF:') >= 0;
  },
  parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
    const at = msg.raw.indexOf('CEF:');
    if (at < 0) return 'no_cef_header';
    const ev = decodeCef(withoutRepeatWrapper(msg.raw, at), at, ctx.timezone, ctx.receivedAt);
    if (ev === null) return 'parse_header';
    shortHeaderTime(msg, doc, ctx.timezone);
    cefToEcs(ev, doc, ctx, null);
    return ev.complete ? null : 'parse_header';
  },
};
