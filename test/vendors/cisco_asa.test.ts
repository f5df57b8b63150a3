import { parser } from '../../vendors/cisco_asa/index.js';
import { parser as ftd } from '../../vendors/cisco_ftd/index.js';
import { parseSyslog } from '../../src/syslog/parse.js';
import type { EcsDoc } from '../../src/core/types.js';
import { bestMs } from '../helpers/timing.js';

const ctx = { timezone: 'UTC', receivedAt: Date.parse('2024-03-15T12:00:00Z') };

function run(line: string, p = parser): { doc: EcsDoc; step: string | null } {
  const msg = parseSyslog(line, 0, 'UTC', ctx.receivedAt);
  const doc: EcsDoc = { event: {}, log: {} };
  if (!Number.isNaN(msg.timestamp)) doc['@timestamp'] = new Date(msg.timestamp).toISOString();
  return { doc, step: p.parse(msg, doc, ctx) };
}

describe('cisco_asa', () => {
  test('detects ASA, PIX and FWSM markers, not FTD or plain text', () => {
    for (const l of ['<166>%ASA-6-302013: x', 'fw : %PIX-4-106023: x', 'Apr 30 2013 09:23:40: %FWSM-4-106023: x']) {
      expect(parser.detect(parseSyslog(l, 0, 'UTC', ctx.receivedAt))).toBe(true);
    }
    expect(parser.detect(parseSyslog('<166>%FTD-6-430003: a: b', 0, 'UTC', ctx.receivedAt))).toBe(false);
    expect(parser.detect(parseSyslog('<13>hello 100% sure', 0, 'UTC', ctx.receivedAt))).toBe(false);
    expect(ftd.detect(parseSyslog('<166>%FTD-6-430003: a: b', 0, 'UTC', ctx.receivedAt))).toBe(true);
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
    expect(bestMs(() => run('<166>%FTD-6-430003: ' + 'A,'.repeat(32768) + 'SrcIP: 1.2.3.4', ftd))).toBeLessThan(50);
  });
});
