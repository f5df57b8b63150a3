/**
 * `syslog-ecs directory-sync --url ldap://HOST:PORT --base DN [--bind-dn DN --bind-password-file FILE]
 *   [--filter F] [--group-base DN] [--group-filter F] [--domain NAME] [--starttls] [--ca-file PEM]
 *   [--timeout SECONDS] [--allow-empty] --out users.yaml`
 * Reads people (and their groups) from LDAP / Active Directory into the user dictionary that
 * `enrich.users.file` points to; run it from cron or a timer, the collector reloads the file.
 * A search that finds nobody (a wrong base or filter, an ACL) leaves the file as it was unless
 * --allow-empty. The bind password can also come from SYSLOG_ECS_LDAP_PASSWORD.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CollectorError, UsageError } from '../core/errors.js';
import { readDirectory, writeUsersFile } from '../enrich/ldap-sync.js';

export async function directorySyncCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      base: { type: 'string' },
      'bind-dn': { type: 'string' },
      'bind-password-file': { type: 'string' },
      filter: { type: 'string' },
      'group-base': { type: 'string' },
      'group-filter': { type: 'string' },
      domain: { type: 'string' },
      starttls: { type: 'boolean', default: false },
      'ca-file': { type: 'string' },
      timeout: { type: 'string', default: '30' },
      out: { type: 'string' },
      'allow-empty': { type: 'boolean', default: false },
    },
  });
  if (positionals.length > 0) throw new UsageError(`directory-sync: unexpected argument "${positionals[0]}"`);
  const url = values.url;
  if (!url || !/^ldaps?:\/\//i.test(url)) throw new UsageError('directory-sync: --url ldap://HOST[:PORT] or ldaps://HOST[:PORT] is required');
  if (!values.base) throw new UsageError('directory-sync: --base DN is required');
  if (!values.out) throw new UsageError('directory-sync: --out FILE is required');
  const timeout = Number(values.timeout);
  if (!(timeout > 0)) throw new UsageError('--timeout must be a positive number of seconds');
  let password: string | undefined;
  if (values['bind-password-file'] !== undefined) {
    if (!values['bind-dn']) throw new UsageError('--bind-password-file needs --bind-dn');
    try {
      password = readFileSync(values['bind-password-file'], 'utf8').replace(/\r?\n$/, '');
    } catch (e) {
      throw new CollectorError('COL_ERR_LDAP', `--bind-password-file ${values['bind-password-file']}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  } else if (values['bind-dn'] && process.env.SYSLOG_ECS_LDAP_PASSWORD !== undefined) {
    password = process.env.SYSLOG_ECS_LDAP_PASSWORD;
  }
  const { users, groups } = await readDirectory({
    url,
    base: values.base,
    bindDn: values['bind-dn'],
    bindPassword: password,
    filter: values.filter,
    groupBase: values['group-base'],
    groupFilter: values['group-filter'],
    domain: values.domain,
    startTls: values.starttls,
    caFile: values['ca-file'],
    timeoutMs: timeout * 1000,
  });
  if (users.length === 0 && !values['allow-empty']) {
    throw new CollectorError('COL_ERR_LDAP', `no person entries under ${values.base} (filter ${values.filter ?? 'default'}); ${values.out} left as it was (--allow-empty writes an empty dictionary)`);
  }
  try {
    writeUsersFile(values.out, users, `${url} ${values.base}`);
  } catch (e) {
    throw new CollectorError('COL_ERR_LDAP', `cannot write ${values.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  process.stderr.write(`directory-sync: ${users.length} users (${groups} groups read) written to ${values.out}\n`);
  return 0;
}
