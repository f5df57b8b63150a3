/**
 * GeoIP enrichment: `source`, `destination`, `client` and `server` addresses get
 * `*.geo.{city_name, continent_name, country_iso_code, country_name, region_iso_code, region_name,
 * location: {lat, lon}}` and `*.as.{number, organization.name}`, the fields and shapes Elasticsearch's
 * geoip processor writes (with the ECS renames of the integration pipelines), from MaxMind DB files:
 * a City (or Country) database and an ASN (or ISP) database, told apart by their metadata type.
 *
 * When the address itself gives no geo (or no AS) fact, for instance a private address behind NAT,
 * the side's `nat.ip` is looked up instead, as the integrations' pipelines do for PAN-OS GlobalProtect
 * and Sophos. Special-purpose ranges are never looked up. Results (misses too) go to a bounded
 * cache (address-cache.ts).
 * Fields already in the document (set by a vendor parser from the device's own GeoIP) are kept.
 * With `watch`, a database file replaced in its directory is re-read and checked; a corrupt
 * replacement is reported and the previous database stays in use.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { Reader } from 'maxmind';
import type { EcsDoc } from '../core/types.js';
import { CollectorError } from '../core/errors.js';
import { AddressCache } from './address-cache.js';
import { isReservedIp } from './reserved.js';
import { openVerified } from './mmdb-verify.js';
import { watchDirectory, type DirWatch } from './watch.js';
import { stderrLog, type EnrichLog } from './log.js';
import type { Enricher } from '../core/stages.js';

export interface GeoIpSettings {
  /** directory searched for databases (and watched); relative names below are taken from it */
  directory: string | null;
  /** City/Country database file; null: the best City (else Country) database in `directory` */
  cityDatabase?: string | null;
  /** ASN/ISP database file; null: the best ASN (else ISP) database in `directory` */
  asnDatabase?: string | null;
  /** cache entries (0 disables the cache); ignored when `cache` is given */
  cacheEntries?: number;
  /** a cache shared with the asset stage (buildEnrichment makes one for both) */
  cache?: AddressCache;
  watch: boolean;
  log?: EnrichLog;
}

export type DbKind = 'geo' | 'asn';

export interface GeoFields {
  city_name?: string;
  continent_name?: string;
  country_iso_code?: string;
  country_name?: string;
  region_iso_code?: string;
  region_name?: string;
  location?: { lat: number; lon: number };
}

export interface AsFields {
  number?: number;
  organization?: { name: string };
}

export interface GeoResult {
  geo: GeoFields | null;
  as: AsFields | null;
}

interface LoadedDb {
  kind: DbKind;
  file: string;
  type: string;
  reader: Reader<any>;
  stamp: string;
  /** preference among databases of its kind (lower is better) */
  rank: number;
}

/** Which kind a database type serves, and how well (lower is better); null: not one we use. */
export function classifyDatabase(type: string): { kind: DbKind; rank: number } | null {
  if (/City|Enterprise/i.test(type)) return { kind: 'geo', rank: 0 };
  if (/Country/i.test(type)) return { kind: 'geo', rank: 1 };
  if (/ASN/i.test(type)) return { kind: 'asn', rank: 0 };
  if (/ISP/i.test(type)) return { kind: 'asn', rank: 1 };
  return null;
}

/** A valid database of a type this enricher has no use for (Anonymous-IP, Domain, ...). */
class UnusedDatabase extends Error {}

function fileStamp(file: string): string {
  const s = statSync(file);
  return `${s.ino}:${s.size}:${s.mtimeMs}`;
}

function openDb(file: string): LoadedDb {
  let buf: Buffer;
  let stamp: string;
  try {
    stamp = fileStamp(file);
    buf = readFileSync(file);
  } catch (e) {
    throw new Error(`cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const { reader, info } = openVerified(buf);
  const c = classifyDatabase(info.databaseType);
  if (c === null) throw new UnusedDatabase(`database type ${info.databaseType} is neither a City/Country nor an ASN/ISP database`);
  return { kind: c.kind, rank: c.rank, file, type: info.databaseType, reader, stamp };
}

function names(o: any): string | undefined {
  const n = o?.names?.en;
  return typeof n === 'string' ? n : undefined;
}

/** The fields Elasticsearch's geoip processor writes for a City or Country record. */
export function geoFields(r: any): GeoFields | null {
  if (r === null || typeof r !== 'object') return null;
  const g: GeoFields = {};
  const city = names(r.city);
  if (city !== undefined) g.city_name = city;
  const continent = names(r.continent);
  if (continent !== undefined) g.continent_name = continent;
  const iso = r.country?.iso_code;
  if (typeof iso === 'string') g.country_iso_code = iso;
  const country = names(r.country);
  if (country !== undefined) g.country_name = country;
  const subs = r.subdivisions;
  if (Array.isArray(subs) && subs.length > 0) {
    const sub = subs[subs.length - 1]; // the most specific subdivision
    if (typeof iso === 'string' && typeof sub?.iso_code === 'string') g.region_iso_code = iso + '-' + sub.iso_code;
    const rn = names(sub);
    if (rn !== undefined) g.region_name = rn;
  }
  const lat = r.location?.latitude;
  const lon = r.location?.longitude;
  if (typeof lat === 'number' && typeof lon === 'number') g.location = { lat, lon };
  return Object.keys(g).length > 0 ? g : null;
}

/** `as.number` and `as.organization.name` from an ASN or ISP record. */
export function asFields(r: any): AsFields | null {
  if (r === null || typeof r !== 'object') return null;
  const a: AsFields = {};
  const n = r.autonomous_system_number;
  if (typeof n === 'number') a.number = n;
  const o = r.autonomous_system_organization;
  if (typeof o === 'string' && o !== '') a.organization = { name: o };
  return a.number !== undefined || a.organization !== undefined ? a : null;
}

export class GeoIp implements Enricher {
  readonly name = 'geoip';
  private readonly dbs: { geo: LoadedDb | null; asn: LoadedDb | null } = { geo: null, asn: null };
  private readonly cache: AddressCache;
  /** bumped when a database is replaced: cached answers of an older generation are recomputed */
  private gen = 0;
  private readonly log: EnrichLog;
  private readonly dir: string | null;
  private readonly explicit: { geo: string | null; asn: string | null };
  private watcher: DirWatch | null = null;
  /** reloads done and rejected, for tests and metrics */
  reloads = 0;
  rejected = 0;

  private constructor(s: GeoIpSettings) {
    this.cache = s.cache ?? new AddressCache(s.cacheEntries ?? 100_000);
    this.log = s.log ?? stderrLog;
    this.dir = s.directory === null ? null : resolve(s.directory);
    const place = (f: string | null | undefined): string | null =>
      f === null || f === undefined || f === '' ? null : isAbsolute(f) || this.dir === null ? resolve(f) : join(this.dir, f);
    this.explicit = { geo: place(s.cityDatabase), asn: place(s.asnDatabase) };
  }

  /** Opens the databases; throws COL_ERR_GEOIP_DB naming the file when one is missing or corrupt. */
  static open(s: GeoIpSettings): GeoIp {
    const g = new GeoIp(s);
    g.loadAll();
    if (s.watch) g.startWatching();
    return g;
  }

  /** Database files in use, for status pages and tests. */
  databases(): { kind: DbKind; file: string; type: string }[] {
    const out: { kind: DbKind; file: string; type: string }[] = [];
    for (const d of [this.dbs.geo, this.dbs.asn]) if (d) out.push({ kind: d.kind, file: d.file, type: d.type });
    return out;
  }

  get cacheStats(): { size: number; hits: number; misses: number } {
    return { size: this.cache.size, hits: this.cache.hits, misses: this.cache.misses };
  }

  private loadAll(): void {
    for (const kind of ['geo', 'asn'] as const) {
      const f = this.explicit[kind];
      if (f === null) continue;
      let db: LoadedDb;
      try {
        db = openDb(f);
      } catch (e) {
        throw new CollectorError('COL_ERR_GEOIP_DB', `GeoIP database ${f}: ${(e as Error).message}`);
      }
      if (db.kind !== kind) {
        throw new CollectorError('COL_ERR_GEOIP_DB', `GeoIP database ${f}: type ${db.type} is not a${kind === 'geo' ? ' City/Country' : 'n ASN/ISP'} database`);
      }
      this.dbs[kind] = db;
    }
    if (this.dir !== null && (this.explicit.geo === null || this.explicit.asn === null)) {
      let files: string[];
      try {
        files = readdirSync(this.dir).filter((f) => f.endsWith('.mmdb')).sort();
      } catch (e) {
        throw new CollectorError('COL_ERR_GEOIP_DB', `GeoIP directory ${this.dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      const best: { geo: (LoadedDb) | null; asn: (LoadedDb) | null } = { geo: null, asn: null };
      const failures: string[] = [];
      for (const f of files) {
        const path = join(this.dir, f);
        if (path === this.explicit.geo || path === this.explicit.asn) continue;
        let db: LoadedDb;
        try {
          db = openDb(path);
        } catch (e) {
          if (!(e instanceof UnusedDatabase)) failures.push(`${path}: ${(e as Error).message}`);
          continue;
        }
        if (this.explicit[db.kind] !== null) continue;
        const cur = best[db.kind];
        if (cur === null || better(db, cur)) best[db.kind] = db;
      }
      for (const kind of ['geo', 'asn'] as const) if (this.explicit[kind] === null) this.dbs[kind] = best[kind];
      if (this.dbs.geo === null && this.dbs.asn === null) {
        const why = failures.length > 0 ? ': ' + failures.join('; ') : ' (no .mmdb file there)';
        throw new CollectorError('COL_ERR_GEOIP_DB', `no usable GeoIP database in ${this.dir}${why}; see geoip/README.md`);
      }
      for (const f of failures) this.log('warn', `GeoIP: skipped ${f}`);
    }
    if (this.dbs.geo === null && this.dbs.asn === null) {
      throw new CollectorError('COL_ERR_GEOIP_DB', 'GeoIP: no database directory or file configured');
    }
  }

  private startWatching(): void {
    const dirs = new Set<string>();
    if (this.dir !== null) dirs.add(this.dir);
    for (const f of [this.explicit.geo, this.explicit.asn]) if (f !== null) dirs.add(resolve(f, '..'));
    const watchers = [...dirs].map((d) =>
      watchDirectory(d, (n) => n.endsWith('.mmdb'), (n) => this.onFileChanged(join(d, n))),
    );
    this.watcher = { close: () => watchers.forEach((w) => w.close()) };
  }

  /** Called when `path` was written, renamed into place or removed. Public for tests. */
  onFileChanged(path: string): void {
    const kinds = (['geo', 'asn'] as const).filter((k) => this.explicit[k] === path || (this.explicit[k] === null && this.dir !== null && resolve(path, '..') === this.dir));
    if (kinds.length === 0) return;
    let stamp: string;
    try {
      stamp = fileStamp(path);
    } catch {
      // removed or renamed away: keep what is loaded
      return;
    }
    if ((this.dbs.geo?.file === path && this.dbs.geo.stamp === stamp) || (this.dbs.asn?.file === path && this.dbs.asn.stamp === stamp)) return;
    let db: LoadedDb;
    try {
      db = openDb(path);
    } catch (e) {
      const inUse = kinds.some((k) => this.dbs[k]?.file === path || this.explicit[k] === path);
      if (inUse) {
        this.rejected++;
        this.log('warn', `GeoIP database ${path} replaced by an unusable file (${(e as Error).message}); keeping the previous one`);
      }
      return;
    }
    if (!kinds.includes(db.kind)) return;
    const cur = this.dbs[db.kind];
    // in directory mode a new file takes over when it is the current one or better than it
    if (this.explicit[db.kind] === null && cur !== null && cur.file !== path && !better(db, cur)) return;
    this.dbs[db.kind] = db;
    this.gen++;
    this.cache.clear();
    this.reloads++;
    this.log('info', `GeoIP database ${path} (${db.type}) loaded`);
  }

  /** Reads the databases again where their files changed (SIGHUP); unchanged files stay as loaded. */
  reload(): void {
    const files = new Set<string>();
    for (const f of [this.explicit.geo, this.explicit.asn]) if (f !== null) files.add(f);
    if (this.dir !== null) {
      try {
        for (const n of readdirSync(this.dir)) if (n.endsWith('.mmdb')) files.add(join(this.dir, n));
      } catch (e) {
        this.log('warn', `GeoIP directory ${this.dir}: ${(e as Error).message}; keeping the databases loaded`);
      }
    }
    for (const f of files) this.onFileChanged(f);
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
  }

  /**
   * Geo and AS facts of an address; null for special-purpose ranges, non-addresses and misses.
   * The result is the cache's: read it, do not change it.
   */
  lookup(ip: string): GeoResult | null {
    if (isPrivateV4Prefix(ip)) return null;
    const e = this.cache.entry(ip);
    if (e.geoOf !== this.gen) this.fill(e, ip);
    return e.geo === null && e.as === null ? null : e;
  }

  private fill(e: GeoResult & { geoOf: number }, ip: string): void {
    e.geoOf = this.gen;
    e.geo = null;
    e.as = null;
    if (isReservedIp(ip)) return;
    let geo: GeoFields | null = null;
    let as: AsFields | null = null;
    try {
      if (this.dbs.geo !== null) geo = geoFields(this.dbs.geo.reader.get(ip));
      if (this.dbs.asn !== null) as = asFields(this.dbs.asn.reader.get(ip));
    } catch {
      return;
    }
    e.geo = geo === null ? null : freezeGeo(geo);
    e.as = as === null ? null : freezeAs(as);
  }

  enrich(doc: EcsDoc): void {
    // named loads: the sides are read per event, keep them monomorphic
    const s = doc.source;
    if (s !== undefined && s !== null && typeof s === 'object') this.enrichSide(s);
    const d = doc.destination;
    if (d !== undefined && d !== null && typeof d === 'object') this.enrichSide(d);
    const c = doc.client;
    if (c !== undefined && c !== null && typeof c === 'object') this.enrichSide(c);
    const v = doc.server;
    if (v !== undefined && v !== null && typeof v === 'object') this.enrichSide(v);
  }

  private enrichSide(side: any): void {
    const ip = side.ip;
    let geo: GeoFields | null = null;
    let as: AsFields | null = null;
    if (typeof ip === 'string') {
      const r = this.lookup(ip);
      if (r !== null) {
        geo = r.geo;
        as = r.as;
      }
    }
    if (geo === null || as === null) {
      // a private or unknown address translated to a public one: locate the public one
      const nat = side.nat;
      const nip = nat !== undefined && nat !== null && typeof nat === 'object' ? nat.ip : undefined;
      if (typeof nip === 'string') {
        const n = this.lookup(nip);
        if (n !== null) {
          if (geo === null) geo = n.geo;
          if (as === null) as = n.as;
        }
      }
    }
    if (geo !== null) {
      const cur = side.geo;
      side.geo = cur === undefined || cur === null || typeof cur !== 'object' ? geo : mergeGeo(cur, geo);
    }
    if (as !== null) {
      const cur = side.as;
      side.as = cur === undefined || cur === null || typeof cur !== 'object' ? as : mergeAs(cur, as);
    }
  }
}

/**
 * True for text starting like an address in 10/8, 127/8, 169.254/16, 172.16/12 or 192.168/16
 * (special-purpose ranges: no GeoIP answer, whatever follows; text that is no address has none
 * either). Most private addresses of events skip the cache with it.
 */
export function isPrivateV4Prefix(ip: string): boolean {
  const c0 = ip.charCodeAt(0);
  if (c0 !== 49 /* 1 */ || ip.length < 7) return false;
  const c1 = ip.charCodeAt(1);
  const c2 = ip.charCodeAt(2);
  if (c1 === 48 /* 0 */) return c2 === 46; // 10.
  const c3 = ip.charCodeAt(3);
  if (c1 === 50 /* 2 */) return c2 === 55 && c3 === 46; // 127.
  if (c3 !== 46) return false;
  const c4 = ip.charCodeAt(4);
  const c5 = ip.charCodeAt(5);
  const c6 = ip.charCodeAt(6);
  if (c1 === 57 /* 9 */) return c2 === 50 && c4 === 49 && c5 === 54 && c6 === 56 && ip.charCodeAt(7) === 46; // 192.168.
  if (c1 === 54 /* 6 */) return c2 === 57 && c4 === 50 && c5 === 53 && c6 === 52 && ip.charCodeAt(7) === 46; // 169.254.
  if (c1 === 55 /* 7 */ && c2 === 50) {
    // 172.16. .. 172.31.
    if (c4 === 49) return c5 >= 54 && c5 <= 57 && c6 === 46;
    if (c4 === 50) return c5 >= 48 && c5 <= 57 && c6 === 46;
    if (c4 === 51) return (c5 === 48 || c5 === 49) && c6 === 46;
  }
  return false;
}

function better(a: { rank: number; file: string }, b: { rank: number; file: string }): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank;
  const an = basename(a.file);
  const bn = basename(b.file);
  // GeoIP2 (commercial) before GeoLite2, then the shorter (canonical) name, then by name
  const ap = an.startsWith('GeoIP2') ? 0 : 1;
  const bp = bn.startsWith('GeoIP2') ? 0 : 1;
  if (ap !== bp) return ap < bp;
  if (an.length !== bn.length) return an.length < bn.length;
  return an < bn;
}

/**
 * The cached geo and AS objects are shared by the documents of an address (frozen: an output only
 * serializes them; a copy per document was an allocation per side and event). A document whose
 * parser already wrote some geo or AS fields gets the missing ones added to its own object.
 */
function freezeGeo(g: GeoFields): GeoFields {
  if (g.location !== undefined) Object.freeze(g.location);
  return Object.freeze(g);
}

function freezeAs(a: AsFields): AsFields {
  if (a.organization !== undefined) Object.freeze(a.organization);
  return Object.freeze(a);
}

/** Adds the keys the document's geo object lacks: what the event itself says wins. */
function mergeGeo(cur: any, g: GeoFields): any {
  const src = g as any;
  for (const k in src) if (cur[k] === undefined) cur[k] = src[k];
  return cur;
}

function mergeAs(cur: any, a: AsFields): any {
  if (cur.number === undefined && a.number !== undefined) cur.number = a.number;
  if (a.organization !== undefined) {
    if (cur.organization === undefined || cur.organization === null) cur.organization = a.organization;
    else if (cur.organization.name === undefined) cur.organization.name = a.organization.name;
  }
  return cur;
}
