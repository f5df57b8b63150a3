/**
 * `new Date(ms).toISOString()`, reusing the formatted second: a direct-mapped cache by epoch second
 * (a document carries several device times, mostly close together; the shared 2-slot isoTime is
 * kept for the receive and header times). Used by cef, checkpoint and leef.
 */
const ISO_SLOTS = 256;
const isoSecs = new Float64Array(ISO_SLOTS).fill(NaN);
const isoPrefixes: string[] = new Array<string>(ISO_SLOTS).fill('');

export function isoMs(ms: number): string {
  if (!Number.isInteger(ms) || ms < -8.64e15 || ms > 8.64e15) return new Date(ms).toISOString();
  const sec = Math.floor(ms / 1000);
  const slot = sec & (ISO_SLOTS - 1);
  let prefix: string;
  if (isoSecs[slot] === sec) prefix = isoPrefixes[slot]!;
  else {
    const iso = new Date(sec * 1000).toISOString();
    if (iso.length !== 24) return new Date(ms).toISOString(); // years outside 0000-9999
    prefix = iso.slice(0, 20);
    isoSecs[slot] = sec;
    isoPrefixes[slot] = prefix;
  }
  const frac = ms - sec * 1000;
  return prefix + (frac < 10 ? '00' : frac < 100 ? '0' : '') + frac + 'Z';
}
