import { vendorRunner } from '../helpers/vendor.js';
import { parser } from '../../vendors/sonicwall_firewall/index.js';
import { bestMs } from '../helpers/timing.js';

const { run, detect } = vendorRunner(parser);

describe('sonicwall_firewall detect', () => {
  test('SonicOS key=value lines only', () => {
    expect(detect('<134>id=firewall sn=C0EAE4000001 time="2024-03-14 12:00:01" fw=1.2.3.4 pri=6 c=1024 m=537')).toBe(true);
    expect(detect('<134>Mar 14 12:00:00 1.2.3.4 id=fw-hq sn=C0EAE4000001 m=98 msg="x"')).toBe(true);
    expect(detect('<189>date=2024-03-14 time=12:00:00 devname="fg" devid="FG100" logid="0000000013" type="traffic"')).toBe(false);
    expect(detect('<134>Mar 14 08:15:02 fw filterlog[1]: 5,,,1000000103,em0,match,block,in,4')).toBe(false);
  });
});

describe('sonicwall_firewall parse', () => {
  test('connection closed: endpoints, counters, duration, categorisation', () => {
    const { doc, step } = run('<134>Mar 14 12:05:00 198.51.100.1 id=firewall sn=C0EAE4000001 time="2024-03-14 12:05:02" fw=203.0.113.1 pri=6 c=1024 m=537 msg="Connection Closed" app=49169 n=125077 src=192.168.1.25:51544:X0:laptop-7 dst=93.184.216.34:443:X1 srcMac=00:17:c5:12:34:56 proto=tcp/https sent=4821 rcvd=61234 spkt=42 rpkt=57 cdur=299012 natSrc=203.0.113.1:41022', '+02:00');
    expect(step).toBeNull();
    expect(doc['@timestamp']).toBe('2024-03-14T10:05:02.000Z');
    expect(doc.event).toMatchObject({ code: '537', action: 'connection-end', kind: 'event', category: ['network'], type: ['connection', 'end'], duration: 299012000000, timezone: '+02:00' });
    expect(doc.source).toMatchObject({ ip: '192.168.1.25', port: 51544, domain: 'laptop-7', mac: '00-17-C5-12-34-56', bytes: 4821, packets: 42, nat: { ip: '203.0.113.1', port: 41022 } });
    expect(doc.network).toMatchObject({ transport: 'tcp', protocol: 'https', bytes: 66055, packets: 99 });
    expect(doc.observer).toMatchObject({ ip: '203.0.113.1', name: 'firewall', serial_number: 'C0EAE4000001', product: 'SonicOS' });
    expect(doc.observer.ingress.interface.name).toBe('X0');
    expect(doc.log.level).toBe('info');
    expect(doc.sonicwall.firewall).toEqual({ app: '49169' });
  });

  test('proto with a port number keeps only the transport', () => {
    const { doc } = run('<134>id=firewall sn=X m=30 pri=1 src=1.2.3.4:1:X1 dst=5.6.7.8:4444:X0 proto=tcp/4444 usr="admin"');
    expect(doc.network.transport).toBe('tcp');
    expect(doc.network.protocol).toBeUndefined();
    expect(doc.event.outcome).toBe('failure');
    expect(doc.related.user).toEqual(['admin']);
  });

  test('time with its own zone wins over the configured one', () => {
    const { doc } = run('<134>id=firewall sn=X m=98 time="2024-03-14 12:00:01 UTC"', '+05:00');
    expect(doc['@timestamp']).toBe('2024-03-14T12:00:01.000Z');
  });

  test('web request builds url.full; dstname without arg stays in the vendor namespace', () => {
    const a = run('<134>id=firewall sn=X m=97 proto=tcp/http op=2 dstname=www.example.com arg=/login').doc;
    expect(a.url).toEqual({ path: '/login', scheme: 'http', domain: 'www.example.com', full: 'http://www.example.com/login' });
    expect(a.http.request.method).toBe('POST');
    const b = run('<134>id=firewall sn=X m=1 dstname=mail.example.com').doc;
    expect(b.url).toBeUndefined();
    expect(b.sonicwall.firewall.dstname).toBe('mail.example.com');
  });

  test('a line without id= returns a step; unknown message ids still parse', () => {
    const r = run('<134>Mar 14 12:41:00 198.51.100.1 fw=1.2.3.4 sn=C0EAE4000001 m=98 no id key');
    expect(r.step).toBe('no_key_values');
    expect(r.doc.observer.vendor).toBe('SonicWall');
    const u = run('<134>id=firewall sn=X m=99999 msg="future"');
    expect(u.step).toBeNull();
    expect(u.doc.event.code).toBe('99999');
    expect(u.doc.event.action).toBeUndefined();
  });

  test('a relay\'s repeated-message wrapper does not end up in the last value', () => {
    const { doc } = run('Mar 15 10:00:01 relay01 message repeated 2 times: [ id=firewall sn=X m=98 src=192.0.2.1:1000:X0 dst=198.51.100.1:443:X1 proto=tcp/https]');
    expect(doc.network).toMatchObject({ transport: 'tcp', protocol: 'https' });
  });

  test('wire values named like Object properties map to nothing', () => {
    const { doc } = run('<134>id=firewall sn=X m=98 pri=constructor op=__proto__ fw_action=toString gcat=valueOf dpi=hasOwnProperty');
    expect(doc.log.level).toBe('informational'); // the header's, not a prototype member
    expect(doc.http).toBeUndefined();
    expect(doc.event.action).toBe('connection-start');
    expect(doc.sonicwall.firewall.event_group_category).toBeUndefined();
    expect(doc.sonicwall.firewall.dpi).toBeUndefined();
  });

  test('64 KiB adversarial lines parse quickly and do not throw', () => {
    const lines = [
      '<134>id=firewall sn=X m=98 msg="' + '\\"'.repeat(32768),
      '<134>id=firewall sn=X m=98 ' + 'a='.repeat(32768),
      '<134>id=firewall sn=X m=98 src=' + ':'.repeat(65536),
      '<134>id=firewall sn=X m=98 natSrc=[' + ':'.repeat(65536) + ' time="' + '9'.repeat(65536),
    ];
    for (const l of lines) {
      expect(() => run(l)).not.toThrow();
      expect(bestMs(() => run(l))).toBeLessThan(50);
    }
  });
});
