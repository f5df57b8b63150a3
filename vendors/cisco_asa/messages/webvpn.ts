/**
 * Clientless SSL VPN (716xxx), AnyConnect / SVC (722xxx), SSL handshakes (725xxx) and dynamic access
 * policies (734xxx) that Elastic's pipeline leaves unparsed: the `Group <g> User <u> IP <a>` prefix,
 * the SSL peer's two ends, the DAP user and address.
 */
import type { Handler, Work } from '../work.js';
import { put, vput } from '../work.js';
import { groupUserIp, readEnd, setEnd, valueAfter } from './shapes.js';
import { table } from '../../../src/core/null-proto.js';

/** `Group ... User ... IP ... text` (716xxx keep the group as the WebVPN group). */
function session(webvpn: boolean): Handler {
  return (w) => {
    let p = groupUserIp(w, webvpn);
    if (p < 0 && w.msg.startsWith('IP ')) {
      const a = readEnd(w.msg, 3);
      if (a !== null) { put(w, 'source.address', a.addr); p = a.end + 1; }
    }
    if (p < 0) return false;
    put(w, 'event.reason', w.msg.slice(p).trim());
    return true;
  };
}

/** 725xxx `... client|server iface:a/p to b/p ...`: the SSL peer as source, the device as destination. */
function sslPeer(w: Work): boolean {
  const s = w.msg;
  for (const peer of ['client ', 'server ']) {
    let k = s.indexOf(' ' + peer);
    if (k < 0 && s.startsWith('SSL ' + peer)) k = 3;
    if (k < 0) continue;
    const a = readEnd(s, k + peer.length + 1);
    if (a === null) continue;
    vput(w, 'peer_type', peer.trim());
    setEnd(w, 'source', a);
    if (s.startsWith(' to ', a.end)) {
      const b = readEnd(s, a.end + 4);
      if (b !== null) setEnd(w, 'destination', b);
    }
    return true;
  }
  return false;
}

/** 725xxx without a peer (cipher lists, library errors): the text. */
function sslText(w: Work): boolean {
  if (!sslPeer(w)) put(w, 'event.reason', w.msg);
  return true;
}

/** 734002/734003 `DAP: User u, Addr a: text` (the user as user.email, as Elastic's 734001). */
function dap(w: Work): boolean {
  const s = w.msg;
  if (!s.startsWith('DAP: ')) return false;
  const u = valueAfter(s, 'User ');
  put(w, 'user.email', u?.v);
  const a = valueAfter(s, 'Addr ', 0, ':');
  if (a !== null) put(w, 'source.address', a.v.replace(/,$/, ''));
  if (a !== null) put(w, 'event.reason', s.slice(a.end + 1).trim());
  return u !== null || a !== null;
}

/** 716050 `Error adding to ACL: ace`: the text. */
function aclError(w: Work): boolean {
  put(w, 'event.reason', w.msg);
  return true;
}

export const WEBVPN = table<Handler>({ '734002': dap, '734003': dap, '716050': aclError });
for (const id of ['716001', '716004', '716005', '716006', '716007', '716038', '716043', '716044', '716047', '716049',
  '716051', '716052', '716053']) WEBVPN[id] = session(true);
for (const id of ['722001', '722002', '722003', '722004', '722005', '722006', '722007', '722008', '722009', '722010', '722012', '722013', '722014',
  '722015', '722016', '722017', '722018', '722019', '722020', '722021', '722024', '722025', '722026', '722027',
  '722029', '722030', '722031', '722035', '722036', '722038', '722039', '722040', '722041', '722042', '722043',
  '722044', '722045', '722046', '722047', '722048', '722049', '722050', '722053', '722054', '722056']) {
  WEBVPN[id] = session(false);
}
for (const id of ['725003', '725004', '725005', '725006', '725008', '725009', '725010', '725011', '725012', '725013',
  '725014', '725015', '725017']) WEBVPN[id] = sslText;
