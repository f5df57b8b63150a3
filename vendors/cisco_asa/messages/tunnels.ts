/**
 * IPsec packet checks (402xxx), PPTP/L2TP/PPPoE tunnels (603xxx), DHCP (604xxx), ASDM sessions
 * (606xxx), management-only denies (418001), interface line state (411xxx), syslog servers
 * (414xxx) and fragment checks (209xxx): the peers, users and interfaces they name.
 */
import type { Handler, Work } from '../work.js';
import { put, vput } from '../work.js';
import { addressAfter, fromTo, readEnd, setEnd, valueAfter } from './shapes.js';
import { table } from '../../../src/core/null-proto.js';

/** 402xxx `IPSEC: ... from remote (user= u) to local ...`. */
function ipsecPacket(w: Work): boolean {
  const s = w.msg;
  if (!s.startsWith('IPSEC: ')) return false;
  fromTo(w);
  const u = valueAfter(s, '(user= ', 0, ')');
  put(w, 'user.name', u?.v);
  const spi = valueAfter(s, 'SPI= ', 0, ',');
  vput(w, 'session_id', spi?.v.replace(/\)$/, ''));
  return true;
}

/** The value after `key is ` or `key = ` up to `,`. */
function named(s: string, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = valueAfter(s, k + ' is ') ?? valueAfter(s, k + ' = ');
    if (v !== null && v.v !== '') return v.v;
  }
  return undefined;
}

/** 603xxx `PPTP|L2TP|PPPOE Tunnel ..., remote_peer_ip is a, client_dynamic_ip is b, username is u`. */
function pppTunnel(w: Work): boolean {
  const s = w.msg;
  put(w, 'source.address', named(s, ['remote_peer_ip', 'remote-peer', 'remote peer']));
  vput(w, 'assigned_ip', named(s, ['client_dynamic_ip', 'client-dynamic-ip']));
  put(w, 'user.name', named(s, ['username']));
  const at = valueAfter(s, 'Tunnel at ');
  vput(w, 'source_interface', at?.v);
  const t = s.indexOf(' Tunnel');
  if (t > 0) put(w, 'network.protocol', s.slice(s.lastIndexOf(' ', t - 1) + 1, t).toLowerCase());
  return true;
}

/** 604xxx DHCP client and server: the interface, the address, the MAC. */
function dhcp(w: Work): boolean {
  const s = w.msg;
  const i = valueAfter(s, 'interface ', 0, ':');
  vput(w, 'source_interface', i?.v);
  const ip = valueAfter(s, 'ip = ') ?? valueAfter(s, '(', 0, ')');
  if (ip !== null) put(w, 'client.address', ip.v);
  const granted = valueAfter(s, 'address granted ', 0, ' ');
  put(w, 'client.mac', granted?.v.replace(/\./g, '').replace(/(..)(?!$)/g, '$1-').toUpperCase());
  put(w, 'network.protocol', 'dhcp');
  return true;
}

/** 418001 `... denied: protocol from if a (p) to if b (p)`. */
function mgmtOnly(w: Work): boolean {
  const s = w.msg;
  const k = s.indexOf(': ');
  const f = s.indexOf(' from ', k);
  const t = s.indexOf(' to ', f + 6);
  if (k < 0 || f < 0 || t < 0) return false;
  put(w, 'network.transport', s.slice(k + 2, f).toLowerCase());
  side(w, 'source', s.slice(f + 6, t));
  side(w, 'destination', s.slice(t + 4));
  return true;
}

/** `inside 10.0.0.5 (51000)` -> interface, address, port. */
function side(w: Work, which: 'source' | 'destination', part: string): void {
  const bits = part.trim().split(' ');
  if (bits.length < 2) return;
  const e = readEnd(bits[1]!, 0);
  if (e === null) return;
  setEnd(w, which, { ...e, iface: bits[0] });
  const port = bits[2]?.replace(/[()]/g, '');
  put(w, which + '.port', port);
}

/** 411xxx `Line protocol|Configuration status on Interface i, changed state to s`. */
function lineState(w: Work): boolean {
  const i = valueAfter(w.msg, 'Interface ');
  if (i === null) return false;
  vput(w, 'interface_name', i.v);
  return true;
}

/** 414xxx `TCP Syslog Server intf: a/p not responding...`. */
function syslogServer(w: Work): boolean {
  const k = w.msg.indexOf('Server ');
  const e = k < 0 ? null : readEnd(w.msg, k + 7);
  if (e === null) return false;
  setEnd(w, 'destination', e);
  return true;
}

/** 209004/209005 `... src = a, dest = b, proto = p, id = n`. */
function fragment(w: Work): boolean {
  const s = w.msg;
  const src = valueAfter(s, 'src = ');
  const dst = valueAfter(s, 'dest = ');
  if (src === null && dst === null) return false;
  if (src !== null && readEnd(src.v, 0) !== null) put(w, 'source.address', src.v);
  put(w, 'destination.address', dst?.v);
  put(w, 'network.transport', valueAfter(s, 'proto = ')?.v);
  return true;
}

export const TUNNELS = table<Handler>({
  '418001': mgmtOnly, '414003': syslogServer, '414004': syslogServer, '209004': fragment, '209005': fragment,
});
for (const id of ['402114', '402115', '402116', '402117', '402118', '402119', '402120']) TUNNELS[id] = ipsecPacket;
for (const id of ['603104', '603105', '603106', '603107', '603108', '603109']) TUNNELS[id] = pppTunnel;
for (const id of ['604101', '604102', '604103', '604104']) TUNNELS[id] = dhcp;
for (const id of ['606001', '606002', '606003', '606004']) TUNNELS[id] = addressAfter(' from ', 'source.address');
for (const id of ['411001', '411002', '411003', '411004']) TUNNELS[id] = lineState;
