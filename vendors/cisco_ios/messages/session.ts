/**
 * Logins, logouts and configuration changes:
 *   %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: bob] [Source: 10.0.0.5] [localport: 22] at ...
 *   %SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: bob] [Source: 10.0.0.5] [localport: 22] [Reason: ...] at ...
 *   %SYS-6-LOGOUT: User bob has exited tty session 5(10.0.0.5)
 *   %SYS-5-CONFIG_I: Configured from console by bob on vty0 (10.0.0.5)
 * LOGIN_SUCCESS and LOGOUT follow Elastic's pipeline; the others add the same fields the same way.
 */
import type { EcsDoc } from '../../../src/core/types.js';
import { isIp, setField } from '../../../src/ecs/fields.js';
import { compileDissect, runDissect } from '../../../src/ecs/dissect.js';

/** Value of a `[Name: value]` item, or undefined. */
function bracket(text: string, name: string): string | undefined {
  const key = '[' + name + ': ';
  const i = text.indexOf(key);
  if (i < 0) return undefined;
  const a = i + key.length;
  const b = text.indexOf(']', a);
  if (b < 0) return undefined;
  return text.slice(a, b);
}

/** SEC_LOGIN messages: user, source, local port, reason. */
export function parseLogin(code: string, text: string, doc: EcsDoc): string | null {
  const u = text.indexOf(' [user: ');
  if (u < 0) return code === 'LOGIN_SUCCESS' ? 'parse_login_success' : null;
  // Elastic: `%{DATA:cisco.ios.action} %{WORD} [user: ...`: the words before the last one
  const lastSpace = text.lastIndexOf(' ', u - 1);
  if (lastSpace > 0) setField(doc, 'cisco.ios.action', text.slice(0, lastSpace));
  setField(doc, 'source.user.name', bracket(text, 'user'));
  setField(doc, 'source.address', bracket(text, 'Source'));
  const port = bracket(text, 'localport');
  if (port !== undefined && /^\d{1,5}$/.test(port)) setField(doc, 'destination.port', port);
  if (code === 'LOGIN_SUCCESS') setField(doc, 'event.outcome', 'success');
  else if (code === 'LOGIN_FAILED' || code === 'QUIET_MODE_ON') {
    setField(doc, 'event.outcome', 'failure');
    setField(doc, 'event.reason', bracket(text, 'Reason'));
  }
  return null;
}

const LOGOUT = compileDissect('User %{user} has %{action} %{stype} session %{snum}(%{saddr})');

export function parseLogout(text: string, doc: EcsDoc): string | null {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  if (!runDissect(LOGOUT, text, 0, out)) return 'parse_logout';
  setField(doc, 'source.user.name', out.user);
  setField(doc, 'cisco.ios.action', out.action);
  setField(doc, 'cisco.ios.session.type', out.stype);
  setField(doc, 'cisco.ios.session.number', out.snum);
  setField(doc, 'source.address', out.saddr);
  return null;
}

/** `Configured from <what> by <who> [on <line>] [(<ip>)]`. */
export function parseConfig(text: string, doc: EcsDoc): string | null {
  if (!text.startsWith('Configured from ')) return null;
  const by = text.indexOf(' by ', 16);
  if (by < 0) return null;
  setField(doc, 'cisco.ios.config.source', text.slice(16, by));
  let rest = text.slice(by + 4);
  const paren = rest.lastIndexOf(' (');
  if (paren >= 0 && rest.endsWith(')')) {
    const ip = rest.slice(paren + 2, rest.length - 1);
    if (isIp(ip)) setField(doc, 'source.address', ip);
    rest = rest.slice(0, paren);
  }
  const on = rest.indexOf(' on ');
  if (on > 0) {
    setField(doc, 'source.user.name', rest.slice(0, on));
    setField(doc, 'cisco.ios.session.type', rest.slice(on + 4));
  } else if (rest !== '' && rest.indexOf(' ') < 0 && rest !== 'console') {
    setField(doc, 'cisco.ios.session.type', rest);
  } else if (rest === 'console') {
    setField(doc, 'cisco.ios.session.type', 'console');
  }
  return null;
}
