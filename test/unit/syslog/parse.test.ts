import { parseSyslog, decode } from '../../../src/syslog/parse.js';
import { SyslogFlag } from '../../../src/core/types.js';
import { inferYear } from '../../../src/syslog/year.js';
import { zonedToEpoch } from '../../../src/syslog/timezone.js';
import { globalsChanged, inheritedJunk, snapshotGlobals } from '../../helpers/hostile.js';

const NOW = Date.parse('2024-03-15T12:00:00Z');
const p = (s: string, tz = 'UTC', now = NOW) => parseSyslog(s, 0, tz, now);

describe('RFC 5424', () => {
  test('full header with structured data and escapes', () => {
    const m = p('<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="App\\"li\\]c\\\\ation"][examplePriority@32473 class="high"] An application event');
    expect(m.format).toBe('rfc5424');
    expect(m.priority).toBe(165);
    expect(m.facility).toBe(20);
    expect(m.severity).toBe(5);
    expect(m.version).toBe(1);
    expect(new Date(m.timestamp).toISOString()).toBe('2003-10-11T22:14:15.003Z');
    expect(m.hostname).toBe('mymachine.example.com');
    expect(m.appname).toBe('evntslog');
    expect(m.procid).toBeNull();
    expect(m.msgid).toBe('ID47');
    expect(m.structuredData).toEqual({
      'exampleSDID@32473': { iut: '3', eventSource: 'App"li]c\\ation' },
      'examplePriority@32473': { class: 'high' },
    });
    expect(m.message).toBe('An application event');
  });

  test('SD-IDs and parameter names are the sender\'s words: __proto__ and constructor are kept as data', () => {
    const before = snapshotGlobals();
    const m = p('<34>1 - h a - - [__proto__ x="1"][constructor k="v"][id __proto__="p" toString="t"][id hasOwnProperty="h"] m');
    expect(globalsChanged(before)).toEqual([]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.keys(m.structuredData!)).toEqual(['__proto__', 'constructor', 'id']);
    expect(JSON.stringify(m.structuredData)).toBe(
      '{"__proto__":{"x":"1"},"constructor":{"k":"v"},"id":{"__proto__":"p","toString":"t","hasOwnProperty":"h"}}');
    expect(inheritedJunk(m.structuredData)).toEqual([]);
    expect(String({})).toBe('[object Object]');
  });

  test('NILVALUEs and no message', () => {
    const m = p('<13>1 - - - - - -');
    expect(m.format).toBe('rfc5424');
    expect(Number.isNaN(m.timestamp)).toBe(true);
    expect(m.hostname).toBeNull();
    expect(m.structuredData).toBeNull();
    expect(m.message).toBe('');
  });

  test('offset and microseconds', () => {
    const m = p('<34>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - msg');
    expect(m.timestamp).toBe(Date.parse('2003-08-24T12:14:15.000Z'));
    expect(m.timestampUs).toBe(3);
    expect(m.timestampHasZone).toBe(true);
  });

  test('BOM in MSG is kept', () => {
    const m = p('<13>1 - - - - - - \ufeffhello');
    expect(m.message).toBe('\ufeffhello');
  });

  test('a malformed header falls back to a lenient read, flagged', () => {
    const m = p('<13>1 2003-10-11T22:14:15.003Z host app - - [unterminated message');
    expect(m.flags & SyslogFlag.Malformed5424).toBeTruthy();
    expect(m.raw).toContain('unterminated');
  });
});

describe('RFC 3164 as devices send it', () => {
  test('classic line with tag and pid', () => {
    const m = p('<13>Feb  5 17:32:18 10.0.0.99 sshd[123]: Accepted password for root');
    expect(m.format).toBe('rfc3164');
    expect(new Date(m.timestamp).toISOString()).toBe('2024-02-05T17:32:18.000Z');
    expect(m.hostname).toBe('10.0.0.99');
    expect(m.appname).toBe('sshd');
    expect(m.procid).toBe('123');
    expect(m.message).toBe('Accepted password for root');
  });

  test('no PRI: user.notice, flagged', () => {
    const m = p('Feb  5 17:32:18 host app: text');
    expect(m.flags & SyslogFlag.NoPri).toBeTruthy();
    expect(m.priority).toBe(13);
    expect(m.hostname).toBe('host');
  });

  test('no PRI before an RFC 5424 header: read as RFC 5424, still flagged', () => {
    const m = p('1 2024-03-15T10:00:00.123Z fw1.example.net filterlog 4321 - - 5,,,1000000103,igb1');
    expect(m.flags & SyslogFlag.NoPri).toBeTruthy();
    expect(m.format).toBe('rfc5424');
    expect(m.priority).toBe(13);
    expect(m.hostname).toBe('fw1.example.net');
    expect(m.appname).toBe('filterlog');
    expect(m.procid).toBe('4321');
    expect(m.message).toBe('5,,,1000000103,igb1');
  });

  test('no hostname: %ASA tag right after the stamp', () => {
    const m = p('<166>Jan 22 2024 10:00:01: %ASA-6-302013: Built outbound TCP connection 1');
    expect(m.hostname).toBeNull();
    expect(new Date(m.timestamp).toISOString()).toBe('2024-01-22T10:00:01.000Z');
    expect(m.content).toBe('%ASA-6-302013: Built outbound TCP connection 1');
  });

  test('Cisco sequence number and clock-sync markers', () => {
    const m = p('<189>000123: *Mar  1 18:46:11.123: %SYS-5-CONFIG_I: Configured from console');
    expect(m.sequence).toBe('000123');
    expect(new Date(m.timestamp).toISOString()).toBe('2024-03-01T18:46:11.123Z');
    expect(m.content).toBe('%SYS-5-CONFIG_I: Configured from console');
    const n = p('<189>45: .Mar  1 18:46:11 UTC: %LINK-3-UPDOWN: Interface Gi0/1, changed state to up');
    expect(n.sequence).toBe('45');
    expect(n.timestampHasZone).toBe(true);
  });

  test('ISO 8601 stamp inside 3164 framing', () => {
    const m = p('<134>2024-03-10T08:00:00+01:00 fw01 filterlog[123]: 5,,,1000,igb0,match,block,in');
    expect(new Date(m.timestamp).toISOString()).toBe('2024-03-10T07:00:00.000Z');
    expect(m.hostname).toBe('fw01');
    expect(m.appname).toBe('filterlog');
  });

  test('Message forwarded from', () => {
    const m = p('<13>Mar  6 16:57:54 Message forwarded from relay1: su: BAD SU');
    expect(m.hostname).toBe('relay1');
    expect(m.appname).toBe('su');
    expect(m.message).toBe('BAD SU');
  });

  test('UTF-8 BOM before the PRI is taken off and flagged', () => {
    const m = p('\ufeff<13>Mar  6 16:57:54 host app: x');
    expect(m.flags & SyslogFlag.Bom).toBeTruthy();
    expect(m.priority).toBe(13);
  });

  test('invalid UTF-8 is kept and flagged', () => {
    const { text, flags } = decode(Buffer.from([0x3c, 0x31, 0x33, 0x3e, 0x68, 0xff, 0xfe, 0x69]));
    expect(flags & SyslogFlag.InvalidUtf8).toBeTruthy();
    const m = parseSyslog(text, flags, 'UTC', NOW);
    expect(m.flags & SyslogFlag.InvalidUtf8).toBeTruthy();
    expect(m.raw.length).toBeGreaterThan(4);
  });

  test('timezone of the listener/sender applies to stamps without one', () => {
    const m = p('<13>Jul  1 12:00:00 host app: x', 'Europe/Paris', Date.parse('2024-07-02T00:00:00Z'));
    expect(new Date(m.timestamp).toISOString()).toBe('2024-07-01T10:00:00.000Z');
    const n = p('<13>Jul  1 12:00:00 host app: x', '-05:00', Date.parse('2024-07-02T00:00:00Z'));
    expect(new Date(n.timestamp).toISOString()).toBe('2024-07-01T17:00:00.000Z');
  });
});

describe('year inference', () => {
  test('a December stamp received in January belongs to last year', () => {
    expect(inferYear(12, 31, Date.parse('2025-01-01T00:10:00Z'))).toBe(2024);
    const m = p('<13>Dec 31 23:59:50 host app: x', 'UTC', Date.parse('2025-01-01T00:00:05Z'));
    expect(new Date(m.timestamp).toISOString()).toBe('2024-12-31T23:59:50.000Z');
  });
  test('a January stamp received late December (clock ahead) is next year', () => {
    expect(inferYear(1, 1, Date.parse('2024-12-31T23:59:00Z'))).toBe(2025);
  });
  test('same year otherwise', () => {
    expect(inferYear(3, 14, NOW)).toBe(2024);
  });
});

describe('timezone conversion', () => {
  test('DST edges of an IANA zone', () => {
    expect(new Date(zonedToEpoch(2024, 3, 31, 3, 30, 0, 0, 'Europe/Paris')).toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(new Date(zonedToEpoch(2024, 1, 15, 12, 0, 0, 0, 'America/Chicago')).toISOString()).toBe('2024-01-15T18:00:00.000Z');
  });
});
