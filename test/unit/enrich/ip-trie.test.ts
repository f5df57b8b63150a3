import { parseIpInto, parseCidr, formatIp } from '../../../src/core/ip.js';
import { PrefixTrie } from '../../../src/enrich/prefix-trie.js';
import { isReservedIp } from '../../../src/enrich/reserved.js';
import { AddressCache } from '../../../src/enrich/address-cache.js';
import { parseCsv } from '../../../src/enrich/csv.js';

const w = new Uint32Array(4);

describe('IP parsing', () => {
  test('IPv4', () => {
    expect(parseIpInto('192.0.2.1', w)).toBe(4);
    expect(w[0]).toBe(0xc0000201);
    expect(parseIpInto('255.255.255.255', w)).toBe(4);
    expect(w[0]).toBe(0xffffffff);
    for (const bad of ['', '1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '1.2.3.', 'a.b.c.d', '1.2.3.4 ']) expect(parseIpInto(bad, w)).toBe(0);
  });

  test('IPv6 forms', () => {
    const six = (s: string): string => {
      const f = parseIpInto(s, w);
      return f === 0 ? 'invalid' : formatIp(f, w);
    };
    expect(six('2001:db8::1')).toBe('2001:db8::1');
    expect(six('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(six('::')).toBe('::');
    expect(six('::1')).toBe('::1');
    expect(six('fe80::1%eth0')).toBe('fe80::1');
    expect(six('[2001:db8::2]')).toBe('2001:db8::2');
    expect(six('1:2:3:4:5:6:7:8')).toBe('1:2:3:4:5:6:7:8');
    expect(six('1::')).toBe('1::');
    expect(six('64:ff9b::192.0.2.33')).toBe('64:ff9b::c000:221');
    // IPv4-mapped addresses are read as IPv4
    expect(parseIpInto('::ffff:81.2.69.142', w)).toBe(4);
    expect(formatIp(4, w)).toBe('81.2.69.142');
    for (const bad of ['1:2:3:4:5:6:7:8:9', '1::2::3', ':1', '1:', '12345::', 'g::1', '1:2:3:4:5:6:7::8:9']) expect(six(bad)).toBe('invalid');
  });

  test('CIDR', () => {
    expect(parseCidr('10.1.2.3/16')!.text).toBe('10.1.0.0/16');
    expect(parseCidr('10.1.2.3')!.text).toBe('10.1.2.3/32');
    expect(parseCidr('2001:db8:abcd::1/48')!.text).toBe('2001:db8:abcd::/48');
    expect(parseCidr('::ffff:10.0.0.0/104')!.text).toBe('10.0.0.0/8');
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('2001:db8::/129')).toBeNull();
    expect(parseCidr('10.0.0.0/x')).toBeNull();
    expect(parseCidr('nope/8')).toBeNull();
  });
});

describe('prefix trie', () => {
  const t = new PrefixTrie<string>();
  for (const [c, v] of [
    ['0.0.0.0/0', 'v4-default'],
    ['10.0.0.0/8', 'ten'],
    ['10.1.0.0/16', 'ten-one'],
    ['10.1.2.0/24', 'ten-one-two'],
    ['10.1.2.3/32', 'host'],
    ['2001:db8::/32', 'doc'],
    ['2001:db8:1::/48', 'doc-1'],
    ['2001:db8:1:2::5/128', 'doc-host'],
  ] as const) {
    const p = parseCidr(c)!;
    t.insert(p.family, p.words, p.prefix, v);
  }

  test('most specific IPv4 network wins', () => {
    expect(t.lookup('10.1.2.3')).toBe('host');
    expect(t.lookup('10.1.2.4')).toBe('ten-one-two');
    expect(t.lookup('10.1.3.1')).toBe('ten-one');
    expect(t.lookup('10.200.0.1')).toBe('ten');
    expect(t.lookup('8.8.8.8')).toBe('v4-default');
    expect(t.lookup('::ffff:10.1.2.3')).toBe('host');
  });

  test('most specific IPv6 network wins; families are separate', () => {
    expect(t.lookup('2001:db8:1:2::5')).toBe('doc-host');
    expect(t.lookup('2001:db8:1:2::6')).toBe('doc-1');
    expect(t.lookup('2001:db8:2::1')).toBe('doc');
    expect(t.lookup('2001:db9::1')).toBeUndefined();
    expect(t.lookup('not an ip')).toBeUndefined();
  });

  test('re-inserting a network returns the value it replaces', () => {
    const u = new PrefixTrie<number>();
    const p = parseCidr('192.168.0.0/16')!;
    expect(u.insert(p.family, p.words, p.prefix, 1)).toBeUndefined();
    expect(u.insert(p.family, p.words, p.prefix, 2)).toBe(1);
    expect(u.lookup('192.168.3.4')).toBe(2);
  });

  test('insertion order does not matter; random networks agree with a linear scan (v4 and v6)', () => {
    let x = 987654321;
    const r = (n: number): number => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return x % n;
    };
    for (const fam of [4, 6] as const) {
      const t = new PrefixTrie<number>();
      const nets: { w: Uint32Array; p: number; id: number }[] = [];
      for (let i = 0; i < 3000; i++) {
        // clustered keys so that networks nest
        const w = new Uint32Array([fam === 4 ? (0x0a000000 | (r(4) << 16) | (r(4) << 8) | r(4)) >>> 0 : 0x20010db8, r(4) << 28, 0, r(2)]);
        const p = fam === 4 ? 8 + r(25) : 28 + r(101);
        const c = parseCidr(`${formatIp(fam, w)}/${p}`)!;
        t.insert(fam, c.words, c.prefix, i);
        nets.push({ w: c.words, p, id: i });
      }
      const bits = fam === 4 ? 32 : 128;
      const inNet = (a: Uint32Array, n: { w: Uint32Array; p: number }): boolean => {
        for (let b = 0; b < n.p; b++) {
          const k = b >>> 5;
          const m = 31 - (b & 31);
          if (((a[k]! >>> m) & 1) !== ((n.w[k]! >>> m) & 1)) return false;
        }
        return true;
      };
      for (let q = 0; q < 3000; q++) {
        const a = new Uint32Array([fam === 4 ? (0x0a000000 | (r(4) << 16) | (r(4) << 8) | r(4)) >>> 0 : 0x20010db8, r(4) << 28, 0, r(2)]);
        let best: { p: number; id: number } | undefined;
        for (const n of nets) if (inNet(a, n) && (best === undefined || n.p > best.p || (n.p === best.p && n.id > best.id))) best = n;
        expect(t.lookup(formatIp(fam, a))).toBe(best?.id);
      }
      expect(bits).toBeGreaterThan(0);
    }
  });

  test('100k random /24 networks: every network finds itself', () => {
    const u = new PrefixTrie<number>();
    const nets: number[] = [];
    let x = 12345;
    for (let i = 0; i < 100_000; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const net = (x & 0xffffff00) >>> 0;
      nets.push(net);
      const ww = new Uint32Array([net, 0, 0, 0]);
      u.insert(4, ww, 24, i);
    }
    const last = new Map<number, number>();
    nets.forEach((n, i) => last.set(n, i));
    for (const [n, i] of [...last].slice(0, 2000)) expect(u.lookup(formatIp(4, new Uint32Array([n + 77, 0, 0, 0])))).toBe(i);
  });
});

describe('special-purpose ranges', () => {
  test.each(['10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '127.0.0.1', '169.254.1.1', '100.64.0.1', '224.0.0.251', '255.255.255.255', '0.0.0.0', '192.0.2.10', '198.51.100.1', '203.0.113.20', '::1', '::', 'fe80::1', 'fd00::1', 'ff02::1', '2001:db8::1', '::ffff:10.0.0.1', 'garbage'])('%s is reserved', (ip) => {
    expect(isReservedIp(ip)).toBe(true);
  });
  test.each(['81.2.69.142', '89.160.20.128', '8.8.8.8', '172.32.0.1', '2001:218::1', '2a02:cf40::1', '::ffff:81.2.69.142'])('%s is looked up', (ip) => {
    expect(isReservedIp(ip)).toBe(false);
  });
});

describe('LRU cache of addresses', () => {
  test('bounded, drops the least recently used', () => {
    const c = new AddressCache(2);
    const a = c.entry('192.0.2.1');
    const b = c.entry('192.0.2.2');
    expect(c.entry('192.0.2.1')).toBe(a); // a is now the youngest
    c.entry('192.0.2.3'); // drops b
    expect(c.size).toBe(2);
    expect(c.hits).toBe(1);
    expect(c.entry('192.0.2.1')).toBe(a);
    expect(c.entry('192.0.2.2')).not.toBe(b);
    expect(c.size).toBe(2);
  });
});

describe('CSV', () => {
  test('quotes, escaped quotes, multi-line fields, CRLF, comments, line numbers', () => {
    const r = parseCsv('a,b,c\r\n# comment\n\n1,"x, ""y""",3\n"multi\nline",,\n4,5,6');
    expect(r).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 4, fields: ['1', 'x, "y"', '3'] },
      { line: 5, fields: ['multi\nline', '', ''] },
      { line: 7, fields: ['4', '5', '6'] },
    ]);
  });
  test('errors name the line', () => {
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(/unterminated/);
    try {
      parseCsv('a,b\n1,2\n3,x"y\n');
    } catch (e) {
      expect((e as { line: number }).line).toBe(3);
    }
  });
});
