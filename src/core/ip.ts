/**
 * Allocation-free IP address parsing: dotted quads for the ECS helpers' address checks
 * (src/ecs/fields.ts), and addresses into fixed-width keys for the enrichment's prefix trie and
 * reserved-range check: IPv4 as one uint32, IPv6 as four uint32 words (most significant first).
 * IPv4-mapped IPv6 addresses (`::ffff:192.0.2.1`) are read as the IPv4 address they carry.
 */

/** 4 for IPv4, 6 for IPv6, 0 when the text is no address. */
export type IpFamily = 0 | 4 | 6;

/**
 * Parses `s` into `out` (IPv4: out[0]; IPv6: out[0..3]). Accepts a `%zone` suffix on IPv6 and
 * surrounding brackets. Returns the family, 0 when `s` is not an address.
 */
export function parseIpInto(s: string, out: Uint32Array): IpFamily {
  const n = s.length;
  if (n === 0 || n > 64) return 0;
  if (n > 15 || s.indexOf(':') >= 0 || s.charCodeAt(0) === 91) return parseIpv6(s, out);
  // dotted quad
  const v = readDottedQuad(s, 0, n);
  if (v < 0) return 0;
  out[0] = v;
  return 4;
}

/** The whole of `s` as a dotted quad (uint32); -1 when it is not one. */
export function readIPv4(s: string): number {
  const n = s.length;
  return n >= 7 && n <= 15 ? readDottedQuad(s, 0, n) : -1;
}

/** A dotted quad in s[start, end) as a uint32; -1 when it is not one (leading zeros refused: ambiguous octal). */
export function readDottedQuad(s: string, start: number, end: number): number {
  let v = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return -1;
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return -1;
    } else if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      v = v * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else return -1;
  }
  if (dots !== 3 || digits === 0) return -1;
  return (v * 256 + part) >>> 0;
}

const groups = new Uint16Array(8);

function parseIpv6(s: string, out: Uint32Array): IpFamily {
  let start = 0;
  let end = s.length;
  if (s.charCodeAt(0) === 91 /* [ */) {
    if (s.charCodeAt(end - 1) !== 93) return 0;
    start = 1;
    end--;
  }
  const pct = s.indexOf('%', start);
  if (pct >= 0 && pct < end) end = pct;
  let g = 0; // groups written
  let gap = -1; // index in groups where '::' was
  let i = start;
  if (i < end && s.charCodeAt(i) === 58) {
    if (s.charCodeAt(i + 1) !== 58) return 0;
    gap = 0;
    i += 2;
  }
  while (i < end) {
    if (g >= 8) return 0;
    // one group, or an embedded IPv4 tail
    let val = 0;
    let nd = 0;
    const gs = i;
    let isV4 = false;
    while (i < end) {
      const c = s.charCodeAt(i);
      let d: number;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (c >= 97 && c <= 102) d = c - 87;
      else if (c >= 65 && c <= 70) d = c - 55;
      else if (c === 46) {
        isV4 = true;
        break;
      } else break;
      val = val * 16 + d;
      if (++nd > 4) return 0;
      i++;
    }
    if (isV4) {
      if (g > 6) return 0;
      const v = readDottedQuad(s, gs, end);
      if (v < 0) return 0;
      groups[g++] = Math.floor(v / 65536);
      groups[g++] = v & 0xffff;
      break;
    }
    if (nd === 0) return 0;
    groups[g++] = val;
    if (i === end) break;
    if (s.charCodeAt(i) !== 58) return 0;
    i++;
    if (i < end && s.charCodeAt(i) === 58) {
      if (gap >= 0) return 0;
      gap = g;
      i++;
    } else if (i === end) return 0; // trailing single ':'
  }
  if (gap < 0) {
    if (g !== 8) return 0;
  } else {
    if (g > 7) return 0;
    const move = g - gap;
    for (let k = 0; k < move; k++) groups[7 - k] = groups[g - 1 - k]!;
    for (let k = gap; k < 8 - move; k++) groups[k] = 0;
  }
  // IPv4-mapped ::ffff:a.b.c.d -> IPv4
  if (groups[0] === 0 && groups[1] === 0 && groups[2] === 0 && groups[3] === 0 && groups[4] === 0 && groups[5] === 0xffff) {
    out[0] = ((groups[6]! << 16) | groups[7]!) >>> 0;
    return 4;
  }
  out[0] = ((groups[0]! << 16) | groups[1]!) >>> 0;
  out[1] = ((groups[2]! << 16) | groups[3]!) >>> 0;
  out[2] = ((groups[4]! << 16) | groups[5]!) >>> 0;
  out[3] = ((groups[6]! << 16) | groups[7]!) >>> 0;
  return 6;
}

export interface ParsedCidr {
  family: 4 | 6;
  /** network address words with host bits cleared (IPv4: words[0]) */
  words: Uint32Array;
  prefix: number;
  /** canonical text, e.g. `10.1.0.0/16`, `2001:db8::/32` */
  text: string;
}

/** Parses `a.b.c.d`, `a.b.c.d/n`, `x::y` or `x::y/n`; host bits are cleared. Null when invalid. */
export function parseCidr(s: string): ParsedCidr | null {
  const t = s.trim();
  const slash = t.indexOf('/');
  const addr = slash < 0 ? t : t.slice(0, slash);
  const words = new Uint32Array(4);
  const fam = parseIpInto(addr, words);
  if (fam === 0) return null;
  const max = fam === 4 ? 32 : 128;
  // a mapped address with a v6 prefix length: take the prefix relative to the embedded v4 address
  const mapped = fam === 4 && addr.includes(':');
  let prefix = max;
  if (slash >= 0) {
    const p = t.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p)) return null;
    prefix = Number(p);
    if (mapped) {
      if (prefix < 96 || prefix > 128) return null;
      prefix -= 96;
    }
    if (prefix > max) return null;
  }
  const nw = fam === 4 ? 1 : 4;
  for (let w = 0; w < nw; w++) {
    const keep = Math.max(0, Math.min(32, prefix - w * 32));
    words[w] = keep === 0 ? 0 : keep === 32 ? words[w]! : (words[w]! & (~0 << (32 - keep))) >>> 0;
  }
  return { family: fam, words, prefix, text: formatIp(fam, words) + '/' + prefix };
}

/** Text of an address in the form `parseIpInto` fills (IPv6 compressed as RFC 5952). */
export function formatIp(fam: 4 | 6, w: Uint32Array): string {
  if (fam === 4) {
    const v = w[0]!;
    return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  }
  const g: number[] = [];
  for (let i = 0; i < 4; i++) g.push(w[i]! >>> 16, w[i]! & 0xffff);
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (a: number[]): string => a.map((x) => x.toString(16)).join(':');
  if (bestStart < 0) return hex(g);
  return hex(g.slice(0, bestStart)) + '::' + hex(g.slice(bestStart + bestLen));
}
