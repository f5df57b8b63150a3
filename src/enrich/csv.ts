/**
 * A small RFC 4180 CSV reader that keeps the line number each record starts on, for error messages:
 * comma separated, `"` quoting with `""` as an escaped quote, quoted fields may span lines, CRLF or
 * LF. Blank lines and lines starting with `#` are skipped.
 */
export interface CsvRecord {
  /** 1-based line the record starts on */
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    const start = line;
    // skip blank and comment lines
    const c0 = text.charCodeAt(i);
    if (c0 === 10 || c0 === 13) {
      if (c0 === 13 && text.charCodeAt(i + 1) === 10) i++;
      i++;
      line++;
      continue;
    }
    if (c0 === 35 /* # */) {
      while (i < n && text.charCodeAt(i) !== 10) i++;
      i++;
      line++;
      continue;
    }
    const fields: string[] = [];
    for (;;) {
      let v = '';
      if (text.charCodeAt(i) === 34) {
        i++;
        for (;;) {
          if (i >= n) throw new CsvError(start, 'unterminated quoted field');
          const c = text.charCodeAt(i);
          if (c === 34) {
            if (text.charCodeAt(i + 1) === 34) {
              v += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === 10) line++;
          v += text[i];
          i++;
        }
        const c = text.charCodeAt(i);
        if (i < n && c !== 44 && c !== 10 && c !== 13) throw new CsvError(line, 'text after a closing quote');
      } else {
        const s = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === 44 || c === 10 || c === 13) break;
          if (c === 34) throw new CsvError(line, 'quote inside an unquoted field');
          i++;
        }
        v = text.slice(s, i);
      }
      fields.push(v);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      i++;
      line++;
      break;
    }
    out.push({ line: start, fields });
  }
  return out;
}
