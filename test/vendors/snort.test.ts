import { vendorRunner } from '../helpers/vendor.js';
import { parser } from '../../vendors/snort/index.js';
import { bestMs } from '../helpers/timing.js';

const { run, detect } = vendorRunner(parser);

describe('snort detect', () => {
  test('fast, syslog and CSV alerts; not other lines', () => {
    expect(detect('<33>Mar 14 11:00:00 fw snort[1]: [1:2:3] x [Priority: 2] {TCP} 1.2.3.4:1 -> 5.6.7.8:2')).toBe(true);
    expect(detect('03/14-11:05:10.123456  [**] [1:384:5] ICMP PING [**] [Priority: 3] {ICMP} 1.2.3.4 -> 5.6.7.8')).toBe(true);
    expect(detect('09/03/21-12:37:16.428952 ,1,2403488,68499,"x",TCP,1.2.3.4,1,5.6.7.8,2,1,c,2,alert,Allow')).toBe(true);
    expect(detect('<134>Mar 14 08:15:02 fw filterlog[1]: 5,,,1000000103,em0,match,block,in,4')).toBe(false);
    expect(detect('<30>Mar 14 08:15:02 host sshd[3]: Accepted password for bob')).toBe(false);
  });
});

describe('snort parse', () => {
  test('syslog alert_fast from pfSense', () => {
    const { doc, step } = run('<33>Mar 14 11:00:00 pfsense snort[23011]: [1:2100498:7] GPL ATTACK_RESPONSE id check returned root [Classification: Potentially Bad Traffic] [Priority: 2] {TCP} 198.51.100.80:80 -> 192.168.10.20:49822');
    expect(step).toBeNull();
    expect(doc.rule).toEqual({ id: '2100498', version: '7', description: 'GPL ATTACK_RESPONSE id check returned root', category: 'Potentially Bad Traffic' });
    expect(doc.snort.gid).toBe(1);
    expect(doc.event.severity).toBe(2);
    expect(doc.event.kind).toBe('alert');
    expect(doc.network.direction).toBe('inbound');
    expect(doc.observer.name).toBe('pfsense');
    expect(doc.process).toEqual({ name: 'snort', pid: 23011 });
  });

  test('fast file line: own stamp in the configured zone, milliseconds kept', () => {
    const { doc } = run('01/21-02:23:42.327730  [**] [1:408:5] ICMP Echo Reply [**] [Priority: 3] {ICMP} 203.0.113.1 -> 192.168.115.10', 'America/Chicago');
    expect(doc['@timestamp']).toBe('2024-01-21T08:23:42.327Z');
    expect(doc.event.timezone).toBe('America/Chicago');
    expect(doc.rule.category).toBeUndefined();
    expect(doc.network.iana_number).toBe('1');
    expect(doc.network.community_id).toMatch(/^1:/);
  });

  test('pfSense CSV with a Block action', () => {
    const { doc } = run('03/14/24-11:10:01.250000 ,1,2522101,4117,"ET TOR, Known Relay",TCP,198.51.100.66,9001,10.0.0.8,40022,0,Misc Attack,2,alert,Block');
    expect(doc.rule.description).toBe('ET TOR, Known Relay');
    expect(doc.event.type).toEqual(['denied']);
    expect(doc.destination.port).toBe(40022);
    expect(doc['@timestamp']).toBe('2024-03-14T11:10:01.250Z');
  });

  test('IPv6 endpoints with and without brackets', () => {
    const a = run('<33>Mar 14 11:00:05 ids suricata[1]: [1:2:3] x [Priority: 2] {TCP} [2001:db8::10]:51000 -> [2001:db8::1]:80').doc;
    expect(a.source.ip).toBe('2001:db8::10');
    expect(a.source.port).toBe(51000);
    const b = run('<33>Mar 14 11:00:05 ids snort[1]: [1:2:3] x [Priority: 2] {UDP} 2001:db8::10:53 -> 2001:db8::1:5353').doc;
    expect(b.source.ip).toBe('2001:db8::10');
    expect(b.destination.port).toBe(5353);
    expect(b.network.type).toBe('ipv6');
  });

  test('malformed alerts return a step and keep the observer', () => {
    const r1 = run('<33>Mar 14 11:20:00 fw snort[1]: [1:2:3] broken alert [Priority: 2] without a protocol block');
    expect(r1.step).toBe('parse_fast_body');
    expect(r1.doc.observer.vendor).toBe('snort');
    expect(run('03/14-11:05:10.123456 ,garbage,in,a,csv,line').step).toBe('parse_csv');
    expect(run('<33>Mar 14 11:20:00 fw snort[1]: no header here [Priority: 2]').step).toBe('parse_fast_header');
  });

  test('64 KiB adversarial lines parse quickly and do not throw', () => {
    const lines = [
      '<33>Mar 14 11:00:00 fw snort[1]: [1:2:3] ' + '[Priority: '.repeat(6000),
      '<33>Mar 14 11:00:00 fw snort[1]: [1:2:3] x [Priority: 2] {TCP} ' + ' -> '.repeat(16384),
      '03/14-11:05:10.123456 ,' + '"a,'.repeat(21845),
      '03/14-11:05:10.123456  [**] ' + '[**] '.repeat(13107),
    ];
    for (const l of lines) {
      expect(() => run(l)).not.toThrow();
      expect(bestMs(() => run(l))).toBeLessThan(50);
    }
  });
});
