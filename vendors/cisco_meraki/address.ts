/**
 * Meraki's address forms, as Elastic's pipeline greps them: `ip:port`, `[v6]:port`, a full
 * eight-group IPv6 then `:port`, or IPv6 then ` port `, `p`, `#` or `.` and the port; MAC
 * addresses with `-` for `:` and `.`.
 */
import { isIp } from '../../src/ecs/fields.js';

export interface IpPort {
  ip: string;
  port: string;
}

function isDigits(s: string, a: number, b: number): boolean {
  if (b <= a || b - a > 5) return false;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function colons(s: string): number {
  let n = 0;
  for (let i = s.indexOf(':'); i >= 0; i = s.indexOf(':', i + 1)) n++;
  return n;
}

/** `ip:port` forms; null when the value is none of them. */
export function ipPort(v: string | undefined): IpPort | null {
  if (v === undefined || v.length < 3 || v.length > 64) return null;
  if (v.charCodeAt(0) === 91) {
    const close = v.indexOf(']');
    if (close < 0 || v.charCodeAt(close + 1) !== 58 || !isDigits(v, close + 2, v.length)) return null;
    const ip = v.slice(1, close);
    return isIp(ip) && ip.indexOf(':') >= 0 ? { ip, port: v.slice(close + 2) } : null;
  }
  const last = v.lastIndexOf(':');
  const n = colons(v);
  if (n === 1 || (n === 8 && v.indexOf('::') < 0)) {
    const ip = v.slice(0, last);
    if (isDigits(v, last + 1, v.length) && isIp(ip)) return { ip, port: v.slice(last + 1) };
  }
  if (n >= 2) {
    const sp = v.lastIndexOf(' port ');
    if (sp > 0 && isDigits(v, sp + 6, v.length) && isIp(v.slice(0, sp))) return { ip: v.slice(0, sp), port: v.slice(sp + 6) };
    let k = v.length;
    while (k > 0 && v.charCodeAt(k - 1) >= 48 && v.charCodeAt(k - 1) <= 57) k--;
    const sep = v.charCodeAt(k - 1);
    if ((sep === 112 || sep === 35 || sep === 46) && isDigits(v, k, v.length) && isIp(v.slice(0, k - 1))) {
      return { ip: v.slice(0, k - 1), port: v.slice(k) };
    }
  }
  return null;
}

/** `aa:bb:cc:dd:ee:ff` or `aabb.ccdd.eeff` with `-` for each `:` and `.` (case kept). */
export function macDash(v: string): string {
  let out = '';
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    out += c === 58 || c === 46 ? '-' : v[i]!;
  }
  return out;
}

/** ECS form: dashes and upper case. */
export function macEcs(v: string): string {
  return macDash(v).toUpperCase();
}
