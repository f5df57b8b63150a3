/**
 * Year inference for year-less (RFC 3164) stamps: the year of the receive time, unless that puts
 * the stamp more than a week in the future, in which case it belongs to the year before (a December
 * stamp received in early January). A stamp more than ~11 months in the past is taken as next year's
 * (a device whose clock runs ahead across New Year).
 */
const WEEK_MS = 7 * 24 * 3600 * 1000;

// the UTC year of the last receive time, valid while receivedAt stays in [yearStart, yearEnd)
let yearStart = 0, yearEnd = -1, cachedYear = 0;
// the stamp day of the last call, in the receive time's year (a sender writes the same day for hours)
let candYear = NaN, candMonth = 0, candDay = 0, candMs = NaN;

export function inferYear(month: number, day: number, receivedAt: number): number {
  if (receivedAt < yearStart || receivedAt >= yearEnd) {
    cachedYear = new Date(receivedAt).getUTCFullYear();
    yearStart = Date.UTC(cachedYear, 0, 1);
    yearEnd = Date.UTC(cachedYear + 1, 0, 1);
  }
  const y = cachedYear;
  if (y !== candYear || month !== candMonth || day !== candDay) {
    candMs = Date.UTC(y, month - 1, day);
    candYear = y;
    candMonth = month;
    candDay = day;
  }
  const candidate = candMs;
  if (candidate - receivedAt > WEEK_MS) return y - 1;
  if (receivedAt - candidate > 340 * 24 * 3600 * 1000) return y + 1;
  return y;
}
