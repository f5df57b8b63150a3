/**
 * The netfilter LOG target's text (`IN=eth0 OUT= MAC=... SRC=... DST=... LEN=... ... PROTO=TCP
 * SPT=... DPT=... WINDOW=... RES=0x00 SYN URGP=0`) read token by token, in the order the kernel
 * writes it, because keys repeat (`LEN` of IP and of UDP, `ID` of IP and of ICMP echo, `SEQ` of TCP
 * and of ICMP). Reading stops at `[`, where the kernel quotes the packet an ICMP error carries.
 * Field names are those of Elastic's iptables pipeline (`iptables.*`).
 */
import type { EcsDoc } from '../../src/core/types.js';
import { isIp, setField, toInt } from '../../src/ecs/fields.js';
import { set2, set3 } from '../../src/ecs/set-path.js';

/** Hex text (`0x1C`, `1c`, `08:00`) to a number, skipping non-hex characters as Elastic's script does. */
export function hexValue(s: string): number {
  let v = 0;
  for (let i = 0; i < s.length && i < 16; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c >= 48 && c <= 57) v = v * 16 + (c - 48);
    else if (c >= 97 && c <= 102) v = v * 16 + (c - 87);
  }
  return v;
}

const TCP_FLAGS = new Set(['CWR', 'ECE', 'URG', 'ACK', 'PSH', 'RST', 'SYN', 'FIN']);
const FRAG_FLAGS = new Set(['CE', 'DF', 'MF']);

/** Splits the MAC= value (dst:src:type, octets joined by `:`) into the document. */
function readMac(v: string, doc: EcsDoc): void {
  const o = v.split(':', 32);
  if (o.length >= 14) {
    set2(doc, 'destination', 'mac', o.slice(0, 6).join('-').toUpperCase());
    set2(doc, 'source', 'mac', o.slice(6, 12).join('-').toUpperCase());
    set2(doc, 'iptables', 'ether_type', o[12]! + ':' + o[13]!);
  } else if (o.length >= 6) {
    set2(doc, 'destination', 'mac', o.slice(0, 6).join('-').toUpperCase());
    if (o.length >= 8) set2(doc, 'iptables', 'ether_type', o[o.length - 2]! + ':' + o[o.length - 1]!);
  }
}

/** Where the OUT= value ends as Elastic's grok reads it: at ` MAC=` or ` SRC=`, whichever comes first. */
function deviceEnd(s: string, from: number): number {
  const mac = s.indexOf(' MAC=', from), src = s.indexOf(' SRC=', from);
  if (mac < 0) return src < 0 ? from : src;
  return src < 0 || mac < src ? mac : src;
}

const INT_KEYS: ReadonlyMap<string, string> = new Map([
  ['LEN', 'iptables.length'], ['TTL', 'iptables.ttl'], ['ID', 'iptables.id'], ['HOPLIMIT', 'iptables.ttl'],
  ['FLOWLBL', 'iptables.flow_label'], ['FRAG', 'iptables.fragment_offset'],
  // UniFi Dream Machine lines without IN=: `TL=`/`L=` for the TTL (Elastic's UDM_LOGS)
  ['TL', 'iptables.ttl'], ['L', 'iptables.ttl'],
]);

/** What one read of a LOG text collects besides the document. */
interface Reader {
  ipt: EcsDoc;
  /** PROTO= was read: the keys that follow are the transport's */
  afterProto: boolean;
  transport: string;
  tcpFlags: string[];
  fragFlags: string[];
  sawSrc: boolean;
  sawDst: boolean;
}

/** True when the text read had a PROTO= (the UniFi Dream Machine form has no addresses). */
export function sawProtocol(doc: EcsDoc): boolean {
  return doc.network?.transport !== undefined || doc.network?.iana_number !== undefined;
}

/**
 * A key of the IP part (before PROTO=). Returns where reading goes on: `next`, or further when a
 * value spans several tokens.
 */
function ipKey(s: string, doc: EcsDoc, r: Reader, key: string, v: string, tokStart: number, next: number): number {
  switch (key) {
    case 'IN': r.ipt.input_device = v; break;
    case 'OUT': {
      // Elastic's grok reads OUT= up to ` MAC=`/` SRC=`: a bridge's `PHYSIN=.. PHYSOUT=..` stay in the value
      const end = s.startsWith('PHYS', next) ? deviceEnd(s, tokStart + 4) : next - 1;
      r.ipt.output_device = end >= next ? s.slice(tokStart + 4, end) : v;
      return end >= next ? end + 1 : next;
    }
    case 'MAC': readMac(v, doc); break;
    case 'SRC': if (isIp(v)) { set2(doc, 'source', 'ip', v); r.sawSrc = true; } break;
    case 'DST': if (isIp(v)) { set2(doc, 'destination', 'ip', v); r.sawDst = true; } break;
    case 'TOS': case 'TC': r.ipt.tos = v; break;
    case 'PREC': r.ipt.precedence_bits = v; break;
    case 'PROTO': r.transport = v; r.afterProto = true; break;
    default: {
      const f = INT_KEYS.get(key);
      if (f !== undefined) setField(doc, f, toInt(v));
    }
  }
  return next;
}

/** A key of the transport part (after PROTO=), where LEN, ID and SEQ mean the transport's. */
function transportKey(doc: EcsDoc, r: Reader, key: string, v: string): void {
  switch (key) {
    case 'SPT': set2(doc, 'source', 'port', toInt(v)); break;
    case 'DPT': set2(doc, 'destination', 'port', toInt(v)); break;
    case 'SEQ': setField(doc, r.transport === 'ICMP' || r.transport === 'ICMPv6' ? 'iptables.icmp.seq' : 'iptables.tcp.seq', toInt(v)); break;
    case 'ACK': set3(doc, 'iptables', 'tcp', 'ack', toInt(v)); break;
    case 'WINDOW': set3(doc, 'iptables', 'tcp', 'window', toInt(v)); break;
    case 'RES': r.ipt.tcp_reserved_bits = v; break;
    case 'LEN': set3(doc, 'iptables', 'udp', 'length', toInt(v)); break;
    case 'TYPE': set3(doc, 'iptables', 'icmp', 'type', toInt(v)); break;
    case 'CODE': set3(doc, 'iptables', 'icmp', 'code', toInt(v)); break;
    case 'ID': set3(doc, 'iptables', 'icmp', 'id', toInt(v)); break;
    case 'PARAMETER': set3(doc, 'iptables', 'icmp', 'parameter', toInt(v)); break;
    case 'GATEWAY': if (isIp(v)) set3(doc, 'iptables', 'icmp', 'redirect', v); break;
    default: break;
  }
}

/** PROTO= as a number (`network.iana_number`) or a name (`network.transport`, `icmpv6` as `ipv6-icmp`). */
function protocol(doc: EcsDoc, transport: string): void {
  if (transport === '') return;
  let allDigits = true;
  for (let i = 0; i < transport.length; i++) {
    const c = transport.charCodeAt(i);
    if (c < 48 || c > 57) allDigits = false;
  }
  if (allDigits) return set2(doc, 'network', 'iana_number', transport);
  const t = transport.toLowerCase();
  set2(doc, 'network', 'transport', t === 'icmpv6' ? 'ipv6-icmp' : t);
}

/** Hex fields become numbers, as Elastic's script converts them; the ether type also names the IP version. */
function hexFields(doc: EcsDoc, ipt: EcsDoc): void {
  const ether = ipt.ether_type as string | undefined;
  if (ether !== undefined) {
    const lower = ether.toLowerCase();
    if (lower === '08:00') set2(doc, 'network', 'type', 'ipv4');
    else if (lower === '86:dd') set2(doc, 'network', 'type', 'ipv6');
    ipt.ether_type = hexValue(ether);
  }
  if (typeof ipt.tos === 'string') ipt.tos = hexValue(ipt.tos);
  if (typeof ipt.precedence_bits === 'string') ipt.precedence_bits = hexValue(ipt.precedence_bits);
  if (typeof ipt.tcp_reserved_bits === 'string') {
    set3(doc, 'iptables', 'tcp', 'reserved_bits', hexValue(ipt.tcp_reserved_bits));
    delete ipt.tcp_reserved_bits;
  }
}

/** A word without `=`: a TCP or fragment flag, or `INCOMPLETE [n bytes]` (true: stop reading). */
function flagWord(s: string, doc: EcsDoc, r: Reader, tok: string, next: number): boolean {
  if (r.afterProto && TCP_FLAGS.has(tok)) r.tcpFlags.push(tok);
  else if (!r.afterProto && FRAG_FLAGS.has(tok)) r.fragFlags.push(tok);
  else if (tok === 'INCOMPLETE' && s.charCodeAt(next) === 91) {
    const close = s.indexOf(' bytes]', next);
    if (close > next) set2(doc, 'iptables', 'incomplete_bytes', toInt(s.slice(next + 1, close)));
    return true;
  }
  return false;
}

/**
 * Reads the LOG text starting at `IN=` (index `start` of s) into doc, token by token. Returns
 * false when the mandatory part (SRC and DST) is missing.
 */
export function readBody(s: string, start: number, doc: EcsDoc): boolean {
  const r: Reader = { ipt: (doc.iptables as EcsDoc | undefined) ?? {}, afterProto: false, transport: '', tcpFlags: [], fragFlags: [], sawSrc: false, sawDst: false };
  doc.iptables = r.ipt;
  let p = start;
  const n = s.length;
  for (let tokens = 0; p < n && tokens < 128; tokens++) {
    while (p < n && s.charCodeAt(p) === 32) p++;
    if (p >= n || s.charCodeAt(p) === 91 /* [ */) break;
    let e = s.indexOf(' ', p);
    if (e < 0) e = n;
    const tok = s.slice(p, e);
    const tokStart = p;
    p = e + 1;
    const eq = tok.indexOf('=');
    if (eq < 0) {
      if (flagWord(s, doc, r, tok, p)) break;
      continue;
    }
    const key = tok.slice(0, eq), v = tok.slice(eq + 1);
    if (!r.afterProto) p = ipKey(s, doc, r, key, v, tokStart, p);
    else transportKey(doc, r, key, v);
  }
  protocol(doc, r.transport);
  if (r.tcpFlags.length > 0) set3(doc, 'iptables', 'tcp', 'flags', r.tcpFlags);
  if (r.fragFlags.length > 0) r.ipt.fragment_flags = r.fragFlags;
  hexFields(doc, r.ipt);
  return r.sawSrc && r.sawDst;
}
