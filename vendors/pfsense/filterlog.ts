/**
 * pf `filterlog` CSV, in the field order pfSense documents ("Raw Filter Log Format") and OPNsense
 * keeps:
 *   rule,subrule,anchor,tracker,interface,reason,action,direction,ipversion,
 *   IPv4: tos,ecn,ttl,id,offset,flags,protoid,protoname,length,src,dst,
 *   IPv6: class,flowlabel,hoplimit,protoname,protoid,length,src,dst,
 *   then per protocol (the PROTOCOLS table): tcp, udp, icmp/icmpv6, carp, or `datalength=N`.
 * Field names as Elastic's pfsense integration writes them (`pfsense.ip.*`, `pfsense.tcp.*`...).
 */
import type { EcsDoc } from '../../src/core/types.js';
import { isIp, setField, toInt } from '../../src/ecs/fields.js';
import { isoTime } from '../../src/ecs/base.js';
import { set2, set3, set4 } from '../../src/ecs/set-path.js';

const ACTION_TYPE: ReadonlyMap<string, string> = new Map([['pass', 'allowed'], ['block', 'denied']]);
const DIRECTION: ReadonlyMap<string, string> = new Map([['in', 'inbound'], ['out', 'outbound']]);

function long(doc: EcsDoc, path: string, v: string | undefined): void {
  const n = toInt(v);
  if (n !== undefined && n >= 0) setField(doc, path, n);
}

function port(doc: EcsDoc, path: string, v: string | undefined): void {
  const n = toInt(v);
  if (n !== undefined && n >= 0 && n <= 65535) setField(doc, path, n);
}

/** `[2001:db8::1]` as OPNsense writes ICMPv6 error fields, or the plain value. */
function unbracket(v: string | undefined): string | undefined {
  return v !== undefined && v.charCodeAt(0) === 91 && v.charCodeAt(v.length - 1) === 93 ? v.slice(1, -1) : v;
}

/** The protocol of the packet an ICMP error quotes, under both names Elastic's pipelines gave it. */
function unreachable(doc: EcsDoc, f: readonly string[], i: number): void {
  const ip = unbracket(f[i]);
  if (isIp(ip)) set4(doc, 'pfsense', 'icmp', 'destination', 'ip', ip);
  const proto = unbracket(f[i + 1]);
  set4(doc, 'pfsense', 'icmp', 'unreachable', 'iana_number', proto);
  set4(doc, 'pfsense', 'icmp', 'unreachable', 'protocol_id', proto);
}

type IcmpTail = (doc: EcsDoc, f: readonly string[], i: number) => void;

function echo(doc: EcsDoc, f: readonly string[], i: number): void {
  long(doc, 'pfsense.icmp.id', f[i]);
  long(doc, 'pfsense.icmp.seq', f[i + 1]);
}

function tstampReply(doc: EcsDoc, f: readonly string[], i: number): void {
  echo(doc, f, i);
  const names = ['otime', 'rtime', 'ttime'] as const;
  for (let k = 0; k < 3; k++) {
    const n = toInt(f[i + 2 + k]);
    // milliseconds since midnight UTC, read as Elastic's date processor does (UNIX seconds, else UNIX_MS)
    if (n !== undefined) setField(doc, 'pfsense.icmp.' + names[k]!, isoTime(n * 1000));
  }
}

/** The fields after the ICMP type name, by type (pfSense's documented ICMP variants). */
const ICMP_TAILS: ReadonlyMap<string, IcmpTail> = new Map<string, IcmpTail>([
  ['request', echo],
  ['reply', echo],
  ['tstamp', echo],
  ['tstampreply', tstampReply],
  ['unreachport', (doc, f, i) => { unreachable(doc, f, i); long(doc, 'pfsense.icmp.unreachable.port', unbracket(f[i + 2])); }],
  ['unreachproto', unreachable],
  ['needfrag', (doc, f, i) => { const ip = f[i]; if (isIp(ip)) set4(doc, 'pfsense', 'icmp', 'destination', 'ip', ip); long(doc, 'pfsense.icmp.mtu', f[i + 1]); }],
]);

function icmp(doc: EcsDoc, f: readonly string[], i: number): void {
  const type = f[i];
  if (type === undefined || type === '') return;
  set3(doc, 'pfsense', 'icmp', 'type', type);
  const tail = ICMP_TAILS.get(type);
  if (tail !== undefined) return tail(doc, f, i + 1);
  // unreach, timexceed, paramprob, redirect, maskreply and others: a free-text description
  if (f[i + 1] !== undefined && f[i + 1] !== '') set4(doc, 'pfsense', 'icmp', 'unreachable', 'other', f.slice(i + 1).join(','));
}

function tcp(doc: EcsDoc, f: readonly string[], i: number): void {
  port(doc, 'source.port', f[i]);
  port(doc, 'destination.port', f[i + 1]);
  long(doc, 'pfsense.tcp.length', f[i + 2]);
  set3(doc, 'pfsense', 'tcp', 'flags', f[i + 3]);
  const seq = f[i + 4];
  if (seq !== undefined && seq !== '') {
    // `first:last` for a segment with data
    const colon = seq.indexOf(':');
    long(doc, 'pfsense.tcp.seq', colon > 0 ? seq.slice(0, colon) : seq);
  }
  long(doc, 'pfsense.tcp.ack', f[i + 5]);
  long(doc, 'pfsense.tcp.window', f[i + 6]);
  set3(doc, 'pfsense', 'tcp', 'urg', f[i + 7]);
  const opts = f.slice(i + 8).join(',');
  if (opts !== '') set3(doc, 'pfsense', 'tcp', 'options', opts.split(';'));
}

function udp(doc: EcsDoc, f: readonly string[], i: number): void {
  port(doc, 'source.port', f[i]);
  port(doc, 'destination.port', f[i + 1]);
  long(doc, 'pfsense.udp.length', f[i + 2]);
}

/** type,ttl,vhid,version,advskew,advbase, in the documented order */
function carp(doc: EcsDoc, f: readonly string[], i: number): void {
  set3(doc, 'pfsense', 'carp', 'type', f[i]);
  long(doc, 'pfsense.carp.ttl', f[i + 1]);
  long(doc, 'pfsense.carp.vhid', f[i + 2]);
  long(doc, 'pfsense.carp.version', f[i + 3]);
  long(doc, 'pfsense.carp.advskew', f[i + 4]);
  long(doc, 'pfsense.carp.advbase', f[i + 5]);
}

type ProtocolTail = (doc: EcsDoc, f: readonly string[], i: number) => void;

/** The per-protocol tail after src,dst, by the (lower-cased) protocol name. */
const PROTOCOLS: ReadonlyMap<string, ProtocolTail> = new Map<string, ProtocolTail>([
  ['tcp', tcp],
  ['udp', udp],
  ['icmp', icmp],
  ['ipv6-icmp', icmp],
  ['icmpv6', icmp],
  ['carp', carp],
]);

/** rule,subrule,anchor,tracker,interface,reason,action,direction */
function ruleFields(doc: EcsDoc, f: readonly string[]): void {
  set2(doc, 'rule', 'id', f[3]);
  const iface = f[4]!;
  if (iface !== '') {
    set4(doc, 'observer', 'ingress', 'interface', 'name', iface);
    const dot = iface.lastIndexOf('.');
    const vlan = dot > 0 ? toInt(iface.slice(dot + 1)) : undefined;
    if (vlan !== undefined && vlan >= 0) {
      set4(doc, 'observer', 'ingress', 'vlan', 'id', String(vlan));
      set3(doc, 'network', 'vlan', 'id', String(vlan));
    }
  }
  set2(doc, 'event', 'reason', f[5]);
  set2(doc, 'event', 'action', f[6]);
  set2(doc, 'network', 'direction', DIRECTION.get(f[7]!) ?? f[7]);
}

/** tos,ecn,ttl,id,offset,flags,protoid,protoname: the index of the length field, or -1. */
function ipv4Header(doc: EcsDoc, f: readonly string[]): number {
  if (f.length < 20) return -1;
  set2(doc, 'network', 'type', 'ipv4');
  set3(doc, 'pfsense', 'ip', 'tos', f[9]);
  set3(doc, 'pfsense', 'ip', 'ecn', f[10]);
  long(doc, 'pfsense.ip.ttl', f[11]);
  long(doc, 'pfsense.ip.id', f[12]);
  long(doc, 'pfsense.ip.offset', f[13]);
  set3(doc, 'pfsense', 'ip', 'flags', f[14]);
  set2(doc, 'network', 'iana_number', f[15]);
  set2(doc, 'network', 'transport', f[16]!.toLowerCase());
  return 17;
}

/** class,flowlabel,hoplimit,protoname,protoid: the index of the length field, or -1. */
function ipv6Header(doc: EcsDoc, f: readonly string[]): number {
  if (f.length < 17) return -1;
  set2(doc, 'network', 'type', 'ipv6');
  set3(doc, 'pfsense', 'ip', 'tos', f[9]);
  set3(doc, 'pfsense', 'ip', 'flow_label', f[10]);
  // the hop limit, under the name Elastic gives it
  set3(doc, 'pfsense', 'ip', 'flags', f[11]);
  set2(doc, 'network', 'transport', f[12]!.toLowerCase());
  set2(doc, 'network', 'iana_number', f[13]);
  return 14;
}

/** length,src,dst and the event types they and the action give. */
function addresses(doc: EcsDoc, f: readonly string[], i: number): void {
  long(doc, 'network.bytes', f[i]);
  const src = f[i + 1]!, dst = f[i + 2]!;
  const both = isIp(src) && isIp(dst);
  if (isIp(src)) { set2(doc, 'source', 'address', src); set2(doc, 'source', 'ip', src); }
  if (isIp(dst)) { set2(doc, 'destination', 'address', dst); set2(doc, 'destination', 'ip', dst); }
  const types: string[] = both ? ['connection'] : [];
  const t = ACTION_TYPE.get(f[6]!);
  if (t !== undefined) types.push(t);
  if (types.length > 0) set2(doc, 'event', 'type', types);
}

/** Parses the CSV body into doc; returns null or the failed step. */
export function parseFilterlog(s: string, doc: EcsDoc): string | null {
  set2(doc, 'event', 'category', ['network']);
  const f = s.split(',');
  if (f.length < 9) return 'parse_filterlog';
  ruleFields(doc, f);
  const ver = f[8];
  const i = ver === '4' ? ipv4Header(doc, f) : ver === '6' ? ipv6Header(doc, f) : -2;
  if (i === -2) return 'parse_filterlog_ip_version';
  if (i < 0) return ver === '4' ? 'parse_filterlog_ipv4' : 'parse_filterlog_ipv6';
  addresses(doc, f, i);
  const first = f[i + 3];
  if (first !== undefined && first.startsWith('datalength=')) {
    // pf writes the payload length of protocols it does not decode; Elastic maps it to network.packets
    long(doc, 'network.packets', first.slice(11));
    return null;
  }
  PROTOCOLS.get(doc.network.transport as string)?.(doc, f, i + 3);
  return null;
}
