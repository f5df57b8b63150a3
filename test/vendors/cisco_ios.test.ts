import { parser } from '../../vendors/cisco_ios/index.js';
import { NOW, vendorRunner } from '../helpers/vendor.js';
import { bestMs } from '../helpers/timing.js';

const { run, detect } = vendorRunner(parser);

describe('cisco_ios', () => {
  test('detects %FAC-SEV-MNEM and not other text', () => {
    expect(detect('<189>12: *Mar  1 00:01:02.345: %SYS-5-CONFIG_I: Configured from console by admin on vty0')).toBe(true);
    expect(detect('<13>Mar  1 00:01:02 host app: 100% done - ok')).toBe(false);
    expect(detect('<13>Mar  1 00:01:02 host app: usage%ABC-5-DEF: x')).toBe(false);
    expect(detect('<13>Mar  1 00:01:02 host sshd[1]: Accepted password for bob')).toBe(false);
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
    expect(up.doc.observer.type).toBe('firewall');
  });

  test('login failure and zone-less stamp in the configured zone', () => {
    const { doc } = run('<188>7: Mar 11 10:03:40: %SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: admin] [Source: 203.0.113.50] [localport: 22] [Reason: Login Authentication Failed] at 10:03:40', '+02:00');
    expect(doc.source.user.name).toBe('admin');
    expect(doc.event).toMatchObject({ outcome: 'failure', reason: 'Login Authentication Failed', timezone: '+02:00' });
    expect(doc['@timestamp']).toMatch(/T08:03:40/);
    expect(doc.log.level).toBe('warning');
  });

  test('the timestamp forms of service timestamps', () => {
    const at = (line: string, tz = 'UTC') => run(line, tz).doc;
    expect(at('<189>1: Mar 11 2024 09:15:02.114 UTC: %SYS-5-CONFIG_I: Configured from console by admin')['@timestamp']).toBe('2024-03-11T09:15:02.114Z');
    expect(at('<189>2: *Mar 11 09:15:02.114: %SYS-5-CONFIG_I: Configured from console by admin')['@timestamp']).toBe('2024-03-11T09:15:02.114Z');
    expect(at('<189>3: .Mar 11 09:15:02 CET: %SYS-5-CONFIG_I: Configured from console by admin')['@timestamp']).toBe('2024-03-11T08:15:02.000Z');
    const local = at('<189>4: Mar 11 09:15:02: %SYS-5-CONFIG_I: Configured from console by admin', '+02:00');
    expect([local['@timestamp'], local.event.timezone]).toEqual(['2024-03-11T07:15:02.000Z', '+02:00']);
    const seq = at('<189>5: router1: 000042: Mar 11 09:15:02.114 UTC: %SYS-5-CONFIG_I: Configured from console by admin');
    expect([seq.cisco.ios.message_count, seq.cisco.ios.sequence, seq.event.sequence, seq.log.syslog.hostname]).toEqual([5, '000042', 42, 'router1']);
  });

  test('observer.type: firewall, router for letter severities (as the pipeline writes them)', () => {
    expect(run('<189>6: Mar 11 09:15:02: %LINEPROTO-5-UPDOWN: Line protocol on Interface Gi0/1, changed state to up').doc.observer.type).toBe('firewall');
    expect(run('<188>%SNMP-W-SNMPAUTHFAIL: Access attempted by unauthorized host').doc.observer.type).toBe('router');
  });

  test('a repeated message behind a relay keeps its fields', () => {
    const { doc, step } = run('<189>Mar 11 09:15:03 relay01 7: Mar 11 09:15:02.000 UTC: %SYS-5-CONFIG_I: message repeated 2 times: [ Configured from console by admin on vty0 (192.0.2.5)]');
    expect(step).toBeNull();
    expect(doc.message).toBe('Configured from console by admin on vty0 (192.0.2.5)');
    expect(doc.source).toEqual({ address: '192.0.2.5', ip: '192.0.2.5', user: { name: 'admin' } });
    expect(doc.tags).toEqual(['repeated']);
  });

  test('mnemonics named like object members are plain mnemonics', () => {
    for (const m of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const { doc, step } = run(`<189>8: Mar 11 09:15:02: %SYS-5-${m}: text`);
      expect(step).toBeNull();
      expect(doc.event.code).toBe(m);
    }
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
