/**
 * Community ID flow hash v1 (https://github.com/corelight/community-id-spec), as Elastic's
 * `community_id` processor computes it: `1:` + base64(sha1(seed . saddr . daddr . proto . 0 . sport . dport)),
 * endpoints ordered so both directions of a flow hash alike. Addresses are parsed by charCodeAt
 * straight into a reused buffer; the hash is one-shot.
 */
import { createHash, hash as oneShotHash } from 'node:crypto';

/** Parses an IPv4 or IPv6 literal into `out` at `off`; returns 4, 16, or 0 when not an address. */
function parseIp(ip: string, out: Buffer, off: number): number {
  if (ip.indexOf(':') < 0) return parseV4(ip, 0, ip.length, out, off) ? 4 : 0;
  return parseV6(ip, out, off) ? 16 : 0;
}

function parseV4(s: string, start: number, end: number, out: Buffer, off: number): boolean {
  let part = 0, v = 0, digits = 0;
  for (let i = start; i <= end; i++) {
    const c = i === end ? 46 : s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || v > 255 || part > 3) return false;
      out[off + part++] = v;
      v = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57 && digits < 3) {
      v = v * 10 + (c - 48);
      digits++;
    } else return false;
  }
  return part === 4;
}

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  if (l >= 97 && l <= 102) return l - 87;
  return -1;
}

function parseV6(ip: string, out: Buffer, off: number): boolean {
  let s = ip;
  const pct = s.indexOf('%');
  if (pct >= 0) s = s.slice(0, pct);
  const n = s.length;
  if (n < 2 || n > 45) return false;
  const groups = new Array<number>(8);
  let count = 0;
  let gap = -1;
  let i = 0;
  if (s.charCodeAt(0) === 58) {
    if (s.charCodeAt(1) !== 58) return false;
    gap = 0;
    i = 2;
    if (i === n) {
      out.fill(0, off, off + 16);
      return true;
    }
  }
  while (i < n) {
    // an embedded IPv4 tail
    const dot = s.indexOf('.', i);
    const colon = s.indexOf(':', i);
    if (dot >= 0 && (colon < 0 || dot < colon)) {
      if (count > 6) return false;
      const tmp = Buffer.allocUnsafe(4);
      if (!parseV4(s, i, n, tmp, 0)) return false;
      groups[count++] = (tmp[0]! << 8) | tmp[1]!;
      groups[count++] = (tmp[2]! << 8) | tmp[3]!;
      i = n;
      break;
    }
    let v = 0, d = 0;
    while (i < n && s.charCodeAt(i) !== 58) {
      const h = hexVal(s.charCodeAt(i));
      if (h < 0 || d >= 4) return false;
      v = (v << 4) | h;
      d++;
      i++;
    }
    if (d === 0) return false;
    if (count >= 8) return false;
    groups[count++] = v;
    if (i < n) {
      i++; // ':'
      if (i < n && s.charCodeAt(i) === 58) {
        if (gap >= 0) return false;
        gap = count;
        i++;
      } else if (i === n) return false;
    }
  }
  if (gap < 0 && count !== 8) return false;
  if (gap >= 0 && count > 7) return false;
  const zeros = 8 - count;
  let g = 0;
  for (let k = 0; k < 8; k++) {
    let v: number;
    if (gap >= 0 && k >= gap && k < gap + zeros) v = 0;
    else v = groups[g++]!;
    out[off + 2 * k] = v >> 8;
    out[off + 2 * k + 1] = v & 0xff;
  }
  return true;
}

/** ICMP type -> reply type, for the one-way handling of ICMP in the spec. */
const ICMP4: Record<number, number> = { 8: 0, 0: 8, 13: 14, 14: 13, 15: 16, 16: 15, 10: 9, 9: 10, 17: 18, 18: 17 };
const ICMP6: Record<number, number> = { 128: 129, 129: 128, 133: 134, 134: 133, 135: 136, 136: 135, 130: 131, 131: 130, 144: 145, 145: 144 };

const a = Buffer.alloc(16);
const b = Buffer.alloc(16);
const input = Buffer.alloc(2 + 16 + 16 + 2 + 4);
const hasOneShot = typeof oneShotHash === 'function';

function less(len: number, ap: number, bp: number): boolean {
  const c = a.compare(b, 0, len, 0, len);
  return c < 0 || (c === 0 && ap < bp);
}

/**
 * Community ID of a flow; for ICMP pass the type and code as the ports. Returns undefined when an
 * address is not an IP or the protocol needs ports that are missing.
 */
export function communityId(
  srcIp: string, dstIp: string, proto: number, srcPort: number | undefined, dstPort: number | undefined, seed = 0,
): string | undefined {
  // a.compare below reads `a` at offset 0: parse each address at offset 0 of its own buffer
  const la = parseIp(srcIp, a, 0);
  const lb = parseIp(dstIp, b, 0);
  if (la === 0 || la !== lb) return undefined;
  const hasPorts = proto === 6 || proto === 17 || proto === 132 || proto === 1 || proto === 58;
  if (hasPorts && (srcPort === undefined || dstPort === undefined)) return undefined;
  const sp = srcPort ?? 0;
  let dp = dstPort ?? 0;
  let oneWay = false;
  if (proto === 1 || proto === 58) {
    const reply = (proto === 1 ? ICMP4 : ICMP6)[sp];
    if (reply === undefined) oneWay = true;
    else dp = reply;
  }
  const swap = !oneWay && !less(la, sp, dp);
  let o = 0;
  input.writeUInt16BE(seed & 0xffff, 0);
  o = 2;
  (swap ? b : a).copy(input, o, 0, la);
  o += la;
  (swap ? a : b).copy(input, o, 0, la);
  o += la;
  input[o++] = proto;
  input[o++] = 0;
  if (hasPorts) {
    input.writeUInt16BE((swap ? dp : sp) & 0xffff, o);
    input.writeUInt16BE((swap ? sp : dp) & 0xffff, o + 2);
    o += 4;
  }
  const data = input.subarray(0, o);
  const digest = hasOneShot ? oneShotHash('sha1', data, 'base64') : createHash('sha1').update(data).digest('base64');
  return '1:' + digest;
}
