/**
 * Value conversions PAN-OS fields need: device-local times, user `DOMAIN\name` / `name@domain`,
 * MAC addresses, the session flags bit field.
 */
import { readIsoStamp, stamp } from '../../src/syslog/timestamp.js';
import { zonedToEpoch } from '../../src/syslog/timezone.js';

function d2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48, b = s.charCodeAt(i + 1) - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9) return -1;
  return a * 10 + b;
}

/**
 * Epoch ms of a PAN-OS time: `yyyy/MM/dd HH:mm:ss` (device-local, read in `tz`) or ISO 8601 (with
 * or without zone). NaN when it is neither.
 */
export function panTime(s: string | undefined, tz: string): number {
  if (s === undefined || s.length < 19) return NaN;
  if (s.charCodeAt(4) === 47) {
    const y = d2(s, 0) * 100 + d2(s, 2);
    const mo = d2(s, 5), d = d2(s, 8), h = d2(s, 11), mi = d2(s, 14), sec = d2(s, 17);
    if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60) return NaN;
    if (s.charCodeAt(7) !== 47 || s.charCodeAt(10) !== 32 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return NaN;
    return zonedToEpoch(y, mo, d, h, mi, sec === 60 ? 59 : sec, 0, tz);
  }
  const end = readIsoStamp(s, 0, tz, false);
  return end > 0 ? stamp.ms : NaN;
}

import { isoTime as isoMs, isoTimeIn } from '../../src/ecs/base.js';
export { isoMs };

/** ISO string of a PAN-OS time in the offset of `tz` (as Elastic's date processor writes it), undefined when unreadable. */
export function panTimeIso(s: string | undefined, tz: string): string | undefined {
  const ms = panTime(s, tz);
  return Number.isNaN(ms) ? undefined : isoTimeIn(ms, tz);
}

const USER_CHARS = /^[ a-zA-Z0-9#.:_'-]+\$?$/;
const HOST_CHARS = /^[0-9A-Za-z_.-]{1,253}$/;

/** Splits `DOMAIN\user`, `DOMAIN\\user` and `user@domain` as Elastic's grok does; name alone otherwise. */
export function splitUser(s: string): { name: string; domain?: string } {
  const bs = s.indexOf('\\');
  if (bs > 0) {
    const domain = s.slice(0, bs);
    let name = s.slice(bs + 1);
    if (name.charCodeAt(0) === 92) name = name.slice(1);
    if (HOST_CHARS.test(domain) && USER_CHARS.test(name)) return { name, domain };
    return { name: s };
  }
  const at = s.indexOf('@');
  if (at > 0 && s.indexOf('@', at + 1) < 0) {
    const name = s.slice(0, at), domain = s.slice(at + 1);
    if (USER_CHARS.test(name) && HOST_CHARS.test(domain)) return { name, domain };
  }
  return { name: s };
}

/** `00:11:22:aa:bb:cc` / `0011.22aa.bbcc` -> `00-11-22-AA-BB-CC` style, as Elastic's gsub+uppercase. */
export function normMac(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c === 58 || c === 46 ? '-' : s[i]!.toUpperCase();
  }
  return out;
}

/** Session flag bits of the TRAFFIC/THREAT/DECRYPTION `flags` column, Elastic's label names. */
export const FLAG_LABELS: readonly [number, string][] = [
  [0x80000000, 'pcap_included'],
  [0x40000000, 'connect_to_destination_host'],
  [0x20000000, 'file_submitted_to_WildFire'],
  [0x10000000, 'enterprise_credential_submission'],
  [0x08000000, 'source_flow_allow_list'],
  [0x02000000, 'ipv6_session'],
  [0x01000000, 'ssl_decrypted'],
  [0x00800000, 'url_filter_denied'],
  [0x00400000, 'nat_translated'],
  [0x00200000, 'captive_portal'],
  [0x00100000, 'non_standard_port_usage'],
  [0x00080000, 'x_forwarded_for'],
  [0x00040000, 'http_proxy'],
  [0x00020000, 'client_server_policy_based_forwarding'],
  [0x00010000, 'server_client_policy_based_forwarding'],
  [0x00008000, 'container_page'],
  [0x00002000, 'temporary_match'],
  [0x00000800, 'symmetric_return'],
  [0x00000400, 'decrypted_traffic'],
  [0x00000100, 'payload_outer_tunnel'],
];

/** Reads a flags value (`0x403000` or decimal); NaN when it is neither. */
export function readFlags(s: string | undefined): number {
  if (s === undefined || s === '') return NaN;
  if (s.length > 2 && s.charCodeAt(0) === 48 && (s.charCodeAt(1) | 32) === 120) {
    if (!/^0[xX][0-9a-fA-F]{1,16}$/.test(s)) return NaN;
    return parseInt(s.slice(2), 16);
  }
  return /^\d{1,16}$/.test(s) ? Number(s) : NaN;
}

export function hasBit(v: number, bit: number): boolean {
  return Math.floor(v / bit) % 2 === 1;
}
