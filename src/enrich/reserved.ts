/**
 * Addresses that no GeoIP database can place: private, shared, loopback, link-local, multicast,
 * documentation, benchmarking and other IANA special-purpose ranges (RFC 6890 and its registries).
 * The ranges are read with `ip-num` once and kept in a prefix trie, so the per-address check is a
 * trie walk.
 */
import { IPv4CidrRange, IPv6CidrRange } from 'ip-num';
import { PrefixTrie } from './prefix-trie.js';
import { parseIpInto } from '../core/ip.js';

export const RESERVED_V4: readonly string[] = [
  '0.0.0.0/8', // "this network"
  '10.0.0.0/8', // private (RFC 1918)
  '100.64.0.0/10', // shared address space, carrier-grade NAT (RFC 6598)
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local
  '172.16.0.0/12', // private
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation TEST-NET-1
  '192.31.196.0/24', // AS112-v4
  '192.52.193.0/24', // AMT
  '192.88.99.0/24', // deprecated 6to4 relay anycast
  '192.168.0.0/16', // private
  '192.175.48.0/24', // direct delegation AS112
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // documentation TEST-NET-2
  '203.0.113.0/24', // documentation TEST-NET-3
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, and 255.255.255.255 broadcast
];

export const RESERVED_V6: readonly string[] = [
  '::/128', // unspecified
  '::1/128', // loopback
  '64:ff9b:1::/48', // local-use IPv4/IPv6 translation
  '100::/64', // discard-only
  '2001::/23', // IETF protocol assignments (Teredo, ORCHID, ...)
  '2001:db8::/32', // documentation
  '3fff::/20', // documentation
  '5f00::/16', // segment routing SIDs
  'fc00::/7', // unique local
  'fe80::/10', // link-local
  'fec0::/10', // deprecated site-local
  'ff00::/8', // multicast
];

function words(v: bigint, bits: number): Uint32Array {
  const w = new Uint32Array(4);
  if (bits === 32) w[0] = Number(v);
  else for (let i = 0; i < 4; i++) w[i] = Number((v >> BigInt(96 - 32 * i)) & 0xffffffffn);
  return w;
}

function build(): PrefixTrie<true> {
  const t = new PrefixTrie<true>();
  for (const c of RESERVED_V4) {
    const r = IPv4CidrRange.fromCidr(c);
    t.insert(4, words(r.getFirst().getValue(), 32), Number(r.cidrPrefix.getValue()), true);
  }
  for (const c of RESERVED_V6) {
    const r = IPv6CidrRange.fromCidr(c);
    t.insert(6, words(r.getFirst().getValue(), 128), Number(r.cidrPrefix.getValue()), true);
  }
  return t;
}

let trie: PrefixTrie<true> | null = null;
const scratch = new Uint32Array(4);

/** True when `ip` is in a special-purpose range, or is no address at all: nothing to look up. */
export function isReservedIp(ip: string): boolean {
  trie ??= build();
  const fam = parseIpInto(ip, scratch);
  if (fam === 0) return true;
  return trie.lookupParsed(fam, scratch) === true;
}
