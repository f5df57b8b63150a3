/**
 * Fortinet FortiGate (FortiOS 6.x-7.6) key=value syslog:
 * `date=2024-05-01 time=13:45:10 devname="fw01" devid="FG100F..." eventtime=... tz="+0200"
 *  logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=... action="close" ...`.
 * Mapped to ECS as Elastic's fortinet_fortigate integration does (its default, event, login,
 * traffic and utm sub-pipelines, in that order); keys it leaves unmapped stay under
 * `fortinet.firewall.<key>` as strings.
 */
import { type EcsDoc, type SyslogMessage } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { keyOrder, scanFortiKv } from './kv.js';
import { getField, setField } from '../../src/ecs/fields.js';
import { isoTime } from '../../src/ecs/base.js';
import { convertEventTypes, mapEvent } from './event-log.js';
import { isLoginMessage, mapLogin } from './login.js';
import { mapTraffic } from './traffic-log.js';
import { mapUtm } from './utm-log.js';
import { finish } from './tail.js';
import { mv, take } from './ops.js';
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

function parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
  // control characters are stripped before the scan (rare: scan again)
  const fw = scanFortiKv(msg.content) ?? scanFortiKv(msg.content.replace(CONTROL_ALL, ''))!;
  observer(doc);
  if (!fw.logid && !fw.type) {
    mv(doc, fw, 'devname', 'observer.name');
    mv(doc, fw, 'devid', 'observer.serial_number');
    return 'parse_kv';
  }
  times(doc, fw, ctx);
  mv(doc, fw, 'devname', 'observer.name');
  if (getField(doc, 'observer.name') === undefined && msg.hostname !== null && msg.format === 'rfc5424') {
    setField(doc, 'observer.name', msg.hostname);
  }
  const dur = fw.duration;
  if (dur !== undefined && /^\d{1,12}$/.test(dur)) setField(doc, 'event.duration', Number(dur) * 1e9);
  mv(doc, fw, 'devid', 'observer.serial_number');
  mv(doc, fw, 'dstintf', 'observer.egress.interface.name', true);
  mv(doc, fw, 'srcintf', 'observer.ingress.interface.name', true);
  mv(doc, fw, 'dst_int', 'observer.egress.interface.name');
  mv(doc, fw, 'src_int', 'observer.ingress.interface.name');
  mv(doc, fw, 'level', 'log.level');
  const subject = fw.subject;
  if (subject !== undefined && subject !== '') setField(doc, 'email.subject', subject);
  const srcname = fw.srcname;
  if (srcname !== undefined && srcname !== '') setField(doc, 'host.name', srcname.toLowerCase());
  mv(doc, fw, 'msg', 'message');
  const dstmac = take(fw, 'dstmac');
  if (dstmac !== undefined) setField(doc, 'destination.mac', dstmac.replace(/:/g, '-').toUpperCase());

  const type = fw.type;
  if (type === 'event') mapEvent(doc, fw);
  const m = doc.message;
  if (typeof m === 'string' && isLoginMessage(m)) mapLogin(doc, fw);
  if (type === 'traffic') mapTraffic(doc, fw);
  else if (type === 'utm' || type === 'dns') mapUtm(doc, fw);

  finish(doc, fw);

  const out: EcsDoc = record();
  for (let i = 0; i < REMOVE_AT_END.length; i++) delete fw[REMOVE_AT_END[i]!];
  for (let i = 0; i < keyOrder.length; i++) {
    const k = keyOrder[i]!;
    const v = fw[k];
    if (v !== undefined && v !== '') out[k] = v;
  }
  convertEventTypes(fw, out);
  convertLongs(out);
  if (Object.keys(out).length !== 0) setField(doc, 'fortinet.firewall', out);
  if (type !== 'event' && type !== 'traffic' && type !== 'utm' && type !== 'dns') return 'unknown_type';
  return null;
}

/** Counters Elastic converts to long wherever they appear. */
const LONGS = [
  'auditid', 'audittime', 'quotamax', 'quotaused', 'size', 'disklograte', 'fazlograte', 'lanin', 'lanout',
  'setuprate', 'wanin', 'wanout', 'valid',
];

function convertLongs(out: EcsDoc): void {
  for (let i = 0; i < LONGS.length; i++) {
    const k = LONGS[i]!;
    const v = out[k];
    if (typeof v !== 'string') continue;
    const n = Number(v);
    if (v.trim() !== '' && Number.isInteger(n)) out[k] = n;
  }
}

export const parser: VendorParser = {
  id: 'fortinet_fortigate',
  dataset: 'fortinet_fortigate.log',
  samples: [
    '<189>date=2024-03-14 time=08:00:00 devname="fgt-1" devid="FG100FTK20001234" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=10.0.0.23 srcport=51544 srcintf="internal" dstip=10.9.9.80 dstport=443 dstintf="wan1" sessionid=88123 proto=6 action="accept" policyid=1 service="HTTPS" sentbyte=1200 rcvdbyte=3400',
  ],
  requires: DetectHint.equals,
  detect(msg: SyslogMessage): boolean {
    const c = msg.content;
    return c.indexOf('logid=') >= 0 && c.indexOf('devid=') >= 0;
  },
  parse,
};
