/**
 * Reads person entries from LDAP or Active Directory into the user dictionary (see users.ts):
 * name (sAMAccountName, else uid), full name (displayName, else cn, else givenName sn), mail,
 * domain (given, else the DN's dc= parts) and groups (the cn of memberOf values, and of the groups
 * under the base listing the person as member / uniqueMember / memberUid). Paged searches, so
 * directories with server-side size limits (AD's 1000) are read whole.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Client, type Entry } from 'ldapts';
import { stringify } from 'yaml';
import { CollectorError } from '../core/errors.js';
import type { DirectoryUser } from './users.js';

export const DEFAULT_USER_FILTER = '(|(objectClass=inetOrgPerson)(&(objectCategory=person)(objectClass=user)))';
export const DEFAULT_GROUP_FILTER = '(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=posixGroup)(objectClass=group))';

export interface DirectorySyncOptions {
  url: string;
  base: string;
  bindDn?: string;
  bindPassword?: string;
  filter?: string;
  groupBase?: string;
  groupFilter?: string;
  /** user.domain for every user; default: from each entry's DN (dc=example,dc=com -> example.com) */
  domain?: string;
  startTls?: boolean;
  caFile?: string;
  timeoutMs?: number;
  pageSize?: number;
}

function first(v: Entry[string] | undefined): string | undefined {
  if (v === undefined) return undefined;
  const x = Array.isArray(v) ? v[0] : v;
  if (x === undefined) return undefined;
  const s = Buffer.isBuffer(x) ? x.toString('utf8') : String(x);
  return s.trim() === '' ? undefined : s.trim();
}

function all(v: Entry[string] | undefined): string[] {
  if (v === undefined) return [];
  const a = Array.isArray(v) ? v : [v];
  return a.map((x) => (Buffer.isBuffer(x) ? x.toString('utf8') : String(x)).trim()).filter((s) => s !== '');
}

/** Lower-case, no spaces around separators: a DN as a comparable key. */
export function normDn(dn: string): string {
  return dn
    .split(/(?<!\\),/)
    .map((rdn) => rdn.split('=').map((p) => p.trim()).join('='))
    .join(',')
    .toLowerCase();
}

/** The value of the first RDN of a DN (`cn=VPN Users,ou=groups,...` -> `VPN Users`). */
export function rdnValue(dn: string): string {
  const firstRdn = dn.split(/(?<!\\),/)[0] ?? dn;
  const eq = firstRdn.indexOf('=');
  return (eq < 0 ? firstRdn : firstRdn.slice(eq + 1)).trim().replace(/\\(.)/g, '$1');
}

/** `uid=a,ou=people,dc=example,dc=com` -> `example.com`; undefined without dc= parts. */
export function dnDomain(dn: string): string | undefined {
  const dcs = dn
    .split(/(?<!\\),/)
    .map((r) => r.trim())
    .filter((r) => /^dc=/i.test(r))
    .map((r) => r.slice(3).trim());
  return dcs.length > 0 ? dcs.join('.').toLowerCase() : undefined;
}

export async function readDirectory(o: DirectorySyncOptions): Promise<{ users: DirectoryUser[]; groups: number }> {
  const tlsOptions = o.caFile ? { ca: [readFileSync(o.caFile)] } : undefined;
  const client = new Client({ url: o.url, timeout: o.timeoutMs ?? 30_000, connectTimeout: o.timeoutMs ?? 10_000, tlsOptions, strictDN: false });
  const fail = (what: string, e: unknown): never => {
    const err = e as Error & { code?: unknown };
    const msg = (err.message ?? '').trim();
    const name = err.name && err.name !== 'Error' ? err.name : '';
    const why = [name, msg].filter((x) => x !== '').join(': ') || String(err.code ?? e);
    throw new CollectorError('COL_ERR_LDAP', `${what} (${o.url}): ${why}`, { cause: e });
  };
  try {
    if (o.startTls) await client.startTLS(tlsOptions ?? {}).catch((e) => fail('StartTLS failed', e));
    if (o.bindDn) await client.bind(o.bindDn, o.bindPassword ?? '').catch((e) => fail(`bind as ${o.bindDn} failed`, e));
    const paged = { pageSize: o.pageSize ?? 500 };
    const people = await client
      .search(o.base, {
        scope: 'sub',
        filter: o.filter ?? DEFAULT_USER_FILTER,
        attributes: ['uid', 'sAMAccountName', 'userPrincipalName', 'cn', 'displayName', 'givenName', 'sn', 'mail', 'memberOf'],
        paged,
      })
      .catch((e) => fail(`search of ${o.base} failed`, e));
    const groups = await client
      .search(o.groupBase ?? o.base, {
        scope: 'sub',
        filter: o.groupFilter ?? DEFAULT_GROUP_FILTER,
        attributes: ['cn', 'member', 'uniqueMember', 'memberUid'],
        paged,
      })
      .catch((e) => fail(`group search of ${o.groupBase ?? o.base} failed`, e));

    const byDn = new Map<string, Set<string>>();
    const byUid = new Map<string, Set<string>>();
    const add = (m: Map<string, Set<string>>, k: string, g: string): void => {
      let s = m.get(k);
      if (!s) m.set(k, (s = new Set()));
      s.add(g);
    };
    for (const g of groups.searchEntries) {
      const name = first(g.cn) ?? rdnValue(g.dn);
      for (const m of [...all(g.member), ...all(g.uniqueMember)]) add(byDn, normDn(m), name);
      for (const m of all(g.memberUid)) add(byUid, m.toLowerCase(), name);
    }

    const users: DirectoryUser[] = [];
    const seen = new Set<string>();
    for (const e of people.searchEntries) {
      const sam = first(e.sAMAccountName);
      const uid = first(e.uid);
      const name = sam ?? uid;
      if (name === undefined || seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      const u: DirectoryUser = { name };
      const given = first(e.givenName);
      const sn = first(e.sn);
      const full = first(e.displayName) ?? first(e.cn) ?? ([given, sn].filter(Boolean).join(' ') || undefined);
      if (full !== undefined) u.full_name = full;
      const mail = first(e.mail);
      if (mail !== undefined) u.email = mail;
      const domain = o.domain ?? dnDomain(e.dn);
      if (domain !== undefined) u.domain = domain;
      const gs = new Set<string>();
      for (const dn of all(e.memberOf)) gs.add(rdnValue(dn));
      for (const g of byDn.get(normDn(e.dn)) ?? []) gs.add(g);
      for (const g of byUid.get(name.toLowerCase()) ?? []) gs.add(g);
      if (uid !== undefined && uid !== name) for (const g of byUid.get(uid.toLowerCase()) ?? []) gs.add(g);
      if (gs.size > 0) u.groups = [...gs].sort((a, b) => a.localeCompare(b));
      const aliases = new Set<string>();
      for (const a of [mail, first(e.userPrincipalName), uid]) if (a !== undefined && a.toLowerCase() !== name.toLowerCase()) aliases.add(a);
      if (aliases.size > 0) u.aliases = [...aliases];
      users.push(u);
    }
    users.sort((a, b) => a.name.localeCompare(b.name));
    return { users, groups: groups.searchEntries.length };
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

/** Writes the dictionary atomically (temporary file, then rename), so a watcher never sees half a file. */
export function writeUsersFile(path: string, users: DirectoryUser[], source: string): void {
  const dict: Record<string, Omit<DirectoryUser, 'name'>> = {};
  for (const u of users) {
    const { name, ...rest } = u;
    dict[name] = rest;
  }
  const text =
    `# user dictionary for syslog-ecs (enrich.users.file), written by syslog-ecs directory-sync\n` +
    `# from ${source} at ${new Date().toISOString()}; ${users.length} users\n` +
    stringify({ users: dict }, { lineWidth: 0 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o640 });
  renameSync(tmp, path);
}
