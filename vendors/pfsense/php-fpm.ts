/**
 * The webConfigurator's lines (php-fpm), as Elastic's pfsense `php-fpm` pipeline reads them:
 * `/index.php: Successful login for user 'admin' from: 192.0.2.5 (Local Database)`,
 * `/index.php: User logged out for user 'admin' from: 192.0.2.5`,
 * `/index.php: webConfigurator authentication error for user 'admin' from: 192.0.2.5`.
 * Every php-fpm line is an authentication event; others (`/rc.start_packages: ...`) give only that.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { isIp } from '../../src/ecs/fields.js';
import { set2 } from '../../src/ecs/set-path.js';

const FOR_USER = " for user '";
const FROM = "' from: ";

export function parsePhpFpm(s: string, doc: EcsDoc): string | null {
  set2(doc, 'event', 'category', ['authentication']);
  const colon = s.indexOf(': ');
  if (colon < 0) return 'parse_php_fpm';
  const fu = s.indexOf(FOR_USER, colon + 2);
  if (fu < 0) return null;
  const from = s.indexOf(FROM, fu + FOR_USER.length);
  if (from < 0) return null;
  let action = s.slice(colon + 2, fu);
  if (action.startsWith('User ')) action = action.slice(5);
  else if (action.startsWith('webConfigurator ')) action = action.slice(16);
  set2(doc, 'user', 'name', s.slice(fu + FOR_USER.length, from));
  let end = s.indexOf(' ', from + FROM.length);
  if (end < 0) end = s.length;
  const ip = s.slice(from + FROM.length, end);
  if (isIp(ip)) { set2(doc, 'source', 'address', ip); set2(doc, 'source', 'ip', ip); }
  const lower = action.toLowerCase();
  if (lower.indexOf('success') >= 0) set2(doc, 'event', 'outcome', 'success');
  else if (lower.indexOf('authentication error') >= 0) set2(doc, 'event', 'outcome', 'failure');
  return null;
}
