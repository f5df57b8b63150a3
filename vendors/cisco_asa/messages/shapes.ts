/**
 * The shapes many Cisco messages share, read with indexOf: an endpoint `[interface:]address[/port]`
 * (IPv4, IPv6 or a name), `from A to B` and `src A dst B` pairs, the transport word before them,
 * the IKEv1 `Group = g, Username = u, IP = a,` prefix, the IKEv2 `Local:a:p Remote:a:p Username:u`
 * prefix and the VPN `Group <g> User <u> IP <a>` prefix. Each reader returns where it stopped, or
 * -1 when the text is not of its shape (nothing is written then).
 */
import { isIp } from '../../../src/ecs/fields.js';
import type { Handler, Work } from '../work.js';
import { put, vput } from '../work.js';

export interface End {
  iface: string | undefined;
  addr: string;
  /** digits after `/`, or undefined */
  port: string | undefined;
  /** what follows `/` when it is not a number (`ssh`, a GRE call id is a number) */
  service: string | undefined;
  /** index after the token */
  end: number;
}

/** isIp without its type guard. */
function ipText(s: string): boolean {
  return isIp(s);
}

function isDigits(s: string): boolean {
  if (s === '') return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function tokenEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c === 32 || c === 44 || c === 59 || c === 40 || c === 41 || c === 62 || c === 9) break;
    j++;
  }
  return j;
}

/** `outside:192.0.2.1/443`, `2001:db8::1/443`, `inside:host.example/80`, `192.0.2.1` at `i`. */
export function readEnd(s: string, i: number): End | null {
  const e = tokenEnd(s, i);
  let tok = s.slice(i, e);
  if (tok.endsWith('.') && !tok.endsWith('..')) tok = tok.slice(0, -1);
  if (tok === '') return null;
  let iface: string | undefined;
  const slash = tok.lastIndexOf('/');
  let hostPart = slash >= 0 ? tok.slice(0, slash) : tok;
  const after = slash >= 0 ? tok.slice(slash + 1) : undefined;
  if (!ipText(hostPart)) {
    const colon = hostPart.indexOf(':');
    if (colon > 0) {
      iface = hostPart.slice(0, colon);
      hostPart = hostPart.slice(colon + 1);
    }
  }
  if (hostPart === '' || !looksLikeHost(hostPart)) return null;
  const port = after !== undefined && isDigits(after) ? after : undefined;
  const service = after !== undefined && port === undefined && after !== '' ? after : undefined;
  return { iface, addr: hostPart, port, service, end: e };
}

/** An address or a host name (letters, digits, `.-_:`), not a word of the sentence. */
function looksLikeHost(h: string): boolean {
  if (ipText(h)) return true;
  if (h.indexOf('.') < 0) return false;
  for (let i = 0; i < h.length; i++) {
    const c = h.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46 || c === 95)) return false;
  }
  return true;
}

/** A handler writing the address of the endpoint after `key` to `path` (false when there is none). */
export function addressAfter(key: string, path: string): Handler {
  return (w) => {
    const e = endAfter(w.msg, key);
    if (e === null) return false;
    put(w, path, e.addr);
    return true;
  };
}

/** Writes an endpoint to `source` or `destination` (address, port, interface). */
export function setEnd(w: Work, side: 'source' | 'destination', e: End): void {
  put(w, side + '.address', e.addr);
  put(w, side + '.port', e.port);
  vput(w, side + '_interface', e.iface);
}

/** ` (mapped/port)` right after an endpoint: the mapped address and port. */
export function readMapped(s: string, i: number): { addr: string; port: string | undefined; end: number } | null {
  let p = i;
  while (s.charCodeAt(p) === 32) p++;
  if (s.charCodeAt(p) !== 40) return null;
  const close = s.indexOf(')', p);
  if (close < 0) return null;
  const inner = s.slice(p + 1, close);
  const slash = inner.lastIndexOf('/');
  const addr = slash >= 0 ? inner.slice(0, slash) : inner;
  if (!looksLikeHost(addr)) return null;
  const port = slash >= 0 && isDigits(inner.slice(slash + 1)) ? inner.slice(slash + 1) : undefined;
  return { addr, port, end: close + 1 };
}

/** The endpoint after the word `kw` (` from `, ` to `, `src `...) at or after `from`; null when absent. */
export function endAfter(s: string, kw: string, from = 0): End | null {
  const k = s.indexOf(kw, from);
  if (k < 0) return null;
  return readEnd(s, k + kw.length);
}

const TRANSPORTS = new Set(['tcp', 'udp', 'icmp', 'icmp6', 'icmpv6', 'gre', 'sctp', 'esp', 'ah', 'igmp']);

/** The first transport word (`TCP`, `udp`, `protocol=UDP`) in `s` before index `to`. */
export function transportIn(s: string, to: number): string | undefined {
  let i = 0;
  while (i < to) {
    let j = s.indexOf(' ', i);
    if (j < 0 || j > to) j = to;
    let word = s.slice(i, j);
    const eq = word.indexOf('=');
    if (eq >= 0) word = word.slice(eq + 1);
    if (word.endsWith(',')) word = word.slice(0, -1);
    const lw = word.toLowerCase();
    if (TRANSPORTS.has(lw)) return lw;
    i = j + 1;
  }
  return undefined;
}

/** `... from A to B ...`: source, destination and the transport named before them. */
export function fromTo(w: Work, s: string = w.msg): boolean {
  let k = s.indexOf(' from ');
  if (k < 0 && s.startsWith('from ')) k = -1;
  else if (k < 0) return false;
  const a = readEnd(s, k + 6);
  if (a === null) return false;
  const t = s.indexOf(' to ', a.end);
  const b = t >= 0 ? readEnd(s, t + 4) : null;
  setEnd(w, 'source', a);
  if (b !== null) setEnd(w, 'destination', b);
  put(w, 'network.transport', transportIn(s, Math.max(k, 0)));
  return true;
}

/** `... src A dst B ...`: source, destination and the transport named before them. */
export function srcDst(w: Work, s: string = w.msg): boolean {
  const k = s.indexOf('src ');
  if (k < 0) return false;
  const a = readEnd(s, k + 4);
  const d = s.indexOf(' dst ', k);
  const b = d >= 0 ? readEnd(s, d + 5) : null;
  if (a === null && b === null) return false;
  if (a !== null) setEnd(w, 'source', a);
  if (b !== null) setEnd(w, 'destination', b);
  put(w, 'network.transport', transportIn(s, k));
  return true;
}

/** `on interface X` -> the ingress interface. */
export function onInterface(w: Work, key = 'source_interface'): void {
  const k = w.msg.indexOf('on interface ');
  if (k < 0) return;
  const e = tokenEnd(w.msg, k + 13);
  let v = w.msg.slice(k + 13, e);
  if (v.endsWith('.')) v = v.slice(0, -1);
  vput(w, key, v);
}

/** The value after `key` up to the next `,` (or the end), trimmed. */
export function valueAfter(s: string, key: string, from = 0, stop = ','): { v: string; end: number } | null {
  const k = s.indexOf(key, from);
  if (k < 0) return null;
  const a = k + key.length;
  let b = s.indexOf(stop, a);
  if (b < 0) b = s.length;
  return { v: s.slice(a, b).trim(), end: b };
}

const IKEV1_KEYS = ['Group = ', 'Username = ', 'IP = '];

/**
 * IKEv1 `Group = g, Username = u, IP = a, text` (each part optional, in that order): source.address,
 * user.name, the tunnel group, and the text as event.reason.
 */
export function ikev1Prefix(w: Work): boolean {
  const s = w.msg;
  let p = 0;
  for (let k = 0; k < IKEV1_KEYS.length; k++) {
    const key = IKEV1_KEYS[k]!;
    if (!s.startsWith(key, p)) continue;
    let e = s.indexOf(', ', p + key.length);
    if (e < 0) e = s.length;
    const v = s.slice(p + key.length, e);
    if (k === 0) vput(w, 'tunnel_group', v);
    else put(w, k === 1 ? 'user.name' : 'source.address', v);
    p = Math.min(e + 2, s.length);
  }
  put(w, 'event.reason', s.slice(p).trim());
  return true;
}

/** `Local:192.0.2.1:500` -> address and port (the port after the last colon). */
function addrPort(t: string): { addr: string; port: string | undefined } {
  const c = t.lastIndexOf(':');
  if (c > 0 && isDigits(t.slice(c + 1))) return { addr: t.slice(0, c), port: t.slice(c + 1) };
  return { addr: t, port: undefined };
}

/** The token after `key` (blanks after the key's colon allowed); null when the key is absent. */
function tokenAfter(s: string, key: string, from: number): { v: string; end: number } | null {
  const k = s.indexOf(key, from);
  if (k < 0) return null;
  let a = k + key.length;
  while (s.charCodeAt(a) === 32) a++;
  let b = s.indexOf(' ', a);
  if (b < 0) b = s.length;
  return { v: s.slice(a, b), end: b };
}

/**
 * IKEv2 `Local:a:p Remote:a:p Username:u text`: the local end as source and the remote as
 * destination (as Elastic's 750002), user.name, and the text as event.reason.
 */
export function ikev2Prefix(w: Work): boolean {
  const s = w.msg;
  if (!s.startsWith('Local:')) return false;
  const l = tokenAfter(s, 'Local:', 0);
  const r = l === null ? null : tokenAfter(s, 'Remote:', l.end);
  if (l === null || r === null) return false;
  const la = addrPort(l.v), ra = addrPort(r.v);
  put(w, 'source.address', la.addr);
  put(w, 'source.port', la.port);
  put(w, 'destination.address', ra.addr);
  put(w, 'destination.port', ra.port);
  let p = r.end;
  // `Username:` right after the remote end (the guide's messages have it there or not at all)
  const u = s.startsWith(' Username:', p) ? tokenAfter(s, 'Username:', p) : null;
  if (u !== null) {
    if (u.v !== 'Unknown') put(w, 'user.name', u.v);
    p = u.end;
  }
  put(w, 'event.reason', s.slice(p).trim());
  return true;
}

/**
 * `Group <g> User <u> IP <a> text`, `Group g User u IP a text` or `TunnelGroup t GroupPolicy g User u
 * IP a text`: the group (`webvpn` puts it at cisco.*.webvpn.group_name, else source.user.group.name),
 * source.user.name, source.address; returns where the text starts, -1 when not of this shape.
 */
export function groupUserIp(w: Work, webvpn: boolean): number {
  const s = w.msg;
  let p = 0;
  if (s.startsWith('TunnelGroup ')) {
    const t = field(s, 12);
    if (t === null) return -1;
    vput(w, 'tunnel_group', t.v);
    p = t.end;
    if (!s.startsWith(' GroupPolicy ', p)) return -1;
    const g = field(s, p + 13);
    if (g === null) return -1;
    vput(w, 'group_policy', g.v);
    p = g.end;
  } else {
    if (!s.startsWith('Group ')) return -1;
    const g = field(s, 6);
    if (g === null) return -1;
    if (webvpn) w.c.webvpn = { group_name: g.v };
    else put(w, 'source.user.group.name', g.v);
    p = g.end;
  }
  if (s.startsWith(',', p)) p++;
  if (s.startsWith(' User ', p)) {
    const u = field(s, p + 6);
    if (u === null) return -1;
    put(w, 'source.user.name', u.v);
    p = u.end;
  }
  if (s.startsWith(',', p)) p++;
  if (s.startsWith(' IP ', p)) {
    const a = field(s, p + 4);
    if (a === null) return -1;
    put(w, 'source.address', a.v);
    p = a.end;
  }
  if (s.charCodeAt(p) === 58) p++;
  while (s.charCodeAt(p) === 32) p++;
  return p;
}

/** `<text>` or a blank-free word at `i` (a trailing `,` or `:` is not part of it). */
function field(s: string, i: number): { v: string; end: number } | null {
  if (s.charCodeAt(i) === 60) {
    const close = s.indexOf('>', i);
    return close < 0 ? null : { v: s.slice(i + 1, close), end: close + 1 };
  }
  let e = s.indexOf(' ', i);
  if (e < 0) e = s.length;
  let v = s.slice(i, e);
  if (v.endsWith(',') || v.endsWith(':')) { v = v.slice(0, -1); e--; }
  return v === '' ? null : { v, end: e };
}
