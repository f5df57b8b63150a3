/**
 * The Meraki header `[1 ]<epoch>[.<fraction>] <device> <type> ...`, read from the syslog CONTENT
 * so it is found whether the line came with `<PRI>1 ` (the version digit in front), without a
 * PRI, with a relay's stamp and host in front, or cut to the epoch by a relay. An epoch with a
 * fraction is Meraki's own mark, so any type word is taken; a bare epoch only with a known type.
 */

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The log types Meraki devices send (Syslog Event Types and Log Samples). */
export const KNOWN_TYPES: ReadonlySet<string> = new Set([
  'events', 'flows', 'firewall', 'vpn_firewall', 'cellular_firewall', 'bridge_anyconnect_client_vpn_firewall',
  'urls', 'ids-alerts', 'security_event', 'airmarshal_events', 'ip_flow_start', 'ip_flow_end',
]);

export interface MerakiHeader {
  /** epoch milliseconds (the fraction truncated to the millisecond, as a UNIX date reads it) */
  ms: number;
  device: string;
  type: string;
  /** index of the body after the type word and its space (the text's length when none) */
  body: number;
}

/** Index after `[1 ]<epoch>[.<fraction>] ` at the start of s (the reading in `out`); -1 when absent. */
function epochEnd(s: string, out: { secs: number; frac: number; withFraction: boolean }): number {
  let p = 0;
  if (s.charCodeAt(0) === 49 && s.charCodeAt(1) === 32 && isDigit(s.charCodeAt(2))) p = 2;
  const d0 = p;
  let secs = 0;
  while (p - d0 < 11 && isDigit(s.charCodeAt(p))) secs = secs * 10 + s.charCodeAt(p++) - 48;
  if (p - d0 < 9 || p - d0 > 10) return -1;
  let frac = 0;
  out.withFraction = false;
  if (s.charCodeAt(p) === 46) {
    p++;
    let scale = 100, nd = 0;
    while (nd < 32 && isDigit(s.charCodeAt(p))) {
      if (scale >= 1) frac += (s.charCodeAt(p) - 48) * scale;
      scale /= 10;
      p++;
      nd++;
    }
    if (nd === 0) return -1;
    out.withFraction = true;
  }
  if (s.charCodeAt(p) !== 32) return -1;
  out.secs = secs;
  out.frac = Math.floor(frac);
  return p + 1;
}

const epoch = { secs: 0, frac: 0, withFraction: false };

export function readHeader(s: string): MerakiHeader | null {
  const h = epochEnd(s, epoch);
  if (h < 0) return null;
  const dEnd = s.indexOf(' ', h);
  if (dEnd <= h || dEnd - h > 256) return null;
  let tEnd = s.indexOf(' ', dEnd + 1);
  if (tEnd < 0) tEnd = s.length;
  if (tEnd === dEnd + 1 || tEnd - dEnd > 64) return null;
  const type = s.slice(dEnd + 1, tEnd);
  if (!epoch.withFraction && !KNOWN_TYPES.has(type)) return null;
  return {
    ms: epoch.secs * 1000 + epoch.frac,
    device: s.slice(h, dEnd),
    type,
    body: tEnd < s.length ? tEnd + 1 : tEnd,
  };
}
