import { parseSyslog } from '../../../src/syslog/parse.js';
import { SyslogFlag } from '../../../src/core/types.js';

const NOW = Date.parse('2024-03-15T12:00:00Z');
const p = (s: string) => parseSyslog(s, 0, 'UTC', NOW);
const iso = (ms: number) => new Date(ms).toISOString();

describe('RFC 5424 without a PRI', () => {
  test('a file line that lost its PRI is still read as RFC 5424', () => {
    const m = p('1 2024-03-15T10:00:00.000+01:00 srx-1 RT_FLOW - RT_FLOW_SESSION_CLOSE [junos@2636.1.1.1.2.129 reason="TCP FIN"] text');
    expect(m.format).toBe('rfc5424');
    expect(m.flags & SyslogFlag.NoPri).toBe(SyslogFlag.NoPri);
    expect(m.priority).toBe(13);
    expect(iso(m.timestamp)).toBe('2024-03-15T09:00:00.000Z');
    expect([m.hostname, m.appname, m.procid, m.msgid]).toEqual(['srx-1', 'RT_FLOW', null, 'RT_FLOW_SESSION_CLOSE']);
    expect(m.structuredData).toEqual({ 'junos@2636.1.1.1.2.129': { reason: 'TCP FIN' } });
    expect(m.message).toBe('text');
  });

  test('a line that only starts with a digit stays plain text', () => {
    const m = p('1 apple and 2 pears');
    expect(m.format).toBe('none');
    expect(m.message).toBe('1 apple and 2 pears');
  });
});

describe("a relay's stamp and host in front", () => {
  const device = '1 2024-03-15T10:00:00.250+01:00 srx-1 RT_IDS - RT_SCREEN_TCP [junos@2636.1.1.1.2.40 attack-name="SYN flood!"] ';
  test.each([
    ['RSYSLOG_TraditionalFileFormat', 'Mar 15 10:00:01 relay01 ' + device],
    ['RSYSLOG_FileFormat', '2024-03-15T10:00:01.123456+00:00 relay01 ' + device],
    ['RSYSLOG_ForwardFormat', '<14>2024-03-15T10:00:01.123+00:00 relay01 ' + device],
    ['the device PRI kept', 'Mar 15 10:00:01 relay01 <12>' + device],
  ])('%s: the device header wins', (_name, line) => {
    const m = p(line);
    expect(m.format).toBe('rfc5424');
    expect(iso(m.timestamp)).toBe('2024-03-15T09:00:00.250Z');
    expect([m.hostname, m.appname, m.msgid]).toEqual(['srx-1', 'RT_IDS', 'RT_SCREEN_TCP']);
    expect(m.structuredData?.['junos@2636.1.1.1.2.40']?.['attack-name']).toBe('SYN flood!');
  });

  test("the device's PRI, when the relay kept it", () => {
    const m = p('Mar 15 10:00:01 relay01 <12>' + device);
    expect([m.priority, m.severity]).toEqual([12, 4]);
    expect(m.flags & SyslogFlag.NoPri).toBe(0);
  });

  test('an RFC 3164 line behind a relay keeps the relay header (nothing to replace it with)', () => {
    const m = p('Mar 15 10:00:01 relay01 sshd[42]: Accepted password for bob');
    expect([m.hostname, m.appname, m.message]).toEqual(['relay01', 'sshd', 'Accepted password for bob']);
  });
});

describe('message repeated N times', () => {
  test("rsyslog's wrapper after a tag", () => {
    const m = p('<38>Mar 15 10:00:01 host1 sshd[123]: message repeated 3 times: [ Failed password for root from 192.0.2.9 port 2222 ssh2]');
    expect(m.message).toBe('Failed password for root from 192.0.2.9 port 2222 ssh2');
    expect(m.content).toBe('sshd[123]: Failed password for root from 192.0.2.9 port 2222 ssh2');
    expect(m.flags & SyslogFlag.Repeated).toBe(SyslogFlag.Repeated);
  });

  test('after a Cisco message id, with a space before the bracket', () => {
    const m = p('<163>Mar 15 2024 10:00:00 fw01 %ASA-2-106006: message repeated 2 times: [ Deny inbound UDP from 192.0.2.1/1234 to 198.51.100.2/53 on interface outside ]');
    expect(m.message).toBe('Deny inbound UDP from 192.0.2.1/1234 to 198.51.100.2/53 on interface outside');
    expect(m.content).toBe('%ASA-2-106006: Deny inbound UDP from 192.0.2.1/1234 to 198.51.100.2/53 on interface outside');
  });

  test('text that only mentions the words is left alone', () => {
    for (const line of ['<13>Mar 15 10:00:01 h app: the message repeated 3 times', '<13>Mar 15 10:00:01 h app: message repeated 3 times: [ no end']) {
      const m = p(line);
      expect(m.flags & SyslogFlag.Repeated).toBe(0);
      expect(m.message).toBe(line.slice(line.indexOf('app: ') + 5));
    }
  });
});
