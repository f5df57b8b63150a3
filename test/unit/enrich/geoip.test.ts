import { copyFileSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GeoIp } from '../../../src/enrich/geoip.js';
import { CollectorError } from '../../../src/core/errors.js';
import { buildEnrichment } from '../../../src/enrich/build.js';

const TEST_DBS = resolve(process.cwd(), '../shared/geoip-test');
const quiet = (): void => undefined;

// as Elasticsearch's geoip processor writes them in ../shared/corpus/elastic-integrations
const LONDON = {
  city_name: 'London', continent_name: 'Europe', country_iso_code: 'GB', country_name: 'United Kingdom',
  location: { lat: 51.5142, lon: -0.0931 }, region_iso_code: 'GB-ENG', region_name: 'England',
};
const LINKOPING = {
  city_name: 'Linköping', continent_name: 'Europe', country_iso_code: 'SE', country_name: 'Sweden',
  location: { lat: 58.4167, lon: 15.6167 }, region_iso_code: 'SE-E', region_name: 'Östergötland County',
};
const MILTON = {
  city_name: 'Milton', continent_name: 'North America', country_iso_code: 'US', country_name: 'United States',
  location: { lat: 47.2513, lon: -122.3149 }, region_iso_code: 'US-WA', region_name: 'Washington',
};
const BHUTAN = { continent_name: 'Asia', country_iso_code: 'BT', country_name: 'Bhutan', location: { lat: 27.5, lon: 90.5 } };
const CHANGCHUN = {
  city_name: 'Changchun', continent_name: 'Asia', country_iso_code: 'CN', country_name: 'China',
  location: { lat: 43.88, lon: 125.3228 }, region_iso_code: 'CN-22', region_name: 'Jilin Sheng',
};

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('GeoIP against the MaxMind test databases', () => {
  let g: GeoIp;
  beforeAll(() => {
    g = GeoIp.open({ directory: TEST_DBS, watch: false, log: quiet });
  });

  test('City and ASN databases are picked by metadata type; broken and unrelated files are not used', () => {
    const dbs = g.databases();
    expect(dbs.map((d) => d.kind).sort()).toEqual(['asn', 'geo']);
    expect(dbs.find((d) => d.kind === 'geo')!.file).toBe(join(TEST_DBS, 'GeoIP2-City-Test.mmdb'));
    expect(dbs.find((d) => d.kind === 'asn')!.type).toBe('GeoLite2-ASN');
  });

  test.each([
    ['81.2.69.142', LONDON, null],
    ['89.160.20.128', LINKOPING, { number: 29518, organization: { name: 'Bredband2 AB' } }],
    ['216.160.83.56', MILTON, { number: 209 }],
    ['67.43.156.14', BHUTAN, { number: 35908 }],
    ['175.16.199.1', CHANGCHUN, null],
    ['1.128.3.4', null, { number: 1221, organization: { name: 'Telstra Pty Ltd' } }],
  ])('%s', (ip, geo, as) => {
    const r = g.lookup(ip)!;
    expect(r).not.toBeNull();
    expect(r.geo).toEqual(geo);
    expect(r.as).toEqual(as);
  });

  test('IPv6: 2001:218::/32 is Japan; 2a02:cf40:: is Norway', () => {
    expect(g.lookup('2001:218::1')!.geo).toMatchObject({ country_iso_code: 'JP', country_name: 'Japan', continent_name: 'Asia' });
    expect(g.lookup('2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6')!.geo).toEqual({
      continent_name: 'Europe', country_iso_code: 'NO', country_name: 'Norway', location: { lat: 62, lon: 10 },
    });
  });

  test('special-purpose addresses are not looked up', () => {
    const dbs = (g as unknown as { dbs: { geo: { reader: { get: (ip: string) => unknown } } } }).dbs;
    const real = dbs.geo.reader.get.bind(dbs.geo.reader);
    const asked: string[] = [];
    dbs.geo.reader.get = (ip: string) => {
      asked.push(ip);
      return real(ip);
    };
    try {
      for (const ip of ['10.20.30.40', '192.168.1.1', '172.16.5.4', '127.0.0.1', '169.254.3.3', '224.0.0.5', '203.0.113.20', 'fe80::1', 'fd12::1', '::1', 'not-an-ip']) {
        expect(g.lookup(ip)).toBeNull();
      }
      expect(asked).toEqual([]);
      expect(g.lookup('81.2.69.160')!.geo).toEqual(LONDON);
      expect(asked).toEqual(['81.2.69.160']);
    } finally {
      dbs.geo.reader.get = real;
    }
  });

  test('enrich: all four sides, fields already present win, NAT address as fallback', () => {
    const doc: Record<string, any> = {
      source: { ip: '89.160.20.156', geo: { name: 'wan-zone' } },
      destination: { ip: '10.0.0.5', nat: { ip: '175.16.199.1' } },
      client: { ip: '216.160.83.57', as: { number: 1 } },
      server: { ip: '192.168.0.1' },
    };
    g.enrich(doc);
    expect(doc.source.geo).toEqual({ name: 'wan-zone', ...LINKOPING });
    expect(doc.source.as).toEqual({ number: 29518, organization: { name: 'Bredband2 AB' } });
    expect(doc.destination.geo).toEqual(CHANGCHUN);
    expect(doc.client.geo).toEqual(MILTON);
    expect(doc.client.as).toEqual({ number: 1 });
    expect(doc.server).toEqual({ ip: '192.168.0.1' });
  });

  test('documents share the cache\'s objects, frozen: a change throws and the cache keeps its values', () => {
    const a: Record<string, any> = { source: { ip: '81.2.69.142' } };
    const b: Record<string, any> = { source: { ip: '81.2.69.142' } };
    g.enrich(a);
    g.enrich(b);
    expect(b.source.geo).toBe(a.source.geo);
    expect(b.source.as).toBe(a.source.as);
    expect(() => {
      a.source.geo.location.lat = 0;
    }).toThrow(TypeError);
    expect(() => {
      a.source.geo.city_name = 'x';
    }).toThrow(TypeError);
    expect(() => {
      a.source.as.organization.name = 'x';
    }).toThrow(TypeError);
    expect(b.source.geo.location.lat).toBe(51.5142);
    expect(g.lookup('81.2.69.142')!.geo!.location!.lat).toBe(51.5142);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  test('the cache is bounded', () => {
    const small = GeoIp.open({ directory: TEST_DBS, cacheEntries: 3, watch: false, log: quiet });
    for (const ip of ['81.2.69.142', '89.160.20.128', '216.160.83.56', '67.43.156.14', '10.0.0.1', '175.16.199.1']) small.lookup(ip);
    // two generations of 3 >> 1 = 1 entry: the last two addresses looked up
    expect(small.cacheStats.size).toBe(2);
    small.lookup('175.16.199.1');
    expect(small.cacheStats.hits).toBe(1);
  });
});

describe('GeoIP errors at start', () => {
  test.each(['GeoIP2-City-Test-Broken-Double-Format.mmdb', 'GeoIP2-City-Test-Invalid-Node-Count.mmdb'])('%s as the City database', (f) => {
    let err: unknown;
    try {
      GeoIp.open({ directory: TEST_DBS, cityDatabase: f, watch: false, log: quiet });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CollectorError);
    expect((err as CollectorError).code).toBe('COL_ERR_GEOIP_DB');
    expect((err as Error).message).toContain(join(TEST_DBS, f));
  });

  test('a directory holding only a broken database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'geoip-'));
    try {
      copyFileSync(join(TEST_DBS, 'GeoIP2-City-Test-Invalid-Node-Count.mmdb'), join(dir, 'GeoLite2-City.mmdb'));
      expect(() => GeoIp.open({ directory: dir, watch: false, log: quiet })).toThrow(/GeoLite2-City\.mmdb: node_count 100000 does not fit/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a missing file or directory', async () => {
    await expect(buildEnrichment({ geoipDir: '/nonexistent/geoip', assets: null, watch: false })).rejects.toMatchObject({ code: 'COL_ERR_GEOIP_DB' });
    expect(() => GeoIp.open({ directory: TEST_DBS, asnDatabase: 'GeoLite2-ASN.mmdb', watch: false, log: quiet })).toThrow(/GeoLite2-ASN\.mmdb: cannot read: ENOENT/);
  });

  test('an ASN database named as the City database', () => {
    expect(() => GeoIp.open({ directory: TEST_DBS, cityDatabase: 'GeoLite2-ASN-Test.mmdb', watch: false, log: quiet })).toThrow(/is not a City\/Country database/);
  });
});

describe('GeoIP reload when a database is replaced', () => {
  let dir: string;
  let g: GeoIp | null = null;
  const logs: string[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'geoip-'));
    copyFileSync(join(TEST_DBS, 'GeoLite2-City-Test.mmdb'), join(dir, 'GeoLite2-City.mmdb'));
    copyFileSync(join(TEST_DBS, 'GeoLite2-ASN-Test.mmdb'), join(dir, 'GeoLite2-ASN.mmdb'));
    logs.length = 0;
  });
  afterEach(() => {
    g?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // geoipupdate writes a temporary file and renames it over the old one
  const replace = (src: string, name: string): void => {
    copyFileSync(src, join(dir, name + '.tmp'));
    renameSync(join(dir, name + '.tmp'), join(dir, name));
  };

  test('a new file is loaded; a corrupt one is refused and the previous one stays', async () => {
    g = GeoIp.open({ directory: dir, watch: true, log: (_l, m) => logs.push(m) });
    expect(g.lookup('81.2.69.142')!.geo!.city_name).toBe('London');

    // a Country database in place of the City one: no more city names
    replace(join(TEST_DBS, 'GeoIP2-Country-Test.mmdb'), 'GeoLite2-City.mmdb');
    await until(() => g!.reloads === 1);
    expect(g.lookup('81.2.69.142')!.geo).toEqual({ continent_name: 'Europe', country_iso_code: 'GB', country_name: 'United Kingdom' });
    expect(g.databases().find((d) => d.kind === 'geo')!.type).toBe('GeoIP2-Country');

    // a corrupt file: refused, the Country database answers on
    replace(join(TEST_DBS, 'GeoIP2-City-Test-Broken-Double-Format.mmdb'), 'GeoLite2-City.mmdb');
    await until(() => g!.rejected === 1);
    expect(logs.some((m) => m.includes('GeoLite2-City.mmdb replaced by an unusable file') && m.includes('keeping the previous one'))).toBe(true);
    expect(g.lookup('81.2.69.142')!.geo!.country_iso_code).toBe('GB');
    expect(g.databases().find((d) => d.kind === 'geo')!.type).toBe('GeoIP2-Country');
    expect(g.lookup('89.160.20.128')!.as).toEqual({ number: 29518, organization: { name: 'Bredband2 AB' } });

    // and a good one again
    replace(join(TEST_DBS, 'GeoIP2-City-Test.mmdb'), 'GeoLite2-City.mmdb');
    await until(() => g!.reloads === 2);
    expect(g.lookup('81.2.69.142')!.geo).toEqual(LONDON);
  });

  test('removing a database keeps the loaded one', async () => {
    g = GeoIp.open({ directory: dir, watch: true, log: (_l, m) => logs.push(m) });
    rmSync(join(dir, 'GeoLite2-ASN.mmdb'));
    await new Promise((r) => setTimeout(r, 500));
    expect(g.lookup('89.160.20.128')!.as!.number).toBe(29518);
  });
});
