/**
 * What enrichment knows about one address, cached by the address text (as the event wrote it):
 * the asset inventory's answer and the GeoIP databases' answer, each ready to put into a document.
 * The asset and GeoIP stages share one cache when both are configured, so an address costs one
 * lookup in a Map per stage (the second one finds what the first just touched), no trie walk and no
 * database read once it has been seen.
 *
 * Each part of an entry remembers which data it came from (the inventory object, the database
 * generation): an entry made before a reload is recomputed on its next use; the stages also clear
 * the cache when they reload, to free the old answers at once.
 *
 * Bounded, least recently used first out, on a Map (whose iteration order is insertion order): an
 * insert past the bound drops the oldest entry. A hit moves its entry to the young end only when the
 * entry has fallen into the older half (lazy promotion), so hits on hot entries cost one Map lookup
 * and no reordering; an entry used within the last `max / 2` insertions is never evicted.
 */
import type { Asset } from './assets.js';
import type { AsFields, GeoFields } from './geoip.js';
import { readIPv4 } from '../core/ip.js';

/** One address. A class so that every entry has one shape (the stages read it per event). */
export class AddressEntry {
  /** insertion counter when the entry was last (re)inserted */
  stamp = 0;
  /** the inventory the asset part was computed from; null: not computed */
  assetsOf: object | null = null;
  /** most specific inventory entry holding the address */
  asset: Asset | null = null;
  /** its `<side>.asset` object (documents get copies) */
  assetObj: Record<string, unknown> | null = null;
  /** its `<side>.domain`: the entry's name when it is a single address */
  domain: string | undefined = undefined;
  /** the GeoIP generation the geo part was computed from; -1: not computed */
  geoOf = -1;
  geo: GeoFields | null = null;
  as: AsFields | null = null;
}

export class AddressCache {
  /**
   * Keys: a plain IPv4 address as its value (an int32, a small integer to V8: hashed and compared
   * without reading a string, the cheap case for a cache the pipeline has long pushed out of the CPU
   * caches); anything else (IPv6, text that is no address) as its text.
   */
  private readonly map = new Map<string | number, AddressEntry>();
  readonly max: number;
  private readonly half: number;
  private clock = 0;
  /**
   * the last addresses asked for (the stages of one event ask for the same ones in turn); an entry
   * due for promotion is looked up in the map instead, so the order stays least recently used
   */
  private r0 = '';
  private r1 = '';
  private r2 = '';
  private r3 = '';
  private e0: AddressEntry | null = null;
  private e1: AddressEntry | null = null;
  private e2: AddressEntry | null = null;
  private e3: AddressEntry | null = null;
  private next = 0;
  hits = 0;
  misses = 0;

  /** `max` entries at most; 0: nothing is kept (each lookup gets a fresh entry) */
  constructor(max: number) {
    this.max = Math.max(0, Math.floor(max));
    this.half = Math.max(1, this.max >> 1);
  }

  get size(): number {
    return this.map.size;
  }

  /** The entry of an address, made (empty) and inserted when there is none. */
  entry(ip: string): AddressEntry {
    if (ip === this.r0 && this.e0 !== null && this.clock - this.e0.stamp < this.half) {
      this.hits++;
      return this.e0;
    }
    if (ip === this.r1 && this.e1 !== null && this.clock - this.e1.stamp < this.half) {
      this.hits++;
      return this.e1;
    }
    if (ip === this.r2 && this.e2 !== null && this.clock - this.e2.stamp < this.half) {
      this.hits++;
      return this.e2;
    }
    if (ip === this.r3 && this.e3 !== null && this.clock - this.e3.stamp < this.half) {
      this.hits++;
      return this.e3;
    }
    const e = this.find(ip);
    switch (this.next) {
      case 0:
        this.r0 = ip;
        this.e0 = e;
        break;
      case 1:
        this.r1 = ip;
        this.e1 = e;
        break;
      case 2:
        this.r2 = ip;
        this.e2 = e;
        break;
      default:
        this.r3 = ip;
        this.e3 = e;
    }
    this.next = (this.next + 1) & 3;
    return e;
  }

  private find(ip: string): AddressEntry {
    const v = readIPv4(ip);
    const key: string | number = v >= 0 ? v | 0 : ip;
    const m = this.map;
    let e = m.get(key);
    if (e !== undefined) {
      this.hits++;
      if (this.clock - e.stamp >= this.half) {
        m.delete(key);
        e.stamp = ++this.clock;
        m.set(key, e);
      }
      return e;
    }
    this.misses++;
    e = new AddressEntry();
    if (this.max === 0) return e;
    if (m.size >= this.max) m.delete(m.keys().next().value as string | number);
    e.stamp = ++this.clock;
    // a flat copy of a text key: the event's text may be a slice of the whole line, which the
    // cache would otherwise keep alive
    m.set(typeof key === 'number' ? key : flat(key), e);
    return e;
  }

  clear(): void {
    this.map.clear();
    this.r0 = this.r1 = this.r2 = this.r3 = '';
    this.e0 = this.e1 = this.e2 = this.e3 = null;
  }
}

/** A string that does not point into a larger one (V8 keeps slices of 13+ characters as views). */
function flat(s: string): string {
  if (s.length < 13) return s;
  const c = Buffer.from(s, 'utf8').toString('utf8');
  return c === s ? c : s;
}
