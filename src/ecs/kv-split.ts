/**
 * key=value as Elasticsearch's `kv` processor reads it with `field_split` on whitespace: every
 * blank-separated word holding `=` is a pair (split at its first `=`), quotes do not group words,
 * and the value loses the characters of `trim` at both ends (`trim_value`) or, with `brackets`,
 * one bracket or quote at each end (`strip_brackets`). parseKv (kv.ts) is the quote-aware reader;
 * this one is for pipelines that split on blanks. Null-prototype result, first value of a key kept.
 */
import type { KvMap } from './kv.js';

export interface SplitKvOptions {
  /** characters trimmed off both ends of each value (`trim_value`) */
  trim?: string;
  /** drop one of `(<["'` at the start and one of `)>]"'` at the end (`strip_brackets`) */
  brackets?: boolean;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function isOpen(c: number): boolean {
  return c === 40 || c === 60 || c === 91 || c === 34 || c === 39;
}

function isClose(c: number): boolean {
  return c === 41 || c === 62 || c === 93 || c === 34 || c === 39;
}

function trimValue(v: string, opts: SplitKvOptions | undefined): string {
  let a = 0;
  let b = v.length;
  const trim = opts?.trim;
  if (trim !== undefined) {
    while (a < b && trim.indexOf(v[a]!) >= 0) a++;
    while (b > a && trim.indexOf(v[b - 1]!) >= 0) b--;
  }
  if (opts?.brackets === true) {
    if (b - a > 0 && isOpen(v.charCodeAt(a))) a++;
    if (b - a > 0 && isClose(v.charCodeAt(b - 1))) b--;
  }
  return a === 0 && b === v.length ? v : v.slice(a, b);
}

export function splitKv(s: string, start = 0, opts?: SplitKvOptions): KvMap {
  const out: KvMap = Object.create(null) as KvMap;
  const n = s.length;
  let p = start;
  while (p < n) {
    while (p < n && isBlank(s.charCodeAt(p))) p++;
    const w = p;
    let eq = -1;
    while (p < n && !isBlank(s.charCodeAt(p))) {
      if (eq < 0 && s.charCodeAt(p) === 61) eq = p;
      p++;
    }
    if (eq <= w) continue;
    const key = s.slice(w, eq);
    if (!(key in out)) out[key] = trimValue(s.slice(eq + 1, p), opts);
  }
  return out;
}
