/**
 * DHCP servers and clients of the box, as Elastic's pfsense `dhcp` pipeline reads them: ISC
 * `dhcpd` (IPv4 `DHCPACK on ip to mac (host) via iface` and the DHCPv6 message/lease lines),
 * `dhclient`, `dhcp6c`, and dnsmasq's `DHCPACK(iface) ip mac host`. The client is also the
 * source, the server the destination. Forms are tried in the pipeline's order.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { isIp, relatedHost, toInt } from '../../src/ecs/fields.js';
import { set2, set3, set4 } from '../../src/ecs/set-path.js';

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
}

/** `00:11:22:33:44:55` (or with `-`) */
function isMac(t: string | undefined): t is string {
  if (t === undefined || t.length !== 17) return false;
  for (let i = 0; i < 17; i++) {
    const c = t.charCodeAt(i);
    if (i % 3 === 2 ? c !== 58 && c !== 45 : !isHex(c)) return false;
  }
  return true;
}

function isIface(t: string | undefined): t is string {
  if (t === undefined || t === '') return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 46)) return false;
  }
  return true;
}

/** `(name)` */
function paren(t: string | undefined): string | undefined {
  return t !== undefined && t.length > 2 && t.charCodeAt(0) === 40 && t.charCodeAt(t.length - 1) === 41 ? t.slice(1, -1) : undefined;
}

function iface(doc: EcsDoc, name: string): void {
  set4(doc, 'observer', 'ingress', 'interface', 'name', name);
  const dot = name.lastIndexOf('.');
  const vlan = dot > 0 ? toInt(name.slice(dot + 1)) : undefined;
  if (vlan !== undefined) set4(doc, 'observer', 'ingress', 'vlan', 'id', String(vlan));
}

/** The pipeline's action: lower case, blanks as `-` (`Solicit message` -> `solicit-message`). */
function action(doc: EcsDoc, text: string): void {
  set2(doc, 'event', 'action', text.toLowerCase().replace(/ /g, '-'));
}

function hostname(doc: EcsDoc, host: string | undefined): void {
  if (host === undefined) return;
  set3(doc, 'pfsense', 'dhcp', 'hostname', host);
  relatedHost(doc, host);
}

/** dnsmasq: `DHCPACK(igb1) 192.0.2.10 00:11:22:33:44:55 laptop` (address and name optional) */
function dnsmasq(t: readonly string[], doc: EcsDoc): boolean {
  const first = t[0]!;
  const open = first.indexOf('(');
  if (open <= 0 || first.charCodeAt(first.length - 1) !== 41) return false;
  let i = 1;
  const ip = isIp(t[i]) ? t[i++] : undefined;
  if (!isMac(t[i])) return false;
  action(doc, first.slice(0, open));
  iface(doc, first.slice(open + 1, -1));
  set2(doc, 'client', 'ip', ip);
  set2(doc, 'client', 'mac', t[i]);
  hostname(doc, t[i + 1]);
  return true;
}

/** ISC IPv4: `DHCPACK on ip to mac (host) via iface`, `DHCPREQUEST for ip (server) from mac (host) via iface`... */
function iscV4(t: readonly string[], doc: EcsDoc): boolean {
  const via = t.lastIndexOf('via');
  if (via < 2 || !isIface(t[via + 1])) return false;
  let client: string | undefined, server: string | undefined, mac: string | undefined, host: string | undefined;
  const kw = t[1];
  if (kw === 'from' && isMac(t[2])) {
    mac = t[2];
    host = paren(t[3]);
  } else if (kw === 'from' && isIp(t[2])) {
    // dhclient: the server that answered
    server = t[2];
  } else if (kw === 'on' && isIp(t[2]) && t[3] === 'to' && isMac(t[4])) {
    client = t[2];
    mac = t[4];
    host = paren(t[5]);
  } else if ((kw === 'for' || kw === 'of') && isIp(t[2])) {
    client = t[2];
    let i = 3;
    const sv = paren(t[i]);
    if (sv !== undefined && isIp(sv)) { server = sv; i++; }
    if (t[i] === 'from' && isMac(t[i + 1])) {
      mac = t[i + 1];
      host = paren(t[i + 2]);
    }
  } else return false;
  // the message name as written (`DHCPACK`), as the pipeline keeps it
  set2(doc, 'event', 'action', t[0]);
  iface(doc, t[via + 1]!);
  if (client !== undefined) set2(doc, 'client', 'address', client);
  if (server !== undefined) set2(doc, 'server', 'address', server);
  set2(doc, 'client', 'mac', mac);
  hostname(doc, host);
  return true;
}

/** Index of the first IPv6 address token in t (after the action words), or -1. */
function v6Token(t: readonly string[]): number {
  for (let i = 1; i < t.length && i < 8; i++) {
    let w = t[i]!;
    if (w.endsWith(',')) w = w.slice(0, -1);
    const slash = w.indexOf('/');
    if (slash > 0) w = w.slice(0, slash);
    if (w.indexOf(':') >= 0 && isIp(w)) return i;
  }
  return -1;
}

/**
 * DHCPv6 (ISC dhcpd -6, dhcp6c): `Solicit message from fe80::1 port 546, transaction ID 0x...`,
 * `Reply NA: address 2001:db8::5 to client with duid ... iaid = ... valid for 7200 seconds`,
 * `... for: 2001:db8::5, age 600 secs ...`, `... 2001:db8::5 on igb1`.
 */
function v6(t: readonly string[], doc: EcsDoc): boolean {
  const at = v6Token(t);
  if (at < 1) return false;
  let words = at;
  const kw = t[at - 1];
  if (kw === 'from' || kw === 'to' || kw === 'for:' || kw === 'address') words--;
  let act = t.slice(0, words).join(' ');
  if (act.endsWith(':')) act = act.slice(0, -1);
  if (act === '') return false;
  action(doc, act);
  let addr = t[at]!;
  if (addr.endsWith(',')) addr = addr.slice(0, -1);
  const slash = addr.indexOf('/');
  set2(doc, 'client', 'address', slash > 0 ? addr.slice(0, slash) : addr);
  v6Details(t, at + 1, doc);
  return true;
}

function v6Details(t: readonly string[], i: number, doc: EcsDoc): void {
  for (; i < t.length; i++) {
    const w = t[i]!;
    if (w === 'port') set2(doc, 'client', 'port', toInt(t[i + 1]?.replace(',', '')));
    else if (w === 'on' && isIface(t[i + 1])) iface(doc, t[i + 1]!);
    else if (w === 'ID') set3(doc, 'pfsense', 'dhcp', 'transaction_id', t[i + 1]);
    else if (w === 'age') set3(doc, 'pfsense', 'dhcp', 'age', toInt(t[i + 1]));
    else if (w === 'duid') set3(doc, 'pfsense', 'dhcp', 'duid', t[i + 1]);
    else if (w === 'iaid' && t[i + 1] === '=') set3(doc, 'pfsense', 'dhcp', 'iaid', t[i + 2]?.replace(/^-/, ''));
    else if (w === 'valid' && t[i + 1] === 'for') set3(doc, 'pfsense', 'dhcp', 'lease_time', toInt(t[i + 2]));
  }
}

/** `action/iface/server-mac/subnet` */
function slashForm(s: string, doc: EcsDoc): boolean {
  const parts = s.split('/');
  if (parts.length !== 4 || !isIface(parts[1]) || !isMac(parts[2])) return false;
  action(doc, parts[0]!);
  iface(doc, parts[1]!);
  set2(doc, 'server', 'mac', parts[2]);
  set3(doc, 'pfsense', 'dhcp', 'subnet', parts[3]);
  return true;
}

/** MACs as ECS writes them: upper case, `-` between octets. */
function ecsMac(doc: EcsDoc, side: 'client' | 'server'): void {
  const m = doc[side]?.mac as string | undefined;
  if (m !== undefined) doc[side]!.mac = m.toUpperCase().replace(/:/g, '-');
}

function copyIps(doc: EcsDoc): void {
  const c = doc.client?.address as string | undefined;
  if (isIp(c)) set2(doc, 'client', 'ip', c);
  const sv = doc.server?.address as string | undefined;
  if (isIp(sv)) set2(doc, 'server', 'ip', sv);
}

export function parseDhcp(s: string, doc: EcsDoc, provider: string): string | null {
  const t = s.split(' ', 64);
  const ok = dnsmasq(t, doc) || slashForm(s, doc) || iscV4(t, doc) || v6(t, doc);
  set2(doc, 'event', 'category', ['network']);
  set2(doc, 'event', 'type', ['connection', 'protocol', 'info']);
  copyIps(doc);
  const v6proto = provider === 'dhcp6c' || ((doc.client?.address as string | undefined)?.indexOf(':') ?? -1) >= 0 ||
    ((doc.server?.address as string | undefined)?.indexOf(':') ?? -1) >= 0;
  set2(doc, 'network', 'protocol', v6proto ? 'dhcpv6' : 'dhcp');
  set2(doc, 'network', 'transport', 'udp');
  if (!v6proto && ok) {
    // the BOOTP ports, which Elastic's earlier pipeline set on every IPv4 line
    if (doc.client?.port === undefined) set2(doc, 'client', 'port', 68);
    if (doc.server?.port === undefined) set2(doc, 'server', 'port', 67);
  }
  ecsMac(doc, 'client');
  ecsMac(doc, 'server');
  if (doc.client !== undefined) doc.source = { ...doc.client };
  if (doc.server !== undefined) doc.destination = { ...doc.server };
  return null;
}
