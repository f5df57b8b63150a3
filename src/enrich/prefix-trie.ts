/**
 * Longest-prefix match over IPv4 and IPv6 networks: a multibit trie on 32-bit (IPv4) and 128-bit
 * (IPv6) keys with controlled prefix expansion: a 65536-entry root table indexed by the first 16
 * bits, then tables of 16 entries per 4 bits. Each entry keeps the most specific network ending at
 * its level (with that network's length, so a longer one wins over an expanded shorter one) and a
 * link to the next table. An IPv4 lookup reads at most 5 tables, an IPv6 one at most 29; all in
 * typed arrays, no allocation. The most specific network wins.
 */
import { parseIpInto, type IpFamily } from '../core/ip.js';

const STRIDE = 4;
const FANOUT = 1 << STRIDE;
const ROOT_BITS = 16;
const ROOT_SIZE = 1 << ROOT_BITS;

/** bits [b, b+4) of a key given as words, msb first (b a multiple of 4, at least 16) */
function nibble(w: Uint32Array, b: number): number {
  return (w[b >>> 5]! >>> (28 - (b & 31))) & 15;
}

class MultibitTrie {
  private readonly rootChild = new Int32Array(ROOT_SIZE);
  private readonly rootVal = new Int32Array(ROOT_SIZE).fill(-1);
  /** length + 1 of the network stored in the entry (0: none) */
  private readonly rootLen = new Uint8Array(ROOT_SIZE);
  private child: Int32Array;
  private val: Int32Array;
  private len: Uint8Array;
  /** tables in use; table 0 is never used, so a 0 link means none */
  private tables = 1;

  constructor(private readonly bits: 32 | 128) {
    const cap = 1024;
    this.child = new Int32Array(cap * FANOUT);
    this.val = new Int32Array(cap * FANOUT).fill(-1);
    this.len = new Uint8Array(cap * FANOUT);
  }

  private newTable(): number {
    if ((this.tables + 1) * FANOUT > this.val.length) {
      const cap = this.val.length * 2;
      const c = new Int32Array(cap);
      c.set(this.child);
      const v = new Int32Array(cap).fill(-1);
      v.set(this.val);
      const l = new Uint8Array(cap);
      l.set(this.len);
      this.child = c;
      this.val = v;
      this.len = l;
    }
    return this.tables++;
  }

  /** Stores a value index for a network; returns the index it replaces for exactly that network, or -1. */
  insert(w: Uint32Array, prefix: number, valueIndex: number): number {
    const mark = prefix + 1;
    const top = w[0]! >>> 16;
    if (prefix <= ROOT_BITS) {
      const count = 1 << (ROOT_BITS - prefix);
      const start = top & ~(count - 1);
      const prev = this.rootLen[start] === mark ? this.rootVal[start]! : -1;
      for (let e = start; e < start + count; e++) {
        if (this.rootLen[e]! <= mark) {
          this.rootLen[e] = mark;
          this.rootVal[e] = valueIndex;
        }
      }
      return prev;
    }
    let t = this.rootChild[top]!;
    if (t === 0) {
      t = this.newTable();
      this.rootChild[top] = t;
    }
    let b = ROOT_BITS;
    while (prefix > b + STRIDE) {
      const slot = t * FANOUT + nibble(w, b);
      let next = this.child[slot]!;
      if (next === 0) {
        next = this.newTable();
        this.child[slot] = next;
      }
      t = next;
      b += STRIDE;
    }
    const rest = prefix - b; // 1..4
    const count = 1 << (STRIDE - rest);
    const start = t * FANOUT + (nibble(w, b) & ~(count - 1));
    const prev = this.len[start] === mark ? this.val[start]! : -1;
    for (let e = start; e < start + count; e++) {
      if (this.len[e]! <= mark) {
        this.len[e] = mark;
        this.val[e] = valueIndex;
      }
    }
    return prev;
  }

  lookup4(key: number): number {
    const top = key >>> 16;
    let best = this.rootVal[top]!;
    let t = this.rootChild[top]!;
    if (t === 0) return best;
    const child = this.child;
    const val = this.val;
    for (let shift = 12; ; shift -= 4) {
      const slot = t * FANOUT + ((key >>> shift) & 15);
      const v = val[slot]!;
      if (v >= 0) best = v;
      t = child[slot]!;
      if (t === 0 || shift === 0) return best;
    }
  }

  lookupWords(w: Uint32Array): number {
    const top = w[0]! >>> 16;
    let best = this.rootVal[top]!;
    let t = this.rootChild[top]!;
    const child = this.child;
    const val = this.val;
    for (let b = ROOT_BITS; t !== 0 && b < this.bits; b += STRIDE) {
      const slot = t * FANOUT + ((w[b >>> 5]! >>> (28 - (b & 31))) & 15);
      const v = val[slot]!;
      if (v >= 0) best = v;
      t = child[slot]!;
    }
    return best;
  }
}

const scratch = new Uint32Array(4);

export class PrefixTrie<T> {
  private readonly v4 = new MultibitTrie(32);
  private readonly v6 = new MultibitTrie(128);
  private readonly values: T[] = [];

  get count(): number {
    return this.values.length;
  }

  /**
   * Adds a network (words as from `parseCidr`: IPv4 in words[0]). Returns the value already stored
   * for exactly that network, which it replaces, or undefined.
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
    const i = fam === 4 ? this.v4.lookup4(scratch[0]!) : this.v6.lookupWords(scratch);
    return i >= 0 ? this.values[i] : undefined;
  }

  /** Same as `lookup` for an address already parsed by `parseIpInto`. */
  lookupParsed(fam: 4 | 6, words: Uint32Array): T | undefined {
    const i = fam === 4 ? this.v4.lookup4(words[0]!) : this.v6.lookupWords(words);
    return i >= 0 ? this.values[i] : undefined;
  }
}
