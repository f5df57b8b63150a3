/**
 * Sophos XG / SFOS firewall key=value syslog (v17-v21):
 * `device="SFW" date=2024-05-01 time=13:45:10 timezone="CEST" device_name="XG135" device_id=X1...
 *  log_id=010101600001 log_type="Firewall" log_component="Firewall Rule" log_subtype="Allowed" ...`
 * and the SFOS 19+ layout (`device_name="SFW" timestamp="2024-05-01T13:45:10+0200"
 * device_model="XGS2100" device_serial_id="X2..." ...`). Mapped to ECS as Elastic's sophos `xg`
 * data stream does; keys it leaves unmapped stay under `sophos.xg.<key>` (lower-cased) as strings.
 */
import { type EcsDoc, type SyslogMessage } from '../../src/core/types.js';
import { unwrapRepeated, type KvMap } from '../../src/ecs/kv.js';
import { appendUnique, getField, ianaNumber, isIp, setField, toInt } from '../../src/ecs/fields.js';
import { communityId } from '../../src/ecs/community-id.js';
import { isoTime } from '../../src/ecs/base.js';
import { readIsoStamp, stamp } from '../../src/syslog/timestamp.js';
import { splitSophosNonEmpty } from './split.js';
import { move, take } from '../../src/ecs/kv-ops.js';
import {
  antispam, antivirus, atp, contentFilter, firewall, idp, sandbox, systemEvent, systemHealth, waf, wireless,
} from './log-types.js';
import { DetectHint, type VendorContext, type VendorParser } from '../../src/core/stages.js';
import { record } from '../../src/core/null-proto.js';

const LEVELS = ['unknown', 'alert', 'critical', 'error', 'warning', 'notification', 'informational', 'debug'];
/** the line's keys in order, reused */
const ORDER: string[] = [];
const REMOVE = ['date', 'time', 'duration', 'timezone', 'dir_disp', 'srczone', 'dstzone', 'src_zone', 'dst_zone', 'timestamp'];

type Mapper = (doc: EcsDoc, xg: KvMap, typed: EcsDoc) => void;
const BY_TYPE: ReadonlyMap<string, Mapper> = new Map<string, Mapper>([
  ['Firewall', firewall],
  ['IDP', idp],
  ['ATP', atp],
  ['Anti-Virus', antivirus],
  ['Sandbox', sandbox],
  ['Content Filtering', contentFilter],
  ['Event', systemEvent],
  ['WAF', waf],
  ['Anti-Spam', antispam],
  ['System Health', systemHealth],
  ['Wireless Protection', wireless],
]);

function setTimestamp(doc: EcsDoc, xg: KvMap, ctx: VendorContext): number {
  const date = xg.date, time = xg.time;
  let ms = NaN;
  if (date !== undefined && time !== undefined && date.length === 10) {
    const s = date + ' ' + time;
    if (readIsoStamp(s, 0, ctx.timezone, false) === s.length) ms = stamp.ms;
  } else if (xg.timestamp !== undefined) {
    const s = xg.timestamp;
    if (readIsoStamp(s, 0, ctx.timezone, false) === s.length) ms = stamp.ms;
  }
  if (!Number.isNaN(ms)) doc['@timestamp'] = isoTime(ms);
  return ms;
}

function mac(doc: EcsDoc, path: string): void {
  const v = getField(doc, path);
  if (typeof v === 'string') setField(doc, path, v.toUpperCase().replace(/[:.]/g, '-'));
}

function sum(doc: EcsDoc, a: string, b: string, out: string): void {
  const x = getField(doc, a), y = getField(doc, b);
  if (typeof x === 'number' && typeof y === 'number') setField(doc, out, x + y);
}

function flowId(doc: EcsDoc, xg: KvMap): void {
  const s = getField(doc, 'source.ip'), d = getField(doc, 'destination.ip');
  const t = getField(doc, 'network.transport');
  if (typeof s !== 'string' || typeof d !== 'string' || typeof t !== 'string' || !isIp(s) || !isIp(d)) return;
  const proto = ianaNumber(t);
  if (proto === undefined) return;
  let sp: number | undefined, dp: number | undefined;
  if (proto === 1 || proto === 58) {
    sp = toInt(xg.icmp_type);
    dp = toInt(xg.icmp_code);
  } else {
    const a = getField(doc, 'source.port'), b = getField(doc, 'destination.port');
    sp = typeof a === 'number' && a > 0 ? a : undefined;
    dp = typeof b === 'number' && b > 0 ? b : undefined;
  }
  const id = communityId(s, d, proto, sp, dp);
  if (id !== undefined) setField(doc, 'network.community_id', id);
}

/** `@timestamp`, and the duration with the start and end it implies. */
function times(doc: EcsDoc, xg: KvMap, ctx: VendorContext): void {
  const ts = setTimestamp(doc, xg, ctx);
  const dur = toInt(xg.duration);
  if (dur === undefined) return;
  setField(doc, 'event.duration', dur * 1e9);
  if (!Number.isNaN(ts)) {
    setField(doc, 'event.start', isoTime(ts));
    setField(doc, 'event.end', isoTime(ts + dur * 1000));
  }
}

/** Severity (the 7th digit of the log id) and `event.code` (its last five). */
function logIdFields(doc: EcsDoc, logId: string | undefined): void {
  if (logId === undefined) return;
  if (logId.length >= 12) {
    const sev = logId.charCodeAt(6) - 48;
    if (sev >= 0 && sev <= 7) {
      setField(doc, 'event.severity', sev);
      setField(doc, 'log.level', LEVELS[sev]);
    }
  }
  setField(doc, 'event.code', logId.length > 5 ? logId.slice(-5) : logId);
}

/** Serial, interfaces and zones; the zone types are kept as `src_zone_type`/`dst_zone_type`. */
function observer(doc: EcsDoc, xg: KvMap, order: string[]): void {
  move(doc, xg, 'device_id', 'observer.serial_number');
  move(doc, xg, 'device_serial_id', 'observer.serial_number', true);
  move(doc, xg, 'out_interface', 'observer.egress.interface.name');
  move(doc, xg, 'in_interface', 'observer.ingress.interface.name');
  const inZone = xg.srczone ?? xg.src_zone, outZone = xg.dstzone ?? xg.dst_zone;
  if (inZone !== undefined) setField(doc, 'observer.ingress.zone', inZone);
  if (outZone !== undefined) setField(doc, 'observer.egress.zone', outZone);
  const szt = take(xg, 'srczonetype'), dzt = take(xg, 'dstzonetype');
  // keys added here go after the line's keys in sophos.xg, as they would in insertion order
  if (szt !== undefined && xg.src_zone_type === undefined) {
    xg.src_zone_type = szt;
    order.push('src_zone_type');
  }
  if (dzt !== undefined && xg.dst_zone_type === undefined) {
    xg.dst_zone_type = dzt;
    order.push('dst_zone_type');
  }
}

const RELATED_IP_PATHS = ['source.ip', 'destination.ip', 'source.nat.ip', 'destination.nat.ip'];

/** MAC format, totals, `related.*`, community id. */
function tail(doc: EcsDoc, xg: KvMap): void {
  mac(doc, 'source.mac');
  mac(doc, 'destination.mac');
  sum(doc, 'source.bytes', 'destination.bytes', 'network.bytes');
  sum(doc, 'source.packets', 'destination.packets', 'network.packets');
  for (const p of RELATED_IP_PATHS) {
    const v = getField(doc, p);
    if (typeof v === 'string' && isIp(v)) appendUnique(doc, 'related.ip', v);
  }
  const user = getField(doc, 'source.user.name');
  if (typeof user === 'string') appendUnique(doc, 'related.user', user);
  flowId(doc, xg);
}

/** The keys left, in line order, then the typed ones, as `sophos.xg`. */
function vendorFields(doc: EcsDoc, xg: KvMap, order: string[], typed: EcsDoc): void {
  const out: EcsDoc = record();
  for (let i = 0; i < order.length; i++) {
    const k = order[i]!;
    const v = xg[k];
    if (v !== undefined) out[k] = v;
  }
  Object.assign(out, typed);
  setField(doc, 'sophos.xg', out);
}

function parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
  const order = ORDER;
  const xg = splitSophosNonEmpty(unwrapRepeated(msg.content), order);
  setField(doc, 'observer.vendor', 'Sophos');
  setField(doc, 'observer.product', 'XG');
  setField(doc, 'observer.type', 'firewall');
  if (xg.log_id === undefined && xg.log_type === undefined) {
    move(doc, xg, 'device_id', 'observer.serial_number');
    return 'parse_kv';
  }
  times(doc, xg, ctx);
  logIdFields(doc, xg.log_id);
  observer(doc, xg, order);
  for (let i = 0; i < REMOVE.length; i++) delete xg[REMOVE[i]!];
  const typed: EcsDoc = {};
  const rt = toInt(take(xg, 'responsetime'));
  if (rt !== undefined) typed.responsetime = rt;
  const type = xg.log_type;
  const mapper = type === undefined ? undefined : BY_TYPE.get(type);
  if (mapper !== undefined) mapper(doc, xg, typed);
  tail(doc, xg);
  vendorFields(doc, xg, order, typed);
  return mapper === undefined ? 'unknown_log_type' : null;
}

export const parser: VendorParser = {
  id: 'sophos_xg',
  dataset: 'sophos.xg',
  samples: [
    '<30>device="SFW" date=2024-03-14 time=08:00:00 timezone="UTC" device_name="XG135" device_id=X1310012345678 log_id=010101600001 log_type="Firewall" log_component="Firewall Rule" log_subtype="Allowed" status="Allow" priority=Information fw_rule_id=4 src_ip=10.0.0.5 dst_ip=10.9.9.9 protocol="TCP" src_port=50123 dst_port=443',
  ],
  requires: DetectHint.equals,
  detect(msg: SyslogMessage): boolean {
    const c = msg.content;
    return c.indexOf('device="SFW"') >= 0 || (c.indexOf('log_id=') >= 0 && c.indexOf('log_type=') >= 0);
  },
  parse,
};
