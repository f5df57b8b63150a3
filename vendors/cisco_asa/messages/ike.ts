/**
 * IKEv1 (713xxx, with the `Group = g, Username = u, IP = a,` prefix the guide documents for ISAKMP
 * messages) and IKEv2 (750xxx, 751xxx, with `Local:a:p Remote:a:p Username:u`): the peer, the user,
 * the tunnel group and the text; 751025 also the addresses assigned to the session.
 */
import type { Handler, Work } from '../work.js';
import { put, vput } from '../work.js';
import { ikev1Prefix, ikev2Prefix, valueAfter } from './shapes.js';
import { table } from '../../../src/core/null-proto.js';

/** 713228 `... Assigned private IP address a to remote user`. */
function assigned(w: Work): boolean {
  ikev1Prefix(w);
  const r = String((w.doc.event as Record<string, unknown>).reason ?? '');
  const k = r.indexOf('IP address ');
  if (k >= 0) {
    const e = r.indexOf(' ', k + 11);
    vput(w, 'assigned_ip', r.slice(k + 11, e < 0 ? r.length : e));
  }
  return true;
}

/** 751025 `... Username:u IKEv2 Group:g IPv4 Address=a IPv6 address=b assigned to session`. */
function sessionAddress(w: Work): boolean {
  if (!ikev2Prefix(w)) return false;
  const s = w.msg;
  const g = valueAfter(s, 'Group:', 0, ' ');
  put(w, 'source.user.group.name', g?.v);
  const v4 = valueAfter(s, 'IPv4 Address=', 0, ' ');
  const v6 = valueAfter(s, 'IPv6 address=', 0, ' ') ?? valueAfter(s, 'IPv6 Address=', 0, ' ');
  if (v4 !== null && v4.v !== '0.0.0.0') vput(w, 'assigned_ip', v4.v);
  if (v6 !== null && v6.v !== '::') vput(w, 'assigned_ipv6', v6.v);
  return true;
}

/** The IKEv2 prefix where the message has it; the text alone for the few without one (750012, 751018). */
function ikev2(w: Work): boolean {
  if (!ikev2Prefix(w)) put(w, 'event.reason', w.msg);
  return true;
}

export const IKE = table<Handler>({ '713228': assigned, '751025': sessionAddress });
for (const id of ['713004', '713009', '713041', '713042', '713048', '713050', '713052', '713061', '713066', '713068',
  '713073', '713075', '713119', '713122', '713123', '713128', '713130', '713132', '713172', '713194', '713201', '713204',
  '713220', '713257', '713259', '713903', '715036', '715046', '715047', '715075']) {
  IKE[id] = ikev1Prefix;
}
for (let n = 750001; n <= 750022; n++) if (n !== 750002 && n !== 750003) IKE[String(n)] = ikev2;
for (let n = 751001; n <= 751028; n++) if (n !== 751025) IKE[String(n)] = ikev2;
