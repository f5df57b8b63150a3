/**
 * Snort 2/3 and Suricata alerts, as Elastic's snort integration reads them: alert_fast and syslog
 * alerts (fast.ts, with barnyard2's form and the multi-line alert_full), the CSV alert logs
 * (csv.ts), Snort 3's alert_json and Suricata's EVE alerts (json.ts). Dispatch on the first
 * characters: an alert file's own stamp, `{`, or the syslog alert text.
 */
import type { EcsDoc, SyslogMessage } from '../../src/core/types.js';
import { ianaNumber, isIp, relatedIp, toInt } from '../../src/ecs/fields.js';
import { communityId } from '../../src/ecs/community-id.js';
import { isoTime } from '../../src/ecs/base.js';
import { networkDirection } from './direction.js';
import { set2 } from '../../src/ecs/set-path.js';
import { indexOfFrom } from '../../src/core/marker.js';
import type { VendorContext, VendorParser } from '../../src/core/stages.js';
import { isDigit, readSnortDate, type SnortStamp } from './date.js';
import { parseFast } from './fast.js';
import { parseCsv, splitCsv } from './csv.js';
import { isAlertJson, parseJson } from './json.js';

/** the alert's priority, looked for from its `[` (see indexOfFrom) */
const PRIORITY_MARK = ' [Priority: ';
const PRIORITY_TAIL = PRIORITY_MARK.slice(1);

/** the stamp read last (one parse at a time per parser instance) */
const stamp: SnortStamp = { ms: NaN, us: 0 };

/** `.ip` from `.address`, MACs as ECS writes them (upper case, `-`). */
function address(o: EcsDoc | undefined): void {
  if (o === undefined) return;
  if (o.ip === undefined && isIp(o.address)) o.ip = o.address;
  if (typeof o.mac === 'string') o.mac = o.mac.toUpperCase().replace(/[.:]/g, '-');
}

function finish(doc: EcsDoc): void {
  address(doc.source);
  address(doc.destination);
  const src = doc.source?.ip as string | undefined, dst = doc.destination?.ip as string | undefined;
  if (src !== undefined) set2(doc, 'network', 'type', src.indexOf('.') >= 0 ? 'ipv4' : 'ipv6');
  set2(doc, 'network', 'direction', networkDirection(src, dst) ?? 'unknown');
  let transport = doc.network?.transport as string | undefined;
  if (transport !== undefined) doc.network.transport = transport = transport.toLowerCase();
  const proto = transport === undefined ? undefined : ianaNumber(transport);
  if (proto !== undefined) set2(doc, 'network', 'iana_number', String(proto));
  if (src !== undefined && dst !== undefined && proto !== undefined) {
    let sp = doc.source?.port as number | undefined, dp = doc.destination?.port as number | undefined;
    if (proto === 1 || proto === 58) {
      sp = (doc.snort?.icmp?.type as number | undefined) ?? 0;
      dp = (doc.snort?.icmp?.code as number | undefined) ?? 0;
    }
    set2(doc, 'network', 'community_id', communityId(src, dst, proto, sp, dp));
  }
  relatedIp(doc, src);
  relatedIp(doc, dst);
}

/** The header's host and program, for alerts that came over syslog. */
function header(msg: SyslogMessage, doc: EcsDoc): void {
  if (msg.hostname !== null) {
    if (isIp(msg.hostname)) set2(doc, 'observer', 'ip', msg.hostname);
    else set2(doc, 'observer', 'name', msg.hostname);
  }
  set2(doc, 'process', 'name', msg.appname);
  const pid = toInt(msg.procid);
  if (pid !== undefined) set2(doc, 'process', 'pid', pid);
}

/** A line of an alert file, starting with its own stamp: CSV or fast. */
function fileLine(s: string, end: number, doc: EcsDoc, ctx: VendorContext): string | null {
  doc['@timestamp'] = isoTime(stamp.ms); // milliseconds, as Elastic's date processor keeps
  set2(doc, 'event', 'timezone', ctx.timezone);
  let p = end;
  while (s.charCodeAt(p) === 32) p++;
  return s.charCodeAt(p) === 44 ? parseCsv(splitCsv(s, 0), doc) : parseFast(s, p, doc, ctx, stamp);
}

function parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
  set2(doc, 'observer', 'vendor', 'snort');
  set2(doc, 'observer', 'product', 'ids');
  set2(doc, 'observer', 'type', 'ids');
  set2(doc, 'event', 'kind', 'alert');
  set2(doc, 'event', 'category', ['network']);
  const s = msg.message;
  const end = readSnortDate(s, ctx, stamp);
  let step: string | null;
  if (end >= 0) step = fileLine(s, end, doc, ctx);
  else {
    header(msg, doc);
    step = s.charCodeAt(0) === 123 ? parseJson(s, 0, doc, ctx, stamp) : parseFast(s, 0, doc, ctx, stamp);
  }
  finish(doc);
  return step;
}

/** `MM/DD` then `-` or `/` : the stamp of a fast or CSV alert line */
function startsWithSnortDate(c: string): boolean {
  return c.charCodeAt(2) === 47 && isDigit(c.charCodeAt(0)) && isDigit(c.charCodeAt(4)) &&
    (c.charCodeAt(5) === 45 || c.charCodeAt(5) === 47);
}

export const parser: VendorParser = {
  id: 'snort',
  dataset: 'snort.log',
  samples: [
    '<33>Mar 14 08:00:00 snort[1234]: [1:1000010:2] TEST tcp syn [Classification: Misc activity] [Priority: 3] {TCP} 10.0.0.8:51000 -> 10.2.0.44:8080',
  ],
  detect(msg: SyslogMessage): boolean {
    const c = msg.message;
    return indexOfFrom(c, PRIORITY_MARK, 1, PRIORITY_TAIL) >= 0 || (startsWithSnortDate(c) && c.indexOf(',') > 0) || isAlertJson(c, 0) || (c.startsWith('[**] [') && c.endsWith('[**]'));
  },
  parse,
};
