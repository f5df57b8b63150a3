/**
 * PAN-OS CSV splitter: one charCodeAt pass. A field that starts with `"` runs to the next `"` not
 * doubled (`""` stands for one quote); any other field runs to the next comma, quotes kept as
 * written. At most `max` fields are returned; the rest of the line goes into the last one.
 */
export function splitCsv(s: string, start: number, max: number): string[] {
  const out: string[] = [];
  const n = s.length;
  let p = start;
  while (p <= n) {
    if (out.length === max - 1) {
      out.push(s.slice(p));
      break;
    }
    if (s.charCodeAt(p) === 34) {
      // quoted field
      p++;
      let value = '';
      let chunk = p;
      while (p < n) {
        const c = s.charCodeAt(p);
        if (c === 34) {
          if (s.charCodeAt(p + 1) === 34) {
            value += s.slice(chunk, p + 1);
            p += 2;
            chunk = p;
            continue;
          }
          break;
        }
        p++;
      }
      value += s.slice(chunk, p);
      p++; // closing quote
      // text between the closing quote and the comma is kept, as lenient CSV readers do
      const comma = s.indexOf(',', p);
      if (comma < 0) {
        if (p < n) value += s.slice(p);
        out.push(value);
        break;
      }
      if (comma > p) value += s.slice(p, comma);
      out.push(value);
      p = comma + 1;
      continue;
    }
    const comma = s.indexOf(',', p);
    if (comma < 0) {
      out.push(s.slice(p));
      break;
    }
    out.push(s.slice(p, comma));
    p = comma + 1;
  }
  return out;
}
