import { formatOffset, isValidTimezone, offsetForLocal, parseFixedOffset, zonedToEpoch } from '../../../src/syslog/timezone.js';

/** Offset of `tz` at the instant `ms`, straight from Intl (no cache): the reference. */
function intlOffset(tz: string, ms: number): number {
  const f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

describe('zoned wall-clock times', () => {
  const ZONES = ['Europe/Paris', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Sao_Paulo', 'Pacific/Chatham'];

  test('agree with Intl hour by hour across DST changes, in any order (cached per zone and hour)', () => {
    let seed = 99;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const start = Date.UTC(2023, 0, 1);
    let checked = 0;
    for (let i = 0; i < 6000; i++) {
      const tz = ZONES[rnd(ZONES.length)]!;
      // mostly walking forward in small steps, as a stream does; sometimes a jump
      const ms = start + (i % 7 === 0 ? rnd(3 * 365 * 24) : Math.floor(i / 3)) * 3_600_000 + rnd(3600) * 1000;
      const epoch = zonedToEpoch(new Date(ms).getUTCFullYear(), new Date(ms).getUTCMonth() + 1, new Date(ms).getUTCDate(), new Date(ms).getUTCHours(), new Date(ms).getUTCMinutes(), new Date(ms).getUTCSeconds(), 0, tz);
      // the wall clock read back in the zone at the computed instant is the one asked for, unless
      // it falls into a spring-forward gap (then the instant is an hour either side)
      const back = epoch + intlOffset(tz, epoch) * 60_000;
      if (back === Math.floor(ms / 1000) * 1000) checked++;
      else expect(Math.abs(back - ms)).toBeLessThanOrEqual(3_600_000);
      expect(offsetForLocal(tz, ms)).toBe(Math.round((ms - epoch) / 60_000));
    }
    expect(checked).toBeGreaterThan(5900);
  });

  test('Paris: winter, summer, and the hour that repeats in October', () => {
    expect(zonedToEpoch(2024, 1, 15, 12, 0, 0, 0, 'Europe/Paris')).toBe(Date.UTC(2024, 0, 15, 11));
    expect(zonedToEpoch(2024, 7, 15, 12, 0, 0, 0, 'Europe/Paris')).toBe(Date.UTC(2024, 6, 15, 10));
    const repeated = zonedToEpoch(2024, 10, 27, 2, 30, 0, 0, 'Europe/Paris');
    expect([Date.UTC(2024, 9, 27, 0, 30), Date.UTC(2024, 9, 27, 1, 30)]).toContain(repeated);
  });

  test('fixed offsets and names', () => {
    expect(parseFixedOffset('+05:30')).toBe(330);
    expect(parseFixedOffset('UTC')).toBe(0);
    expect(Number.isNaN(parseFixedOffset('Europe/Paris'))).toBe(true);
    expect(zonedToEpoch(2024, 3, 1, 0, 0, 0, 0, '-0500')).toBe(Date.UTC(2024, 2, 1, 5));
    expect(isValidTimezone('Europe/Paris')).toBe(true);
    expect(isValidTimezone('Mars/Olympus_Mons')).toBe(false);
    expect(offsetForLocal('Mars/Olympus_Mons', Date.UTC(2024, 0, 1))).toBe(0);
    expect(formatOffset(-570)).toBe('-09:30');
  });
});
