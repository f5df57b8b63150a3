/**
 * Logs whose message speaks of a login (`Administrator admin logged in successfully from
 * https(10.0.0.1)`, `Login from ssh: Failed for bob from 10.0.0.1 port 22`...): authentication
 * category, user, roles and outcome, as Elastic's login sub-pipeline reads them.
 */
import type { EcsDoc } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { appendUnique, getField, isIp, setField, toInt } from '../../src/ecs/fields.js';
import { append, drop } from '../../src/ecs/kv-ops.js';

const REMOVE = ['adminprof', 'userfrom', 'remote_ip', 'remote_port', 'ui', 'status'];

export function isLoginMessage(m: string): boolean {
  const l = m.toLowerCase();
  return l.includes('login') || l.includes('logged in');
}

function setOutcome(doc: EcsDoc, word: string): void {
  const w = word.toLowerCase();
  if (w.startsWith('fail')) setField(doc, 'event.outcome', 'failure');
  else if (w.startsWith('success')) setField(doc, 'event.outcome', 'success');
  else setField(doc, 'event.outcome', word);
}

/** `<role> <user> <verb...> <outcome> from <ui>(<ip>)`: the pieces, or null. */
function adminLine(m: string, verb: string): { role: string; user: string; outcome: string; ip: string; after: string } | null {
  const s1 = m.indexOf(' ');
  if (s1 <= 0) return null;
  const s2 = m.indexOf(' ', s1 + 1);
  if (s2 <= s1 + 1) return null;
  if (!m.startsWith(verb, s2 + 1)) return null;
  const o = s2 + 1 + verb.length;
  const from = m.indexOf(' from ', o);
  if (from < 0) return null;
  const open = m.indexOf('(', from + 6);
  if (open < 0) return null;
  const close = m.indexOf(')', open + 1);
  if (close < 0) return null;
  return {
    role: m.slice(0, s1), user: m.slice(s1 + 1, s2), outcome: m.slice(o, from),
    ip: m.slice(open + 1, close), after: m.slice(close + 1),
  };
}

/** User, source and outcome from the login message; the admin's role when the message names one. */
function readMessage(doc: EcsDoc, fw: KvMap, m: string): string | undefined {
  const desc = fw.desc;
  if (m.startsWith('user') && desc !== undefined && desc.startsWith('User login/logout ')) {
    setOutcome(doc, desc.slice(18));
  }
  if (m.startsWith('Login from ssh: ')) {
    // Login from ssh: <outcome> for <user> from <ip> port <port>
    const f = m.indexOf(' for ', 16);
    const fr = f < 0 ? -1 : m.indexOf(' from ', f + 5);
    const pt = fr < 0 ? -1 : m.indexOf(' port ', fr + 6);
    if (pt > 0) {
      setOutcome(doc, m.slice(16, f));
      setField(doc, 'user.name', m.slice(f + 5, fr));
      setField(doc, 'source.ip', m.slice(fr + 6, pt));
      const port = toInt(m.slice(pt + 6));
      if (port !== undefined) setField(doc, 'source.port', port);
    }
    return undefined;
  }
  if (!m.startsWith('Administrator')) return undefined;
  const logged = m.toLowerCase().includes('logged in');
  const p = adminLine(m, logged ? 'logged in ' : 'login ');
  if (p === null || !(logged || p.after.startsWith(' '))) return undefined;
  setField(doc, 'user.name', p.user);
  setOutcome(doc, p.outcome);
  if (isIp(p.ip)) setField(doc, 'source.ip', p.ip);
  return p.role;
}

export function mapLogin(doc: EcsDoc, fw: KvMap): void {
  setField(doc, 'event.kind', 'event');
  if (getField(doc, 'event.action') === undefined) setField(doc, 'event.action', 'login');
  appendUnique(doc, 'event.category', 'authentication');
  const srcUser = getField(doc, 'source.user.name');
  if (typeof srcUser === 'string') setField(doc, 'user.name', srcUser);
  const prof = fw.adminprof;
  if (prof !== undefined && prof !== '') {
    append(doc, 'user.roles', prof);
    append(doc, 'source.user.roles', prof);
  }
  const from = fw.userfrom;
  if (from !== undefined && from.startsWith('JSON(') && from.endsWith(')')) setField(doc, 'source.ip', from.slice(5, -1));
  const m = doc.message;
  const role = typeof m === 'string' ? readMessage(doc, fw, m) : undefined;
  const logId = fw.log_id;
  if (logId !== undefined) {
    delete fw.log_id;
    setField(doc, 'event.id', logId);
  }
  const pri = fw.pri;
  if (pri !== undefined) {
    delete fw.pri;
    setField(doc, 'log.level', pri);
  }
  const devId = fw.device_id;
  if (devId !== undefined) {
    delete fw.device_id;
    setField(doc, 'observer.serial_number', devId);
  }
  if (role !== undefined) {
    append(doc, 'user.roles', role, false);
    append(doc, 'source.user.roles', role, false);
  }
  drop(fw, REMOVE);
}
