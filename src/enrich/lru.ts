/**
 * A bounded least-recently-used cache on a Map (whose iteration order is insertion order): a hit
 * moves the entry to the young end, an insert past the bound drops the oldest entry.
 */
export class LruCache<K, V> {
  private readonly map = new Map<K, V>();
  readonly max: number;
  hits = 0;
  misses = 0;

  constructor(max: number) {
    this.max = Math.max(0, Math.floor(max));
  }

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    const m = this.map;
    const v = m.get(key);
    if (v === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // refresh only when the entry is not among the youngest already (cheap for hot keys)
    m.delete(key);
    m.set(key, v);
    return v;
  }

  set(key: K, value: V): void {
    if (this.max === 0) return;
    const m = this.map;
    if (m.has(key)) m.delete(key);
    else if (m.size >= this.max) m.delete(m.keys().next().value as K);
    m.set(key, value);
  }

  clear(): void {
    this.map.clear();
  }
}
