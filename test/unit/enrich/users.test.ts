import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserEnricher, loadUsers } from '../../../src/enrich/users.js';
import { dnDomain, normDn, rdnValue } from '../../../src/enrich/ldap-sync.js';

const YAML = `users:
  jdoe:
    full_name: Jane Doe
    email: jane.doe@example.com
    domain: example.com
    groups: [staff, vpn-users]
    aliases: [jane.doe@example.com]
  admin:
    full_name: Local Admin
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'users-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('names as devices write them', () => {
  const f = join(dir, 'users.yaml');
  writeFileSync(f, YAML);
  const d = loadUsers(f);
  for (const n of ['jdoe', 'JDOE', 'EXAMPLE\\jdoe', 'jdoe@example.com', 'jane.doe@example.com', 'Jane.Doe@Example.com']) expect(d.find(n)?.name).toBe('jdoe');
  expect(d.find('nobody')).toBeUndefined();
});

test('enricher fills user, source.user and destination.user; values from the event win', () => {
  const f = join(dir, 'users.yaml');
  writeFileSync(f, YAML);
  const e = UserEnricher.open({ file: f, watch: false });
  const doc: Record<string, any> = {
    user: { name: 'jdoe' },
    source: { ip: '10.0.0.1', user: { name: 'CORP\\JDoe', domain: 'CORP' } },
    destination: { user: { name: 'admin' } },
    client: { user: { name: 'stranger' } },
  };
  e.enrich(doc);
  expect(doc.user).toEqual({ name: 'jdoe', full_name: 'Jane Doe', email: 'jane.doe@example.com', domain: 'example.com', group: { name: ['staff', 'vpn-users'] } });
  expect(doc.source.user).toEqual({ name: 'CORP\\JDoe', domain: 'CORP', full_name: 'Jane Doe', email: 'jane.doe@example.com', group: { name: ['staff', 'vpn-users'] } });
  expect(doc.destination.user).toEqual({ name: 'admin', full_name: 'Local Admin' });
  expect(doc.client.user).toEqual({ name: 'stranger' });
  // the entry's group object is shared by the documents of the user, frozen
  expect(doc.source.user.group).toBe(doc.user.group);
  expect(() => doc.user.group.name.push('x')).toThrow(TypeError);
  const d2: Record<string, any> = { user: { name: 'jdoe' } };
  e.enrich(d2);
  expect(d2.user.group.name).toEqual(['staff', 'vpn-users']);
});

test('a broken dictionary fails at start with COL_ERR_LDAP and is refused on reload', () => {
  const f = join(dir, 'users.yaml');
  writeFileSync(f, 'users: [a, b]\n');
  expect(() => loadUsers(f)).toThrow(/must map user names/);
  writeFileSync(f, YAML);
  const logs: string[] = [];
  const e = UserEnricher.open({ file: f, watch: false, log: (_l, m) => logs.push(m) });
  writeFileSync(f, 'users: {\n');
  expect(e.reload()).toBe(false);
  expect(logs[0]).toMatch(/keeping the previous user dictionary/);
  expect(e.directory.find('jdoe')?.full_name).toBe('Jane Doe');
  expect([e.reloads, e.rejected]).toEqual([0, 1]);
  // a good file again: loaded, and events see it
  writeFileSync(f, YAML.replace('Jane Doe', 'Jane Q. Doe'));
  expect(e.reload()).toBe(true);
  expect([e.reloads, e.rejected]).toEqual([1, 1]);
  expect(logs[1]).toBe(`user dictionary ${f} loaded: 2 users`);
  const doc: Record<string, any> = { user: { name: 'jdoe' } };
  e.enrich(doc);
  expect(doc.user.full_name).toBe('Jane Q. Doe');
});

test('DN helpers', () => {
  expect(rdnValue('cn=VPN Users,ou=groups,dc=example,dc=com')).toBe('VPN Users');
  expect(rdnValue('CN=Smith\\, John,OU=People,DC=corp,DC=local')).toBe('Smith, John');
  expect(dnDomain('uid=a,ou=people,dc=Example,dc=com')).toBe('example.com');
  expect(dnDomain('cn=a,o=org')).toBeUndefined();
  expect(normDn('uid=A, ou=People,DC=example, dc=com')).toBe('uid=a,ou=people,dc=example,dc=com');
});
