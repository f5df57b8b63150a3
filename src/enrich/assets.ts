/**
 * Asset inventory: IP addresses and networks (IPv4 and IPv6, the most specific network wins) mapped
 * to what the organisation knows about them, from a CSV or YAML file.
 *
 * What an event gets (fields the message itself already carries are kept):
 * - the sending device (the syslog sender address): from an entry for its own address (not a
 *   network), `observer.name` (inventory `name`), `observer.vendor`, `observer.product` (`model`),
 *   `observer.type`; from that entry or the most specific network holding it,
 *   `observer.asset.{owner, site, criticality, tags}`, and its `timezone` as the zone for its
 *   year- and zone-less syslog timestamps;
 * - `source`, `destination`, `client`, `server` addresses: `<side>.asset.*`, and for an entry that is
 *   a single address (not a network) `<side>.domain` (inventory `name`).
 * `asset.*` (custom, keyword fields, see ASSET_MAPPING): name, type, owner, site, criticality,
 * tags (array), vendor, model, and for an entry without a name `network` (the matching entry's
 * network, CIDR notation).
 *
 * CSV: a header row naming the columns (`ip` is required; known: ip, name, type, owner, site,
 * criticality, tags, vendor, model, timezone; other columns are ignored), tags separated by `;`
 * or `|`. YAML: a list of records with the same keys (or `{assets: [...]}`), tags a list or a
 * string. `ip` is an address or a CIDR network; host bits of a network are ignored.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import type { EcsDoc } from '../core/types.js';
import { CollectorError } from '../core/errors.js';
import { isValidTimezone } from '../syslog/timezone.js';
import { PrefixTrie } from './prefix-trie.js';
import { parseCidr } from '../core/ip.js';
import { parseCsv, CsvError } from './csv.js';
import { WatchedFile } from './watched-file.js';
import { stderrLog, type EnrichLog } from './log.js';
import { AddressCache } from './address-cache.js';
import type { Enricher } from '../core/stages.js';

export const ASSET_COLUMNS = ['ip', 'name', 'type', 'owner', 'site', 'criticality', 'tags', 'vendor', 'model', 'timezone'] as const;

export interface Asset {
  /** the inventory entry, CIDR notation (`10.1.2.3/32`) */
  network: string;
  name?: string;
  type?: string;
  owner?: string;
  site?: string;
  criticality?: string;
  tags?: string[];
  vendor?: string;
  model?: string;
  timezone?: string;
  /** where the entry is in the file */
  line: number;
  /** a single address (/32, /128) rather than a network */
  host: boolean;
}

/** Elasticsearch mapping of the custom `asset` objects (merge into the template; also src/enrich/fields.yml). */
export const ASSET_MAPPING: Record<string, unknown> = (() => {
  const kw = { type: 'keyword', ignore_above: 1024 };
  const asset = {
    properties: {
      name: kw, type: kw, owner: kw, site: kw, criticality: kw, tags: kw, vendor: kw, model: kw, network: kw,
    },
  };
  const props: Record<string, unknown> = {};
  for (const side of ['source', 'destination', 'client', 'server']) props[side] = { properties: { asset } };
  props.observer = { properties: { asset: { properties: { owner: kw, site: kw, criticality: kw, tags: kw } } } };
  return props;
})();

export class Inventory {
  readonly trie = new PrefixTrie<Asset>();
  constructor(readonly file: string, readonly assets: Asset[]) {
    for (const a of assets) {
      const c = parseCidr(a.network)!;
      const prev = this.trie.insert(c.family, c.words, c.prefix, a);
      if (prev !== undefined) {
        throw new CollectorError('COL_ERR_ASSETS', `${file} line ${a.line}: ${a.network} is already listed on line ${prev.line}`);
      }
    }
  }

  lookup(ip: string): Asset | undefined {
    return this.trie.lookup(ip);
  }
}

function bad(file: string, line: number, msg: string): CollectorError {
  return new CollectorError('COL_ERR_ASSETS', `${file} line ${line}: ${msg}`);
}

function splitTags(s: string): string[] {
  return s
    .split(/[;|]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/** Checks one record's values and makes the Asset; throws naming the line. */
function makeAsset(file: string, line: number, rec: Record<string, unknown>): Asset {
  const ipv = rec.ip;
  if (typeof ipv !== 'string' || ipv.trim() === '') throw bad(file, line, 'no ip');
  const c = parseCidr(ipv);
  if (c === null) throw bad(file, line, `"${ipv}" is not an IP address or CIDR network`);
  const a: Asset = { network: c.text, line, host: c.prefix === (c.family === 4 ? 32 : 128) };
  for (const k of ['name', 'type', 'owner', 'site', 'criticality', 'vendor', 'model', 'timezone'] as const) {
    const v = rec[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' && typeof v !== 'number') throw bad(file, line, `${k} must be text`);
    const s = String(v).trim();
    if (s !== '') a[k] = s;
  }
  if (a.timezone !== undefined && !isValidTimezone(a.timezone)) throw bad(file, line, `unknown timezone "${a.timezone}"`);
  const t = rec.tags;
  if (typeof t === 'string') {
    const tags = splitTags(t);
    if (tags.length > 0) a.tags = tags;
  } else if (Array.isArray(t)) {
    const tags = t.map((x) => String(x).trim()).filter((x) => x !== '');
    if (tags.length > 0) a.tags = tags;
  } else if (t !== undefined && t !== null) throw bad(file, line, 'tags must be a list or text');
  return a;
}

export function parseInventoryCsv(file: string, text: string): Asset[] {
  let recs;
  try {
    recs = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) throw bad(file, e.line, e.message);
    throw e;
  }
  if (recs.length === 0) return [];
  const header = recs[0]!;
  const cols = header.fields.map((h) => h.trim().toLowerCase());
  if (!cols.includes('ip')) throw bad(file, header.line, `the header row has no "ip" column (columns: ${ASSET_COLUMNS.join(',')})`);
  const seen = new Set<string>();
  for (const c of cols) {
    if (c !== '' && seen.has(c)) throw bad(file, header.line, `column "${c}" appears twice`);
    seen.add(c);
  }
  const known = new Set<string>(ASSET_COLUMNS);
  const out: Asset[] = [];
  for (let r = 1; r < recs.length; r++) {
    const { line, fields } = recs[r]!;
    if (fields.length !== cols.length) throw bad(file, line, `${fields.length} fields, the header has ${cols.length}`);
    const rec: Record<string, unknown> = {};
    for (let i = 0; i < cols.length; i++) if (known.has(cols[i]!)) rec[cols[i]!] = fields[i];
    out.push(makeAsset(file, line, rec));
  }
  return out;
}

export function parseInventoryYaml(file: string, text: string): Asset[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw bad(file, e.linePos?.[0]?.line ?? 0, e.message.split('\n')[0]!);
  }
  const lineOf = (n: Node | null | undefined): number => (n?.range ? lc.linePos(n.range[0]).line : 0);
  let root = doc.contents as Node | null;
  if (root === null) return [];
  if (isMap(root)) {
    const list = root.get('assets', true) as Node | undefined;
    if (list === undefined) throw bad(file, lineOf(root), 'expected a list of assets or an "assets:" key');
    root = list;
  }
  if (!isSeq(root)) throw bad(file, lineOf(root), 'expected a list of assets');
  const out: Asset[] = [];
  for (const item of root.items) {
    const n = item as Node;
    const line = lineOf(n);
    if (!isMap(n)) throw bad(file, line, 'an asset must be a mapping with at least "ip"');
    const rec: Record<string, unknown> = {};
    for (const p of n.items) {
      const k = isScalar(p.key) ? String(p.key.value) : String(p.key);
      if (!(ASSET_COLUMNS as readonly string[]).includes(k)) continue;
      const v = p.value as Node | null;
      rec[k] = isScalar(v) ? v.value : isSeq(v) ? v.toJSON() : v === null ? null : (v as any).toJSON?.();
    }
    out.push(makeAsset(file, line, rec));
  }
  return out;
}

/** Reads and checks an inventory file (format from the extension: .csv, .yaml/.yml). */
export function loadInventory(path: string): Inventory {
  const file = resolve(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CollectorError('COL_ERR_ASSETS', `asset inventory ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const lower = file.toLowerCase();
  const assets = lower.endsWith('.yaml') || lower.endsWith('.yml') ? parseInventoryYaml(file, text) : parseInventoryCsv(file, text);
  return new Inventory(file, assets);
}

const SENDER_CACHE_MAX = 4096;

/**
 * The `<side>.asset` object of an entry, kept in the address cache and shared by the documents of
 * that address (frozen: an output serializes it, nothing may change it; a copy per event cost
 * an allocation and its fields' writes per side).
 */
export function assetObject(a: Asset): Record<string, unknown> {
  const t: Record<string, unknown> = {};
  if (a.name !== undefined) t.name = a.name;
  if (a.type !== undefined) t.type = a.type;
  if (a.owner !== undefined) t.owner = a.owner;
  if (a.site !== undefined) t.site = a.site;
  if (a.criticality !== undefined) t.criticality = a.criticality;
  if (a.tags !== undefined) t.tags = a.tags;
  if (a.vendor !== undefined) t.vendor = a.vendor;
  if (a.model !== undefined) t.model = a.model;
  // the entry is identified by its name; an unnamed one by its network
  if (a.name === undefined) t.network = a.network;
  if (a.tags !== undefined) t.tags = Object.freeze(a.tags.slice());
  return Object.freeze(t);
}

/** `observer.asset`: only what ECS has no observer field for (name, vendor, model, type have one). */
function observerAssetObject(a: Asset): Record<string, unknown> | null {
  if (a.owner === undefined && a.site === undefined && a.criticality === undefined && a.tags === undefined) return null;
  const o: Record<string, unknown> = {};
  if (a.owner !== undefined) o.owner = a.owner;
  if (a.site !== undefined) o.site = a.site;
  if (a.criticality !== undefined) o.criticality = a.criticality;
  if (a.tags !== undefined) o.tags = Object.freeze(a.tags.slice());
  return Object.freeze(o);
}

/**
 * What the inventory says about a sending device, worked out once per sender. The device's identity
 * (`observer.name`, `.type`, `.vendor`, `.product`) comes only from an entry for its own address: a
 * network's entry names and types the network (`branch-lan`, `network`), not the devices in it. The
 * owner, site, criticality and tags (`observer.asset`) and the timezone come from either.
 */
class SenderFacts {
  readonly observerAsset: Readonly<Record<string, unknown>> | null;
  readonly name: string | undefined;
  readonly type: string | undefined;
  readonly vendor: string | undefined;
  readonly product: string | undefined;
  /** whether the event's observer gets anything from it */
  readonly any: boolean;
  constructor(readonly asset: Asset) {
    this.observerAsset = observerAssetObject(asset);
    const own = asset.host;
    this.name = own ? asset.name : undefined;
    this.type = own ? asset.type : undefined;
    this.vendor = own ? asset.vendor : undefined;
    this.product = own ? asset.model : undefined;
    this.any = this.observerAsset !== null || this.name !== undefined || this.type !== undefined || this.vendor !== undefined || this.product !== undefined;
  }
}

export interface AssetSettings {
  file: string;
  watch: boolean;
  log?: EnrichLog;
  /** addresses already looked up (shared with the GeoIP stage by buildEnrichment); default: 100000 entries */
  cache?: AddressCache;
}

export class AssetEnricher implements Enricher {
  readonly name = 'assets';
  /** the inventory of the last good load (read per event) */
  private inv: Inventory;
  private readonly senders = new Map<string, SenderFacts | null>();
  /** the last sender asked for ('' : none) */
  private lastSender = '';
  private lastFacts: SenderFacts | null = null;
  private readonly cache: AddressCache;
  private readonly source: WatchedFile<Inventory>;

  /** Loads the inventory; throws COL_ERR_ASSETS naming the file and line on a bad entry. */
  private constructor(s: AssetSettings) {
    this.cache = s.cache ?? new AddressCache(100_000);
    this.source = new WatchedFile(s.file, s.watch, {
      load: loadInventory,
      what: 'asset inventory',
      summary: (inv) => `${inv.assets.length} entries`,
      log: s.log ?? stderrLog,
      onReload: (inv) => {
        this.inv = inv;
        this.senders.clear();
        this.lastSender = '';
        this.lastFacts = null;
        this.cache.clear();
      },
    });
    this.inv = this.source.current;
  }

  static open(s: AssetSettings): AssetEnricher {
    return new AssetEnricher(s);
  }

  get inventory(): Inventory {
    return this.inv;
  }

  /** reloads done and rejected (a bad file keeps the previous inventory) */
  get reloads(): number {
    return this.source.reloads;
  }

  get rejected(): number {
    return this.source.rejected;
  }

  /** Re-reads the file; a bad file is reported and the current inventory stays. Returns success. */
  reload(): boolean {
    return this.source.reload();
  }

  close(): void {
    this.source.close();
  }

  private sender(ip: string): SenderFacts | null {
    // the timezone (when the syslog header is read) and then the enrichment ask for the same sender
    if (ip === this.lastSender) return this.lastFacts;
    let f = this.senders.get(ip);
    if (f === undefined) {
      const a = this.inv.lookup(ip);
      f = a === undefined ? null : new SenderFacts(a);
      if (this.senders.size >= SENDER_CACHE_MAX) this.senders.clear();
      this.senders.set(ip, f);
    }
    this.lastSender = ip;
    this.lastFacts = f;
    return f;
  }

  /** The inventory zone of a sending device, for ProcessorOptions.deviceTimezone. */
  readonly deviceTimezone = (ip: string): string | null => {
    if (ip === '') return null;
    return this.sender(ip)?.asset.timezone ?? null;
  };

  enrich(doc: EcsDoc, senderIp: string): void {
    if (senderIp !== '') {
      const f = this.sender(senderIp);
      if (f !== null && f.any) {
        let o = doc.observer;
        if (o === undefined || o === null || typeof o !== 'object') o = doc.observer = {};
        if (f.name !== undefined && o.name === undefined) o.name = f.name;
        if (f.vendor !== undefined && o.vendor === undefined) o.vendor = f.vendor;
        if (f.product !== undefined && o.product === undefined) o.product = f.product;
        if (f.type !== undefined && o.type === undefined) o.type = f.type;
        if (o.asset === undefined && f.observerAsset !== null) o.asset = f.observerAsset;
      }
    }
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
    const ip = side.ip;
    if (typeof ip !== 'string') return;
    const e = this.cache.entry(ip);
    if (e.assetsOf !== this.inv) {
      const a = this.inv.lookup(ip) ?? null;
      e.asset = a;
      e.assetObj = a === null ? null : assetObject(a);
      // a host's name is its domain; a network's name is no host name
      e.domain = a !== null && a.host ? a.name : undefined;
      e.assetsOf = this.inv;
    }
    const t = e.assetObj;
    if (t === null) return;
    const domain = e.domain;
    if (domain !== undefined && side.domain === undefined) side.domain = domain;
    if (side.asset === undefined) side.asset = t;
  }
}
