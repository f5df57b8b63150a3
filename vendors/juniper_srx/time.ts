/** `Thu Jun 10 09:46:03 2021` (RT_AAMW's `timestamp`) as ISO 8601 UTC, as the atp pipeline's date processor reads it. */
import { monthAt } from '../../src/syslog/timestamp.js';
import { isoTime } from '../../src/ecs/base.js';

function num(s: string, a: number, n: number): number {
  let v = 0;
  for (let i = a; i < a + n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + c - 48;
  }
  return v;
}

export function ctimeToIso(s: string): string | undefined {
  // `EEE MMM dd HH:mm:ss yyyy`, also with a blank-padded day
  if (s.length < 24 || s.charCodeAt(3) !== 32 || s.charCodeAt(7) !== 32) return undefined;
  const mo = monthAt(s, 4);
  if (mo === 0) return undefined;
  const day = s.charCodeAt(8) === 32 ? num(s, 9, 1) : num(s, 8, 2);
  const h = num(s, 11, 2), mi = num(s, 14, 2), sec = num(s, 17, 2), y = num(s, 20, 4);
  if (day < 1 || day > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60 || y < 1970 || s.length !== 24) return undefined;
  return isoTime(Date.UTC(y, mo - 1, day, h, mi, sec));
}
