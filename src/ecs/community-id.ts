/**
 * Community ID flow hash v1 (https://github.com/corelight/community-id-spec), as Elastic's
 * `community_id` processor computes it: `1:` + base64(sha1(seed . saddr . daddr . proto . 0 . sport . dport)),
 * endpoints ordered so both directions of a flow hash alike. Addresses are read into reused
 * buffers; the hash is one-shot.
 */
import { createHash, hash as oneShotHash } from 'node:crypto';
import { parseIpInto } from '../core/ip.js';

const words = new Uint32Array(4);

/**
 * Reads an IPv4 or IPv6 literal (src/core/ip.ts, as the enrichment does) into `out` at offset 0,
 * network byte order; returns 4, 16, or 0 when not an address. An IPv4-mapped IPv6 address
 * (`::ffff:192.0.2.1`), which parseIpInto reads as IPv4, stays the 16 bytes it was written as, as
 * in the spec's reference implementation.
 */
function readIp(ip: string, out: Buffer): number {
  const fam = parseIpInto(ip, words);
  if (fam === 0) return 0;
  if (fam === 4) {
    if (ip.indexOf(':') < 0) {
      out.writeUInt32BE(words[0]!, 0);
      return 4;
    }
    out.fill(0, 0, 10);
    out.writeUInt16BE(0xffff, 10);
    out.writeUInt32BE(words[0]!, 12);
    return 16;
  }
  for (let w = 0; w < 4; w++) out.writeUInt32BE(words[w]!, 4 * w);
  return 16;
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
  const la = readIp(srcIp, a);
  const lb = readIp(dstIp, b);
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
