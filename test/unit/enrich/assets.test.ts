import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssetEnricher, loadInventory, ASSET_MAPPING } from '../../../src/enrich/assets.js';
import { CollectorError } from '../../../src/core/errors.js';
import { buildEnrichment } from '../../../src/enrich/build.js';
import { Processor } from '../../../src/pipeline/process.js';
import { Telemetry } from '../../../src/core/telemetry.js';

const quiet = (): void => undefined;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'assets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const CSV = [
  'ip,name,type,owner,site,criticality,tags,vendor,model,timezone',
  '10.0.0.0/8,corp-lan,network,netops,,low,,,,',
  '10.1.0.0/16,paris-dc,network,infra,paris,medium,dc;prod,,,',
  '10.1.2.0/24,paris-dmz,network,secops,paris,high,dmz,,,',
  '10.1.2.10,fw-paris-01,firewall,secops,paris,critical,edge|ha,Palo Alto Networks,PA-3220,Europe/Paris',
  '"2001:db8::/32",v6-corp,network,netops,,low,,,,',
  '2001:db8:10::/48,v6-paris,network,infra,paris,medium,,,,',
  '2001:db8:10::53,dns-paris,server,infra,paris,high,dns,,,+01:00',
].join('\n');

function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

function loadError(f: () => unknown): CollectorError {
  try {
    f();
  } catch (e) {
    return e as CollectorError;
  }
  throw new Error('no error');
}

describe('asset inventory', () => {
  test('CSV: the most specific network wins, IPv4 and IPv6', () => {
    const inv = loadInventory(write('assets.csv', CSV));
    expect(inv.lookup('10.1.2.10')!.name).toBe('fw-paris-01');
    expect(inv.lookup('10.1.2.11')!.name).toBe('paris-dmz');
    expect(inv.lookup('10.1.9.9')!.name).toBe('paris-dc');
    expect(inv.lookup('10.200.0.1')!.name).toBe('corp-lan');
    expect(inv.lookup('11.0.0.1')).toBeUndefined();
    expect(inv.lookup('2001:db8:10::53')!.name).toBe('dns-paris');
    expect(inv.lookup('2001:db8:10::54')!.name).toBe('v6-paris');
    expect(inv.lookup('2001:db8:ffff::1')!.name).toBe('v6-corp');
    expect(inv.lookup('2001:db9::1')).toBeUndefined();
    expect(inv.lookup('::ffff:10.1.2.10')!.name).toBe('fw-paris-01');
    const fw = inv.lookup('10.1.2.10')!;
    expect(fw).toMatchObject({ network: '10.1.2.10/32', host: true, tags: ['edge', 'ha'], vendor: 'Palo Alto Networks', model: 'PA-3220', timezone: 'Europe/Paris', line: 5 });
  });

  test('YAML, as a list or under assets:', () => {
    const y = ['assets:', '  - ip: 192.168.0.0/16', '    name: branch', '    tags: [branch, wifi]', '  - ip: 192.168.7.1', '    name: gw', '    criticality: high', '    tags: gw'].join('\n');
    const inv = loadInventory(write('assets.yaml', y));
    expect(inv.lookup('192.168.7.1')).toMatchObject({ name: 'gw', criticality: 'high', tags: ['gw'], line: 5 });
    expect(inv.lookup('192.168.7.2')).toMatchObject({ name: 'branch', tags: ['branch', 'wifi'], line: 2 });
    const inv2 = loadInventory(write('list.yml', '- {ip: "fd00::/8", name: ula}\n'));
    expect(inv2.lookup('fd00::1')!.name).toBe('ula');
  });

  test.each([
    ['a bad address', 'ip,name\n10.0.0.1,a\n10.0.0.300,b\n', 3, /"10.0.0.300" is not an IP address or CIDR network/],
    ['a bad prefix', 'ip,name\n\n10.0.0.0/40,a\n', 3, /not an IP address/],
    ['a missing column', 'ip,name,owner\n10.0.0.1,a,b\n10.0.0.2,c\n', 3, /2 fields, the header has 3/],
    ['an unknown timezone', 'ip,timezone\n10.0.0.1,Mars/Olympus\n', 2, /unknown timezone "Mars\/Olympus"/],
    ['a duplicate network', 'ip,name\n10.0.0.0/8,a\n10.1.2.3/8,b\n', 3, /10.0.0.0\/8 is already listed on line 2/],
    ['a stray quote', 'ip,name\n10.0.0.1,a\n10.0.0.2,b"c\n', 3, /quote/],
    ['no ip column', 'addr,name\n10.0.0.1,a\n', 1, /no "ip" column/],
  ])('CSV with %s: the error names the line', (_what, text, line, msg) => {
    const f = write('bad.csv', text);
    const e = loadError(() => loadInventory(f));
    expect(e).toBeInstanceOf(CollectorError);
    expect(e.code).toBe('COL_ERR_ASSETS');
    expect(e.message).toContain(`${f} line ${line}:`);
    expect(e.message).toMatch(msg);
  });

  test('YAML with a bad entry: the error names the line', () => {
    const f = write('bad.yaml', '- ip: 10.0.0.1\n  name: a\n- ip: nope\n  name: b\n');
    expect(loadError(() => loadInventory(f)).message).toMatch(/bad\.yaml line 3: "nope" is not an IP/);
  });

  test('enrich: the sender as observer, addresses as <side>.domain and <side>.asset', () => {
    const e = AssetEnricher.open({ file: write('assets.csv', CSV), watch: false, log: quiet });
    const doc: Record<string, any> = {
      observer: { vendor: 'Palo Alto Networks', product: 'PAN-OS' },
      source: { ip: '10.1.2.77' },
      destination: { ip: '2001:db8:10::53', domain: 'ns1.example' },
      client: { ip: '8.8.8.8' },
      server: { ip: '10.1.2.10' },
    };
    e.enrich(doc, '10.1.2.10');
    expect(doc.server.domain).toBe('fw-paris-01');
    expect(doc.observer).toEqual({
      vendor: 'Palo Alto Networks', product: 'PAN-OS', name: 'fw-paris-01', type: 'firewall',
      asset: { owner: 'secops', site: 'paris', criticality: 'critical', tags: ['edge', 'ha'] },
    });
    // a network's name is not the host's domain
    expect(doc.source).toEqual({ ip: '10.1.2.77', asset: { name: 'paris-dmz', type: 'network', owner: 'secops', site: 'paris', criticality: 'high', tags: ['dmz'] } });
    expect(doc.destination.domain).toBe('ns1.example');
    expect(doc.destination.asset).toEqual({ name: 'dns-paris', type: 'server', owner: 'infra', site: 'paris', criticality: 'high', tags: ['dns'] });
    expect(doc.client).toEqual({ ip: '8.8.8.8' });
    // file input: no sender
    const d2: Record<string, any> = { source: { ip: '10.9.9.9' } };
    e.enrich(d2, '');
    expect(d2.observer).toBeUndefined();
    expect(d2.source.asset.name).toBe('corp-lan');
  });

  test("a sender only a network covers: its site facts and zone, not the network's name or type", () => {
    const e = AssetEnricher.open({ file: write('net.csv', 'ip,name,type,owner,site,criticality,tags,vendor,model,timezone\n10.20.0.0/16,branch-lan,network,it,lyon,medium,branch,Cisco,C9300,Europe/Paris\n10.30.0.0/16,bare,network,,,,,,,\n10.40.0.9,,,,,,,,,Asia/Tokyo\n'), watch: false, log: quiet });
    const doc: Record<string, any> = { observer: { type: 'switch' }, source: { ip: '10.20.3.4' } };
    e.enrich(doc, '10.20.0.1');
    // the device's identity is not the network's; where it is and whose it is, is
    expect(doc.observer).toEqual({ type: 'switch', asset: { owner: 'it', site: 'lyon', criticality: 'medium', tags: ['branch'] } });
    expect(e.deviceTimezone('10.20.0.1')).toBe('Europe/Paris');
    // the same network as an event's address: the entry as it is
    expect(doc.source.asset).toEqual({ name: 'branch-lan', type: 'network', owner: 'it', site: 'lyon', criticality: 'medium', tags: ['branch'], vendor: 'Cisco', model: 'C9300' });
    // nothing for the observer: no empty object
    const d2: Record<string, any> = {};
    e.enrich(d2, '10.30.1.1');
    expect(d2.observer).toBeUndefined();
    const d3: Record<string, any> = {};
    e.enrich(d3, '10.40.0.9');
    expect(d3.observer).toBeUndefined();
    expect(e.deviceTimezone('10.40.0.9')).toBe('Asia/Tokyo');
  });

  test('an entry without a name is identified by its network', () => {
    const e = AssetEnricher.open({ file: write('n.csv', 'ip,owner,criticality\n198.18.0.0/15,lab,low\n'), watch: false, log: quiet });
    const doc: Record<string, any> = { destination: { ip: '198.19.1.1' } };
    e.enrich(doc, '');
    expect(doc.destination).toEqual({ ip: '198.19.1.1', asset: { owner: 'lab', criticality: 'low', network: '198.18.0.0/15' } });
  });

  test('the mapping covers every asset field under each side', () => {
    const m = ASSET_MAPPING as any;
    for (const side of ['source', 'destination', 'client', 'server']) {
      expect(Object.keys(m[side].properties.asset.properties).sort()).toEqual(['criticality', 'model', 'name', 'network', 'owner', 'site', 'tags', 'type', 'vendor']);
    }
    expect(Object.keys(m.observer.properties.asset.properties).sort()).toEqual(['criticality', 'owner', 'site', 'tags']);
  });

  test('the inventory timezone of a device is used for its syslog timestamps', async () => {
    const en = await buildEnrichment({ geoipDir: null, assets: write('assets.csv', CSV), watch: false, log: quiet });
    const telemetry = new Telemetry();
    const p = new Processor({ timezone: 'UTC', senders: [], enrichers: en.enrichers, telemetry, deviceTimezone: en.deviceTimezone });
    const frame = (ip: string) => ({ data: Buffer.from('<134>Jul  1 12:00:00 host app: hello'), senderIp: ip, senderPort: 514, listener: 'udp', receivedAt: Date.parse('2024-07-01T12:00:00Z'), truncated: false });
    const paris = p.process(frame('10.1.2.10'), telemetry.stats('udp', '10.1.2.10'));
    expect(paris['@timestamp']).toBe('2024-07-01T10:00:00.000Z');
    expect(paris.event.timezone).toBe('Europe/Paris');
    expect(paris.observer.name).toBe('fw-paris-01');
    const v6 = p.process(frame('2001:db8:10::53'), telemetry.stats('udp', '2001:db8:10::53'));
    expect(v6['@timestamp']).toBe('2024-07-01T11:00:00.000Z');
    const other = p.process(frame('10.1.2.11'), telemetry.stats('udp', '10.1.2.11'));
    expect(other['@timestamp']).toBe('2024-07-01T12:00:00.000Z');
    en.close();
  });
});

describe('asset inventory reload', () => {
  async function until(cond: () => boolean, ms = 5000): Promise<void> {
    const end = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > end) throw new Error('timed out waiting');
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  test('a changed file is loaded; a bad one is reported by line and the previous inventory stays', async () => {
    const f = write('assets.csv', 'ip,name\n10.0.0.0/8,old\n');
    const logs: string[] = [];
    const e = AssetEnricher.open({ file: f, watch: true, log: (_l, m) => logs.push(m) });
    try {
      expect(e.inventory.lookup('10.1.1.1')!.name).toBe('old');
      writeFileSync(f + '.new', 'ip,name\n10.0.0.0/8,new\n10.1.0.0/16,newer\n');
      renameSync(f + '.new', f);
      await until(() => e.reloads === 1);
      expect(e.inventory.lookup('10.1.1.1')!.name).toBe('newer');

      writeFileSync(f, 'ip,name\n10.0.0.0/8,broken\n10.1.0.0/99,x\n');
      await until(() => e.rejected >= 1);
      expect(logs.some((m) => m.includes(`${f} line 3:`) && m.includes('keeping the previous asset inventory'))).toBe(true);
      expect(e.inventory.lookup('10.1.1.1')!.name).toBe('newer');
      const doc: Record<string, any> = { source: { ip: '10.1.1.1' } };
      e.enrich(doc, '');
      expect(doc.source.asset.name).toBe('newer');
    } finally {
      e.close();
    }
  });
});
