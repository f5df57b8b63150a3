/**
 * SonicWall SonicOS (firewall / TZ / NSa / NSsp) syslog in the default "enhanced" key=value format:
 * `id=firewall sn=... time="..." fw=... pri=6 c=... m=98 msg="..." src=ip:port:iface[:host] ...`.
 * Mapped to ECS as Elastic's sonicwall_firewall integration does; keys it leaves unmapped stay
 * under `sonicwall.firewall.<key>` as strings.
 */
import { type EcsDoc, type SyslogMessage } from '../../src/core/types.js';
import { parseKv, unwrapRepeated, type KvMap } from '../../src/ecs/kv.js';
import { isIp, relatedIp, relatedUser, setField, toInt } from '../../src/ecs/fields.js';
import { isoTime } from '../../src/ecs/base.js';
import { readIsoStamp, stamp } from '../../src/syslog/timestamp.js';
import { isValidTimezone } from '../../src/syslog/timezone.js';
import { EVENT_TYPES, MESSAGE_ACTION } from './message-codes.js';
import { set2, set3 } from '../../src/ecs/set-path.js';
import { DetectHint, type VendorContext, type VendorParser } from '../../src/core/stages.js';
import { record } from '../../src/core/null-proto.js';

const LOG_LEVEL: ReadonlyMap<string, string> = new Map([
  ['0', 'emergency'], ['1', 'alert'], ['2', 'critical'], ['3', 'error'], ['4', 'warning'], ['5', 'notice'], ['6', 'info'],
  ['7', 'debug'],
]);
const FW_ACTION: ReadonlyMap<string, string> = new Map([
  ['forward', 'packet-forwarded'], ['drop', 'packet-dropped'], ['mgmt', 'packet-management'],
]);
const HTTP_OP: ReadonlyMap<string, string> = new Map([
  ['1', 'GET'], ['2', 'POST'], ['3', 'HEAD'],
]);
const DPI: ReadonlyMap<string, string> = new Map([
  ['0', 'false'], ['1', 'true'],
]);
const GCAT: ReadonlyMap<string, string> = new Map([
  ['1', 'Value'], ['2', 'System'], ['3', 'Log'], ['4', 'Security Services'], ['5', 'Users'], ['6', 'Firewall Settings'],
  ['7', 'Network'], ['8', 'VPN'], ['9', 'High Availability'], ['10', '3G/4G, Modem, and Module Firewall'], ['11', 'Wireless'],
  ['12', 'VoIP'], ['13', 'SSL VPN'], ['14', 'Anti-Spam'], ['15', 'WAN Acceleration'], ['16', 'SD-WAN'], ['17', 'Multi-Tenancy'],
]);

/** keys mapped to ECS (and so not kept under sonicwall.firewall.*) */
const CONSUMED = new Set([
  'arg', 'dpi', 'dstMac', 'dstname', 'dstZone', 'fw', 'fw_action', 'gcat', 'id', 'm', 'msg', 'n', 'natDst', 'natDstV6',
  'natSrc', 'natSrcV6', 'op', 'pri', 'proto', 'rcvd', 'rpkt', 'rule', 'sent', 'spkt', 'srcMac', 'srcZone', 'sn', 'time',
  'user', 'usr', 'src', 'dst', 'dur', 'cdur', 'srcV6', 'dstV6', 'note', 'c',
]);

function mac(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v.toUpperCase().replace(/:/g, '-');
}

/** `ip[:port[:interface[:host]]]` into the endpoint fields. */
function endpoint(doc: EcsDoc, v: string | undefined, side: 'source' | 'destination', iface: string): void {
  if (v === undefined) return;
  const parts = v.split(':', 4);
  const addr = parts[0]!;
  if (addr !== '') {
    if (isIp(addr)) setField(doc, side + '.ip', addr);
    else setField(doc, side + '.address', addr);
  }
  const port = toInt(parts[1]);
  if (port !== undefined && port >= 0 && port <= 65535) setField(doc, side + '.port', port);
  setField(doc, iface, parts[2]);
  setField(doc, side + '.domain', parts[3]);
}

/** natSrc/natDst: `ipv4[:port]`, `ipv6` or `[ipv6]:port`. */
function nat(doc: EcsDoc, v: string | undefined, side: 'source' | 'destination'): void {
  if (v === undefined || v === '') return;
  let ip = v, port: string | undefined;
  if (v.charCodeAt(0) === 91) {
    const close = v.indexOf(']');
    if (close < 0) return;
    ip = v.slice(1, close);
    if (v.charCodeAt(close + 1) === 58) port = v.slice(close + 2);
  } else {
    // one colon: `ipv4:port`; more: a bare IPv6 address
    const colon = v.indexOf(':');
    if (colon >= 0 && colon === v.lastIndexOf(':')) {
      ip = v.slice(0, colon);
      port = v.slice(colon + 1);
    }
  }
  if (!isIp(ip)) return;
  setField(doc, side + '.nat.ip', ip);
  const p = toInt(port);
  if (p !== undefined && p > 0 && p <= 65535) setField(doc, side + '.nat.port', p);
}

function counter(doc: EcsDoc, path: string, v: string | undefined): number | undefined {
  const n = toInt(v);
  if (n !== undefined && n >= 0) setField(doc, path, n);
  return n !== undefined && n >= 0 ? n : undefined;
}

/** SonicOS `time="yyyy-mm-dd hh:mm:ss[ Zone]"`, in the device's zone when it names none. */
function deviceTime(v: string, tz: string): number {
  const end = readIsoStamp(v, 0, tz, false);
  if (end < 0) return NaN;
  if (!stamp.hasZone && end < v.length && v.charCodeAt(end) === 32) {
    const zone = v.slice(end + 1).trim();
    if (zone !== '' && zone.length < 40 && isValidTimezone(zone)) return readIsoStamp(v, 0, zone, false) >= 0 ? stamp.ms : NaN;
  }
  return stamp.ms;
}

/** Device, message id, priority and time. */
function header(doc: EcsDoc, kv: KvMap, ctx: VendorContext): void {
  set2(doc, 'observer', 'name', kv.id);
  set2(doc, 'observer', 'serial_number', kv.sn);
  const fw = kv.fw;
  if (fw !== undefined && fw !== '') {
    if (isIp(fw)) set2(doc, 'observer', 'ip', fw);
    else set2(doc, 'observer', 'hostname', fw);
  }
  set2(doc, 'event', 'code', kv.m);
  set2(doc, 'event', 'sequence', kv.n);
  const pri = kv.pri;
  if (pri !== undefined) {
    set2(doc, 'event', 'severity', pri);
    set2(doc, 'log', 'level', LOG_LEVEL.get(pri));
  }
  if (kv.time !== undefined) {
    const t = deviceTime(kv.time, ctx.timezone);
    if (!Number.isNaN(t)) doc['@timestamp'] = isoTime(t);
  }
}

/** An IPv6 side (`srcV6`/`dstV6`): the address, or a name. */
function v6(doc: EcsDoc, side: string, v: string | undefined): void {
  if (v === undefined || v === '') return;
  if (isIp(v)) set2(doc, side, 'ip', v);
  else set2(doc, side, 'address', v);
}

function endpoints(doc: EcsDoc, kv: KvMap): void {
  endpoint(doc, kv.src, 'source', 'observer.ingress.interface.name');
  endpoint(doc, kv.dst, 'destination', 'observer.egress.interface.name');
  v6(doc, 'source', kv.srcV6);
  v6(doc, 'destination', kv.dstV6);
  set2(doc, 'source', 'mac', mac(kv.srcMac));
  set2(doc, 'destination', 'mac', mac(kv.dstMac));
  set3(doc, 'observer', 'ingress', 'zone', kv.srcZone);
  set3(doc, 'observer', 'egress', 'zone', kv.dstZone);
  nat(doc, kv.natSrcV6 ?? kv.natSrc, 'source');
  nat(doc, kv.natDstV6 ?? kv.natDst, 'destination');
}

/** `proto=tcp/https`, `udp/53` (a numeric service is dropped), `icmp`. */
function protocol(doc: EcsDoc, proto: string | undefined): void {
  if (proto === undefined || proto === '') return;
  const slash = proto.indexOf('/');
  if (slash < 0 || proto.indexOf('/', slash + 1) >= 0) {
    set2(doc, 'network', 'transport', proto);
    return;
  }
  set2(doc, 'network', 'transport', proto.slice(0, slash));
  const p = proto.slice(slash + 1);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(p)) set2(doc, 'network', 'protocol', p);
}

function counters(doc: EcsDoc, kv: KvMap): void {
  const sb = counter(doc, 'source.bytes', kv.sent);
  const db = counter(doc, 'destination.bytes', kv.rcvd);
  const sp = counter(doc, 'source.packets', kv.spkt);
  const dp = counter(doc, 'destination.packets', kv.rpkt);
  if (sb !== undefined || db !== undefined) set2(doc, 'network', 'bytes', (sb ?? 0) + (db ?? 0));
  if (sp !== undefined || dp !== undefined) set2(doc, 'network', 'packets', (sp ?? 0) + (dp ?? 0));
  const cdur = toInt(kv.cdur), dur = toInt(kv.dur);
  if (cdur !== undefined) set2(doc, 'event', 'duration', cdur * 1_000_000);
  else if (dur !== undefined) set2(doc, 'event', 'duration', dur * 1_000_000_000);
}

/** Users, rule, HTTP method, firewall action, and the message (`msg`, with the note in parentheses). */
function details(doc: EcsDoc, kv: KvMap): void {
  set2(doc, 'user', 'name', kv.usr ?? kv.user);
  set2(doc, 'rule', 'id', kv.rule);
  if (kv.op !== undefined) set3(doc, 'http', 'request', 'method', HTTP_OP.get(kv.op));
  if (kv.fw_action !== undefined) set2(doc, 'event', 'action', FW_ACTION.get(kv.fw_action));
  const m = kv.msg, note = kv.note;
  if (m !== undefined && m !== '') doc.message = note !== undefined && note !== '' ? m + ' (' + note + ')' : m;
  else if (note !== undefined && note !== '') doc.message = note;
}

/** Categorisation by message id. */
function categorize(doc: EcsDoc, code: string | undefined): void {
  const action = code === undefined ? undefined : MESSAGE_ACTION.get(code);
  if (action === undefined) return;
  const shape = EVENT_TYPES[action]!;
  set2(doc, 'event', 'kind', shape.kind);
  set2(doc, 'event', 'category', shape.category.slice());
  set2(doc, 'event', 'type', shape.type.slice());
  set2(doc, 'event', 'outcome', shape.outcome);
  set2(doc, 'event', 'action', action);
}

/** url = scheme://dstname + arg, only for web requests (arg present). */
function webRequest(doc: EcsDoc, kv: KvMap): void {
  const arg = kv.arg, dstname = kv.dstname;
  if (arg === undefined || arg === '') return;
  set2(doc, 'url', 'path', arg);
  const scheme = doc.network?.protocol as string | undefined;
  set2(doc, 'url', 'scheme', scheme);
  if (dstname !== undefined && dstname !== '') {
    set2(doc, 'url', 'domain', dstname);
    set2(doc, 'url', 'full', (scheme !== undefined ? scheme + '://' : '//') + dstname + arg);
  }
}

/** What is not mapped, as `sonicwall.firewall.*`. */
function vendorFields(doc: EcsDoc, kv: KvMap): void {
  const vendor = record<string>();
  let any = false;
  for (const k in kv) {
    if (CONSUMED.has(k)) continue;
    if (kv[k] === '') continue;
    vendor[k] = kv[k]!;
    any = true;
  }
  const arg = kv.arg, dstname = kv.dstname;
  if ((arg === undefined || arg === '') && dstname !== undefined && dstname !== '') { vendor.dstname = dstname; any = true; }
  const dpi = kv.dpi === undefined ? undefined : DPI.get(kv.dpi);
  if (dpi !== undefined) { vendor.dpi = dpi; any = true; }
  if (kv.gcat !== undefined && kv.gcat !== '') {
    vendor.gcat = kv.gcat;
    const group = GCAT.get(kv.gcat);
    if (group !== undefined) vendor.event_group_category = group;
    any = true;
  }
  if (any) set2(doc, 'sonicwall', 'firewall', vendor);
}

function related(doc: EcsDoc, kv: KvMap): void {
  relatedIp(doc, doc.source?.ip);
  relatedIp(doc, doc.source?.nat?.ip);
  relatedIp(doc, doc.destination?.ip);
  relatedIp(doc, doc.destination?.nat?.ip);
  relatedIp(doc, doc.observer?.ip);
  relatedUser(doc, kv.usr ?? kv.user);
}

function parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
  set2(doc, 'observer', 'vendor', 'SonicWall');
  set2(doc, 'observer', 'product', 'SonicOS');
  set2(doc, 'observer', 'type', 'firewall');
  set2(doc, 'event', 'timezone', ctx.timezone);
  const raw = unwrapRepeated(msg.raw);
  const start = raw.indexOf('id=');
  if (start < 0) return 'no_key_values';
  const kv: KvMap = parseKv(raw, start, { singleQuotes: true });
  header(doc, kv, ctx);
  endpoints(doc, kv);
  protocol(doc, kv.proto);
  counters(doc, kv);
  details(doc, kv);
  categorize(doc, kv.m);
  webRequest(doc, kv);
  vendorFields(doc, kv);
  related(doc, kv);
  return kv.m === undefined ? 'no_message_id' : null;
}

export const parser: VendorParser = {
  id: 'sonicwall_firewall',
  dataset: 'sonicwall_firewall.log',
  samples: [
    '<134>Mar 14 08:00:00 sonicwall id=firewall sn=C0EAE4000001 time="2024-03-14 08:00:00 UTC" fw=10.0.0.1 pri=6 c=262144 m=98 msg="Connection Opened" n=125001 src=10.1.1.25:51544:X0 dst=10.9.9.34:443:X1 proto=tcp/https',
  ],
  requires: DetectHint.equals,
  detect(msg: SyslogMessage): boolean {
    const c = msg.content;
    return c.indexOf(' sn=') >= 0 && c.indexOf(' m=') > 0;
  },
  parse,
};

