/**
 * OpenSSH server lines of the box, as Elastic's pfsense `sshd` pipeline reads them (first form
 * that fits): `Accepted|Failed method[/mechanism] for [invalid user ]user from ip port n [ssh2[: key]]`,
 * `Disconnected from user u ip port n`, `Connection closed by authenticating user u ip port n [preauth]`,
 * `fatal: Timeout before authentication for ip port n`, `Invalid user u from ip port n`,
 * `Received disconnect from ip port n[:code]: reason`, `error: mech: Authentication error for u from ip`.
 * The action and outcome come from words of the text, as the pipeline's script decides them.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { isIp, toInt } from '../../src/ecs/fields.js';
import { set2 } from '../../src/ecs/set-path.js';

function source(doc: EcsDoc, ip: string | undefined, port: string | undefined): boolean {
  if (!isIp(ip)) return false;
  set2(doc, 'source', 'ip', ip);
  const p = toInt(port?.endsWith(':') ? port.slice(0, -1) : port);
  if (p !== undefined) set2(doc, 'source', 'port', p);
  return true;
}

/** `Accepted password for root from 192.0.2.1 port 50022 ssh2[: RSA SHA256:...]` */
function authResult(t: readonly string[], s: string, doc: EcsDoc): boolean {
  const f = t.indexOf('for');
  if (f < 1 || f > 2) return false;
  let u = f + 1;
  if ((t[u] === 'invalid' || t[u] === 'illegal') && t[u + 1] === 'user') u += 2;
  if (t[u + 1] !== 'from' || t[u + 3] !== 'port' || !source(doc, t[u + 2], t[u + 4])) return false;
  set2(doc, 'sshd', 'event_status', t[0]);
  if (f === 2) {
    const m = t[1]!, slash = m.indexOf('/');
    set2(doc, 'authentication', 'method', slash < 0 ? m : m.slice(0, slash));
    if (slash >= 0) set2(doc, 'authentication', 'mechanism', m.slice(slash + 1));
  }
  set2(doc, 'user', 'name', t[u]);
  const key = s.indexOf(' ssh2: ');
  if (key > 0) set2(doc, 'ssh', 'key', s.slice(key + 7));
  return true;
}

/** `user` then the address and port at the given token positions. */
function userFrom(t: readonly string[], doc: EcsDoc, user: number, ip: number, port: number): boolean {
  set2(doc, 'user', 'name', t[user]);
  return source(doc, t[ip], t[port]);
}

/** The forms that name a user and an address after fixed words. */
function userAt(t: readonly string[], doc: EcsDoc): boolean {
  if (t[0] === 'Disconnected' && t[1] === 'from' && t[2] === 'user') return userFrom(t, doc, 3, 4, 6);
  if (t[0] === 'Connection' && t[3] === 'authenticating' && t[4] === 'user') return userFrom(t, doc, 5, 6, 8);
  if (t[0] === 'Invalid' && t[1] === 'user' && t[3] === 'from') return userFrom(t, doc, 2, 4, 6);
  if (t[0] === 'fatal:' && t[1] === 'Timeout') return source(doc, t[5], t[7]);
  return false;
}

function disconnect(t: readonly string[], s: string, doc: EcsDoc): boolean {
  if (t[0] !== 'Received' || t[1] !== 'disconnect' || !source(doc, t[3], t[5]?.split(':')[0])) return false;
  const code = t[5]!.split(':')[1];
  if (code !== undefined && code !== '') set2(doc, 'sshd', 'disconnect_code', code);
  const colon = s.indexOf(': ');
  if (colon > 0) set2(doc, 'sshd', 'disconnect_reason', s.slice(colon + 2));
  return true;
}

/** `error: PAM: Authentication error for admin from 192.0.2.1` */
function pamError(t: readonly string[], doc: EcsDoc): boolean {
  if (t[0] !== 'error:' || t[2] !== 'Authentication' || t[5] !== 'from') return false;
  set2(doc, 'authentication', 'mechanism', t[1]!.replace(/:$/, ''));
  set2(doc, 'user', 'name', t[4]);
  return source(doc, t[6], undefined);
}

const ACTIONS: readonly (readonly [string, string, string | undefined])[] = [
  ['accepted', 'ssh_login_success', 'success'],
  ['failed', 'ssh_login_failed', 'failure'],
  ['authentication error', 'ssh_login_failed', 'failure'],
  ['disconnected', 'ssh_disconnect', undefined],
  ['connection closed', 'ssh_connection_closed', undefined],
  ['timeout', 'ssh_timeout', 'failure'],
  ['invalid user', 'ssh_invalid_user', 'failure'],
  ['illegal user', 'ssh_invalid_user', 'failure'],
  ['error trying to bind as user', 'ssh_ldap_bind_failed', 'failure'],
];

export function parseSshd(s: string, doc: EcsDoc): string | null {
  const t = s.split(' ', 16);
  if (!authResult(t, s, doc) && !userAt(t, doc) && !disconnect(t, s, doc)) pamError(t, doc);
  set2(doc, 'event', 'category', ['authentication']);
  set2(doc, 'event', 'type', ['start']);
  const lower = s.toLowerCase();
  const hit = ACTIONS.find((a) => lower.indexOf(a[0]) >= 0);
  set2(doc, 'event', 'action', hit === undefined ? 'ssh_unclassified' : hit[1]);
  set2(doc, 'event', 'outcome', hit?.[2]);
  return null;
}
