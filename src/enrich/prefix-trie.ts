/**
 * Longest-prefix match over IPv4 and IPv6 networks: a binary radix trie on 32-bit (IPv4) and
 * 128-bit (IPv6) keys, one bit per level, nodes in typed arrays. A lookup parses the address
 * without allocating and walks at most 32 or 128 nodes; the most specific network wins.
 */
import { parseIpInto, type IpFamily } from './ip.js';

class BitTrie {
  /** child[2n] / child[2n+1]: node index of the 0 / 1 branch, 0 when none (node 0 is the root) */
  child: Int32Array;
  /** value index at node n, -1 when no network ends there */
  val: Int32Array;
  size = 1;

  constructor(capacity = 1024) {
    this.child = new Int32Array(capacity * 2);
    this.val = new Int32Array(capacity).fill(-1);
  }

  private grow(): void {
    const cap = this.val.length * 2;
    const c = new Int32Array(cap * 2);
    c.set(this.child);
    const v = new Int32Array(cap).fill(-1);
    v.set(this.val);
    this.child = c;
    this.val = v;
  }

  /** Sets the value index of a prefix; returns the one it replaces, or -1. */
  insert(words: Uint32Array, bits: number, valueIndex: number): number {
    let node = 0;
    for (let i = 0; i < bits; i++) {
      const b = (words[i >>> 5]! >>> (31 - (i & 31))) & 1;
      let next = this.child[node * 2 + b]!;
      if (next === 0) {
        if (this.size >= this.val.length) this.grow();
        next = this.size++;
        this.child[node * 2 + b] = next;
      }
      node = next;
    }
    const prev = this.val[node]!;
    this.val[node] = valueIndex;
    return prev;
  }

  lookup4(key: number): number {
    const child = this.child;
    const val = this.val;
    let best = val[0]!;
    let node = 0;
    for (let i = 31; i >= 0; i--) {
      node = child[node * 2 + ((key >>> i) & 1)]!;
      if (node === 0) return best;
      const v = val[node]!;
      if (v >= 0) best = v;
    }
    return best;
  }

  lookup6(w: Uint32Array): number {
    const child = this.child;
    const val = this.val;
    let best = val[0]!;
    let node = 0;
    for (let k = 0; k < 4; k++) {
      const key = w[k]!;
      for (let i = 31; i >= 0; i--) {
        node = child[node * 2 + ((key >>> i) & 1)]!;
        if (node === 0) return best;
        const v = val[node]!;
        if (v >= 0) best = v;
      }
    }
    return best;
  }
}

const scratch = new Uint32Array(4);

export class PrefixTrie<T> {
  private readonly v4 = new BitTrie();
  private readonly v6 = new BitTrie();
  private readonly values: T[] = [];

  get count(): number {
    return this.values.length;
  }

  /**
   * Adds a network (words as from `parseCidr`). Returns the value already stored for exactly that
   * network, which it replaces, or undefined.
   */
  insert(family: 4 | 6, words: Uint32Array, prefix: number, value: T): T | undefined {
    const idx = this.values.length;
    this.values.push(value);
    const prev = (family === 4 ? this.v4 : this.v6).insert(words, prefix, idx);
    return prev >= 0 ? this.values[prev] : undefined;
  }

  /** The value of the most specific network holding `ip`; undefined when none or not an address. */
  lookup(ip: string): T | undefined {
    const fam: IpFamily = parseIpInto(ip, scratch);
    if (fam === 0) return undefined;
    const i = fam === 4 ? this.v4.lookup4(scratch[0]!) : this.v6.lookup6(scratch);
    return i >= 0 ? this.values[i] : undefined;
  }

  /** Same as `lookup` for an address already parsed by `parseIpInto`. */
  lookupParsed(fam: 4 | 6, words: Uint32Array): T | undefined {
    const i = fam === 4 ? this.v4.lookup4(words[0]!) : this.v6.lookup6(words);
    return i >= 0 ? this.values[i] : undefined;
  }
}
