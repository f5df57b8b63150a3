/**
 * Community ID flow hash v1 (https://github.com/corelight/community-id-spec), as Elastic's
 * `community_id` processor computes it: `1:` + base64(sha1(seed . saddr . daddr . proto . 0 . sport . dport)),
 * endpoints ordered so both directions of a flow hash alike.
 */
import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

function ipBytes(ip: string): Buffer | null {
  if (isIPv4(ip)) return Buffer.from(ip.split('.').map(Number));
  if (!isIPv6(ip)) return null;
  let s = ip;
  const pct = s.indexOf('%');
  if (pct >= 0) s = s.slice(0, pct);
  // embedded IPv4 tail
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  let v4: number[] | null = null;
  if (tail.includes('.')) {
    v4 = tail.split('.').map(Number);
    s = s.slice(0, lastColon + 1) + '0:0';
  }
  const [head, rest] = s.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const r = rest !== undefined && rest !== '' ? rest.split(':') : [];
  const groups = rest === undefined ? h : [...h, ...new Array(8 - h.length - r.length).fill('0'), ...r];
  if (groups.length !== 8) return null;
  const b = Buffer.alloc(16);
  groups.forEach((g, i) => b.writeUInt16BE(parseInt(g || '0', 16), i * 2));
  if (v4) {
    b[12] = v4[0]!; b[13] = v4[1]!; b[14] = v4[2]!; b[15] = v4[3]!;
  }
  return b;
}

function lessThan(a: Buffer, ap: number, b: Buffer, bp: number): boolean {
  const c = Buffer.compare(a, b);
  return c < 0 || (c === 0 && ap < bp);
}

/** ICMP type -> reply type, for the one-way handling of ICMP in the spec. */
const ICMP4: Record<number, number> = { 8: 0, 0: 8, 13: 14, 14: 13, 15: 16, 16: 15, 10: 9, 9: 10, 17: 18, 18: 17 };
const ICMP6: Record<number, number> = { 128: 129, 129: 128, 133: 134, 134: 133, 135: 136, 136: 135, 130: 131, 131: 130, 144: 145, 145: 144 };

/**
 * Community ID of a flow; for ICMP pass the type and code as the ports. Returns undefined when an
 * address is not an IP or the protocol needs ports that are missing.
 */
export function communityId(
  srcIp: string, dstIp: string, proto: number, srcPort: number | undefined, dstPort: number | undefined, seed = 0,
): string | undefined {
  const a = ipBytes(srcIp), b = ipBytes(dstIp);
  if (!a || !b || a.length !== b.length) return undefined;
  const hasPorts = proto === 6 || proto === 17 || proto === 132 || proto === 1 || proto === 58;
  let sp = srcPort ?? 0, dp = dstPort ?? 0;
  if (hasPorts && (srcPort === undefined || dstPort === undefined)) return undefined;
  let oneWay = false;
  if (proto === 1 || proto === 58) {
    const table = proto === 1 ? ICMP4 : ICMP6;
    const reply = table[sp];
    if (reply === undefined) oneWay = true;
    else dp = reply;
  }
  let s1 = a, s2 = b, p1 = sp, p2 = dp;
  if (!oneWay && !lessThan(a, sp, b, dp)) {
    s1 = b; s2 = a; p1 = dp; p2 = sp;
  }
  const h = createHash('sha1');
  const seedBuf = Buffer.alloc(2);
  seedBuf.writeUInt16BE(seed);
  h.update(seedBuf);
  h.update(s1);
  h.update(s2);
  h.update(Buffer.from([proto, 0]));
  if (hasPorts) {
    const ports = Buffer.alloc(4);
    ports.writeUInt16BE(p1 & 0xffff, 0);
    ports.writeUInt16BE(p2 & 0xffff, 2);
    h.update(ports);
  }
  return '1:' + h.digest('base64');
}
