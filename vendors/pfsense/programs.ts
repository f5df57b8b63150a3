/**
 * The non-filterlog programs of a pfSense/OPNsense box that Elastic's pfsense integration reads:
 * OpenVPN, strongSwan `charon` (IPsec), ISC `dhcpd`/`dhclient`/`dhcp6c`, `unbound` query logs and
 * the webConfigurator's `php-fpm` login lines. Each returns null or the failed step.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { appendUnique, isIp, relatedHost, setField, toInt } from '../../src/ecs/fields.js';
import { set2, set3, set4 } from '../../src/ecs/set-path.js';

const IPV4_PORT = /([0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}):([0-9]{1,5})/g;

function source(doc: EcsDoc, ip: string, port: string | undefined): void {
  if (!isIp(ip)) return;
  set2(doc, 'source', 'address', ip);
  set2(doc, 'source', 'ip', ip);
  const p = toInt(port);
  if (p !== undefined && p >= 0 && p <= 65535) set2(doc, 'source', 'port', p);
}

/** `ip:port` at the end of a token such as `user/1.2.3.4:1194` or `[AF_INET]1.2.3.4:1194`. */
function ipPortIn(tok: string): [string, string] | null {
  const colon = tok.lastIndexOf(':');
  if (colon < 0) return null;
  let start = colon;
  while (start > 0) {
    const c = tok.charCodeAt(start - 1);
    if ((c >= 48 && c <= 57) || c === 46) start--;
    else break;
  }
  const ip = tok.slice(start, colon);
  return isIp(ip) ? [ip, tok.slice(colon + 1)] : null;
}

const USER_QUOTED = /user '([A-Za-z0-9._-]+)'/;
const USER_BRACKET = /^\[([A-Za-z0-9._-]+)\]/;
const USER_SLASH = /^([A-Za-z0-9._-]+)\/([0-9.]+):([0-9]{1,5})/;

export function parseOpenvpn(s: string, doc: EcsDoc): string | null {
  const peer = s.indexOf(' peer info: ');
  let done = false;
  if (peer >= 0) {
    const tokStart = s.lastIndexOf(' ', peer - 1) + 1;
    const ip = ipPortIn(s.slice(tokStart, peer));
    if (ip !== null) {
      source(doc, ip[0], ip[1]);
      set3(doc, 'pfsense', 'openvpn', 'peer_info', s.slice(peer + 12));
      done = true;
    }
  }
  if (!done) {
    // `1.2.3.4:1194 [user] ...`
    IPV4_PORT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = IPV4_PORT.exec(s)) !== null) {
      const after = s.slice(m.index + m[0].length);
      if (after.charCodeAt(0) === 32) {
        const u = USER_BRACKET.exec(after.trimStart());
        if (u !== null && isIp(m[1])) {
          source(doc, m[1]!, m[2]);
          set2(doc, 'user', 'name', u[1]);
          done = true;
          break;
        }
      }
    }
  }
  if (!done) {
    const u = USER_QUOTED.exec(s);
    if (u !== null) {
      set2(doc, 'user', 'name', u[1]);
      done = true;
    }
  }
  if (!done) {
    const u = USER_SLASH.exec(s);
    const v4 = s.indexOf('IPv4=');
    if (u !== null && v4 > 0 && s.indexOf('IPv6=', v4) > 0) {
      set2(doc, 'user', 'name', u[1]);
      source(doc, u[2]!, u[3]);
      const a = s.slice(v4 + 5, s.indexOf(',', v4) < 0 ? s.length : s.indexOf(',', v4)).trim();
      const v6 = s.slice(s.indexOf('IPv6=', v4) + 5).trim();
      if (isIp(a)) set3(doc, 'source', 'nat', 'ip', a);
      else if (isIp(v6)) set3(doc, 'source', 'nat', 'ip', v6);
      done = true;
    }
  }
  if (!done) {
    // the last ip:port of the line
    IPV4_PORT.lastIndex = 0;
    let m: RegExpExecArray | null, last: RegExpExecArray | null = null;
    while ((m = IPV4_PORT.exec(s)) !== null) last = m;
    if (last !== null) source(doc, last[1]!, last[2]);
  }
  set2(doc, 'event', 'category', ['network']);
  if (s.indexOf('auth') >= 0) appendUnique(doc, 'event.category', 'authentication');
  const lower = s.toLowerCase();
  if (doc.source?.address !== undefined) appendUnique(doc, 'event.type', 'connection');
  if (lower.indexOf('error') >= 0 || lower.indexOf('not auth') >= 0) appendUnique(doc, 'event.type', 'error');
  if (lower.indexOf('initiat') >= 0) appendUnique(doc, 'event.type', 'start');
  set2(doc, 'network', 'protocol', 'openvpn');
  return null;
}

/** `ip[port]` */
function bracketEndpoint(doc: EcsDoc, side: string, v: string): boolean {
  const open = v.indexOf('[');
  if (open <= 0 || v.charCodeAt(v.length - 1) !== 93) return false;
  const ip = v.slice(0, open);
  const p = toInt(v.slice(open + 1, -1));
  if (!isIp(ip) || p === undefined) return false;
  setField(doc, side + '.address', ip);
  setField(doc, side + '.ip', ip);
  setField(doc, side + '.port', p);
  return true;
}

const CHARON_PREFIX = /^[0-9]+\[[A-Za-z0-9_]+\]/;

export function parseCharon(s: string, doc: EcsDoc): string | null {
  // `09[NET] <con1|12> sending packet: from 1.2.3.4[500] to 5.6.7.8[500] (236 bytes)`
  if (CHARON_PREFIX.test(s) && s.endsWith(' bytes)')) {
    const open = s.lastIndexOf(' (');
    const to = s.lastIndexOf(' to ', open);
    const from = s.lastIndexOf(' ', to - 1);
    const bytes = toInt(s.slice(open + 2, s.length - 7));
    if (open > 0 && to > 0 && from >= 0 && bytes !== undefined &&
      bracketEndpoint(doc, 'source', s.slice(from + 1, to)) && bracketEndpoint(doc, 'destination', s.slice(to + 4, open))) {
      set2(doc, 'network', 'bytes', bytes);
    } else {
      if (doc.source) delete doc.source;
      if (doc.destination) delete doc.destination;
    }
  }
  set2(doc, 'event', 'category', ['network']);
  if (doc.source?.address !== undefined) appendUnique(doc, 'event.type', 'connection');
  if (s.toLowerCase().indexOf('disconnected') >= 0) appendUnique(doc, 'event.type', 'end');
  set2(doc, 'network', 'protocol', 'ipsec');
  return null;
}

const MAC = /^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/;
const IFACE = /^[a-z0-9.]+$/;

/** `(name)` */
function paren(t: string | undefined): string | undefined {
  return t !== undefined && t.length > 2 && t.charCodeAt(0) === 40 && t.charCodeAt(t.length - 1) === 41 ? t.slice(1, -1) : undefined;
}

export function parseDhcp(s: string, doc: EcsDoc): string | null {
  const t = s.split(' ');
  const via = t.lastIndexOf('via');
  let step: string | null = null;
  if (via > 1 && IFACE.test(t[via + 1] ?? '')) {
    const action = t[0]!;
    let client: string | undefined, server: string | undefined, mac: string | undefined, host: string | undefined;
    let i = 1;
    const kw = t[i];
    if (kw === 'from' && MAC.test(t[i + 1] ?? '')) {
      mac = t[i + 1];
      host = paren(t[i + 2]);
    } else if (kw === 'on' && isIp(t[i + 1]) && t[i + 2] === 'to' && MAC.test(t[i + 3] ?? '')) {
      client = t[i + 1];
      mac = t[i + 3];
      host = paren(t[i + 4]);
    } else if ((kw === 'for' || kw === 'of') && isIp(t[i + 1])) {
      client = t[i + 1];
      i += 2;
      const sv = paren(t[i]);
      if (sv !== undefined && isIp(sv)) { server = sv; i++; }
      if (t[i] === 'from' && MAC.test(t[i + 1] ?? '')) {
        mac = t[i + 1];
        host = paren(t[i + 2]);
      }
    }
    if (mac !== undefined || client !== undefined) {
      set2(doc, 'event', 'action', action);
      const iface = t[via + 1]!;
      set4(doc, 'observer', 'ingress', 'interface', 'name', iface);
      const dot = iface.lastIndexOf('.');
      const vlan = dot > 0 ? toInt(iface.slice(dot + 1)) : undefined;
      if (vlan !== undefined) set4(doc, 'observer', 'ingress', 'vlan', 'id', String(vlan));
      if (client !== undefined) { set2(doc, 'client', 'address', client); set2(doc, 'client', 'ip', client); }
      if (server !== undefined) { set2(doc, 'server', 'address', server); set2(doc, 'server', 'ip', server); }
      set2(doc, 'client', 'mac', mac);
      if (host !== undefined) {
        set3(doc, 'pfsense', 'dhcp', 'hostname', host);
        relatedHost(doc, host);
      }
    } else step = 'parse_dhcp';
  } else step = 'parse_dhcp';
  set2(doc, 'event', 'category', ['network']);
  set2(doc, 'event', 'type', ['connection', 'protocol', 'info']);
  set2(doc, 'network', 'protocol', 'dhcp');
  set2(doc, 'network', 'transport', 'udp');
  set2(doc, 'client', 'port', 68);
  set2(doc, 'server', 'port', 67);
  doc.source = { ...doc.client };
  doc.destination = { ...doc.server };
  return step;
}

const UNBOUND = /^(?:\[[0-9:]+\] )?([a-z]+): ([0-9a-fA-F.:]+) ([A-Za-z0-9._-]+)\. ([A-Za-z0-9]+) ([A-Za-z0-9]+)/;

export function parseUnbound(s: string, doc: EcsDoc): string | null {
  const m = UNBOUND.exec(s);
  if (m === null || !isIp(m[2])) return 'unbound_not_a_query';
  set2(doc, 'log', 'level', m[1]);
  set2(doc, 'source', 'address', m[2]);
  set2(doc, 'source', 'ip', m[2]);
  set2(doc, 'client', 'address', m[2]);
  set2(doc, 'client', 'ip', m[2]);
  set2(doc, 'event', 'category', ['network']);
  set2(doc, 'event', 'type', ['connection']);
  set2(doc, 'network', 'protocol', 'dns');
  set2(doc, 'dns', 'type', 'question');
  set3(doc, 'dns', 'question', 'name', m[3]);
  set3(doc, 'dns', 'question', 'type', m[4]);
  set3(doc, 'dns', 'question', 'class', m[5]);
  return null;
}

const PHP_LOGIN = /^(.{1,200}?) for user '([^']{0,256})' from: ([0-9a-fA-F.:]+)/;

export function parsePhpFpm(s: string, doc: EcsDoc): string | null {
  set2(doc, 'event', 'category', ['authentication']);
  // `/index.php: Successful login for user 'admin' from: 10.0.0.5 (Local Database)`
  const colon = s.indexOf(': ');
  if (colon < 0) return 'parse_php_fpm';
  const m = PHP_LOGIN.exec(s.slice(colon + 2));
  if (m === null) return null;
  let action = m[1]!;
  if (action.startsWith('User ')) action = action.slice(5);
  else if (action.startsWith('webConfigurator ')) action = action.slice(16);
  set2(doc, 'user', 'name', m[2]);
  if (isIp(m[3])) { set2(doc, 'source', 'address', m[3]); set2(doc, 'source', 'ip', m[3]); }
  const lower = action.toLowerCase();
  if (lower.indexOf('success') >= 0) set2(doc, 'event', 'outcome', 'success');
  else if (lower.indexOf('authentication error') >= 0) set2(doc, 'event', 'outcome', 'failure');
  return null;
}
