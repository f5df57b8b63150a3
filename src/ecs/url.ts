/**
 * The one URL splitter: the parts Elasticsearch's `uri_parts` processor gives (it reads the text
 * as a java.net.URI, and only when that refuses it as a java.net.URL): scheme, domain, port, path,
 * extension (of the last path segment), query, fragment, user_info, username and password (only
 * when the user info has a colon). A strict URI has its path, query, fragment and user info
 * percent-decoded, as URI's getters return them; a text only the lenient reading takes (spaces,
 * `|`, a stray `%` ...) keeps them as written. Vendor parsers call setUrl; nothing here throws.
 */
import type { EcsDoc } from '../core/types.js';

export interface UrlParts {
  scheme?: string;
  domain?: string;
  port?: number;
  path?: string;
  extension?: string;
  query?: string;
  fragment?: string;
  user_info?: string;
  username?: string;
  password?: string;
}

/** schemes java.net.URL knows (the lenient reading refuses others) */
const URL_SCHEMES = new Set(['http', 'https', 'ftp', 'file', 'jar']);

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * Characters java.net.URI refuses anywhere outside an IPv6 host: controls, space, `"<>\^`{|}`, and
 * a `%` without two hex digits. Brackets are checked where the host is read.
 */
function strictChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 127 || c === 34 || c === 60 || c === 62 || c === 92 || c === 94 || c === 96 || c === 123 || c === 124 || c === 125) return false;
    if (c === 37 && !(i + 2 < s.length && isHex(s.charCodeAt(i + 1)) && isHex(s.charCodeAt(i + 2)))) return false;
  }
  return true;
}

/** `%XX` sequences as UTF-8 (invalid sequences become U+FFFD, as URI's decoder makes them). */
function decode(s: string): string {
  if (s.indexOf('%') < 0) return s;
  const bytes: number[] = [];
  let out = '';
  for (let i = 0; i < s.length; ) {
    if (s.charCodeAt(i) === 37 && i + 2 < s.length && isHex(s.charCodeAt(i + 1)) && isHex(s.charCodeAt(i + 2))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 3;
      continue;
    }
    if (bytes.length > 0) {
      out += Buffer.from(bytes).toString('utf8');
      bytes.length = 0;
    }
    out += s[i];
    i++;
  }
  if (bytes.length > 0) out += Buffer.from(bytes).toString('utf8');
  return out;
}

/** A server-based host java.net.URI accepts: a name of letters, digits, `-` and `.`, an IPv4, or `[IPv6]`. */
function validHost(h: string): boolean {
  if (h.length === 0) return false;
  if (h.charCodeAt(0) === 91) return h.charCodeAt(h.length - 1) === 93 && /^\[[0-9A-Fa-f:.]+(%[^\]]*)?\]$/.test(h);
  for (let i = 0; i < h.length; i++) {
    const c = h.charCodeAt(i);
    if (!(isAlpha(c) || isDigit(c) || c === 45 || c === 46)) return false;
  }
  const last = h.charCodeAt(h.length - 1);
  return h.charCodeAt(0) !== 45 && h.charCodeAt(0) !== 46 && last !== 45;
}

/** Index of the first of `/?#` at or after `from` (or the end). */
function endOfAuthority(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35) return i;
  }
  return s.length;
}

function schemeEnd(s: string): number {
  if (s.length === 0 || !isAlpha(s.charCodeAt(0))) return -1;
  for (let i = 1; i < s.length && i < 32; i++) {
    const c = s.charCodeAt(i);
    if (c === 58) return i;
    if (!(isAlpha(c) || isDigit(c) || c === 43 || c === 45 || c === 46)) return -1;
  }
  return -1;
}

function setExtension(p: UrlParts, path: string): void {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return;
  const dot = path.lastIndexOf('.');
  if (dot > slash) p.extension = path.slice(dot + 1);
}

function setUserInfo(p: UrlParts, info: string): void {
  p.user_info = info;
  const colon = info.indexOf(':');
  if (colon >= 0) {
    p.username = info.slice(0, colon);
    p.password = info.slice(colon + 1);
  }
}

/** The parts of a URL or URI reference; null when neither reading takes it. */
export function urlParts(s: string): UrlParts | null {
  if (s.length === 0 || s.length > 65_536) return null;
  return strictChars(s) ? strict(s) : lenient(s);
}

function strict(s: string): UrlParts | null {
  const p: UrlParts = {};
  let i = 0;
  const se = schemeEnd(s);
  if (se > 0) {
    p.scheme = s.slice(0, se);
    i = se + 1;
    // an opaque URI (`mailto:x`, `host:443`): a scheme and a fragment, no path
    if (s.charCodeAt(i) !== 47) {
      const hash = s.indexOf('#', i);
      if (i >= s.length) return null;
      if (hash >= 0) p.fragment = decode(s.slice(hash + 1));
      return p;
    }
  }
  let end = s.length;
  const hash = s.indexOf('#', i);
  if (hash >= 0) {
    p.fragment = decode(s.slice(hash + 1));
    end = hash;
  }
  const q = s.indexOf('?', i);
  let pathEnd = end;
  if (q >= 0 && q < end) {
    p.query = decode(s.slice(q + 1, end));
    pathEnd = q;
  }
  if (s.charCodeAt(i) === 47 && s.charCodeAt(i + 1) === 47) {
    const a = i + 2;
    const ae = Math.min(endOfAuthority(s, a), pathEnd);
    authority(p, s.slice(a, ae));
    i = ae;
  }
  const path = s.slice(i, pathEnd);
  if (path.indexOf('[') >= 0 || path.indexOf(']') >= 0) return null;
  p.path = decode(path);
  setExtension(p, p.path);
  return p;
}

/** userinfo@host:port, server-based; a registry-based authority (a host URI refuses) gives none of them. */
function authority(p: UrlParts, a: string): void {
  const at = a.lastIndexOf('@');
  const hostPort = at >= 0 ? a.slice(at + 1) : a;
  let host = hostPort;
  let port = -1;
  const close = hostPort.lastIndexOf(']');
  const colon = hostPort.lastIndexOf(':');
  if (colon > close && (hostPort.charCodeAt(0) === 91 || hostPort.indexOf(':') === colon)) {
    host = hostPort.slice(0, colon);
    const digits = hostPort.slice(colon + 1);
    if (digits.length > 0) {
      if (digits.length > 9 || !/^\d+$/.test(digits)) return;
      port = Number(digits);
    }
  }
  if (!validHost(host)) return;
  p.domain = host;
  if (port >= 0) p.port = port;
  if (at >= 0) setUserInfo(p, decode(a.slice(0, at)));
}

function lenient(s: string): UrlParts | null {
  const se = schemeEnd(s);
  if (se <= 0) return null;
  const scheme = s.slice(0, se);
  if (!URL_SCHEMES.has(scheme.toLowerCase())) return null;
  const p: UrlParts = { scheme };
  let i = se + 1;
  let end = s.length;
  const hash = s.indexOf('#', i);
  if (hash >= 0) {
    p.fragment = s.slice(hash + 1);
    end = hash;
  }
  if (s.charCodeAt(i) === 47 && s.charCodeAt(i + 1) === 47) {
    const a = i + 2;
    const ae = Math.min(endOfAuthority(s, a), end);
    const auth = s.slice(a, ae);
    const at = auth.lastIndexOf('@');
    let hostPort = at >= 0 ? auth.slice(at + 1) : auth;
    if (at >= 0) setUserInfo(p, auth.slice(0, at));
    const close = hostPort.lastIndexOf(']');
    const colon = hostPort.lastIndexOf(':');
    if (colon > close) {
      const digits = hostPort.slice(colon + 1);
      if (digits.length > 0) {
        if (digits.length > 9 || !/^\d+$/.test(digits)) return null;
        p.port = Number(digits);
      }
      hostPort = hostPort.slice(0, colon);
    }
    p.domain = hostPort;
    i = ae;
  }
  const q = s.indexOf('?', i);
  let pathEnd = end;
  if (q >= 0 && q < end) {
    p.query = s.slice(q + 1, end);
    pathEnd = q;
  }
  p.path = s.slice(i, pathEnd);
  setExtension(p, p.path);
  return p;
}

/**
 * `url.*` (or another object: `at`) from a URL as uri_parts writes them, with `original` unless
 * `keepOriginal` is false. False when neither reading takes the text (then only `original`).
 */
export function setUrl(at: EcsDoc, original: string, keepOriginal = true): boolean {
  if (keepOriginal) at.original = original;
  const p = urlParts(original);
  if (p === null) return false;
  if (p.scheme !== undefined) at.scheme = p.scheme;
  if (p.domain !== undefined) at.domain = p.domain;
  if (p.port !== undefined) at.port = p.port;
  // an empty path (`http://host`) and an empty extension (`/a.`) are left out: nothing to search for
  if (p.path !== undefined && p.path !== '') at.path = p.path;
  if (p.extension !== undefined && p.extension !== '') at.extension = p.extension;
  if (p.query !== undefined) at.query = p.query;
  if (p.fragment !== undefined) at.fragment = p.fragment;
  if (p.user_info !== undefined) at.user_info = p.user_info;
  if (p.username !== undefined) at.username = p.username;
  if (p.password !== undefined) at.password = p.password;
  return true;
}

/**
 * `url.*` from a scheme-less `host[:port][/path][?query]` as firewalls log it (PAN-OS THREAT `misc`),
 * split the way Elastic's panw pipeline script does where `uri_parts` needs a scheme: the path runs
 * from the first `/`, the extension after the path's last `.`, the port is kept when numeric; nothing
 * is decoded. Returns the domain when the text had no port (that pipeline also copies it to
 * `destination.domain`).
 */
export function setBareUrl(at: EcsDoc, original: string): string | undefined {
  at.original = original;
  let hostPort = original;
  const slash = original.indexOf('/');
  const q = original.indexOf('?', slash < 0 ? 0 : slash);
  if (slash >= 0) {
    hostPort = original.slice(0, slash);
    const path = q < 0 ? original.slice(slash) : original.slice(slash, q);
    if (path !== '') at.path = path;
    if (q >= 0 && q + 1 < original.length) at.query = original.slice(q + 1);
    const dot = path.lastIndexOf('.');
    if (dot >= 0 && dot + 1 < path.length) at.extension = path.slice(dot + 1);
  } else if (q >= 0) {
    hostPort = original.slice(0, q);
    if (q + 1 < original.length) at.query = original.slice(q + 1);
  }
  const colon = hostPort.indexOf(':');
  if (colon < 0) {
    if (hostPort !== '') at.domain = hostPort;
    return hostPort === '' ? undefined : hostPort;
  }
  if (colon > 0) at.domain = hostPort.slice(0, colon);
  const rest = hostPort.slice(colon + 1);
  const c2 = rest.indexOf(':');
  const digits = c2 < 0 ? rest : rest.slice(0, c2);
  if (/^[+-]?\d{1,18}$/.test(digits)) at.port = Number(digits);
  return undefined;
}
