/**
 * The Cisco header between the syslog PRI and the `%FAC-SEV-MNEM:` marker, read as IOS writes it
 * (`service timestamps`, `service sequence-numbers`, `logging origin-id`):
 *
 *   [message-count: ][relay-stamp relay-host [sequence]: ][host[: *process]: ][sequence: ][*|.]stamp[ TZ]: %...
 *   [message-count: ][host: ][sequence: ]uptime: %...
 *
 * Segments are cut at `: `, each classified as a number, a stamp, an uptime, a process tag
 * (`*Dot1x_NW_MsgTask_0`) or a host name. Elastic's naming: the number right after `<PRI>` is
 * `cisco.ios.message_count`, any later number `cisco.ios.sequence`.
 */
import { read3164Stamp, stamp } from '../../src/syslog/timestamp.js';
import { isIp } from '../../src/ecs/fields.js';

export interface CiscoHeader {
  messageCount: string | null;
  sequence: string | null;
  hostname: string | null;
  uptime: string | null;
  /** epoch ms of the Cisco stamp, NaN when none */
  time: number;
  timeUs: number;
  /** the stamp carried its own zone */
  timeHasZone: boolean;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function allDigits(s: string, a: number, b: number): boolean {
  if (b <= a || b - a > 20) return false;
  for (let i = a; i < b; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

function isHostChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 46 || c === 45 || c === 95;
}

function isHost(s: string, a: number, b: number): boolean {
  if (b <= a || b - a > 255) return false;
  for (let i = a; i < b; i++) if (!isHostChar(s.charCodeAt(i))) return false;
  return true;
}

/** `00:01:02`, `1d02h`, `2w3d`, `1y2w` (IOS uptime stamps). */
function isUptime(s: string, a: number, b: number): boolean {
  if (b <= a || b - a > 24) return false;
  let colon = 0;
  let unit = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) continue;
    if (c === 58) colon++;
    else if (c === 121 || c === 119 || c === 100 || c === 104 || c === 109 || c === 115) unit++;
    else return false;
  }
  return (colon === 2 && unit === 0) || (colon === 0 && unit > 0 && isDigit(s.charCodeAt(a)));
}

/** A zone word Cisco writes after a stamp that the shared reader did not know: letters, optional offset. */
function isZoneWord(s: string, a: number, b: number): boolean {
  if (b <= a || b - a > 12) return false;
  let i = a;
  while (i < b && ((s.charCodeAt(i) | 32) >= 97 && (s.charCodeAt(i) | 32) <= 122)) i++;
  if (i === a || i - a > 7) return false;
  if (i === b) return true;
  const c = s.charCodeAt(i);
  if (c !== 43 && c !== 45) return false;
  for (let j = i + 1; j < b; j++) if (!isDigit(s.charCodeAt(j)) && s.charCodeAt(j) !== 58) return false;
  return true;
}

/**
 * Reads the header in s[from, to) (to = the `%` of the marker). `hasPri` says whether a PRI came
 * just before `from` (then a leading number is the message count).
 */
export function readHeader(s: string, from: number, to: number, hasPri: boolean, tz: string, receivedAt: number): CiscoHeader {
  const h: CiscoHeader = {
    messageCount: null, sequence: null, hostname: null, uptime: null, time: NaN, timeUs: 0, timeHasZone: false,
  };
  let pos = from;
  while (pos < to && s.charCodeAt(pos) === 32) pos++;
  let first = true;
  let segs = 0;
  while (pos < to && segs < 16) {
    segs++;
    let end = s.indexOf(': ', pos);
    if (end < 0 || end >= to) end = to;
    // trailing `:` right before the marker (`...:%FOO`) or spaces
    let segEnd = end;
    while (segEnd > pos && (s.charCodeAt(segEnd - 1) === 32 || (end === to && s.charCodeAt(segEnd - 1) === 58))) segEnd--;
    if (segEnd > pos) classify(s, pos, segEnd, h, first && hasPri, tz, receivedAt);
    first = false;
    pos = end + 2;
    while (pos < to && s.charCodeAt(pos) === 32) pos++;
  }
  return h;
}

function classify(s: string, a: number, b: number, h: CiscoHeader, countSlot: boolean, tz: string, receivedAt: number): void {
  if (allDigits(s, a, b)) {
    if (countSlot) h.messageCount = s.slice(a, b);
    else h.sequence = s.slice(a, b);
    return;
  }
  const c = s.charCodeAt(a);
  // a stamp, maybe after `*` / `.` (clock not set / not in sync), maybe followed by a zone or by a relay's host
  const e = read3164Stamp(s, a, tz, receivedAt);
  if (e > 0 && e <= b) {
    const ms = stamp.ms, us = stamp.us, hasZone = stamp.hasZone;
    if (e === b || (s.charCodeAt(e) === 32 && isZoneWord(s, e + 1, b))) {
      h.time = ms;
      h.timeUs = us;
      h.timeHasZone = hasZone;
      return;
    }
    if (s.charCodeAt(e) === 32) {
      // relay header `Mmm dd hh:mm:ss HOST [HOST] [SEQ]`: the device's own stamp comes later
      let w = e + 1;
      while (w < b) {
        let we = s.indexOf(' ', w);
        if (we < 0 || we > b) we = b;
        if (allDigits(s, w, we)) h.sequence = s.slice(w, we);
        else if (isHost(s, w, we) && !isIp(s.slice(w, we))) h.hostname = s.slice(w, we);
        w = we + 1;
      }
      if (Number.isNaN(h.time)) {
        h.time = ms;
        h.timeUs = us;
        h.timeHasZone = hasZone;
      }
      return;
    }
  }
  if (c === 42 /* * */) return; // `*Dot1x_NW_MsgTask_0`: a process tag
  if (isUptime(s, a, b)) {
    h.uptime = s.slice(a, b);
    return;
  }
  // `host: *process` in one segment
  const sp = s.indexOf(' ', a);
  const hb = sp > 0 && sp < b ? sp : b;
  if (h.hostname === null && isHost(s, a, hb) && Number.isNaN(h.time)) {
    const name = s.slice(a, hb);
    if (!isIp(name)) h.hostname = name;
  }
}
