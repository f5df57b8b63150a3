/**
 * A bounded least-recently-used cache on a Map (whose iteration order is insertion order): an
 * insert past the bound drops the oldest entry. A hit moves its entry to the young end only when
 * the entry has fallen into the older half (lazy promotion), so hits on hot entries cost one Map
 * lookup and no reordering; an entry used within the last `max / 2` insertions is never evicted.
 */
interface Slot<V> {
  value: V;
  /** insertion counter when the entry was last (re)inserted */
  stamp: number;
}

export class LruCache<K, V> {
  private readonly map = new Map<K, Slot<V>>();
  readonly max: number;
  private readonly half: number;
  private clock = 0;
  hits = 0;
  misses = 0;

  constructor(max: number) {
    this.max = Math.max(0, Math.floor(max));
    this.half = Math.max(1, this.max >> 1);
  }

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    const m = this.map;
    const s = m.get(key);
    if (s === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    if (this.clock - s.stamp >= this.half) {
      m.delete(key);
      s.stamp = ++this.clock;
      m.set(key, s);
    }
    return s.value;
  }

  set(key: K, value: V): void {
    if (this.max === 0) return;
    const m = this.map;
    const s = m.get(key);
    if (s !== undefined) m.delete(key);
    else if (m.size >= this.max) m.delete(m.keys().next().value as K);
    m.set(key, { value, stamp: ++this.clock });
  }

  clear(): void {
    this.map.clear();
  }
}
