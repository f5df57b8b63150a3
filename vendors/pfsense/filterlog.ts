/**
 * pf `filterlog` CSV, in the field order pfSense documents (and OPNsense keeps):
 *   rule,subrule,anchor,tracker,interface,reason,action,direction,ipversion,
 *   IPv4: tos,ecn,ttl,id,offset,flags,protoid,protoname,length,src,dst,
 *   IPv6: class,flowlabel,hoplimit,protoname,protoid,length,src,dst,
 *   then per protocol: tcp sport,dport,datalen,flags,seq,ack,window,urg,options | udp sport,dport,datalen |
 *   icmp type,... | carp type,ttl,vhid,version,advbase,advskew | other `datalength=N`.
 * Field names as Elastic's pfsense integration writes them (`pfsense.ip.*`, `pfsense.tcp.*`...).
 */
import type { EcsDoc } from '../../src/core/types.js';
import { isIp, setField, toInt } from '../../src/ecs/fields.js';
import { isoTime } from '../../src/ecs/base.js';
import { set2, set3, set4 } from '../../src/ecs/set-path.js';
import { table } from '../../src/core/null-proto.js';

const ACTION_TYPE = table<string>({ pass: 'allowed', block: 'denied' });
const DIRECTION = table<string>({ in: 'inbound', out: 'outbound' });

function long(doc: EcsDoc, path: string, v: string | undefined): void {
  const n = toInt(v);
  if (n !== undefined && n >= 0) setField(doc, path, n);
}

function port(doc: EcsDoc, path: string, v: string | undefined): void {
  const n = toInt(v);
  if (n !== undefined && n >= 0 && n <= 65535) setField(doc, path, n);
}

/** ICMP tail after the type name, by type (pfSense's filterlog writer). */
function icmp(doc: EcsDoc, f: string[], i: number): void {
  const type = f[i];
  if (type === undefined || type === '') return;
  set3(doc, 'pfsense', 'icmp', 'type', type);
  const a = f[i + 1], b = f[i + 2];
  switch (type) {
    case 'request':
    case 'reply':
    case 'tstamp':
      long(doc, 'pfsense.icmp.id', a);
      long(doc, 'pfsense.icmp.seq', b);
      return;
    case 'tstampreply':
      long(doc, 'pfsense.icmp.id', a);
      long(doc, 'pfsense.icmp.seq', b);
      for (const [k, v] of [['otime', f[i + 3]], ['rtime', f[i + 4]], ['ttime', f[i + 5]]] as const) {
        const n = toInt(v);
        // milliseconds since midnight UTC, read as Elastic's date processor does (UNIX seconds, else UNIX_MS)
        if (n !== undefined) setField(doc, 'pfsense.icmp.' + k, isoTime(n * 1000));
      }
      return;
    case 'unreachport':
      if (isIp(a)) set4(doc, 'pfsense', 'icmp', 'destination', 'ip', a);
      set4(doc, 'pfsense', 'icmp', 'unreachable', 'iana_number', b);
      long(doc, 'pfsense.icmp.unreachable.port', f[i + 3]);
      return;
    case 'unreachproto':
      if (isIp(a)) set4(doc, 'pfsense', 'icmp', 'destination', 'ip', a);
      set4(doc, 'pfsense', 'icmp', 'unreachable', 'iana_number', b);
      return;
    case 'needfrag':
      if (isIp(a)) set4(doc, 'pfsense', 'icmp', 'destination', 'ip', a);
      long(doc, 'pfsense.icmp.mtu', b);
      return;
    default:
      // unreach, timexceed, paramprob, redirect, maskreply and others: a free-text description
      if (a !== undefined && a !== '') set4(doc, 'pfsense', 'icmp', 'unreachable', 'other', f.slice(i + 1).join(','));
  }
}

/** Parses the CSV body into doc; returns null or the failed step. */
export function parseFilterlog(s: string, doc: EcsDoc): string | null {
  set2(doc, 'event', 'category', ['network']);
  const f = s.split(',');
  if (f.length < 9) return 'parse_filterlog';
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
  const action = f[6]!;
  set2(doc, 'event', 'action', action);
  set2(doc, 'network', 'direction', DIRECTION[f[7]!] ?? f[7]);
  const ver = f[8];
  let i: number;
  let transport: string;
  if (ver === '4') {
    if (f.length < 20) return 'parse_filterlog_ipv4';
    set2(doc, 'network', 'type', 'ipv4');
    set3(doc, 'pfsense', 'ip', 'tos', f[9]);
    set3(doc, 'pfsense', 'ip', 'ecn', f[10]);
    long(doc, 'pfsense.ip.ttl', f[11]);
    long(doc, 'pfsense.ip.id', f[12]);
    long(doc, 'pfsense.ip.offset', f[13]);
    set3(doc, 'pfsense', 'ip', 'flags', f[14]);
    set2(doc, 'network', 'iana_number', f[15]);
    transport = f[16]!.toLowerCase();
    i = 17;
  } else if (ver === '6') {
    if (f.length < 17) return 'parse_filterlog_ipv6';
    set2(doc, 'network', 'type', 'ipv6');
    set3(doc, 'pfsense', 'ip', 'tos', f[9]);
    set3(doc, 'pfsense', 'ip', 'flow_label', f[10]);
    // the hop limit, under the name Elastic gives it
    set3(doc, 'pfsense', 'ip', 'flags', f[11]);
    transport = f[12]!.toLowerCase();
    set2(doc, 'network', 'iana_number', f[13]);
    i = 14;
  } else {
    return 'parse_filterlog_ip_version';
  }
  set2(doc, 'network', 'transport', transport);
  long(doc, 'network.bytes', f[i]);
  const src = f[i + 1]!, dst = f[i + 2]!;
  if (isIp(src)) { set2(doc, 'source', 'address', src); set2(doc, 'source', 'ip', src); }
  if (isIp(dst)) { set2(doc, 'destination', 'address', dst); set2(doc, 'destination', 'ip', dst); }
  set2(doc, 'event', 'type', isIp(src) && isIp(dst) ? ['connection'] : []);
  const t = ACTION_TYPE[action];
  if (t !== undefined) (doc.event.type as string[]).push(t);
  if ((doc.event.type as string[]).length === 0) delete doc.event.type;
  i += 3;
  const first = f[i];
  if (first !== undefined && first.startsWith('datalength=')) {
    // pf writes the payload length of protocols it does not decode; Elastic maps it to network.packets
    long(doc, 'network.packets', first.slice(11));
    return null;
  }
  switch (transport) {
    case 'tcp':
      port(doc, 'source.port', f[i]);
      port(doc, 'destination.port', f[i + 1]);
      long(doc, 'pfsense.tcp.length', f[i + 2]);
      set3(doc, 'pfsense', 'tcp', 'flags', f[i + 3]);
      {
        const seq = f[i + 4];
        if (seq !== undefined && seq !== '') {
          const colon = seq.indexOf(':');
          long(doc, 'pfsense.tcp.seq', colon > 0 ? seq.slice(0, colon) : seq);
        }
      }
      long(doc, 'pfsense.tcp.ack', f[i + 5]);
      long(doc, 'pfsense.tcp.window', f[i + 6]);
      set3(doc, 'pfsense', 'tcp', 'urg', f[i + 7]);
      {
        const opts = f.slice(i + 8).join(',');
        if (opts !== '') set3(doc, 'pfsense', 'tcp', 'options', opts.split(';'));
      }
      break;
    case 'udp':
      port(doc, 'source.port', f[i]);
      port(doc, 'destination.port', f[i + 1]);
      long(doc, 'pfsense.udp.length', f[i + 2]);
      break;
    case 'icmp':
    case 'ipv6-icmp':
    case 'icmpv6':
      icmp(doc, f, i);
      break;
    case 'carp':
      set3(doc, 'pfsense', 'carp', 'type', f[i]);
      long(doc, 'pfsense.carp.ttl', f[i + 1]);
      long(doc, 'pfsense.carp.vhid', f[i + 2]);
      long(doc, 'pfsense.carp.version', f[i + 3]);
      long(doc, 'pfsense.carp.advbase', f[i + 4]);
      long(doc, 'pfsense.carp.advskew', f[i + 5]);
      break;
    default:
      break;
  }
  return null;
}
