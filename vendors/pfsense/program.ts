/**
 * Which program of a pfSense/OPNsense box wrote a line, and where its text starts: from the syslog
 * tag when there is one (Elastic's `event.provider`: the leading word and its `-word` parts), else
 * from the body, for lines that lost their header on the way (a bare filterlog CSV, a relay's own
 * stamp and host in front, rsyslog's `message repeated N times: [ ... ]`).
 */
import { toInt } from '../../src/ecs/fields.js';

/** `(squid-1)` -> `squid-1`; `/usr/local/sbin/openvpn` -> `openvpn` */
export function processName(app: string): string {
  let a = app;
  if (a.charCodeAt(0) === 40 && a.charCodeAt(a.length - 1) === 41) a = a.slice(1, -1);
  const slash = a.lastIndexOf('/');
  return slash >= 0 ? a.slice(slash + 1) : a;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95;
}

function isLetter(c: number): boolean {
  return ((c | 32) >= 97 && (c | 32) <= 122) || c === 95;
}

/** Elastic's provider: the leading word plus `-word` parts without digits (`squid-1` -> `squid`, `php-fpm`). */
export function provider(name: string): string {
  let end = 0;
  const n = name.length;
  while (end < n && isWordChar(name.charCodeAt(end))) end++;
  while (end < n && name.charCodeAt(end) === 45) {
    let q = end + 1;
    while (q < n && isLetter(name.charCodeAt(q))) q++;
    if (q === end + 1 || (q < n && name.charCodeAt(q) !== 45)) break;
    end = q;
  }
  return name.slice(0, end);
}

const ACTIONS = new Set(['pass', 'block', 'reject', 'match', 'scrub', 'nat', 'rdr', 'binat']);

/**
 * True when s from `at` is a filterlog CSV: `rule,subrule,anchor,tracker,iface,reason,action,dir,ipver,`
 * with a numeric rule, a pf action, `in`/`out` and IP version 4 or 6 (nine commas, read by indexOf).
 */
export function isFilterlogCsv(s: string, at: number): boolean {
  const c = s.charCodeAt(at);
  if (c < 48 || c > 57) return false;
  const commas: number[] = [];
  let p = at - 1;
  for (let i = 0; i < 9; i++) {
    p = s.indexOf(',', p + 1);
    if (p < 0 || p - at > 400) return false;
    commas.push(p);
  }
  if (toInt(s.slice(at, commas[0])) === undefined) return false;
  if (!ACTIONS.has(s.slice(commas[5]! + 1, commas[6]))) return false;
  const dir = s.slice(commas[6]! + 1, commas[7]);
  if (dir !== 'in' && dir !== 'out') return false;
  const ver = s.slice(commas[7]! + 1, commas[8]);
  return ver === '4' || ver === '6';
}

/** What rsyslog writes for a run of one line: `message repeated 3 times: [ text]`; the text, else s. */
export function unwrapRepeated(s: string): string {
  if (!s.startsWith('message repeated ')) return s;
  const open = s.indexOf(': [', 17);
  if (open < 0 || open > 40) return s;
  let start = open + 3;
  if (s.charCodeAt(start) === 32) start++;
  const end = s.charCodeAt(s.length - 1) === 93 ? s.length - 1 : s.length;
  return s.slice(start, end);
}

/** A line's program as found in its body: the `filterlog` tag after a relay's header, or a bare CSV. */
export interface BodyProgram {
  /** where the program's text starts in the message */
  start: number;
  /** `name[pid]` as written, or '' for a bare CSV */
  pid: string;
  /** the word before the tag, when it reads as a host name */
  host: string;
}

const TAG = 'filterlog';

/** A filterlog line whose syslog header was lost or doubled (the relay's in front of the device's). */
export function filterlogInBody(s: string): BodyProgram | null {
  if (isFilterlogCsv(s, 0)) return { start: 0, pid: '', host: '' };
  const t = s.indexOf(TAG);
  if (t < 0 || t > 200) return null;
  let p = t + TAG.length;
  let pid = '';
  if (s.charCodeAt(p) === 91) {
    const close = s.indexOf(']', p);
    if (close < 0 || close - p > 12) return null;
    pid = s.slice(p + 1, close);
    p = close + 1;
  }
  if (s.charCodeAt(p) === 58) p++;
  while (s.charCodeAt(p) === 32) p++;
  if (!isFilterlogCsv(s, p)) return null;
  const before = s.lastIndexOf(' ', t - 2);
  const host = t > 1 ? s.slice(before + 1, t - 1) : '';
  // a stamp's time (`10:00:00`) is no host
  return { start: p, pid, host: host.indexOf(':') >= 0 || host.length === 0 ? '' : host };
}

/** `(http_inspect)` right after `[gid:sid:rev] `: the form pfSense's snort package logs preprocessor alerts in. */
export function isSnortPreprocessorAlert(s: string): boolean {
  if (s.charCodeAt(0) !== 91) return false;
  const close = s.indexOf('] (', 1);
  return close > 0 && close < 32 && s.indexOf(') ', close + 3) > 0;
}

/** Host names pfSense and OPNsense install with, for the daemons any Unix host runs too. */
export function isFirewallHost(host: string | null): boolean {
  if (host === null || host.length < 7) return false;
  const h = host.charCodeAt(0) | 32;
  const lower = (h === 112 || h === 111) ? host.slice(0, 8).toLowerCase() : '';
  return lower.startsWith('pfsense') || lower.startsWith('opnsense');
}
