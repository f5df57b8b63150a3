/**
 * What enrichment knows about one address, cached by the address text (as the event wrote it):
 * the asset inventory's answer and the GeoIP databases' answer, each ready to put into a document.
 * The asset and GeoIP stages share one cache when both are configured, so an address costs one
 * probe per stage (the second one finds what the first just touched), no trie walk and no database
 * read once it has been seen.
 *
 * Each part of an entry remembers which data it came from (the inventory object, the database
 * generation): an entry made before a reload is recomputed on its next use; the stages also clear
 * the cache when they reload, to free the old answers at once.
 *
 * Bounded by two generations of at most `max / 2` entries each: new entries go into the young one,
 * a hit in the old one copies the entry into the young one; when the young one is full it becomes
 * the old one and the old one is dropped. So the cache holds at most `max` entries (an odd `max`,
 * one fewer), and an entry used within the last `max / 2` insertions is never dropped (as with a
 * least-recently-used list, without its per-hit bookkeeping).
 *
 * Plain IPv4 addresses (nearly all of them in firewall logs) are keyed by their value in an open
 * addressing table of int32 pairs (key, entry index): one probe touches one cache line, where a
 * Map took a bucket, an entry chain and a key. Measured in the pipeline (the enrich bench's corpus,
 * a stage doing nothing but the two lookups of an event's source and destination): the Map-based
 * cache cost 8-14% of the events' throughput, this one 4-5%. Other text (IPv6, text that is no
 * address) is kept in a Map per generation.
 */
import type { Asset } from './assets.js';
import type { AsFields, GeoFields } from './geoip.js';
import { readIPv4 } from '../core/ip.js';

/** One address. A class so that every entry has one shape (the stages read it per event). */
export class AddressEntry {
  /** the inventory the asset part was computed from; null: not computed */
  assetsOf: object | null = null;
  /** most specific inventory entry holding the address */
  asset: Asset | null = null;
  /** its `<side>.asset` object (frozen, shared by the documents of the address) */
  assetObj: Record<string, unknown> | null = null;
  /** its `<side>.domain`: the entry's name when it is a single address */
  domain: string | undefined = undefined;
  /** the GeoIP generation the geo part was computed from; -1: not computed */
  geoOf = -1;
  geo: GeoFields | null = null;
  as: AsFields | null = null;
}

/** IPv4 value -> entry: linear probing in (key, index + 1) int32 pairs; index 0 marks a free slot. */
class V4Table {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  private readonly entries: AddressEntry[] = [];

  /** room for `n` entries at a load of at most one half */
  constructor(n: number) {
    let bits = 1;
    while (1 << bits < 2 * n) bits++;
    this.slots = new Int32Array(2 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  get(key: number): AddressEntry | undefined {
    const t = this.slots;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const idx = t[2 * i + 1]!;
      if (idx === 0) return undefined;
      if (t[2 * i] === key) return this.entries[idx - 1];
      i = (i + 1) & this.mask;
    }
  }

  /** adds a key that is not in the table */
  add(key: number, e: AddressEntry): void {
    const t = this.slots;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (t[2 * i + 1] !== 0) i = (i + 1) & this.mask;
    this.entries.push(e);
    t[2 * i] = key;
    t[2 * i + 1] = this.entries.length;
  }

  clear(): void {
    if (this.entries.length === 0) return;
    this.slots.fill(0);
    this.entries.length = 0;
  }
}

export class AddressCache {
  readonly max: number;
  private readonly half: number;
  private young4: V4Table;
  private old4: V4Table;
  private youngText = new Map<string, AddressEntry>();
  private oldText = new Map<string, AddressEntry>();
  /** entries in the young generation (both kinds) */
  private youngCount = 0;
  /** entries in the old generation, and those of them also copied into the young one */
  private oldCount = 0;
  private copied = 0;
  hits = 0;
  misses = 0;

  /** `max` entries at most; 0: nothing is kept (each lookup gets a fresh entry) */
  constructor(max: number) {
    this.max = Math.max(0, Math.floor(max));
    this.half = Math.max(1, this.max >> 1);
    const room = this.max === 0 ? 1 : this.half;
    this.young4 = new V4Table(room);
    this.old4 = new V4Table(room);
  }

  /** distinct addresses held */
  get size(): number {
    return this.youngCount + this.oldCount - this.copied;
  }

  /** The entry of an address, made (empty) and inserted when there is none. */
  entry(ip: string): AddressEntry {
    const v = readIPv4(ip);
    if (v < 0) return this.textEntry(ip);
    const key = v | 0;
    let e = this.young4.get(key);
    if (e !== undefined) {
      this.hits++;
      return e;
    }
    e = this.old4.get(key);
    if (e !== undefined) {
      this.hits++;
      if (this.youngCount >= this.half) this.rotate();
      else this.copied++;
      this.young4.add(key, e);
      this.youngCount++;
      return e;
    }
    this.misses++;
    e = new AddressEntry();
    if (this.max === 0) return e;
    if (this.youngCount >= this.half) this.rotate();
    this.young4.add(key, e);
    this.youngCount++;
    return e;
  }

  private textEntry(ip: string): AddressEntry {
    let e = this.youngText.get(ip);
    if (e !== undefined) {
      this.hits++;
      return e;
    }
    e = this.oldText.get(ip);
    if (e === undefined) {
      this.misses++;
      e = new AddressEntry();
      if (this.max === 0) return e;
    } else {
      this.hits++;
      if (this.youngCount < this.half) this.copied++;
    }
    if (this.youngCount >= this.half) this.rotate();
    // a flat copy of the key: the event's text may be a slice of the whole line, which the cache
    // would otherwise keep alive
    this.youngText.set(flat(ip), e);
    this.youngCount++;
    return e;
  }

  /** the young generation becomes the old one; the old one is dropped */
  private rotate(): void {
    if (this.max === 1) {
      // one entry: no room for an old generation
      this.clear();
      return;
    }
    const t4 = this.old4;
    t4.clear();
    this.old4 = this.young4;
    this.young4 = t4;
    const tt = this.oldText;
    tt.clear();
    this.oldText = this.youngText;
    this.youngText = tt;
    this.oldCount = this.youngCount;
    this.youngCount = 0;
    this.copied = 0;
  }

  clear(): void {
    this.young4.clear();
    this.old4.clear();
    this.youngText.clear();
    this.oldText.clear();
    this.youngCount = this.oldCount = this.copied = 0;
  }
}

/** A string that does not point into a larger one (V8 keeps slices of 13+ characters as views). */
function flat(s: string): string {
  if (s.length < 13) return s;
  const c = Buffer.from(s, 'utf8').toString('utf8');
  return c === s ? c : s;
}
