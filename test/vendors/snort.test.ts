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

  test('barnyard2 syslog: the interface before the protocol', () => {
    const { doc, step } = run('<33>Mar 15 10:00:03 sensor barnyard2[2222]: [1:2100366:8] GPL ICMP_INFO PING *NIX [Classification: Misc activity] [Priority: 3]: <eth0> {ICMP} 198.51.100.7 -> 192.168.88.10');
    expect(step).toBeNull();
    expect(doc.network.transport).toBe('icmp');
    expect(doc.destination.ip).toBe('192.168.88.10');
  });

  test('alert_full as one frame: stamp, IP and TCP headers from their lines', () => {
    const full = '[**] [1:2014520:2] ET INFO EXE - Served Attached HTTP [**]\n[Classification: Misc activity] [Priority: 3] \n' +
      '03/15-10:00:00.327730 203.0.113.1:80 -> 192.168.115.10:1051\nTCP TTL:128 TOS:0x10 ID:1234 IpLen:20 DgmLen:1500 DF\n' +
      '***A**** Seq: 0x1D4A2B3C  Ack: 0x5E6F7A8B  Win: 0xFAF0  TcpLen: 20\n';
    const { doc, step } = run(full);
    expect(step).toBeNull();
    expect(doc['@timestamp']).toBe('2024-03-15T10:00:00.327Z');
    expect(doc.rule).toMatchObject({ id: '2014520', category: 'Misc activity' });
    expect(doc.source).toMatchObject({ ip: '203.0.113.1', port: 80 });
    expect(doc.snort.ip).toEqual({ ttl: 128, tos: 16, id: 1234, length: 20, flags: 'DF' });
    expect(doc.snort.dgm.length).toBe(1500);
    expect(doc.snort.tcp).toEqual({ flags: 'A', seq: 0x1d4a2b3c, ack: 0x5e6f7a8b, window: 0xfaf0, length: 20 });
  });

  test('Snort 3 alert_json and Suricata EVE alerts', () => {
    const s3 = run('{ "timestamp" : "03/15-10:00:09.123456", "pkt_num" : 12, "proto" : "TCP", "pkt_len" : 74, "rule" : "1:1000001:1", "action" : "allow", "msg" : "local test", "class" : "none", "priority" : 3, "src_addr" : "192.168.88.10", "src_port" : 51000, "dst_addr" : "203.0.113.80", "dst_port" : 80, "eth_src" : "00:11:22:33:44:55", "tcp_flags" : "***AP***", "service" : "unknown" }');
    expect(s3.step).toBeNull();
    expect(s3.doc.rule).toEqual({ id: '1000001', version: '1', description: 'local test', category: 'none' });
    expect(s3.doc.source).toEqual({ address: '192.168.88.10', ip: '192.168.88.10', port: 51000, mac: '00-11-22-33-44-55' });
    expect(s3.doc.network).toMatchObject({ transport: 'tcp', packets: 12, bytes: 74 });
    expect(s3.doc.network.protocol).toBeUndefined();
    expect(s3.doc.event.type).toEqual(['allowed']);
    const eve = run('<14>Mar 15 10:00:10 ids01 suricata[99]: {"timestamp":"2024-03-15T10:00:10.123456+0000","event_type":"alert","src_ip":"198.51.100.7","src_port":4444,"dest_ip":"192.168.88.10","dest_port":80,"proto":"TCP","alert":{"action":"blocked","gid":1,"signature_id":2024217,"rev":3,"signature":"ET POLICY test","category":"Misc activity","severity":1}}');
    expect(eve.step).toBeNull();
    expect(eve.doc.rule).toEqual({ id: '2024217', version: '3', description: 'ET POLICY test', category: 'Misc activity' });
    expect(eve.doc.event).toMatchObject({ severity: 1, type: ['denied'] });
    expect(eve.doc['@timestamp']).toBe('2024-03-15T10:00:10.123Z');
    // other EVE events are not alerts: not claimed, and a step when the sender is pinned to the family
    expect(detect('{"event_type":"flow","src_ip":"198.51.100.7"}')).toBe(false);
    expect(run('{"event_type":"flow","src_ip":"198.51.100.7"}').step).toBe('eve_not_an_alert');
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
      '[**] [1:2:3] x [**]\n[Priority: 1] \n' + '03/14-11:05:10.1 '.repeat(3800),
      '{ "pkt_num" : 1, "a" : "' + 'x'.repeat(65536) + '" }',
    ];
    for (const l of lines) {
      expect(() => run(l)).not.toThrow();
      expect(bestMs(() => run(l))).toBeLessThan(50);
    }
  });
});
