/**
 * Dissect patterns, as Elasticsearch's dissect processor and Logstash's dissect filter read them:
 * `%{field}` keys between literal delimiters, each found with indexOf from where the last one
 * ended (no regular expression, linear in the line). Modifiers: `%{}` and `%{?name}` skip a part,
 * `%{+field}` appends to the field (with the step's append_separator), `%{field->}` also skips the
 * delimiter's repeats (padding), and `%{field:long}` (long, double, ip, boolean) converts the
 * part. A pattern that ends with a literal must meet it at the very end of the text. Reference keys
 * (`%{*key}`, `%{&key}`), which name fields after wire text, are refused: use a kv step.
 */
import { fieldNameProblem, fieldRef, type FieldRef } from './field-path.js';
import { CONVERT_TYPES, convertValue, type ConvertType } from './convert.js';
import type { RunState } from './run-state.js';

interface DissectKey {
  /** null: the part is skipped */
  ref: FieldRef | null;
  append: boolean;
  pad: boolean;
  conv: ConvertType | null;
  /** the literal after this key ('' for a last key that takes the rest) */
  delim: string;
}

export interface DissectPattern {
  readonly prefix: string;
  readonly keys: readonly DissectKey[];
  /** the last delimiter must end the text */
  readonly anchoredEnd: boolean;
  /** the fields the pattern writes, for the declared-field checks */
  readonly fields: readonly string[];
}

/**
 * Compiles a pattern; a string is the reason it is refused. `typeOf` gives the type a field is
 * declared with (the family's `fields:` or ECS), used when the key names no type of its own.
 */
export function compileDissect(pattern: string, typeOf: (field: string) => ConvertType | null): DissectPattern | string {
  const keys: DissectKey[] = [];
  const fields: string[] = [];
  let p = pattern.indexOf('%{');
  if (p < 0) return 'no %{field} in the pattern';
  const prefix = pattern.slice(0, p);
  while (p >= 0) {
    const close = pattern.indexOf('}', p + 2);
    const reopen = pattern.indexOf('%{', p + 2);
    if (close < 0 || (reopen >= 0 && reopen < close)) return `unclosed %{ at character ${p + 1}`;
    let spec = pattern.slice(p + 2, close);
    let ref: FieldRef | null = null;
    let append = false;
    let pad = false;
    let conv: ConvertType | null = null;
    if (spec.endsWith('->')) {
      pad = true;
      spec = spec.slice(0, -2);
    }
    const c0 = spec.charCodeAt(0);
    if (c0 === 42 || c0 === 38) return `%{${spec}}: reference keys name fields after the text; use a kv step`;
    if (c0 === 43) {
      append = true;
      spec = spec.slice(1);
      const slash = spec.indexOf('/');
      if (slash >= 0) return `%{+${spec}}: append order (/N) is not supported`;
    }
    if (spec !== '' && c0 !== 63) {
      const colon = spec.indexOf(':');
      if (colon >= 0) {
        const t = spec.slice(colon + 1);
        if (!(CONVERT_TYPES as readonly string[]).includes(t)) return `%{${spec}}: unknown type "${t}" (${CONVERT_TYPES.join(', ')})`;
        conv = t as ConvertType;
        spec = spec.slice(0, colon);
      }
      const bad = fieldNameProblem(spec);
      if (bad !== null) return `%{${spec}}: ${bad}`;
      ref = fieldRef(spec);
      conv ??= append ? null : typeOf(spec);
      fields.push(spec);
    }
    const next = pattern.indexOf('%{', close + 1);
    const delim = pattern.slice(close + 1, next < 0 ? pattern.length : next);
    if (next >= 0 && delim === '') return `%{${spec}} is followed by another key without a delimiter between them`;
    keys.push({ ref, append, pad, conv, delim });
    p = next;
  }
  const last = keys[keys.length - 1]!;
  return { prefix, keys, anchoredEnd: last.delim !== '', fields };
}

const values: string[] = [];

/** Runs a pattern over `s`; writes the parts and returns true, or returns false and writes nothing. */
export function runDissect(d: DissectPattern, s: string, st: RunState): boolean {
  if (!s.startsWith(d.prefix)) return st.trace === null ? false : st.because(`the text does not start with ${JSON.stringify(d.prefix)}`);
  let pos = d.prefix.length;
  const keys = d.keys;
  const n = keys.length;
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    const delim = k.delim;
    let end: number;
    if (delim === '') end = s.length;
    else if (i === n - 1 && d.anchoredEnd) {
      end = s.length - delim.length;
      if (end < pos || !s.endsWith(delim)) return st.trace === null ? false : st.because(`the text does not end with ${JSON.stringify(delim)}`);
    } else {
      end = s.indexOf(delim, pos);
      if (end < 0) return st.trace === null ? false : st.because(`no ${JSON.stringify(delim)} after %{${k.ref?.name ?? ''}} (from character ${pos + 1})`);
    }
    values[i] = s.slice(pos, end);
    pos = end + delim.length;
    if (k.pad && delim !== '') while (s.startsWith(delim, pos)) pos += delim.length;
  }
  // converted before anything is written: a part that does not convert fails the step whole
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (k.conv === null || k.ref === null) continue;
    const v = values[i]!;
    if (v === '') continue;
    if (convertValue(v, k.conv) === undefined) return st.trace === null ? false : st.because(`%{${k.ref!.name}}: ${JSON.stringify(v)} is not a ${k.conv}`);
  }
  return true;
}

/** Writes the parts of the last successful runDissect (separate so a caller can run it only on success). */
export function writeDissect(d: DissectPattern, st: RunState, appendSep: string): void {
  const keys = d.keys;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k.ref === null) continue;
    const raw = values[i]!;
    if (k.append) {
      const cur = st.readText(k.ref);
      st.write(k.ref, cur === undefined || cur === '' ? raw : raw === '' ? cur : cur + appendSep + raw);
    } else st.write(k.ref, k.conv === null ? raw : convertValue(raw, k.conv));
  }
}
