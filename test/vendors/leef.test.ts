import { vendorRunner, NOW } from '../helpers/vendor.js';
import { bestMs } from '../helpers/timing.js';
import { parser, decodeLeef } from '../../vendors/leef/index.js';
import { readDevTime } from '../../vendors/leef/date-format.js';

const { run, detect } = vendorRunner(parser);

describe('leef', () => {
  test('detect', () => {
    expect(detect('LEEF:1.0|V|P|1|E|src=1.2.3.4')).toBe(true);
    expect(detect('<13>Mar 14 08:00:00 h app: nothing')).toBe(false);
  });

  test('LEEF 1.0 tab-separated attributes to ECS', () => {
    const { doc, step } = run('<13>Mar 14 08:10:00 h LEEF:1.0|Microsoft|MSExchange|2016|15345|src=192.0.2.10\tdst=198.51.100.2\tsrcPort=1\tdstPort=25\tusrName=joe\tproto=17\tsev=6\tsrcBytes=10\tdstBytes=5');
    expect(step).toBeNull();
    expect(doc.source).toMatchObject({ ip: '192.0.2.10', port: 1, bytes: 10, user: { name: 'joe' } });
    expect(doc.destination).toMatchObject({ ip: '198.51.100.2', port: 25, bytes: 5 });
    expect(doc.network).toMatchObject({ transport: 'udp', iana_number: '17', bytes: 15 });
    expect(doc.event).toMatchObject({ code: '15345', severity: 6 });
    expect(doc.leef.device).toEqual({ vendor: 'Microsoft', product: 'MSExchange', version: '2016' });
  });

  test('LEEF 2.0 delimiters: a character, x5E, 0x09, and none', () => {
    expect(decodeLeef('LEEF:2.0|V|P|1|E|^|a=1^b=2', 0)!.attrs).toEqual({ a: '1', b: '2' });
    expect(decodeLeef('LEEF:2.0|V|P|1|E|x5E|a=1^b=2', 0)!.attrs).toEqual({ a: '1', b: '2' });
    expect(decodeLeef('LEEF:2.0|V|P|1|E|0x09|a=1\tb=2', 0)!.attrs).toEqual({ a: '1', b: '2' });
    expect(decodeLeef('LEEF:2.0|V|P|1|E|a=1\tb=x y', 0)!.attrs).toEqual({ a: '1', b: 'x y' });
  });

  test('LEEF 1.0 whose tabs became spaces: keys start at ` word=`', () => {
    expect(decodeLeef('LEEF:1.0|V|P|1|E|msg=a b c src=1.2.3.4', 0)!.attrs).toEqual({ msg: 'a b c', src: '1.2.3.4' });
  });

  test('devTime with and without devTimeFormat', () => {
    expect(new Date(readDevTime('Mar 14 2024 08:09:58', undefined, 'UTC', NOW).ms).toISOString()).toBe('2024-03-14T08:09:58.000Z');
    expect(new Date(readDevTime('1710404000000', undefined, 'UTC', NOW).ms).toISOString()).toBe('2024-03-14T08:13:20.000Z');
    expect(new Date(readDevTime("2024-03-14'T'", undefined, 'UTC', NOW).ms).getTime()).toBeNaN();
    const t = readDevTime('03/14/2024 01:02:03 PM', 'MM/dd/yyyy hh:mm:ss a', '+02:00', NOW);
    expect(new Date(t.ms).toISOString()).toBe('2024-03-14T11:02:03.000Z');
    expect(t.hasZone).toBe(false);
    const z = readDevTime("2024-03-14T13:02:03.5+0100", "yyyy-MM-dd'T'HH:mm:ss.SZ", 'UTC', NOW);
    expect(new Date(z.ms).toISOString()).toBe('2024-03-14T12:02:03.500Z');
  });

  test('bad header: step, no throw', () => {
    const { step } = run('LEEF:1.0|V|P');
    expect(step).toBe('parse_header');
    expect(run('LEEF:x|y').step).toBe('parse_header');
  });

  test('64 KiB adversarial lines parse quickly', () => {
    const lines = [
      'LEEF:1.0|V|P|1|E|' + 'a'.repeat(65536),
      'LEEF:1.0|V|P|1|E|' + 'k=v '.repeat(16000),
      'LEEF:2.0|V|P|1|E|^|' + 'k=\\^'.repeat(16000),
      'LEEF:1.0|V|P|1|E|devTime=' + '1'.repeat(60000) + '\tdevTimeFormat=' + 'y'.repeat(60),
    ];
    // CPU time, best of three after a warm-up call (test/helpers/timing.ts)
    for (const l of lines) expect(bestMs(() => run(l))).toBeLessThan(50);
  });
});

describe('leef delimiters as relays and devices write them', () => {
  test('tabs written as two characters, `|` separators, identity keys', () => {
    expect(decodeLeef('LEEF:1.0|V|P|1|E|src=192.0.2.10\\tdst=198.51.100.20\\tusrName=jdoe', 0)!.attrs)
      .toEqual({ src: '192.0.2.10', dst: '198.51.100.20', usrName: 'jdoe' });
    expect(decodeLeef('LEEF:1.0|Palo Alto Networks|PAN-OS Syslog Integration|10.1|allow|cat=TRAFFIC|src=10.0.0.5|dstPort=443', 0)!.attrs)
      .toEqual({ cat: 'TRAFFIC', src: '10.0.0.5', dstPort: '443' });
    const { doc, step } = run('LEEF:2.0|V|P|1.0|E1|^|identSrc=192.0.2.44^identMAC=00:11:22:33:44:55^identNetBios=WS044^role=admin^usrName=jdoe');
    expect(step).toBeNull();
    expect(doc.host).toEqual({ ip: ['192.0.2.44'], mac: '00-11-22-33-44-55', hostname: 'WS044' });
    expect(doc.user).toMatchObject({ name: 'jdoe', roles: ['admin'] });
    expect(doc.related.ip).toEqual(['192.0.2.44']);
  });
});

describe('leef repeated-message wrapper', () => {
  test('the wrapper\'s closing bracket is not part of the last value', () => {
    const { doc, step } = run('<13>Mar 14 08:00:00 host message repeated 2 times: [ LEEF:1.0|V|P|1|E|src=192.0.2.10\tdst=198.51.100.20]');
    expect(step).toBeNull();
    expect(doc.destination.ip).toBe('198.51.100.20');
  });
});
