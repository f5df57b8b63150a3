/**
 * Year inference for year-less (RFC 3164) stamps: the year of the receive time, unless that puts
 * the stamp more than a week in the future, in which case it belongs to the year before (a December
 * stamp received in early January). A stamp more than ~11 months in the past is taken as next year's
 * (a device whose clock runs ahead across New Year).
 */
const WEEK_MS = 7 * 24 * 3600 * 1000;

export function inferYear(month: number, day: number, receivedAt: number): number {
  const now = new Date(receivedAt);
  const y = now.getUTCFullYear();
  const candidate = Date.UTC(y, month - 1, day);
  if (candidate - receivedAt > WEEK_MS) return y - 1;
  if (receivedAt - candidate > 340 * 24 * 3600 * 1000) return y + 1;
  return y;
}
