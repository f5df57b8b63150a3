/**
 * Authentication and authorization (109xxx cut-through proxy, the 113xxx messages Elastic's
 * pipeline leaves unparsed, 611xxx VPN client) and the UAUTH session table (109201-109210): the
 * user, the two ends and the interface, read with indexOf.
 */
import type { Handler, Work } from '../work.js';
import { put, vput } from '../work.js';
import { addressAfter, endAfter, fromTo, onInterface, setEnd, valueAfter } from './shapes.js';
import { table } from '../../../src/core/null-proto.js';

/** The user of `user 'u'`, `for user u`, `User = u`, `user u` (the first found). */
function userOf(s: string): string | undefined {
  const q = s.indexOf("user '");
  if (q >= 0) {
    const e = s.indexOf("'", q + 6);
    if (e > q + 6) return s.slice(q + 6, e);
  }
  for (const key of ['for user ', 'User = ', 'user = ', 'user ', 'User ', 'login for ']) {
    const k = s.indexOf(key);
    if (k < 0) continue;
    let e = k + key.length;
    while (e < s.length && s.charCodeAt(e) !== 32 && s.charCodeAt(e) !== 44) e++;
    let u = s.slice(k + key.length, e);
    if (u.endsWith('.')) u = u.slice(0, -1);
    if (u !== '' && u !== 'at' && u !== 'from' && u !== 'must' && u !== 'login') return u;
  }
  return undefined;
}

/** 109xxx: `... user u from a/p to b/p on interface i ...` (each part where the message has it). */
function cutThrough(w: Work): boolean {
  const s = w.msg;
  put(w, 'source.user.name', userOf(s));
  if (!fromTo(w)) {
    const at = endAfter(s, ' at ');
    if (at !== null) setEnd(w, 'source', at);
  }
  onInterface(w);
  const srv = valueAfter(s, 'Server = ');
  if (srv !== null) put(w, 'destination.address', srv.v);
  return true;
}

/** 109201-109210: `UAUTH: Session=s, User=u, Assigned IP=a, text`. */
function uauth(w: Work): boolean {
  const s = w.msg;
  if (!s.startsWith('UAUTH: ')) return false;
  const u = valueAfter(s, 'User=') ?? valueAfter(s, 'User ');
  const a = valueAfter(s, 'Assigned IP=') ?? valueAfter(s, 'Assigned IP ');
  put(w, 'user.name', u?.v);
  put(w, 'source.address', a?.v);
  const sess = valueAfter(s, 'Session=');
  vput(w, 'session_id', sess?.v);
  if (a !== null) put(w, 'event.reason', s.slice(a.end + 1).trim());
  return u !== null || a !== null;
}

/** 113xxx ` : key = value : ` parts: user, server (destination), user IP (source), reason. */
function aaaParts(w: Work): boolean {
  const s = w.msg;
  const u = valueAfter(s, 'user = ', 0, ' :');
  put(w, 'source.user.name', u?.v ?? userOf(s));
  put(w, 'destination.address', valueAfter(s, 'server = ', 0, ' :')?.v);
  const ip = valueAfter(s, 'user IP = ', 0, ' :') ?? valueAfter(s, 'User IP = ', 0, ' :');
  if (ip !== null && ip.v !== 'None') put(w, 'source.address', ip.v);
  vput(w, 'rejection_reason', valueAfter(s, 'reason = ', 0, ' :')?.v);
  return true;
}

/** `... server a ...` / `... with server a ...`: the AAA server as destination. */
function aaaServer(w: Work): boolean {
  const e = endAfter(w.msg, 'server ');
  if (e !== null) put(w, 'destination.address', e.addr);
  put(w, 'source.user.name', userOf(w.msg));
  return true;
}

/** 113024/113025 `Group tg: Authenticating type connection from a with username, u, ...`. */
function certAuth(w: Work): boolean {
  const s = w.msg;
  if (!s.startsWith('Group ')) return false;
  const colon = s.indexOf(':');
  if (colon > 6) vput(w, 'tunnel_group', s.slice(6, colon));
  const from = endAfter(s, ' connection from ');
  if (from !== null) put(w, 'source.address', from.addr);
  const u = valueAfter(s, 'with username, ');
  put(w, 'source.user.name', u?.v);
  return true;
}

/** 611xxx `VPNClient: ...`: the peer or cluster address named in the text. */
function vpnClient(w: Work): boolean {
  const s = w.msg;
  if (!s.startsWith('VPNClient: ')) return false;
  const e = endAfter(s, 'server ') ?? endAfter(s, 'member ') ?? endAfter(s, 'NAT address: ');
  if (e !== null) put(w, s.indexOf('NAT address: ') >= 0 ? 'source.nat.ip' : 'destination.address', e.addr);
  put(w, 'event.reason', s.slice(11).trim());
  return true;
}

export const AAA = table<Handler>({
  '113003': aaaParts, '113006': aaaParts, '113007': aaaParts, '113010': aaaServer, '113011': aaaParts,
  '113013': aaaParts, '113016': aaaParts, '113017': aaaParts, '113020': aaaServer, '113024': certAuth, '113025': certAuth,
  '113045': addressAfter('server ', 'destination.address'),
  '611301': vpnClient, '611314': vpnClient, '611315': vpnClient, '611316': vpnClient, '611317': vpnClient,
  '611318': vpnClient,
});
for (const id of ['109001', '109002', '109003', '109005', '109006', '109007', '109008', '109010', '109011', '109012',
  '109016', '109017', '109023', '109024', '109025', '109027', '109028', '109031', '109033', '109034', '109039']) {
  AAA[id] = cutThrough;
}
for (let n = 109201; n <= 109210; n++) AAA[String(n)] = uauth;
