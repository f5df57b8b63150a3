/**
 * Builds the enrichment stages from the settings: the asset inventory (which also gives the
 * per-device timezone), GeoIP, and users from the directory. Each one fails at start with its
 * CollectorError (COL_ERR_ASSETS, COL_ERR_GEOIP_DB, COL_ERR_LDAP) when its file is missing or bad;
 * with `watch`, each reloads its file when it changes and keeps the previous data when the new file
 * is bad.
 */
import { GeoIp } from './geoip.js';
import { AssetEnricher } from './assets.js';
import { UserEnricher } from './users.js';
import type { EnrichLog } from './log.js';
import { AddressCache } from './address-cache.js';
import type { Enricher } from '../core/stages.js';

export interface EnrichSettings {
  /** GeoIP database directory (config `enrich.geoip.directory`); null: no GeoIP unless a file is given */
  geoipDir: string | null;
  /** City/Country .mmdb (config `enrich.geoip.city_database`), relative to geoipDir */
  geoipCity?: string | null;
  /** ASN/ISP .mmdb (config `enrich.geoip.asn_database`), relative to geoipDir */
  geoipAsn?: string | null;
  /** GeoIP and inventory cache entries (config `enrich.geoip.cache_entries`, default 100000) */
  geoipCacheEntries?: number;
  /** asset inventory file, .csv or .yaml (config `enrich.assets.file`) */
  assets: string | null;
  /** user dictionary written by directory-sync (config `enrich.users.file`) */
  users?: string | null;
  /** reload files when they change (the run command); false for one-shot parsing */
  watch: boolean;
  /** reload and rejection reports; stderr by default */
  log?: EnrichLog;
}

export interface Enrichment {
  enrichers: Enricher[];
  /** for ProcessorOptions.deviceTimezone: the inventory zone of a sender, null when none */
  deviceTimezone: ((ip: string) => string | null) | undefined;
  geoip: GeoIp | null;
  assets: AssetEnricher | null;
  users: UserEnricher | null;
  /** reads the inventory, the users and the GeoIP databases again (SIGHUP); bad files keep the data loaded */
  reload(): void;
  /** stops the file watchers */
  close(): void;
}

export async function buildEnrichment(s: EnrichSettings): Promise<Enrichment> {
  const log = s.log;
  // one cache of addresses for the asset and GeoIP stages: an address is looked up once per stage
  const cache = new AddressCache(s.geoipCacheEntries ?? 100_000);
  const assets = s.assets ? AssetEnricher.open({ file: s.assets, watch: s.watch, log, cache }) : null;
  let geoip: GeoIp | null = null;
  let users: UserEnricher | null = null;
  try {
    if (s.geoipDir || s.geoipCity || s.geoipAsn) {
      geoip = GeoIp.open({
        directory: s.geoipDir,
        cityDatabase: s.geoipCity ?? null,
        asnDatabase: s.geoipAsn ?? null,
        cache,
        watch: s.watch,
        log,
      });
    }
    if (s.users) users = UserEnricher.open({ file: s.users, watch: s.watch, log });
  } catch (e) {
    assets?.close();
    geoip?.close();
    throw e;
  }
  const enrichers: Enricher[] = [];
  if (assets) enrichers.push(assets);
  if (geoip) enrichers.push(geoip);
  if (users) enrichers.push(users);
  return {
    enrichers,
    deviceTimezone: assets ? assets.deviceTimezone : undefined,
    geoip,
    assets,
    users,
    reload() {
      assets?.reload();
      users?.reload();
      geoip?.reload();
    },
    close() {
      assets?.close();
      geoip?.close();
      users?.close();
    },
  };
}
