/** PRI (`<N>`) reading and the facility / severity name tables. */

export const FACILITY_NAMES: readonly string[] = [
  'kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp',
  'ntp', 'security', 'console', 'solaris-cron', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5',
  'local6', 'local7',
];

export const SEVERITY_NAMES: readonly string[] = [
  'Emergency', 'Alert', 'Critical', 'Error', 'Warning', 'Notice', 'Informational', 'Debug',
];

/** `log.level` for each syslog severity, as Elastic's syslog processor writes it. */
export const SEVERITY_LEVELS: readonly string[] = [
  'emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'informational', 'debug',
];

/**
 * Reads `<N>` at `start`. Returns the PRI value (0..191) and sets `end` through the returned
 * number encoding: value * 1024 + index after `>`; -1 when there is no valid PRI.
 */
export function readPri(s: string, start: number): number {
  if (s.charCodeAt(start) !== 60 /* < */) return -1;
  let i = start + 1;
  let v = 0;
  const max = Math.min(s.length, start + 5);
  while (i < max) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      i++;
    } else break;
  }
  if (i === start + 1 || s.charCodeAt(i) !== 62 /* > */ || v > 191) return -1;
  // leading zeros are not allowed by RFC 5424 but devices send them; accept
  return v * 1024 + (i + 1);
}
