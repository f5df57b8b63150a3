/**
 * directory-sync against a real OpenLDAP (Debian `slapd`, see .ci/apt-packages.txt): the test starts
 * slapd on a loopback port with a throw-away configuration and database, loads a few people and
 * groups with ldapadd, syncs them to users.yaml and enriches events with the result.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { directorySyncCommand } from '../../src/cli/directory-sync-command.js';
import { UserEnricher } from '../../src/enrich/users.js';
import { CollectorError } from '../../src/core/errors.js';

const SLAPD = ['/usr/sbin/slapd', '/usr/local/sbin/slapd'].find((p) => existsSync(p)) ?? 'slapd';
const BASE = 'dc=example,dc=com';
const ADMIN = `cn=admin,${BASE}`;
const PASSWORD = 'test-secret';

const LDIF = `dn: ${BASE}
objectClass: dcObject
objectClass: organization
o: Example
dc: example

dn: ou=people,${BASE}
objectClass: organizationalUnit
ou: people

dn: ou=groups,${BASE}
objectClass: organizationalUnit
ou: groups

dn: uid=jdoe,ou=people,${BASE}
objectClass: inetOrgPerson
uid: jdoe
cn: Jane Doe
displayName: Jane Q. Doe
sn: Doe
givenName: Jane
mail: jane.doe@example.com

dn: uid=rsmith,ou=people,${BASE}
objectClass: inetOrgPerson
uid: rsmith
cn: Robert Smith
sn: Smith
mail: rsmith@example.com

dn: uid=nomail,ou=people,${BASE}
objectClass: inetOrgPerson
uid: nomail
cn: No Mail
sn: Mail

dn: cn=svc-backup,ou=people,${BASE}
objectClass: organizationalRole
cn: svc-backup

dn: cn=vpn-users,ou=groups,${BASE}
objectClass: groupOfNames
cn: vpn-users
member: uid=jdoe,ou=people,${BASE}
member: uid=rsmith,ou=people,${BASE}

dn: cn=fw-admins,ou=groups,${BASE}
objectClass: groupOfNames
cn: fw-admins
member: uid=jdoe,ou=people,${BASE}

dn: cn=unix-staff,ou=groups,${BASE}
objectClass: posixGroup
cn: unix-staff
gidNumber: 5000
memberUid: rsmith
`;

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

let work: string;
let slapd: ChildProcess | null = null;
let url: string;
let stderr = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'slapd-'));
  mkdirSync(join(work, 'db'));
  const conf = join(work, 'slapd.conf');
  writeFileSync(
    conf,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/nis.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      `pidfile ${join(work, 'slapd.pid')}`,
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      'database mdb',
      `suffix "${BASE}"`,
      `rootdn "${ADMIN}"`,
      `rootpw ${PASSWORD}`,
      `directory ${join(work, 'db')}`,
      'maxsize 10485760',
      // people may be read only after a bind
      'access to * by dn.exact="' + ADMIN + '" write by users read by anonymous auth',
      '',
    ].join('\n'),
  );
  const port = await freePort();
  url = `ldap://127.0.0.1:${port}`;
  slapd = spawn(SLAPD, ['-f', conf, '-h', `${url}/`, '-d', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  slapd.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const spawnError = new Promise<never>((_r, rej) => slapd!.once('error', (e) => rej(new Error(`cannot start ${SLAPD} (apt-get install slapd ldap-utils): ${e.message}`))));
  const ready = (async () => {
    const end = Date.now() + 20_000;
    for (;;) {
      const r = spawnSync('ldapsearch', ['-x', '-H', url, '-D', ADMIN, '-w', PASSWORD, '-b', '', '-s', 'base', 'namingContexts'], { encoding: 'utf8' });
      if (r.status === 0) return;
      if (r.error) throw new Error(`ldapsearch: ${r.error.message} (apt-get install ldap-utils)`);
      if (Date.now() > end || slapd!.exitCode !== null) throw new Error(`slapd did not come up: ${stderr}`);
      await new Promise((res) => setTimeout(res, 100));
    }
  })();
  await Promise.race([ready, spawnError]);
  const add = spawnSync('ldapadd', ['-x', '-H', url, '-D', ADMIN, '-w', PASSWORD], { input: LDIF, encoding: 'utf8' });
  if (add.status !== 0) throw new Error(`ldapadd failed: ${add.stderr}`);
}, 40_000);

afterAll(async () => {
  if (slapd && slapd.exitCode === null) {
    const exited = new Promise((r) => slapd!.once('exit', r));
    slapd.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
    clearTimeout(timer);
    if (slapd.exitCode === null) slapd.kill('SIGKILL');
  }
  rmSync(work, { recursive: true, force: true });
});

function pwFile(pw: string): string {
  const f = join(work, 'bind.pw');
  writeFileSync(f, pw + '\n', { mode: 0o600 });
  return f;
}

test('directory-sync writes people with names, mail, domain and groups; the enricher uses them', async () => {
  const out = join(work, 'users.yaml');
  const code = await directorySyncCommand(['--url', url, '--base', BASE, '--bind-dn', ADMIN, '--bind-password-file', pwFile(PASSWORD), '--out', out]);
  expect(code).toBe(0);
  const text = readFileSync(out, 'utf8');
  expect(text.startsWith('# user dictionary for syslog-ecs')).toBe(true);
  const y = parseYaml(text) as { users: Record<string, unknown> };
  expect(Object.keys(y.users).sort()).toEqual(['jdoe', 'nomail', 'rsmith']);
  expect(y.users.jdoe).toEqual({
    full_name: 'Jane Q. Doe',
    email: 'jane.doe@example.com',
    domain: 'example.com',
    groups: ['fw-admins', 'vpn-users'],
    aliases: ['jane.doe@example.com'],
  });
  expect(y.users.rsmith).toMatchObject({ full_name: 'Robert Smith', groups: ['unix-staff', 'vpn-users'] });
  expect(y.users.nomail).toEqual({ full_name: 'No Mail', domain: 'example.com' });

  const e = UserEnricher.open({ file: out, watch: false });
  const vpnLogin: Record<string, any> = { event: { action: 'vpn-login' }, user: { name: 'JDOE' }, source: { ip: '81.2.69.142', user: { name: 'EXAMPLE\\rsmith' } } };
  e.enrich(vpnLogin);
  expect(vpnLogin.user).toEqual({ name: 'JDOE', full_name: 'Jane Q. Doe', email: 'jane.doe@example.com', domain: 'example.com', group: { name: ['fw-admins', 'vpn-users'] } });
  expect(vpnLogin.source.user).toMatchObject({ full_name: 'Robert Smith', email: 'rsmith@example.com', group: { name: ['unix-staff', 'vpn-users'] } });
});

test('--filter and --domain', async () => {
  const out = join(work, 'staff.yaml');
  await directorySyncCommand(['--url', url, '--base', `ou=people,${BASE}`, '--bind-dn', ADMIN, '--bind-password-file', pwFile(PASSWORD), '--filter', '(&(objectClass=inetOrgPerson)(mail=*))', '--group-base', `ou=groups,${BASE}`, '--domain', 'EXAMPLE', '--out', out]);
  const y = parseYaml(readFileSync(out, 'utf8')) as { users: Record<string, { domain?: string }> };
  expect(Object.keys(y.users).sort()).toEqual(['jdoe', 'rsmith']);
  expect(y.users.jdoe!.domain).toBe('EXAMPLE');
});

test('a wrong password, an anonymous read and an unreachable server are COL_ERR_LDAP errors', async () => {
  const out = join(work, 'never.yaml');
  await expect(directorySyncCommand(['--url', url, '--base', BASE, '--bind-dn', ADMIN, '--bind-password-file', pwFile('wrong'), '--out', out])).rejects.toMatchObject({
    code: 'COL_ERR_LDAP',
    message: expect.stringMatching(/bind as cn=admin,dc=example,dc=com failed/),
  });
  // anonymous: the ACL lets it read nothing
  await expect(directorySyncCommand(['--url', url, '--base', BASE, '--out', out])).rejects.toMatchObject({
    code: 'COL_ERR_LDAP',
    message: expect.stringMatching(/search of dc=example,dc=com failed .*InsufficientAccess/),
  });
  // a filter that matches nobody leaves the file alone unless --allow-empty
  const args = ['--url', url, '--base', BASE, '--bind-dn', ADMIN, '--bind-password-file', pwFile(PASSWORD), '--filter', '(uid=nobody)', '--out', out];
  await expect(directorySyncCommand(args)).rejects.toMatchObject({ code: 'COL_ERR_LDAP', message: expect.stringMatching(/no person entries/) });
  expect(existsSync(out)).toBe(false);
  expect(await directorySyncCommand([...args, '--allow-empty'])).toBe(0);
  expect((parseYaml(readFileSync(out, 'utf8')) as { users: Record<string, unknown> }).users).toEqual({});
  const closed = await freePort();
  const err = await directorySyncCommand(['--url', `ldap://127.0.0.1:${closed}`, '--base', BASE, '--timeout', '3', '--out', out]).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(CollectorError);
  expect((err as CollectorError).code).toBe('COL_ERR_LDAP');
});
