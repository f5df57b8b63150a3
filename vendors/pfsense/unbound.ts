/**
 * Unbound's log lines (`[pid:thread] level: text`). A query log line (`log-queries`, and the start
 * of a `log-replies` line) gives the client and the question, as Elastic's pfsense `unbound`
 * pipeline reads it: `info: 192.0.2.10 www.example.com. A IN`. Other lines (service notices,
 * errors) give their level and text; Elastic's pipeline drops them.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { appendUnique, isIp } from '../../src/ecs/fields.js';
import { setRegisteredDomain } from '../../src/ecs/domain.js';
import { set2 } from '../../src/ecs/set-path.js';

const LEVELS = new Set(['info', 'notice', 'warning', 'error', 'debug', 'fatal', 'query', 'reply']);

function isWord(t: string | undefined): t is string {
  if (t === undefined || t === '' || t.length > 16) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95)) return false;
  }
  return true;
}

/** `ip name. TYPE CLASS` from t[i]: true when it is one. */
function question(t: readonly string[], i: number, doc: EcsDoc): boolean {
  const ip = t[i], name = t[i + 1];
  if (!isIp(ip) || name === undefined || name.length < 2 || !name.endsWith('.') || !isWord(t[i + 2]) || !isWord(t[i + 3])) return false;
  set2(doc, 'source', 'address', ip);
  set2(doc, 'source', 'ip', ip);
  doc.client = { address: ip, ip };
  set2(doc, 'dns', 'type', 'question');
  const q: EcsDoc = {};
  const bare = name.slice(0, -1);
  setRegisteredDomain(q, bare);
  q.name = bare;
  q.type = t[i + 2];
  q.class = t[i + 3];
  set2(doc, 'dns', 'question', q);
  appendUnique(doc, 'event.type', 'connection');
  return true;
}

export function parseUnbound(s: string, doc: EcsDoc): string | null {
  let p = 0;
  // `[27421:0] ` thread prefix
  if (s.charCodeAt(0) === 91) {
    const close = s.indexOf('] ');
    if (close > 0 && close < 24) p = close + 2;
  }
  const colon = s.indexOf(': ', p);
  const level = colon > p ? s.slice(p, colon) : '';
  if (!LEVELS.has(level)) return 'unbound_log_level';
  set2(doc, 'log', 'level', level);
  set2(doc, 'event', 'category', ['network']);
  set2(doc, 'network', 'protocol', 'dns');
  question(s.slice(colon + 2).split(' ', 6), 0, doc);
  if (s.toLowerCase().indexOf('disconnected') >= 0) appendUnique(doc, 'event.type', 'end');
  return null;
}
