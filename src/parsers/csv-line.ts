/**
 * One line of delimiter-separated values (the csv step): a separator character, a quote character
 * that may wrap a value (a doubled quote inside stands for one), one pass by charCodeAt. Values go
 * into `out` (reused); returns how many there were, at most `max` (the rest of the line stays in
 * the last one's place unread).
 */
export function splitCsvLine(s: string, sep: number, quote: number, trim: boolean, out: string[], max: number): number {
  const n = s.length;
  let p = 0;
  let k = 0;
  while (k < max) {
    let v: string;
    if (trim) while (p < n && s.charCodeAt(p) === 32) p++;
    if (quote !== 0 && s.charCodeAt(p) === quote) {
      p++;
      let chunk = p;
      v = '';
      while (p < n) {
        const c = s.charCodeAt(p);
        if (c === quote) {
          if (s.charCodeAt(p + 1) === quote) {
            v += s.slice(chunk, p + 1);
            p += 2;
            chunk = p;
            continue;
          }
          break;
        }
        p++;
      }
      v += s.slice(chunk, p);
      p++; // the closing quote (or past the end)
      while (p < n && s.charCodeAt(p) !== sep) p++;
    } else {
      const start = p;
      while (p < n && s.charCodeAt(p) !== sep) p++;
      v = s.slice(start, p);
      if (trim) v = v.trim();
    }
    out[k++] = v;
    if (p >= n) break;
    p++; // the separator
    if (p === n) {
      if (k < max) out[k++] = '';
      break;
    }
  }
  return k;
}
