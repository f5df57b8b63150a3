/**
 * Snort 2/3 and Suricata alerts, as Elastic's snort integration reads them:
 * - alert_fast lines, over syslog (`snort[pid]: [1:2012811:2] msg [Classification: c] [Priority: 2] {UDP} a:p -> b:p`,
 *   as pfSense and barnyard forward them) or as the file line with its own `MM/DD[/YY]-hh:mm:ss.uuuuuu  [**] ... [**]` stamp;
 * - pfSense's CSV alert log (`date ,gid,sid,rev,"msg",proto,src,sport,dst,dport,ipid,class,prio,alert,action`);
 * - Snort's default alert_csv (`timestamp,sig_generator,sig_id,sig_rev,msg,proto,src,srcport,dst,dstport,ethsrc,...`).
 */
import type { EcsDoc, SyslogMessage } from '../../src/core/types.js';
import { ianaNumber, isIp, relatedIp, setField, toInt } from '../../src/ecs/fields.js';
import { communityId } from '../../src/ecs/community-id.js';
import { isoTime } from '../../src/ecs/base.js';
import { zonedToEpoch } from '../../src/syslog/timezone.js';
import { inferYear } from '../../src/syslog/year.js';
import { networkDirection } from './direction.js';
import { set2, set3 } from '../../src/ecs/set-path.js';
import { indexOfFrom } from '../../src/core/marker.js';
import type { VendorContext, VendorParser } from '../../src/core/stages.js';

/** the alert's priority, looked for from its `[` (see indexOfFrom) */
const PRIORITY_MARK = ' [Priority: ';
const PRIORITY_TAIL = PRIORITY_MARK.slice(1);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Reads `MM/DD[/YY[YY]]-hh:mm:ss[.ffffff]` at 0; returns the end index or -1 and sets `t`. */
const t = { ms: NaN, us: 0 };
function readSnortDate(s: string, ctx: VendorContext): number {
  if (!isDigit(s.charCodeAt(0)) || !isDigit(s.charCodeAt(1)) || s.charCodeAt(2) !== 47) return -1;
  const mo = +s.slice(0, 2), d = +s.slice(3, 5);
  if (!isDigit(s.charCodeAt(3)) || !isDigit(s.charCodeAt(4))) return -1;
  let p = 5, year = -1;
  if (s.charCodeAt(p) === 47) {
    let q = p + 1;
    while (q < s.length && q < p + 5 && isDigit(s.charCodeAt(q))) q++;
    const y = s.slice(p + 1, q);
    if (y.length !== 2 && y.length !== 4) return -1;
    year = y.length === 2 ? 2000 + +y : +y;
    p = q;
  }
  if (s.charCodeAt(p) !== 45) return -1;
  const hh = +s.slice(p + 1, p + 3), mi = +s.slice(p + 4, p + 6), ss = +s.slice(p + 7, p + 9);
  if (s.charCodeAt(p + 3) !== 58 || s.charCodeAt(p + 6) !== 58 || !(hh >= 0 && mi >= 0 && ss >= 0)) return -1;
  p += 9;
  let frac = 0, scale = 1;
  if (s.charCodeAt(p) === 46) {
    p++;
    while (isDigit(s.charCodeAt(p)) && scale < 1e6) { frac = frac * 10 + (s.charCodeAt(p) - 48); scale *= 10; p++; }
    while (isDigit(s.charCodeAt(p))) p++;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 || mi > 59 || ss > 60) return -1;
  const micros = Math.round((frac * 1e6) / scale);
  if (year < 0) year = inferYear(mo, d, ctx.receivedAt);
  t.ms = zonedToEpoch(year, mo, d, hh, mi, ss, Math.floor(micros / 1000), ctx.timezone);
  t.us = micros % 1000;
  return p;
}

/** `ip`, `ip:port`, `[ipv6]:port` or `ipv6:port` (Snort writes IPv6 with a bare `:port`). */
function endpoint(doc: EcsDoc, side: string, v: string, hasPorts: boolean): string | undefined {
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

/** `[gid:sid:rev] desc [**]? [Classification: c]? [Priority: n] {PROTO} src -> dst` from p. */
function parseFast(s: string, p: number, doc: EcsDoc): string | null {
  while (s.charCodeAt(p) === 32) p++;
  if (s.startsWith('[**]', p)) { p += 4; while (s.charCodeAt(p) === 32) p++; }
  if (s.charCodeAt(p) !== 91) return 'parse_fast_header';
  const close = s.indexOf(']', p);
  if (close < 0 || close - p > 40) return 'parse_fast_header';
  const ids = s.slice(p + 1, close).split(':');
  if (ids.length !== 3) return 'parse_fast_header';
  const gid = toInt(ids[0]);
  if (gid !== undefined) set2(doc, 'snort', 'gid', gid);
  set2(doc, 'rule', 'id', ids[1]);
  set2(doc, 'rule', 'version', ids[2]);
  p = close + 1;
  let end = s.indexOf(' [**]', p);
  let next: number;
  if (end >= 0) next = end + 5;
  else {
    end = s.indexOf(' [Classification: ', p);
    if (end < 0) end = s.indexOf(' [Priority: ', p);
    if (end < 0) return 'parse_fast_body';
    next = end;
  }
  set2(doc, 'rule', 'description', s.slice(p, end).trim());
  p = next;
  while (s.charCodeAt(p) === 32) p++;
  if (s.startsWith('[Classification: ', p)) {
    const c = s.indexOf(']', p);
    if (c < 0) return 'parse_fast_body';
    set2(doc, 'rule', 'category', s.slice(p + 17, c));
    p = c + 1;
    while (s.charCodeAt(p) === 32) p++;
  }
  if (!s.startsWith('[Priority: ', p)) return 'parse_fast_body';
  const pc = s.indexOf(']', p);
  if (pc < 0) return 'parse_fast_body';
  const prio = toInt(s.slice(p + 11, pc).trim());
  if (prio !== undefined) set2(doc, 'event', 'severity', prio);
  p = pc + 1;
  while (s.charCodeAt(p) === 32) p++;
  if (s.charCodeAt(p) !== 123) return 'parse_fast_body';
  const bc = s.indexOf('}', p);
  if (bc < 0 || bc - p > 20) return 'parse_fast_body';
  const transport = s.slice(p + 1, bc).toLowerCase();
  set2(doc, 'network', 'transport', transport);
  p = bc + 1;
  while (s.charCodeAt(p) === 32) p++;
  const arrow = s.indexOf(' -> ', p);
  if (arrow < 0) return 'parse_fast_body';
  let dEnd = s.indexOf(' ', arrow + 4);
  if (dEnd < 0) dEnd = s.length;
  const hasPorts = transport === 'tcp' || transport === 'udp' || transport === 'sctp';
  endpoint(doc, 'source', s.slice(p, arrow), hasPorts);
  endpoint(doc, 'destination', s.slice(arrow + 4, dEnd), hasPorts);
  return null;
}

/** Splits a CSV line from p on commas, honouring double-quoted fields. */
function splitCsv(s: string, p: number): string[] {
  const out: string[] = [];
  const n = s.length;
  while (p <= n) {
    if (s.charCodeAt(p) === 34) {
      const q = s.indexOf('"', p + 1);
      if (q >= 0 && (q + 1 === n || s.charCodeAt(q + 1) === 44)) {
        out.push(s.slice(p + 1, q));
        p = q + 2;
        continue;
      }
    }
    let c = s.indexOf(',', p);
    if (c < 0) c = n;
    out.push(s.slice(p, c));
    p = c + 1;
  }
  return out;
}

function long(doc: EcsDoc, path: string, v: string | undefined): void {
  if (v === undefined || v === '') return;
  const n = v.startsWith('0x') || v.startsWith('0X') ? parseInt(v.slice(2), 16) : toInt(v);
  if (n !== undefined && Number.isFinite(n)) setField(doc, path, n);
}

function parseCsv(f: string[], doc: EcsDoc): string | null {
  // f[0] is the stamp
  if (f.length < 10) return 'parse_csv';
  const gid = toInt(f[1]);
  if (gid === undefined) return 'parse_csv';
  set2(doc, 'snort', 'gid', gid);
  set2(doc, 'rule', 'id', f[2]);
  set2(doc, 'rule', 'version', f[3]);
  set2(doc, 'rule', 'description', f[4]);
  const transport = f[5]!.toLowerCase();
  set2(doc, 'network', 'transport', transport);
  for (const [side, ip, port] of [['source', f[6]!, f[7]!], ['destination', f[8]!, f[9]!]] as const) {
    setField(doc, side + '.address', ip);
    if (isIp(ip)) setField(doc, side + '.ip', ip);
    const n = toInt(port);
    if (n !== undefined && n > 0 && n <= 65535) setField(doc, side + '.port', n);
  }
  if (f.length === 15) {
    // pfSense: ...,ipid,classification,priority,alert,action
    long(doc, 'snort.ip.id', f[10]);
    if (!doc.rule) doc.rule = {};
    doc.rule.category = f[11];
    const prio = toInt(f[12]);
    if (prio !== undefined) set2(doc, 'event', 'severity', prio);
    const action = f[14];
    if (action === 'Allow') set2(doc, 'event', 'type', ['allowed']);
    else if (action === 'Block') set2(doc, 'event', 'type', ['denied']);
    return null;
  }
  if (f.length >= 27) {
    // default alert_csv: ethsrc,ethdst,ethlen,tcpflags,tcpseq,tcpack,tcplen,tcpwindow,ttl,tos,id,dgmlen,iplen,icmptype,icmpcode,icmpid,icmpseq
    if (f[10] !== '') set2(doc, 'source', 'mac', f[10]!.toUpperCase().replace(/:/g, '-'));
    if (f[11] !== '') set2(doc, 'destination', 'mac', f[11]!.toUpperCase().replace(/:/g, '-'));
    long(doc, 'snort.eth.length', f[12]);
    const flags = f[13]!.replace(/\*/g, '');
    set3(doc, 'snort', 'tcp', 'flags', flags);
    long(doc, 'snort.tcp.seq', f[14]);
    long(doc, 'snort.tcp.ack', f[15]);
    long(doc, 'snort.tcp.length', f[16]);
    long(doc, 'snort.tcp.window', f[17]);
    long(doc, 'snort.ip.ttl', f[18]);
    long(doc, 'snort.ip.tos', f[19]);
    long(doc, 'snort.ip.id', f[20]);
    long(doc, 'snort.dgm.length', f[21]);
    long(doc, 'snort.ip.length', f[22]);
    long(doc, 'snort.icmp.type', f[23]);
    long(doc, 'snort.icmp.code', f[24]);
    long(doc, 'snort.icmp.id', f[25]);
    long(doc, 'snort.icmp.seq', f[26]);
    return null;
  }
  return 'parse_csv';
}

function finish(doc: EcsDoc): void {
  const src = doc.source?.ip as string | undefined, dst = doc.destination?.ip as string | undefined;
  if (src !== undefined) set2(doc, 'network', 'type', src.indexOf('.') >= 0 ? 'ipv4' : 'ipv6');
  set2(doc, 'network', 'direction', networkDirection(src, dst) ?? 'unknown');
  const transport = doc.network?.transport as string | undefined;
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

function parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
  set2(doc, 'observer', 'vendor', 'snort');
  set2(doc, 'observer', 'product', 'ids');
  set2(doc, 'observer', 'type', 'ids');
  set2(doc, 'event', 'kind', 'alert');
  set2(doc, 'event', 'category', ['network']);
  const s = msg.message;
  let step: string | null;
  const end = readSnortDate(s, ctx);
  if (end >= 0) {
    doc['@timestamp'] = isoTime(t.ms); // milliseconds, as Elastic's date processor keeps
    set2(doc, 'event', 'timezone', ctx.timezone);
    let p = end;
    while (s.charCodeAt(p) === 32) p++;
    step = s.charCodeAt(p) === 44 ? parseCsv(splitCsv(s, 0), doc) : parseFast(s, p, doc);
  } else {
    if (msg.hostname !== null) {
      if (isIp(msg.hostname)) set2(doc, 'observer', 'ip', msg.hostname);
      else set2(doc, 'observer', 'name', msg.hostname);
    }
    set2(doc, 'process', 'name', msg.appname);
    const pid = toInt(msg.procid);
    if (pid !== undefined) set2(doc, 'process', 'pid', pid);
    step = parseFast(s, 0, doc);
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
    return indexOfFrom(c, PRIORITY_MARK, 1, PRIORITY_TAIL) >= 0 || (startsWithSnortDate(c) && c.indexOf(',') > 0);
  },
  parse,
};
