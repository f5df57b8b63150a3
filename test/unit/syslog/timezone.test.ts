import { formatOffset, isValidTimezone, offsetForLocal, parseFixedOffset, utcMs, zonedToEpoch } from '../../../src/syslog/timezone.js';
import { inferYear } from '../../../src/syslog/year.js';
import { seededRandom } from '../../helpers/random.js';

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
    const rnd = seededRandom(99);
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

  test('utcMs (last minute kept) equals Date.UTC, in runs of one minute and out of range alike', () => {
    const rnd = seededRandom(7);
    let f = [2024, 1, 1, 0, 0, 0, 0];
    for (let i = 0; i < 20_000; i++) {
      const r = rnd(10);
      // mostly the same minute again with other seconds, sometimes a new minute, day or odd values
      if (r < 6) f = [f[0]!, f[1]!, f[2]!, f[3]!, f[4]!, rnd(60), rnd(1000)];
      else if (r < 8) f = [f[0]!, f[1]!, f[2]!, f[3]!, rnd(60), rnd(60), rnd(1000)];
      else if (r < 9) f = [1990 + rnd(60), 1 + rnd(12), 1 + rnd(31), rnd(24), rnd(60), rnd(60), rnd(1000)];
      else f = [rnd(3000), rnd(14), rnd(33), rnd(25), rnd(61), rnd(61), rnd(1001)];
      const [y, mo, d, h, mi, s, ms] = f as [number, number, number, number, number, number, number];
      expect(utcMs(y, mo, d, h, mi, s, ms)).toBe(Date.UTC(y, mo - 1, d, h, mi, s, ms));
    }
    expect(utcMs(NaN, 1, 1, 0, 0, 0, 0)).toBeNaN();
    expect(utcMs(NaN, 1, 1, 0, 0, 0, 0)).toBeNaN();
    expect(utcMs(2024, 1, 1, 0, 0, NaN, 0)).toBeNaN();
    expect(utcMs(2024, 1, 1, 0, 0, 1, 0)).toBe(Date.UTC(2024, 0, 1, 0, 0, 1));
    expect(utcMs(275760, 9, 13, 0, 0, 0, 0)).toBe(8.64e15);
    expect(utcMs(275760, 9, 13, 0, 0, 0, 1)).toBeNaN();
    expect(utcMs(275760, 9, 13, 0, 0, 0, 1)).toBe(Date.UTC(275760, 8, 13, 0, 0, 0, 1));
    // fractions are truncated as Date.UTC does
    expect(utcMs(2024, 1, 1, 0, 0, 5.7, 250.9)).toBe(Date.UTC(2024, 0, 1, 0, 0, 5.7, 250.9));
    expect(utcMs(2024, 1, 1, 0, 0, -1.5, 0)).toBe(Date.UTC(2024, 0, 1, 0, 0, -1.5, 0));
  });

  test('the last zone asked for is remembered, not mixed up with the next one', () => {
    const zones = ['+05:30', 'UTC', 'Europe/Paris', '-0800', 'GMT+2', 'bogus', '+05:30', '+05:30', '-0800'];
    const want = [330, 0, NaN, -480, 120, NaN, 330, 330, -480];
    for (let k = 0; k < 3; k++) zones.forEach((z, i) => expect(parseFixedOffset(z)).toBe(want[i]));
  });

  test('inferYear (last stamp day kept) agrees with the rule around New Year, day after day', () => {
    const rule = (month: number, day: number, at: number): number => {
      const y = new Date(at).getUTCFullYear();
      const c = Date.UTC(y, month - 1, day);
      if (c - at > 7 * 86_400_000) return y - 1;
      if (at - c > 340 * 86_400_000) return y + 1;
      return y;
    };
    for (let at = Date.UTC(2023, 11, 1); at < Date.UTC(2025, 1, 1); at += 3 * 3_600_000 + 17_000) {
      for (const [m, d] of [[12, 31], [12, 31], [1, 1], [1, 8], [12, 20], [2, 29], [2, 29], [6, 15]] as const) {
        expect(inferYear(m, d, at)).toBe(rule(m, d, at));
      }
    }
  });
});

