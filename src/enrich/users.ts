/**
 * Users from the directory: the YAML dictionary `syslog-ecs directory-sync` writes, and the enricher
 * that completes events naming a user. For `user`, `source.user`, `destination.user`, `client.user`
 * and `server.user` with a `name`, it adds (when absent) `full_name`, `email`, `domain` and
 * `group.name` (array of group names). Names match case-insensitively, also as `DOMAIN\name`,
 * `name@realm` and by the entry's aliases (mail, userPrincipalName).
 *
 * File format:
 *   users:
 *     jdoe:
 *       full_name: Jane Doe
 *       email: jdoe@example.com
 *       domain: example.com
 *       groups: [vpn-users, staff]
 *       aliases: [jane.doe@example.com]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { EcsDoc } from '../core/types.js';
import { CollectorError } from '../core/errors.js';
import { WatchedFile } from './watched-file.js';
import { stderrLog, type EnrichLog } from './log.js';
import type { Enricher } from '../core/stages.js';

export interface DirectoryUser {
  name: string;
  full_name?: string;
  email?: string;
  domain?: string;
  groups?: string[];
  aliases?: string[];
}

/** A dictionary entry as the enricher writes it: the `group` object made once, shared (frozen). */
export class DirectoryEntry {
  readonly group: Readonly<{ name: readonly string[] }> | undefined;
  constructor(readonly user: DirectoryUser) {
    this.group = user.groups === undefined ? undefined : Object.freeze({ name: Object.freeze(user.groups.slice()) });
  }
}

export class UserDirectory {
  private readonly byKey = new Map<string, DirectoryEntry>();
  /** names as the dictionary writes them: the common case needs no case folding */
  private readonly exact = new Map<string, DirectoryEntry>();
  constructor(readonly file: string, readonly users: DirectoryUser[]) {
    const entries = users.map((u) => new DirectoryEntry(u));
    for (const e of entries) this.exact.set(e.user.name, e);
    for (const e of entries) this.byKey.set(e.user.name.toLowerCase(), e);
    for (const e of entries) for (const a of e.user.aliases ?? []) if (!this.byKey.has(a.toLowerCase())) this.byKey.set(a.toLowerCase(), e);
  }

  /** The entry of a login name as devices write it: `jdoe`, `EXAMPLE\jdoe`, `jdoe@example.com`. */
  find(name: string): DirectoryUser | undefined {
    return this.entry(name)?.user;
  }

  entry(name: string): DirectoryEntry | undefined {
    let u = this.exact.get(name);
    if (u !== undefined) return u;
    let k = name.trim().toLowerCase();
    u = this.byKey.get(k);
    if (u !== undefined) return u;
    const bs = k.lastIndexOf('\\');
    if (bs >= 0) {
      k = k.slice(bs + 1);
      u = this.byKey.get(k);
      if (u !== undefined) return u;
    }
    const at = k.indexOf('@');
    if (at > 0) return this.byKey.get(k.slice(0, at));
    return undefined;
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
}

function strList(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  const a = (Array.isArray(v) ? v : [v]).map(str).filter((x): x is string => x !== undefined);
  return a.length > 0 ? a : undefined;
}

export function loadUsers(path: string): UserDirectory {
  const file = resolve(path);
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CollectorError('COL_ERR_LDAP', `user dictionary ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message.split('\n')[0]}`);
  }
  const users = (data as { users?: unknown } | null)?.users;
  if (users === undefined || users === null) return new UserDirectory(file, []);
  if (typeof users !== 'object' || Array.isArray(users)) {
    throw new CollectorError('COL_ERR_LDAP', `user dictionary ${file}: "users" must map user names to their facts`);
  }
  const out: DirectoryUser[] = [];
  for (const [name, v] of Object.entries(users as Record<string, unknown>)) {
    const o = (v ?? {}) as Record<string, unknown>;
    if (typeof o !== 'object' || Array.isArray(o)) throw new CollectorError('COL_ERR_LDAP', `user dictionary ${file}: entry "${name}" must be a mapping`);
    const u: DirectoryUser = { name };
    const fn = str(o.full_name);
    if (fn !== undefined) u.full_name = fn;
    const em = str(o.email);
    if (em !== undefined) u.email = em;
    const dm = str(o.domain);
    if (dm !== undefined) u.domain = dm;
    const g = strList(o.groups);
    if (g !== undefined) u.groups = g;
    const al = strList(o.aliases);
    if (al !== undefined) u.aliases = al;
    out.push(u);
  }
  return new UserDirectory(file, out);
}

export interface UserSettings {
  file: string;
  watch: boolean;
  log?: EnrichLog;
}

export class UserEnricher implements Enricher {
  readonly name = 'users';
  private readonly source: WatchedFile<UserDirectory>;

  /** Loads the dictionary; throws COL_ERR_LDAP naming the file on a bad one. */
  private constructor(s: UserSettings) {
    this.source = new WatchedFile(s.file, s.watch, {
      load: loadUsers,
      what: 'user dictionary',
      summary: (dir) => `${dir.users.length} users`,
      log: s.log ?? stderrLog,
      onReload: () => undefined,
    });
  }

  static open(s: UserSettings): UserEnricher {
    return new UserEnricher(s);
  }

  get directory(): UserDirectory {
    return this.source.current;
  }

  /** reloads done and rejected (a bad file keeps the previous dictionary) */
  get reloads(): number {
    return this.source.reloads;
  }

  get rejected(): number {
    return this.source.rejected;
  }

  reload(): boolean {
    return this.source.reload();
  }

  close(): void {
    this.source.close();
  }

  enrich(doc: EcsDoc): void {
    const u = doc.user;
    if (u !== undefined && u !== null && typeof u === 'object') this.complete(u);
    // named loads, no array per event
    const s = doc.source;
    if (s !== undefined && s !== null && typeof s === 'object') this.side(s);
    const d = doc.destination;
    if (d !== undefined && d !== null && typeof d === 'object') this.side(d);
    const c = doc.client;
    if (c !== undefined && c !== null && typeof c === 'object') this.side(c);
    const v = doc.server;
    if (v !== undefined && v !== null && typeof v === 'object') this.side(v);
  }

  private side(side: any): void {
    const su = side.user;
    if (su !== undefined && su !== null && typeof su === 'object') this.complete(su);
  }

  private complete(o: any): void {
    const name = o.name;
    if (typeof name !== 'string' || name === '') return;
    const e = this.source.current.entry(name);
    if (e === undefined) return;
    const u = e.user;
    if (u.full_name !== undefined && o.full_name === undefined) o.full_name = u.full_name;
    if (u.email !== undefined && o.email === undefined) o.email = u.email;
    if (u.domain !== undefined && o.domain === undefined) o.domain = u.domain;
    const group = e.group;
    if (group !== undefined) {
      const g = o.group;
      // the entry's object, shared by the documents of the user (frozen)
      if (g === undefined || g === null || typeof g !== 'object') o.group = group;
      else if (g.name === undefined) g.name = group.name;
    }
  }
}
