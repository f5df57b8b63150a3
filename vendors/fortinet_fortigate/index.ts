/**
 * Fortinet FortiGate (FortiOS 6.x-7.6) key=value syslog:
 * `date=2024-05-01 time=13:45:10 devname="fw01" devid="FG100F..." eventtime=... tz="+0200"
 *  logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=... action="close" ...`.
 * Mapped to ECS as Elastic's fortinet_fortigate integration does (its default, event, login,
 * traffic and utm sub-pipelines, in that order); keys it leaves unmapped stay under
 * `fortinet.firewall.<key>` as strings.
 */
import { type EcsDoc, type SyslogMessage } from '../../src/core/types.js';
import { unwrapRepeated, type KvMap } from '../../src/ecs/kv.js';
import { scanFortiKv, type FortiKv } from './kv.js';
import { getField, setField, toInt } from '../../src/ecs/fields.js';
import { isoTime } from '../../src/ecs/base.js';
import { convertEventTypes, mapEvent } from './event-log.js';
import { isLoginMessage, mapLogin } from './login.js';
import { mapTraffic } from './traffic-log.js';
import { mapUtm } from './utm-log.js';
import { finish } from './tail.js';
import { applySteps, copy, move, take, type KvStep } from '../../src/ecs/kv-ops.js';
import { dateTimeMs, eventTimeMs, normalizeTz, usableZone } from './time.js';
import { DetectHint, type VendorContext, type VendorParser } from '../../src/core/stages.js';
import { record } from '../../src/core/null-proto.js';

/** keys dropped from `fortinet.firewall` once mapped or used */
const REMOVE_AT_END = ['tz', 'date', 'devid', 'eventtime', 'time', 'duration'];

const CONTROL_ALL = /[\x00-\x1f\x7f]/g;

function observer(doc: EcsDoc): void {
  setField(doc, 'observer.vendor', 'Fortinet');
  setField(doc, 'observer.product', 'Fortigate');
  setField(doc, 'observer.type', 'firewall');
}

function times(doc: EcsDoc, fw: KvMap, ctx: VendorContext): void {
  let zone = ctx.timezone;
  const tzRaw = fw.tz;
  if (tzRaw !== undefined && tzRaw !== '') {
    const tz = normalizeTz(tzRaw);
    setField(doc, 'event.timezone', tz);
    zone = usableZone(tz) ?? ctx.timezone;
  }
  const date = fw.date, time = fw.time;
  if (date !== undefined && time !== undefined) {
    const ms = dateTimeMs(date, time, zone);
    if (!Number.isNaN(ms)) doc['@timestamp'] = isoTime(ms);
  }
  const et = fw.eventtime;
  if (et !== undefined) {
    const ms = eventTimeMs(et);
    if (!Number.isNaN(ms) && Math.abs(ms) < 8.64e15) setField(doc, 'event.start', isoTime(ms));
  }
}

/**
 * The key=value body: where a relay wrapped the line (`message repeated 2 times: [ ... ]`), the
 * bracket after the last value is not part of it. Control characters are stripped before the
 * scan (rare: scan again).
 */
function scan(content: string): FortiKv {
  const body = unwrapRepeated(content);
  return scanFortiKv(body) ?? scanFortiKv(body.replace(CONTROL_ALL, ''))!;
}

/** What the default pipeline maps before the type sub-pipelines. */
function common(msg: SyslogMessage, doc: EcsDoc, fw: KvMap, ctx: VendorContext): void {
  times(doc, fw, ctx);
  move(doc, fw, 'devname', 'observer.name');
  if (getField(doc, 'observer.name') === undefined && msg.hostname !== null && msg.format === 'rfc5424') {
    setField(doc, 'observer.name', msg.hostname);
  }
  const dur = fw.duration;
  if (dur !== undefined && /^\d{1,12}$/.test(dur)) setField(doc, 'event.duration', Number(dur) * 1e9);
  applySteps(doc, fw, OBSERVER);
  const subject = fw.subject;
  if (subject !== undefined && subject !== '') setField(doc, 'email.subject', subject);
  const srcname = fw.srcname;
  if (srcname !== undefined && srcname !== '') setField(doc, 'host.name', srcname.toLowerCase());
  move(doc, fw, 'msg', 'message');
  const dstmac = take(fw, 'dstmac');
  if (dstmac !== undefined) setField(doc, 'destination.mac', dstmac.replace(/:/g, '-').toUpperCase());
}

const OBSERVER: readonly KvStep[] = [
  ['rename', 'devid', 'observer.serial_number'],
  ['rename?', 'dstintf', 'observer.egress.interface.name'],
  ['rename?', 'srcintf', 'observer.ingress.interface.name'],
  ['rename', 'dst_int', 'observer.egress.interface.name'],
  ['rename', 'src_int', 'observer.ingress.interface.name'],
  ['rename', 'level', 'log.level'],
];

/** The keys left after mapping, in line order, as `fortinet.firewall`. */
function vendorFields(doc: EcsDoc, kv: FortiKv): void {
  const fw = kv.fw;
  const out: EcsDoc = record();
  for (let i = 0; i < REMOVE_AT_END.length; i++) delete fw[REMOVE_AT_END[i]!];
  const keys = kv.keys;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = fw[k];
    if (v !== undefined && v !== '') out[k] = v;
  }
  convertEventTypes(fw, out);
  convertLongs(out);
  if (Object.keys(out).length !== 0) setField(doc, 'fortinet.firewall', out);
}

function parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
  const kv = scan(msg.content);
  const fw = kv.fw;
  observer(doc);
  if (!fw.logid && !fw.type) {
    move(doc, fw, 'devname', 'observer.name');
    move(doc, fw, 'devid', 'observer.serial_number');
    return 'parse_kv';
  }
  // the login step reads `message` as the pipeline has it: the device's msg only
  const text = fw.msg;
  common(msg, doc, fw, ctx);
  const type = fw.type;
  if (type === 'event') mapEvent(doc, kv);
  if (text !== undefined && isLoginMessage(text)) mapLogin(doc, fw);
  const known = type === 'event' || type === 'traffic' || type === 'utm' || type === 'dns';
  if (type === 'traffic') mapTraffic(doc, fw);
  else if (type === 'utm' || type === 'dns') mapUtm(doc, fw);
  else if (!known) copy(doc, fw, 'logid', 'event.code');
  finish(doc, fw);
  vendorFields(doc, kv);
  return known ? null : 'unknown_type';
}

/** Counters Elastic converts to long wherever they appear. */
const LONGS = [
  'auditid', 'audittime', 'quotamax', 'quotaused', 'size', 'disklograte', 'fazlograte', 'lanin', 'lanout',
  'setuprate', 'wanin', 'wanout', 'valid',
];

function convertLongs(out: EcsDoc): void {
  for (let i = 0; i < LONGS.length; i++) {
    const k = LONGS[i]!;
    const n = toInt(out[k]);
    if (n !== undefined) out[k] = n;
  }
}

/**
 * True when `key` (with its `=`) stands in `s` as a key of its own: at the start or after a
 * character that cannot be part of a key (`FTNTFGTlogid=` in CEF is not `logid=`).
 */
function hasKey(s: string, key: string): boolean {
  let i = s.indexOf(key);
  while (i >= 0) {
    if (i === 0) return true;
    const c = s.charCodeAt(i - 1);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)) return true;
    i = s.indexOf(key, i + 1);
  }
  return false;
}

export const parser: VendorParser = {
  id: 'fortinet_fortigate',
  dataset: 'fortinet_fortigate.log',
  samples: [
    '<189>date=2024-03-14 time=08:00:00 devname="fgt-1" devid="FG100FTK20001234" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=10.0.0.23 srcport=51544 srcintf="internal" dstip=10.9.9.80 dstport=443 dstintf="wan1" sessionid=88123 proto=6 action="accept" policyid=1 service="HTTPS" sentbyte=1200 rcvdbyte=3400',
  ],
  requires: DetectHint.equals,
  detect(msg: SyslogMessage): boolean {
    // wherever the body starts (no date=, no header, a relay's prefix): the log id and the
    // device id or log type; FortiOS 4 wrote `log_id=` (with the device name, which FortiMail
    // and FortiWeb lines lack)
    const c = msg.content;
    if (hasKey(c, 'logid=')) return hasKey(c, 'devid=') || hasKey(c, 'type=');
    return hasKey(c, 'log_id=') && hasKey(c, 'devname=') && hasKey(c, 'type=');
  },
  parse,
};
