import { parser } from '../../vendors/cisco_ios/index.js';
import { parseSyslog } from '../../src/syslog/parse.js';
import { baseDocument } from '../../src/ecs/base.js';
import type { EcsDoc, Frame } from '../../src/core/types.js';
import { bestMs } from '../helpers/timing.js';

const NOW = Date.parse('2024-03-15T12:00:00Z');
const ctx = { timezone: 'UTC', receivedAt: NOW };

function run(line: string, tz = 'UTC'): { doc: EcsDoc; step: string | null; detected: boolean } {
  const msg = parseSyslog(line, 0, tz, NOW);
  const frame: Frame = { data: Buffer.from(line), senderIp: '', senderPort: 0, listener: 'test', receivedAt: NOW, truncated: false };
  const doc = baseDocument(msg, frame, tz);
  const detected = parser.detect(msg);
  const step = parser.parse(msg, doc, { ...ctx, timezone: tz });
  return { doc, step, detected };
}

describe('cisco_ios', () => {
  test('detects %FAC-SEV-MNEM and not other text', () => {
    expect(run('<189>12: *Mar  1 00:01:02.345: %SYS-5-CONFIG_I: Configured from console by admin on vty0').detected).toBe(true);
    expect(run('<13>Mar  1 00:01:02 host app: 100% done - ok').detected).toBe(false);
    expect(run('<13>Mar  1 00:01:02 host app: usage%ABC-5-DEF: x').detected).toBe(false);
    expect(run('<13>Mar  1 00:01:02 host sshd[1]: Accepted password for bob').detected).toBe(false);
  });

  test('ACL log with ports: addresses, action, counters, community id', () => {
    const { doc, step } = run('<190>5: Mar 11 09:15:02.114 UTC: %SEC-6-IPACCESSLOGP: list 101 denied tcp 198.51.100.23(51544) -> 192.0.2.10(3389), 3 packets');
    expect(step).toBeNull();
    expect(doc.source).toMatchObject({ ip: '198.51.100.23', port: 51544, packets: 3 });
    expect(doc.destination).toMatchObject({ ip: '192.0.2.10', port: 3389 });
    expect(doc.event).toMatchObject({ code: 'IPACCESSLOGP', action: 'deny', severity: 6, type: ['info', 'denied'], sequence: 5 });
    expect(doc.event.timezone).toBeUndefined();
    expect(doc.cisco.ios).toMatchObject({ facility: 'SEC', access_list: '101', message_count: 5 });
    expect(doc.observer.type).toBe('firewall');
    expect(doc['@timestamp']).toBe('2024-03-11T09:15:02.114Z');
    expect(typeof doc.network.community_id).toBe('string');
  });

  test('facility with a dash, letter severity, relay header, uptime', () => {
    const pim = run('Mar 24 17:37:39 192.168.100.2 1991221: Mar 24 17:37:39 UTC: %PIM-SW1-6-INVALID_RP_JOIN: Received (*, 10.36.2.78) Join from 10.4.5.66 for invalid RP 10.3.66.3');
    expect(pim.doc.cisco.ios.facility).toBe('PIM-SW1');
    expect(pim.doc.cisco.ios.sequence).toBe('1991221');
    expect(pim.doc.event).toMatchObject({ action: 'multicast-join', outcome: 'failure' });
    const letter = run('<188>%SNMP-W-SNMPAUTHFAIL: Access attempted by unauthorized host');
    expect(letter.doc.cisco.ios).toMatchObject({ facility: 'SNMP', mnemonic: 'W' });
    expect(letter.doc.event.severity).toBeUndefined();
    expect(letter.doc['@timestamp']).toBe(new Date(NOW).toISOString());
    const up = run('<187>13: 1d02h: %LINK-3-UPDOWN: Interface Gi0/1, changed state to down');
    expect(up.doc.cisco.ios).toMatchObject({ uptime: '1d02h', interface: { name: 'Gi0/1', state: 'down' } });
    expect(up.doc.observer.type).toBe('switch');
  });

  test('login failure and zone-less stamp in the configured zone', () => {
    const { doc } = run('<188>7: Mar 11 10:03:40: %SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: admin] [Source: 203.0.113.50] [localport: 22] [Reason: Login Authentication Failed] at 10:03:40', '+02:00');
    expect(doc.source.user.name).toBe('admin');
    expect(doc.event).toMatchObject({ outcome: 'failure', reason: 'Login Authentication Failed', timezone: '+02:00' });
    expect(doc['@timestamp']).toMatch(/T08:03:40/);
    expect(doc.log.level).toBe('warning');
  });

  test('known mnemonic with a broken layout returns a step and does not throw', () => {
    const { step, doc } = run('<190>9: Mar 11 12:00:01: %SEC-6-IPACCESSLOGDP: list 150 garbled');
    expect(step).toBe('parse_ipaccesslogdp');
    expect(doc.observer.vendor).toBe('Cisco');
  });

  test('64 KiB adversarial lines parse quickly', () => {
    const lines = [
      '<190>1: Mar 11 12:00:01: %' + 'A-'.repeat(32000) + ': x',
      '<190>' + '% '.repeat(32000),
      '<190>1: ' + '1: '.repeat(20000) + '%SEC-6-IPACCESSLOGP: list ' + 'x('.repeat(20000),
      '<190>%SEC-6-IPACCESSLOGP: list a denied tcp ' + '('.repeat(65000),
    ];
    for (const l of lines) {
      expect(() => run(l)).not.toThrow();
      expect(bestMs(() => run(l))).toBeLessThan(50);
    }
  });
});
