/**
 * OpenVPN server and client lines, as Elastic's pfsense `openvpn` pipeline reads them, first match
 * wins: `ip:port peer info: ...`, `ip:port [user] ...`, `user 'name' ...`,
 * `user/ip:port ... IPv4=pool, IPv6=pool` (the address handed to the client), else the last
 * `ip:port` of the line. Categorisation by words of the text, as the pipeline does.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { appendUnique, isIp, toInt } from '../../src/ecs/fields.js';
import { set2, set3 } from '../../src/ecs/set-path.js';

function isUserChar(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 46 || c === 95 || c === 45;
}

/** `ip:port` ending at `end` (exclusive), preceded by a non-address character; [ip, port] or null. */
function ipPortBefore(s: string, end: number): [string, number] | null {
  const colon = s.lastIndexOf(':', end - 1);
  if (colon < 0) return null;
  const port = toInt(s.slice(colon + 1, end));
  if (port === undefined || port < 0) return null;
  let start = colon;
  while (start > 0) {
    const c = s.charCodeAt(start - 1);
    if ((c >= 48 && c <= 57) || c === 46) start--;
    else break;
  }
  const ip = s.slice(start, colon);
  return isIp(ip) ? [ip, port] : null;
}

function source(doc: EcsDoc, ipPort: [string, number]): void {
  set2(doc, 'source', 'address', ipPort[0]);
  set2(doc, 'source', 'ip', ipPort[0]);
  if (ipPort[1] <= 65535) set2(doc, 'source', 'port', ipPort[1]);
}

/** The first token that is `ip:port` followed by `tail`; [ip:port, index after tail] or null. */
function tokenBefore(s: string, tail: string): [[string, number], number] | null {
  const at = s.indexOf(tail);
  if (at <= 0) return null;
  const ip = ipPortBefore(s, at);
  return ip === null ? null : [ip, at + tail.length];
}

function peerInfo(s: string, doc: EcsDoc): boolean {
  const m = tokenBefore(s, ' peer info: ');
  if (m === null) return false;
  source(doc, m[0]);
  set3(doc, 'pfsense', 'openvpn', 'peer_info', s.slice(m[1]));
  return true;
}

function bracketUser(s: string, doc: EcsDoc): boolean {
  const m = tokenBefore(s, ' [');
  if (m === null) return false;
  const close = s.indexOf(']', m[1]);
  if (close <= m[1]) return false;
  for (let i = m[1]; i < close; i++) if (!isUserChar(s.charCodeAt(i))) return false;
  source(doc, m[0]);
  set2(doc, 'user', 'name', s.slice(m[1], close));
  return true;
}

function quotedUser(s: string, doc: EcsDoc): boolean {
  const at = s.indexOf("user '");
  if (at < 0) return false;
  const close = s.indexOf("'", at + 6);
  if (close <= at + 6) return false;
  for (let i = at + 6; i < close; i++) if (!isUserChar(s.charCodeAt(i))) return false;
  set2(doc, 'user', 'name', s.slice(at + 6, close));
  return true;
}

/** `user/ip:port MULTI_sva: pool returned IPv4=10.8.0.6, IPv6=(Not enabled)` */
function poolAssignment(s: string, doc: EcsDoc): boolean {
  const slash = s.indexOf('/');
  const v4 = s.indexOf('IPv4=');
  if (slash <= 0 || v4 < 0) return false;
  const v6 = s.indexOf(', IPv6=', v4);
  if (v6 < 0) return false;
  for (let i = 0; i < slash; i++) if (!isUserChar(s.charCodeAt(i))) return false;
  const sp = s.indexOf(' ', slash);
  const ip = ipPortBefore(s, sp < 0 ? s.length : sp);
  if (ip === null) return false;
  set2(doc, 'user', 'name', s.slice(0, slash));
  source(doc, ip);
  const pool4 = s.slice(v4 + 5, v6);
  const pool6 = s.slice(v6 + 7).trim();
  if (isIp(pool4)) set3(doc, 'source', 'nat', 'ip', pool4);
  else if (isIp(pool6)) set3(doc, 'source', 'nat', 'ip', pool6);
  return true;
}

/** The last `ip:port` of the line (colons tried from the right, a bounded number of them). */
function lastSource(s: string, doc: EcsDoc): void {
  let colon = s.lastIndexOf(':');
  for (let tries = 0; colon > 0 && tries < 64; tries++) {
    let e = colon + 1;
    while (e < s.length && e - colon < 7 && isDigitAt(s, e)) e++;
    const ip = e > colon + 1 ? ipPortBefore(s, e) : null;
    if (ip !== null) return source(doc, ip);
    colon = s.lastIndexOf(':', colon - 1);
  }
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

export function parseOpenvpn(s: string, doc: EcsDoc): string | null {
  if (!peerInfo(s, doc) && !bracketUser(s, doc) && !quotedUser(s, doc) && !poolAssignment(s, doc)) lastSource(s, doc);
  set2(doc, 'event', 'category', ['network']);
  if (s.indexOf('auth') >= 0) appendUnique(doc, 'event.category', 'authentication');
  if (doc.source?.address !== undefined) appendUnique(doc, 'event.type', 'connection');
  appendUnique(doc, 'event.type', 'info');
  const lower = s.toLowerCase();
  if (lower.indexOf('error') >= 0 || lower.indexOf('not auth') >= 0) set2(doc, 'event', 'outcome', 'failure');
  if (lower.indexOf('initiat') >= 0) appendUnique(doc, 'event.type', 'start');
  set2(doc, 'network', 'protocol', 'openvpn');
  return null;
}
