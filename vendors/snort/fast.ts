/**
 * Snort's and Suricata's one-line alert (alert_fast, syslog output, barnyard2's syslog output) and
 * Snort's multi-line alert_full, as Elastic's snort pipeline reads them:
 *   [**] [gid:sid:rev] message [**] [Classification: c] [Priority: n] {PROTO} src[:port] -> dst[:port]
 * with the `[**]` markers and the classification optional, barnyard2's `: <iface>` before the
 * protocol, and for alert_full the stamp, endpoints, IP header and transport header on lines of
 * their own.
 */
import type { EcsDoc } from '../../src/core/types.js';
import type { VendorContext } from '../../src/core/stages.js';
import { isIp, setField, toInt } from '../../src/ecs/fields.js';
import { isoTime } from '../../src/ecs/base.js';
import { set2 } from '../../src/ecs/set-path.js';
import { readSnortDate, type SnortStamp } from './date.js';

/** `ip`, `ip:port`, `[ipv6]:port` or `ipv6:port` (Snort writes IPv6 with a bare `:port`). */
export function endpoint(doc: EcsDoc, side: string, v: string, hasPorts: boolean): string | undefined {
  let ip = v, port: string | undefined;
  if (v.charCodeAt(0) === 91) {
    const close = v.indexOf(']');
    ip = v.slice(1, close < 0 ? v.length : close);
    if (close > 0 && v.charCodeAt(close + 1) === 58) port = v.slice(close + 2);
  } else if (!isIp(v) || hasPorts) {
    const colon = v.lastIndexOf(':');
    if (colon > 0 && (v.indexOf(':') === colon || hasPorts)) {
      ip = v.slice(0, colon);
      port = v.slice(colon + 1);
    }
    if (!isIp(ip)) { ip = v; port = undefined; }
  }
  setField(doc, side + '.address', ip);
  if (isIp(ip)) setField(doc, side + '.ip', ip);
  const n = toInt(port);
  if (n !== undefined && n > 0 && n <= 65535) setField(doc, side + '.port', n);
  return isIp(ip) ? ip : undefined;
}

function skipBlank(s: string, p: number): number {
  while (s.charCodeAt(p) === 32 || s.charCodeAt(p) === 10 || s.charCodeAt(p) === 13 || s.charCodeAt(p) === 9) p++;
  return p;
}

/** `[gid:sid:rev] message` up to `[**]` or the classification/priority: the index after it, or -1. */
function header(s: string, p: number, doc: EcsDoc): number {
  if (s.startsWith('[**]', p)) p = skipBlank(s, p + 4);
  if (s.charCodeAt(p) !== 91) return -1;
  const close = s.indexOf(']', p);
  if (close < 0 || close - p > 40) return -1;
  const ids = s.slice(p + 1, close).split(':');
  if (ids.length !== 3) return -1;
  set2(doc, 'snort', 'gid', toInt(ids[0]));
  set2(doc, 'rule', 'id', ids[1]);
  set2(doc, 'rule', 'version', ids[2]);
  p = close + 1;
  let end = s.indexOf(' [**]', p);
  let next: number;
  if (end >= 0) next = end + 5;
  else {
    end = s.indexOf(' [Classification: ', p);
    if (end < 0) end = s.indexOf(' [Priority: ', p);
    if (end < 0) return -1;
    next = end;
  }
  set2(doc, 'rule', 'description', s.slice(p, end).trim());
  return next;
}

/** `[Classification: c] [Priority: n]`: the index after it, or -1. */
function classification(s: string, p: number, doc: EcsDoc): number {
  p = skipBlank(s, p);
  if (s.startsWith('[Classification: ', p)) {
    const c = s.indexOf(']', p);
    if (c < 0) return -1;
    set2(doc, 'rule', 'category', s.slice(p + 17, c));
    p = skipBlank(s, c + 1);
  }
  if (!s.startsWith('[Priority: ', p)) return -1;
  const pc = s.indexOf(']', p);
  if (pc < 0) return -1;
  set2(doc, 'event', 'severity', toInt(s.slice(p + 11, pc).trim()));
  return pc + 1;
}

/** `{PROTO} src -> dst` */
function flow(s: string, p: number, doc: EcsDoc): string | null {
  if (s.charCodeAt(p) !== 123) return 'parse_fast_body';
  const bc = s.indexOf('}', p);
  if (bc < 0 || bc - p > 20) return 'parse_fast_body';
  const transport = s.slice(p + 1, bc).toLowerCase();
  set2(doc, 'network', 'transport', transport);
  p = skipBlank(s, bc + 1);
  const arrow = s.indexOf(' -> ', p);
  if (arrow < 0) return 'parse_fast_body';
  let dEnd = s.indexOf(' ', arrow + 4);
  if (dEnd < 0) dEnd = s.length;
  const hasPorts = transport === 'tcp' || transport === 'udp' || transport === 'sctp';
  endpoint(doc, 'source', s.slice(p, arrow), hasPorts);
  endpoint(doc, 'destination', s.slice(arrow + 4, dEnd), hasPorts);
  return null;
}

/** One alert from p: fast (one line), barnyard2 syslog, or alert_full (several lines). */
export function parseFast(s: string, p: number, doc: EcsDoc, ctx: VendorContext, stamp: SnortStamp): string | null {
  p = header(s, skipBlank(s, p), doc);
  if (p < 0) return 'parse_fast_header';
  // alert_full's first line, when a line-framed input delivers the alert's lines one by one
  if (skipBlank(s, p) >= s.length) return null;
  p = classification(s, p, doc);
  if (p < 0) return 'parse_fast_body';
  // barnyard2: `[Priority: 2]: <eth0> {TCP} ...`
  if (s.charCodeAt(p) === 58) {
    p = skipBlank(s, p + 1);
    if (s.charCodeAt(p) === 60) p = s.indexOf('>', p) + 1;
  }
  p = skipBlank(s, p);
  const c = s.charCodeAt(p);
  return c >= 48 && c <= 57 ? parseFullTail(s, p, doc, ctx, stamp) : flow(s, p, doc);
}

function hexOrLong(doc: EcsDoc, path: string, v: string | undefined): void {
  setField(doc, path, toInt(v));
}

/** `NAME:value` pairs of the alert_full header lines into fields, by name. */
const FULL_FIELDS: ReadonlyMap<string, string> = new Map([
  ['TTL', 'snort.ip.ttl'], ['TOS', 'snort.ip.tos'], ['ID', 'snort.ip.id'], ['IpLen', 'snort.ip.length'], ['DgmLen', 'snort.dgm.length'],
  ['Seq', 'snort.tcp.seq'], ['Ack', 'snort.tcp.ack'], ['Win', 'snort.tcp.window'], ['TcpLen', 'snort.tcp.length'], ['Len', 'snort.udp.length'],
  ['Type', 'snort.icmp.type'], ['Code', 'snort.icmp.code'],
]);

/** `NAME:value` and `NAME: value` tokens of one line. */
function fullPairs(line: string, doc: EcsDoc, icmp: boolean): void {
  const t = line.split(' ').filter((x) => x !== '');
  for (let i = 0; i < t.length; i++) {
    const w = t[i]!;
    const colon = w.indexOf(':');
    if (colon <= 0) continue;
    const name = w.slice(0, colon);
    const v = colon === w.length - 1 ? t[++i] : w.slice(colon + 1);
    const path = icmp && name === 'ID' ? 'snort.icmp.id' : icmp && name === 'Seq' ? 'snort.icmp.seq' : FULL_FIELDS.get(name);
    if (path !== undefined) hexOrLong(doc, path, v);
  }
}

/** alert_full after the priority: `stamp src -> dst`, `PROTO TTL:.. TOS:.. ID:.. IpLen:.. DgmLen:.. [DF]`, transport line. */
function parseFullTail(s: string, p: number, doc: EcsDoc, ctx: VendorContext, stamp: SnortStamp): string | null {
  const lines = s.slice(p).split('\n', 8);
  const first = lines[0]!;
  const end = readSnortDate(first, ctx, stamp);
  if (end < 0) return 'parse_full_stamp';
  doc['@timestamp'] = isoTime(stamp.ms);
  const arrow = first.indexOf(' -> ', end);
  if (arrow < 0) return 'parse_full_body';
  const ipLine = lines[1] ?? '';
  const sp = ipLine.indexOf(' ');
  const transport = (sp < 0 ? ipLine : ipLine.slice(0, sp)).toLowerCase();
  if (transport !== '') set2(doc, 'network', 'transport', transport);
  const hasPorts = transport === 'tcp' || transport === 'udp';
  endpoint(doc, 'source', first.slice(end, arrow).trim(), hasPorts);
  endpoint(doc, 'destination', first.slice(arrow + 4).trim(), hasPorts);
  fullPairs(ipLine, doc, false);
  const flags = ipLine.trim().split(' ').pop();
  if (flags !== undefined && flags.indexOf(':') < 0 && flags !== transport.toUpperCase()) set2(doc, 'snort', 'ip', { ...doc.snort?.ip, flags });
  const tl = (lines[2] ?? '').trim();
  if (transport === 'tcp') {
    const fsp = tl.indexOf(' ');
    set2(doc, 'snort', 'tcp', { ...doc.snort?.tcp, flags: (fsp < 0 ? tl : tl.slice(0, fsp)).replace(/\*/g, '') });
  }
  fullPairs(tl, doc, transport === 'icmp');
  return null;
}
