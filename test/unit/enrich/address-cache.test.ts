import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AddressCache } from '../../../src/enrich/address-cache.js';
import { AssetEnricher } from '../../../src/enrich/assets.js';
import { GeoIp, isPrivateV4Prefix } from '../../../src/enrich/geoip.js';
import { isReservedIp } from '../../../src/enrich/reserved.js';

const TEST_DBS = resolve(process.cwd(), '../shared/geoip-test');
const quiet = (): void => undefined;

describe('address cache', () => {
  test('bounded by two generations of max/2; IPv4 keys by value, other text as text', () => {
    const c = new AddressCache(4);
    const a = c.entry('10.0.0.1');
    // generations of 2: {.1 .2} {v6 text} {.3 .4} {.5 .6}; the last two are kept
    for (const ip of ['10.0.0.2', '2001:db8::1', 'not-an-ip', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6']) c.entry(ip);
    expect(c.size).toBe(4);
    expect(c.entry('10.0.0.1')).not.toBe(a); // pushed out long ago: a new entry
    expect(c.size).toBe(3); // {.5 .6} {.1}
    const b = c.entry('2001:DB8::7');
    expect(c.size).toBe(4);
    for (const ip of ['x1', 'x2', 'x3', 'x4']) c.entry(ip);
    expect(c.entry('2001:DB8::7')).not.toBe(b);
    expect(c.size).toBe(3); // {x3 x4} {2001:DB8::7}
    // the same address written by another event (another string) finds the same entry
    const d = c.entry('192.0.2.77');
    expect(c.entry(['192', '0', '2', '77'].join('.'))).toBe(d);
    // 255.255.255.255 and 0.0.0.0 are keys like the others
    expect(c.entry('255.255.255.255')).not.toBe(c.entry('0.0.0.0'));
    // a hit in the old generation is copied into the young one, and counted once
    const e = new AddressCache(6);
    const k = e.entry('198.51.100.1');
    e.entry('198.51.100.2');
    e.entry('198.51.100.3');
    e.entry('198.51.100.4'); // {.1 .2 .3} became old
    expect(e.size).toBe(4);
    expect(e.entry('198.51.100.1')).toBe(k);
    expect(e.size).toBe(4);
    expect(e.hits).toBe(1);
  });

  test('at most max entries; an entry used within the last max/2 lookups is kept', () => {
    // (each lookup inserts at most one entry into the young generation: a miss or a copy from the old one)
    for (const max of [2, 3, 10, 101]) {
      const c = new AddressCache(max);
      const last = new Map<string, { entry: object; at: number }>();
      let kept = 0;
      let seed = 12345;
      for (let i = 0; i < 5000; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const n = seed % (3 * max + 3);
        const ip = n % 5 === 0 ? `2001:db8::${n.toString(16)}` : `203.0.113.${n}`;
        const e = c.entry(ip);
        const prev = last.get(ip);
        if (prev !== undefined && i - prev.at <= max >> 1) {
          expect(e).toBe(prev.entry);
          kept++;
        }
        last.set(ip, { entry: e, at: i });
        expect(c.size).toBeLessThanOrEqual(max);
      }
      expect(kept).toBeGreaterThan(100);
    }
    const one = new AddressCache(1);
    one.entry('203.0.113.1');
    one.entry('203.0.113.2');
    expect(one.size).toBe(1);
  });

  test('0 entries keeps nothing', () => {
    const c = new AddressCache(0);
    c.entry('10.0.0.1');
    expect(c.size).toBe(0);
  });

  test('leading zeros are text, not the same address', () => {
    const c = new AddressCache(10);
    expect(c.entry('010.0.0.1')).not.toBe(c.entry('10.0.0.1'));
  });
});

describe('private-prefix shortcut agrees with the reserved ranges', () => {
  test.each([
    '10.0.0.1', '10.255.255.255', '127.0.0.1', '169.254.1.1', '172.16.0.1', '172.19.9.9', '172.20.0.1', '172.29.1.1', '172.31.255.255',
    '192.168.0.1', '192.168.255.255', '10.x', '10.', '172.16.', '192.168.1',
  ])('%s is private', (ip) => {
    expect(isPrivateV4Prefix(ip)).toBe(ip.length >= 7);
    expect(isReservedIp(ip)).toBe(true);
  });
  test.each([
    '1.1.1.1', '100.64.0.1', '11.0.0.1', '12.7.0.1', '127', '172.15.0.1', '172.32.0.1', '172.1.0.1', '172.3.0.1', '172.160.0.1', '192.169.0.1',
    '192.16.0.1', '169.25.1.1', '169.2540.1.1', '1.2.3.4', '19.168.0.1', '2001:db8::1', '',
  ])('%s is not taken by the shortcut', (ip) => {
    expect(isPrivateV4Prefix(ip)).toBe(false);
  });
  test('every address the shortcut takes is reserved', () => {
    for (let a = 0; a < 256; a++) {
      for (const b of [0, 15, 16, 20, 31, 32, 168, 254, 255]) {
        const ip = `${a}.${b}.1.2`;
        if (isPrivateV4Prefix(ip)) expect(isReservedIp(ip)).toBe(true);
      }
    }
  });
});

describe('one cache for the asset and GeoIP stages', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'addr-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('both stages fill the same entry; a reload of either is seen at once', () => {
    const cache = new AddressCache(100);
    const f = join(dir, 'assets.csv');
    writeFileSync(f, 'ip,name,owner\n81.2.69.0/24,edge,netops\n');
    const assets = AssetEnricher.open({ file: f, watch: false, log: quiet, cache });
    const geo = GeoIp.open({ directory: TEST_DBS, watch: false, log: quiet, cache });
    const doc = (): Record<string, any> => ({ source: { ip: '81.2.69.142' } });
    const d1 = doc();
    assets.enrich(d1, '');
    geo.enrich(d1);
    expect(d1.source.asset).toEqual({ name: 'edge', owner: 'netops' });
    expect(d1.source.geo.city_name).toBe('London');
    expect(cache.size).toBe(1);

    writeFileSync(f, 'ip,name,owner\n81.2.69.142,host-142,secops\n');
    expect(assets.reload()).toBe(true);
    const d2 = doc();
    assets.enrich(d2, '');
    geo.enrich(d2);
    expect(d2.source).toMatchObject({ domain: 'host-142', asset: { name: 'host-142', owner: 'secops' } });
    expect(d2.source.geo.city_name).toBe('London');
    // documents share the entry's asset object, frozen: a change throws, the next document gets it whole
    expect(() => {
      d2.source.asset.name = 'changed';
    }).toThrow(TypeError);
    const d3 = doc();
    assets.enrich(d3, '');
    expect(d3.source.asset.name).toBe('host-142');
    expect(d3.source.asset).toBe(d2.source.asset);
    assets.close();
    geo.close();
  });
});
