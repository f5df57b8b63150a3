/**
 * leef: IBM QRadar Log Event Extended Format 1.0 and 2.0, with or without a syslog header in front.
 * `decode.ts` reads the header and attributes, `ecs.ts` maps QRadar's predefined keys to ECS.
 */
import type { EcsDoc, SyslogMessage } from '../../src/core/types.js';
import { shortHeaderTime } from '../cef/header-time.js';
import { withoutRepeatWrapper } from '../cef/repeated.js';
import { decodeLeef, MARK } from './decode.js';
import { leefToEcs } from './ecs.js';
import type { VendorContext, VendorParser } from '../../src/core/stages.js';

export { decodeLeef } from './decode.js';

export const parser: VendorParser = {
  id: 'leef',
  dataset: 'leef.log',
  samples: [
    '<13>Mar 14 08:00:00 qradar-src LEEF:1.0|Microsoft|MSExchange|2016|15345|src=10.0.2.10\tdst=10.9.100.2\tsev=5\tcat=anomaly\tsrcPort=49152\tdstPort=25\tusrName=joe.black\tproto=TCP',
  ],
  detect(msg: SyslogMessage): boolean {
    return msg.raw.indexOf(MARK) >= 0;
  },
  parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
    const at = msg.raw.indexOf(MARK);
    const ev = at < 0 ? null : decodeLeef(withoutRepeatWrapper(msg.raw, at), at);
    if (ev === null) return 'parse_header';
    shortHeaderTime(msg, doc, ctx.timezone);
    leefToEcs(ev, doc, ctx);
    return ev.complete ? null : 'parse_header';
  },
};
