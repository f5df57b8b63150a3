/**
 * Small helpers vendor parsers share to write ECS fields. Keep them allocation-light: they run per
 * message.
 */
import { isIP } from 'node:net';
import type { EcsDoc } from '../core/types.js';
import { readIPv4 } from '../core/ip.js';
import { table } from '../core/null-proto.js';
import { child, own, put } from './set-path.js';

const pathCache = new Map<string, string[]>();

/**
 * In front of pathCache: a direct-mapped table by length and three characters of the path. Paths
 * are mostly string literals (internalized), so a hit is one identity compare, without hashing
 * the string or probing the Map.
 */
const FRONT_SLOTS = 1024;
const frontPaths: string[] = new Array<string>(FRONT_SLOTS).fill('');
const frontParts: string[][] = new Array<string[]>(FRONT_SLOTS).fill([]);

function frontSlot(path: string): number {
  const n = path.length;
  if (n === 0) return 0;
  return (n * 31 + path.charCodeAt(n >> 1) * 7 + path.charCodeAt(n - 1) * 3 + path.charCodeAt(0)) & (FRONT_SLOTS - 1);
}

function splitPath(path: string): string[] {
  const slot = frontSlot(path);
  if (frontPaths[slot] === path) return frontParts[slot]!;
  let parts = pathCache.get(path);
  if (!parts) {
    parts = path.split('.');
    if (pathCache.size < 8192) pathCache.set(path, parts);
  }
  frontPaths[slot] = path;
  frontParts[slot] = parts;
  return parts;
}

/** Sets a dotted ECS path (`source.nat.ip`) on a nested document, creating objects on the way. */
export function setField(doc: EcsDoc, path: string, value: unknown): void {
  if (value === undefined || value === null || value === '') return;
  setParts(doc, splitPath(path), value);
}

/** setField on a path already split (once, at load): no split or cache lookup per call. */
export function setParts(doc: EcsDoc, parts: readonly string[], value: unknown): void {
  if (value === undefined || value === null || value === '') return;
  let cur = doc;
  const last = parts.length - 1;
  for (let i = 0; i < last; i++) cur = child(cur, parts[i]!);
  put(cur, parts[last]!, value);
}

/** Reads a dotted path; undefined when absent. */
export function getField(doc: EcsDoc, path: string): unknown {
  return getParts(doc, splitPath(path));
}

/** getField on a path already split. Only own data: a name Object.prototype answers reads as absent. */
export function getParts(doc: EcsDoc, parts: readonly string[]): unknown {
  let cur: unknown = doc;
  for (let i = 0; i < parts.length; i++) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = own(cur as EcsDoc, parts[i]!);
  }
  return typeof cur === 'function' ? undefined : cur;
}

/** Removes a dotted path (and objects it leaves empty). */
export function deleteField(doc: EcsDoc, path: string): void {
  const parts = splitPath(path);
  const stack: EcsDoc[] = [];
  let cur: EcsDoc = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = own(cur, parts[i]!) as EcsDoc | null | undefined;
    if (next === null || next === undefined || typeof next !== 'object') return;
    stack.push(cur);
    cur = next;
  }
  delete cur[parts[parts.length - 1]!];
  for (let i = parts.length - 2; i >= 0; i--) {
    if (Object.keys(cur).length !== 0) break;
    const parent = stack[i]!;
    delete parent[parts[i]!];
    cur = parent;
  }
}

/** Appends a value to an array field once (`related.ip`, `event.category`). */
export function appendUnique(doc: EcsDoc, path: string, value: unknown): void {
  if (value === undefined || value === null || value === '') return;
  const parts = splitPath(path);
  if (parts.length === 2) appendUnique2(doc, parts[0]!, parts[1]!, value);
  else appendAt(doc, parts, getParts(doc, parts), value);
}

function appendAt(doc: EcsDoc, parts: readonly string[], cur: unknown, value: unknown): void {
  if (Array.isArray(cur)) {
    if (!cur.includes(value)) cur.push(value);
  } else if (cur === undefined) {
    setParts(doc, parts, [value]);
  } else if (cur !== value) {
    setParts(doc, parts, [cur, value]);
  }
}

/** appendUnique on `a.b` (the usual depth: `related.ip`, `event.type`), without the path walk. */
function appendUnique2(doc: EcsDoc, a: string, b: string, value: unknown): void {
  const obj = child(doc, a);
  const cur = own(obj, b);
  if (Array.isArray(cur)) {
    if (!cur.includes(value)) cur.push(value);
  } else if (cur === undefined || typeof cur === 'function') {
    put(obj, b, [value]);
  } else if (cur !== value) {
    put(obj, b, [cur, value]);
  }
}

/** An address literal: a dotted quad by charCodeAt (node's isIP runs a large regex), else IPv6 by isIP. */
function isIpString(s: string): boolean {
  if (readIPv4(s) >= 0) return true;
  return s.indexOf(':') >= 0 && isIP(s) === 6;
}

/** Adds an address to `related.ip` when it is one. */
export function relatedIp(doc: EcsDoc, ip: unknown): void {
  if (typeof ip === 'string' && isIpString(ip)) appendUnique2(doc, 'related', 'ip', ip);
}

export function relatedUser(doc: EcsDoc, user: unknown): void {
  if (typeof user === 'string' && user !== '') appendUnique2(doc, 'related', 'user', user);
}

export function relatedHost(doc: EcsDoc, host: unknown): void {
  if (typeof host === 'string' && host !== '') appendUnique2(doc, 'related', 'hosts', host);
}

/** True for an IPv4 or IPv6 address literal. */
export function isIp(s: unknown): s is string {
  return typeof s === 'string' && isIpString(s);
}

/**
 * An integer as Elasticsearch's `convert` (type long) reads one: optional sign, decimal digits or
 * `0x`/`#` hex; nothing else (no blanks, exponents or fractions). Leading zeros stay decimal.
 * Undefined when it is not one or lies beyond the safe integers.
 */
export function toInt(s: unknown): number | undefined {
  if (typeof s === 'number') return Number.isFinite(s) ? Math.trunc(s) : undefined;
  if (typeof s !== 'string') return undefined;
  const n = s.length;
  if (n === 0 || n > 20) return undefined;
  let i = 0;
  let c = s.charCodeAt(0);
  const neg = c === 45;
  if (neg || c === 43) i = 1;
  let base = 10;
  if (s.charCodeAt(i) === 35) {
    base = 16;
    i++;
  } else if (s.charCodeAt(i) === 48 && (s.charCodeAt(i + 1) | 32) === 120) {
    base = 16;
    i += 2;
  }
  if (i >= n) return undefined;
  let v = 0;
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (base === 16 && (c | 32) >= 97 && (c | 32) <= 102) d = (c | 32) - 87;
    else return undefined;
    v = v * base + d;
  }
  if (v > Number.MAX_SAFE_INTEGER) return undefined;
  return neg ? -v : v;
}

const IANA = table<number>({
  hopopt: 0, icmp: 1, igmp: 2, ggp: 3, ipv4: 4, tcp: 6, egp: 8, igp: 9, udp: 17, ipv6: 41, 'ipv6-route': 43,
  'ipv6-frag': 44, rsvp: 46, gre: 47, esp: 50, ah: 51, 'ipv6-icmp': 58, icmpv6: 58, 'ipv6-nonxt': 59,
  'ipv6-opts': 60, eigrp: 88, ospf: 89, ospfigp: 89, ipip: 94, pim: 103, vrrp: 112, l2tp: 115, sctp: 132,
});
const IANA_NAMES = table<string>({
  0: 'hopopt', 1: 'icmp', 2: 'igmp', 6: 'tcp', 17: 'udp', 41: 'ipv6', 47: 'gre', 50: 'esp', 51: 'ah', 58: 'ipv6-icmp',
  88: 'eigrp', 89: 'ospf', 103: 'pim', 112: 'vrrp', 132: 'sctp',
});

/** IANA protocol number of a transport name (`tcp` -> 6); undefined when unknown. */
export function ianaNumber(transport: string): number | undefined {
  const k = transport.toLowerCase();
  // wire text: only the table's own keys, never Object.prototype's
  return Object.prototype.hasOwnProperty.call(IANA, k) ? IANA[k] : undefined;
}

/** Transport name of an IANA protocol number (6 -> `tcp`). */
export function transportName(n: number): string | undefined {
  return IANA_NAMES[n];
}
