import { parser } from '../../vendors/cisco_asa/index.js';
import { parser as ftdParser } from '../../vendors/cisco_ftd/index.js';
import type { EcsDoc } from '../../src/core/types.js';
import { bestMs } from '../helpers/timing.js';
import { vendorRunner } from '../helpers/vendor.js';

const asa = vendorRunner(parser);
const ftdRunner = vendorRunner(ftdParser);

function run(line: string, p: 'asa' | 'ftd' = 'asa'): { doc: EcsDoc; step: string | null } {
  return (p === 'asa' ? asa : ftdRunner).run(line);
}

describe('cisco_asa', () => {
  test('detects ASA, PIX and FWSM markers, not FTD or plain text', () => {
    for (const l of ['<166>%ASA-6-302013: x', 'fw : %PIX-4-106023: x', 'Apr 30 2013 09:23:40: %FWSM-4-106023: x']) {
      expect(asa.detect(l)).toBe(true);
    }
    expect(asa.detect('<166>%FTD-6-430003: a: b')).toBe(false);
    expect(asa.detect('<13>hello 100% sure')).toBe(false);
    expect(ftdRunner.detect('<166>%FTD-6-430003: a: b')).toBe(true);
  });

  test('106023 with a colon in the interface name', () => {
    const { doc, step } = run('LOCAL4.WARNING: fw-1 %ASA-4-106023: Deny udp src v1:outside:10.8.1.9/54864 dst inside:172.16.1.3/53 by access-group "acl_out" [0x0, 0x0]');
    expect(step).toBeNull();
    expect(doc.cisco.asa.source_interface).toBe('v1:outside');
    expect(doc.source).toMatchObject({ ip: '10.8.1.9', port: 54864 });
    expect(doc.destination).toMatchObject({ ip: '172.16.1.3', port: 53 });
    expect(doc.cisco.asa.rule_name).toBe('acl_out');
    expect(doc.host.name).toBe('fw-1');
    expect(doc.process.name).toBe('LOCAL4.WARNING');
    expect(doc.network).toMatchObject({ transport: 'udp', iana_number: '17' });
    expect(doc.event).toMatchObject({ code: '106023', severity: 4, action: 'firewall-rule' });
    expect(doc.log.level).toBe('warning');
  });

  test('302013 outbound swaps the ends and sets NAT only when translated', () => {
    const { doc } = run('<166>Mar 15 2024 10:02:00 fw : %ASA-6-302013: Built outbound TCP connection 1 for outside:203.0.113.50/443 (203.0.113.50/443) to inside:10.1.1.2/5000 (198.51.100.2/6000)');
    expect(doc.source.ip).toBe('10.1.1.2');
    expect(doc.destination.ip).toBe('203.0.113.50');
    expect(doc.source.nat).toEqual({ ip: '198.51.100.2', port: 6000 });
    expect(doc.destination.nat).toBeUndefined();
    expect(doc.network.direction).toBe('outbound');
  });

  test('second stamp with a zone abbreviation sets @timestamp and event.timezone', () => {
    const { doc } = run('Jan 22 14:05:11 test.example.com : Jan 22 14:05:11 PST: %ASA-svc-4-722051: Group <G> User <u> IP <81.2.69.144> IPv4 Address <10.20.0.1> IPv6 address <::> assigned to session');
    expect(doc['@timestamp'].slice(5)).toBe('01-22T22:05:11.000Z');
    expect(doc.event.timezone).toBe('-08:00');
    expect(doc.cisco.asa).toMatchObject({ suffix: 'svc', assigned_ip: '10.20.0.1' });
    expect(doc.host.hostname).toBe('test.example.com');
  });

  test('113019 duration gives start/end/duration', () => {
    const { doc } = run('<164>Feb 19 2024 16:29:38: %ASA-4-113019: Group = VPN, Username = abcd, IP = 10.0.100.30, Session disconnected. Session Type: SSL, Duration: 1h:24m:30s, Bytes xmt: 25292048, Bytes rcv: 12546398, Reason: User Requested');
    expect(doc.event.duration).toBe(5070e9);
    expect(doc.event.start).toBe('2024-02-19T15:05:08.000Z');
    expect(doc.source.bytes).toBe(25292048);
  });

  test('unknown id and unparseable body return a step and keep observer fields', () => {
    const a = run('<166>%ASA-6-999999: what');
    expect(a.step).toBe('unknown_message_id');
    expect(a.doc.observer).toMatchObject({ vendor: 'Cisco', product: 'asa', type: 'firewall' });
    expect(a.doc.event.code).toBe('999999');
    const b = run('<164>%ASA-4-106023: nonsense');
    expect(b.step).toBe('parse_106023');
  });

  test('64 KiB adversarial lines return quickly', () => {
    const bodies = [
      'Deny tcp src ' + ':/'.repeat(32768) + ' dst',
      'Built inbound TCP connection 1 for ' + 'a:'.repeat(32768),
      'Teardown TCP connection 1 for ' + 'x'.repeat(65536),
    ];
    for (const [id, b] of [['106023', bodies[0]], ['302013', bodies[1]], ['302014', bodies[2]]] as const) {
      const r = run(`<166>%ASA-6-${id}: ${b}`);
      expect(bestMs(() => run(`<166>%ASA-6-${id}: ${b}`))).toBeLessThan(50);
      expect(typeof r.step === 'string' || r.step === null).toBe(true);
    }
    expect(bestMs(() => run('<166>%FTD-6-430003: ' + 'A,'.repeat(32768) + 'SrcIP: 1.2.3.4', 'ftd'))).toBeLessThan(50);
    for (const [id, b] of [['751025', 'Local:' + ':'.repeat(65536)], ['713228', 'Group = '.repeat(8192)], ['722041', 'TunnelGroup '.repeat(5000)], ['305009', 'Built static translation from ' + '('.repeat(65536) + ' to x']] as const) {
      expect(bestMs(() => run(`<166>%ASA-6-${id}: ${b}`))).toBeLessThan(50);
    }
  });

  test('RFC 5424 headers, with or without PRI, give the device host and time', () => {
    for (const l of [
      '<166>1 2024-03-15T10:00:00Z fw-e - - - %ASA-6-113004: AAA user authentication Successful : server = 10.0.9.9 : user = jdoe',
      '1 2024-03-15T10:00:00Z fw-e - - - %ASA-6-113004: AAA user authentication Successful : server = 10.0.9.9 : user = jdoe',
    ]) {
      const { doc, step } = run(l);
      expect(step).toBeNull();
      expect(doc.host.hostname).toBe('fw-e');
      expect(doc['@timestamp']).toBe('2024-03-15T10:00:00.000Z');
      expect(doc.source.user.name).toBe('jdoe');
    }
  });

  test("a relay's stamp and host before the device's: the device host and stamp win", () => {
    const { doc } = run('Mar 15 10:00:09 relay01 Mar 15 2024 10:00:00 fw-d : %ASA-6-113004: AAA user authentication Successful : server = 10.0.9.9 : user = jdoe');
    expect(doc.host.hostname).toBe('fw-d');
    expect(doc['@timestamp']).toBe('2024-03-15T10:00:00.000Z');
  });

  test('a weekday before the stamp is not the host', () => {
    const { doc } = run("Fri Mar 15 2024 10:00:00 fw-b %ASA-5-111008: User 'admin' executed the 'write memory' command.");
    expect(doc.host.hostname).toBe('fw-b');
    expect(doc['@timestamp']).toBe('2024-03-15T10:00:00.000Z');
  });

  test('message repeated N times: inside the body and around the marker', () => {
    for (const l of [
      '<162>Mar 15 2024 10:00:01 fw01 : %ASA-2-106006: message repeated 2 times: [ Deny inbound UDP from 198.51.100.7/1234 to 10.0.0.5/53 on interface outside]',
      'Mar 15 10:00:01 relay message repeated 3 times: [ %ASA-2-106006: Deny inbound UDP from 198.51.100.7/1234 to 10.0.0.5/53 on interface outside]',
    ]) {
      const { doc, step } = run(l);
      expect(step).toBeNull();
      expect(doc.source).toMatchObject({ ip: '198.51.100.7', port: 1234 });
      expect(doc.destination).toMatchObject({ ip: '10.0.0.5', port: 53 });
      expect(doc.cisco.asa.source_interface).toBe('outside');
    }
  });

  test('751025 IKEv2 session assignment', () => {
    const { doc, step } = run('<165>Mar 15 2024 10:00:00 fw01 : %ASA-5-751025: Local: 192.0.2.1:4500 Remote: 198.51.100.7:4500 Username:jdoe IKEv2 Group:GroupPolicy_RA IPv4 Address=10.10.0.5 IPv6 address=:: assigned to session.');
    expect(step).toBeNull();
    expect(doc.source).toMatchObject({ ip: '192.0.2.1', port: 4500 });
    expect(doc.destination).toMatchObject({ ip: '198.51.100.7', port: 4500 });
    expect(doc.user.name).toBe('jdoe');
    expect(doc.cisco.asa.assigned_ip).toBe('10.10.0.5');
    expect(doc.cisco.asa.assigned_ipv6).toBeUndefined();
  });

  test('302303 state-bypass: the transport is the protocol, not the word state-bypass', () => {
    const { doc } = run('<166>Mar 15 2024 10:00:00 fw01 : %ASA-6-302303: Built TCP state-bypass connection 1234 from inside:10.0.0.5/51000(203.0.113.5/51000) to outside:198.51.100.9/443 (198.51.100.9/443)');
    expect(doc.network).toMatchObject({ transport: 'tcp', iana_number: '6' });
    expect(doc.source.nat).toEqual({ ip: '203.0.113.5' });
  });

  test('an IPv6 endpoint with its interface', () => {
    const { doc } = run('<166>Mar 15 2024 10:00:00 fw01 : %ASA-6-109005: Authentication succeeded for user jdoe from 2001:db8::5/51000 to 2001:db8:1::9/443 on interface inside');
    expect(doc.source).toMatchObject({ ip: '2001:db8::5', port: 51000, user: { name: 'jdoe' } });
    expect(doc.destination).toMatchObject({ ip: '2001:db8:1::9', port: 443 });
  });

  test('wire text that names an Object.prototype key is an ordinary value', () => {
    const { doc, step } = run('<166>%FTD-6-430002: DNSRecordType: constructor, DNSResponseType: __proto__, AccessControlRuleAction: toString, SrcIP: 10.0.0.5, DstIP: 198.51.100.9, Protocol: constructor', 'ftd');
    expect(step).toBeNull();
    expect(doc.dns.question.type).toBe('constructor');
    expect(doc.network.transport).toBe('constructor');
    expect(doc.network.iana_number).toBeUndefined();
  });
});
