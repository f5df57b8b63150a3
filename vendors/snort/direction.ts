/**
 * network.direction as Elasticsearch's `network_direction` processor computes it with the
 * integration's default internal network set, `private` (RFC 1918 and RFC 4193 ranges).
 */
import { isIPv4, isIPv6 } from 'node:net';

function isPrivate(ip: string): boolean {
  if (isIPv4(ip)) {
    const d1 = ip.indexOf('.');
    const a = +ip.slice(0, d1);
    if (a === 10) return true;
    const b = +ip.slice(d1 + 1, ip.indexOf('.', d1 + 1));
    return (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  if (isIPv6(ip)) {
    const c = ip.charCodeAt(0) | 32, d = ip.charCodeAt(1) | 32;
    // fc00::/7: first byte 0xfc or 0xfd, written as a full 4-digit group
    return c === 102 && (d === 99 || d === 100) && ip.indexOf(':') === 4;
  }
  return false;
}

/** `inbound`, `outbound`, `internal` or `external`; undefined when an address is missing. */
export function networkDirection(src: string | undefined, dst: string | undefined): string | undefined {
  if (src === undefined || dst === undefined) return undefined;
  const si = isPrivate(src), di = isPrivate(dst);
  if (si && di) return 'internal';
  if (si) return 'outbound';
  if (di) return 'inbound';
  return 'external';
}
