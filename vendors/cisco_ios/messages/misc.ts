/**
 * Other messages Elastic's pipeline takes apart, plus interface state changes:
 *   %TCP-6-BADAUTH: No MD5 digest from 10.0.0.1(179) to 10.0.0.2(33000) (RST) tableid - 0
 *   %PIM-6-INVALID_RP_JOIN: Received (*, 239.1.1.1) Join from 10.0.0.1 for invalid RP 10.0.0.9
 *   %DOT1X-3-INVALID_REPLAY_CTR: ... Invalid replay counter from client aa:bb:.. - got .., expected ..
 *   %FW-6-SESS_AUDIT_TRAIL: ... initiator (10.0.0.1:1234) sent 10 bytes -- responder (10.0.0.2:80) sent 20 bytes, from Gi0/0
 *   %FW-6-DROP_PKT: Dropping tcp session from Gi0/0 10.0.0.1:1234 => 10.0.0.2:80 ...
 *   %LINK-3-UPDOWN: Interface Gi0/1, changed state to down
 *   %LINEPROTO-5-UPDOWN: Line protocol on Interface Gi0/1, changed state to up
 *   %ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface Ethernet1/1 is down (Link failure)   (NX-OS)
 */
import type { EcsDoc } from '../../../src/core/types.js';
import { isIp, setField, toInt } from '../../../src/ecs/fields.js';

function isDigits(s: string): boolean {
  if (s.length === 0 || s.length > 10) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `addr(port)` or `addr:port` → [addr, port]; null when neither. */
function addrPort(tok: string): [string, string] | null {
  if (tok.endsWith(')')) {
    const o = tok.lastIndexOf('(');
    if (o <= 0) return null;
    const port = tok.slice(o + 1, tok.length - 1);
    return isDigits(port) ? [tok.slice(0, o), port] : null;
  }
  const c = tok.lastIndexOf(':');
  if (c <= 0) return null;
  const port = tok.slice(c + 1);
  return isDigits(port) ? [tok.slice(0, c), port] : null;
}

export function parseBadAuth(text: string, doc: EcsDoc): string | null {
  let p: number;
  if (text.startsWith('No MD5 digest from ')) p = 19;
  else if (text.startsWith('Invalid MD5 digest from ')) p = 24;
  else return 'parse_badauth';
  const to = text.indexOf(' to ', p);
  if (to < 0) return 'parse_badauth';
  const src = addrPort(text.slice(p, to));
  const dStart = to + 4;
  let dEnd = text.indexOf(' ', dStart);
  if (dEnd < 0) dEnd = text.length;
  const dst = addrPort(text.slice(dStart, dEnd));
  if (src === null || dst === null) return 'parse_badauth';
  setField(doc, 'source.address', src[0]);
  setField(doc, 'source.port', src[1]);
  setField(doc, 'destination.address', dst[0]);
  setField(doc, 'destination.port', dst[1]);
  let rest = text.slice(dEnd);
  if (rest.startsWith(' (RST)')) rest = rest.slice(6);
  if (rest.startsWith(' tableid - ')) setField(doc, 'cisco.ios.tableid', rest.slice(11));
  return null;
}

export function parseRpJoin(text: string, doc: EcsDoc): string | null {
  setField(doc, 'event.action', 'multicast-join');
  setField(doc, 'event.outcome', 'failure');
  setField(doc, 'event.reason', 'Invalid RP');
  const r = text.indexOf('Received (');
  if (r < 0) return 'parse_invalid_rp_join';
  const comma = text.indexOf(', ', r + 10);
  const close = comma < 0 ? -1 : text.indexOf(') ', comma + 2);
  if (close < 0) return 'parse_invalid_rp_join';
  const srcTok = text.slice(r + 10, comma);
  const words = text.slice(close + 2).split(' ');
  // WORD from IP for OUTCOME... IP
  if (words.length < 5 || words[1] !== 'from' || words[3] !== 'for' || !isIp(words[2]) || !isIp(words[words.length - 1])) {
    return 'parse_invalid_rp_join';
  }
  if (isIp(srcTok)) setField(doc, 'cisco.ios.pim.source.ip', srcTok);
  setField(doc, 'cisco.ios.pim.group.ip', text.slice(comma + 2, close));
  setField(doc, 'cisco.ios.action', words[0]);
  setField(doc, 'source.address', words[2]);
  setField(doc, 'cisco.ios.outcome', words.slice(4, words.length - 1).join(' '));
  setField(doc, 'destination.address', words[words.length - 1]);
  return null;
}

const REPLAY = ' Invalid replay counter from client ';
export function parseReplayCtr(text: string, doc: EcsDoc): string | null {
  const i = text.indexOf(REPLAY);
  if (i < 0) return 'parse_invalid_replay_ctr';
  const a = i + REPLAY.length;
  const b = text.indexOf(' - got ', a);
  if (b < 0 || text.indexOf(', expected ', b) < 0) return 'parse_invalid_replay_ctr';
  setField(doc, 'source.mac', text.slice(a, b));
  return null;
}

/** `(ip:port)` at i (the `(`) → [ip, port, index after `)`]. */
function parenIpPort(text: string, i: number): [string, string, number] | null {
  if (text.charCodeAt(i) !== 40) return null;
  const close = text.indexOf(')', i);
  if (close < 0) return null;
  const ap = addrPort(text.slice(i + 1, close));
  return ap === null || !isIp(ap[0]) ? null : [ap[0], ap[1], close + 1];
}

export function parseAuditTrail(text: string, doc: EcsDoc): string | null {
  const i = text.indexOf('initiator (');
  if (i < 0) return 'parse_sess_audit_trail';
  const s = parenIpPort(text, i + 10);
  if (s === null || !text.startsWith(' sent ', s[2])) return 'parse_sess_audit_trail';
  const sb = text.indexOf(' bytes -- responder (', s[2] + 6);
  if (sb < 0) return 'parse_sess_audit_trail';
  const sBytes = text.slice(s[2] + 6, sb);
  const d = parenIpPort(text, sb + 20);
  if (d === null || !text.startsWith(' sent ', d[2])) return 'parse_sess_audit_trail';
  const db = text.indexOf(' bytes, from ', d[2] + 6);
  if (db < 0) return 'parse_sess_audit_trail';
  const dBytes = text.slice(d[2] + 6, db);
  if (!isDigits(sBytes) || !isDigits(dBytes)) return 'parse_sess_audit_trail';
  let ifEnd = text.indexOf(' ', db + 13);
  if (ifEnd < 0) ifEnd = text.length;
  setField(doc, 'source.ip', s[0]);
  setField(doc, 'source.port', toInt(s[1]));
  setField(doc, 'source.bytes', toInt(sBytes));
  setField(doc, 'destination.ip', d[0]);
  setField(doc, 'destination.port', toInt(d[1]));
  setField(doc, 'destination.bytes', toInt(dBytes));
  setField(doc, 'cisco.ios.interface.name', text.slice(db + 13, ifEnd));
  return null;
}

export function parseDropPkt(text: string, doc: EcsDoc): string | null {
  if (!text.startsWith('Dropping ')) return 'parse_drop_pkt';
  const w = text.split(' ', 8);
  // Dropping WORD WORD from IFACE SRC:PORT => DST:PORT  (also `=>` glued to the addresses)
  if (w.length < 6 || w[3] !== 'from') return 'parse_drop_pkt';
  let srcTok = w[5]!;
  let dstTok: string | undefined;
  const glued = srcTok.indexOf('=>');
  if (glued > 0) {
    dstTok = srcTok.slice(glued + 2) || w[6];
    srcTok = srcTok.slice(0, glued);
  } else if (w[6] === '=>') dstTok = w[7];
  else if (w[6] !== undefined && w[6].startsWith('=>')) dstTok = w[6].slice(2);
  const s = addrPort(srcTok);
  const d = dstTok === undefined ? null : addrPort(dstTok);
  if (s === null || d === null || !isIp(s[0]) || !isIp(d[0])) return 'parse_drop_pkt';
  setField(doc, 'cisco.ios.interface.name', w[4]);
  setField(doc, 'source.ip', s[0]);
  setField(doc, 'source.port', toInt(s[1]));
  setField(doc, 'destination.ip', d[0]);
  setField(doc, 'destination.port', toInt(d[1]));
  return null;
}

/** Interface up/down messages: `cisco.ios.interface.name` and `.state`. */
export function parseLinkState(text: string, doc: EcsDoc): string | null {
  let p = 0;
  if (text.startsWith('Line protocol on Interface ')) p = 27;
  else if (text.startsWith('Interface ')) p = 10;
  else return null;
  const comma = text.indexOf(', changed state to ', p);
  if (comma > p) {
    setField(doc, 'cisco.ios.interface.name', text.slice(p, comma));
    setField(doc, 'cisco.ios.interface.state', text.slice(comma + 19).trim());
    return null;
  }
  // NX-OS: `Interface Ethernet1/1 is down (Link failure)` / `is up in mode access`
  const is = text.indexOf(' is ', p);
  if (is > p) {
    setField(doc, 'cisco.ios.interface.name', text.slice(p, is));
    const st = text.slice(is + 4);
    const sp = st.indexOf(' ');
    setField(doc, 'cisco.ios.interface.state', sp < 0 ? st : st.slice(0, sp));
  }
  return null;
}
