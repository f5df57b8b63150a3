/**
 * Regular expressions in parser files: checked at load for catastrophic backtracking with recheck
 * (exponential and polynomial: nested or overlapping quantifiers, and an unanchored search whose
 * every start position rescans the rest), refused when vulnerable or when the check cannot decide.
 * Named groups may carry dotted field names as grok writes them (`(?<source.ip>\S+)`); JavaScript
 * allows no dots there, so groups are renamed `_g0`, `_g1`... and mapped back. At run time a
 * pattern never sees more than its step's `max_input_chars` (a longer input fails the step).
 */
import { createRequire } from 'node:module';

type Recheck = typeof import('recheck');
/** loaded at the first pattern to check: it takes a third of a second, which a set without patterns never pays */
let recheck: Recheck | null = null;
function checker(): Recheck {
  recheck ??= createRequire(import.meta.url)('recheck') as Recheck;
  return recheck;
}

export interface GuardedRegex {
  readonly re: RegExp;
  /** field name of each renamed group `_gN`, in order */
  readonly groups: readonly string[];
}

/** the verdict of each pattern already checked (reloads check only what changed) */
const verdicts = new Map<string, string | null>();
const VERDICTS_MAX = 4096;

/** How long one pattern may be checked before it is refused as undecidable. */
const CHECK_TIMEOUT_MS = 10_000;

/** `(?<name>` groups renamed `_gN` (escapes and character classes skipped); a string when the pattern is malformed. */
export function renameGroups(src: string): { source: string; groups: string[] } | string {
  let out = '';
  const groups: string[] = [];
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      out += c + (src[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      continue;
    }
    if (c === '(' && src.startsWith('(?<', i) && src[i + 3] !== '=' && src[i + 3] !== '!') {
      const end = src.indexOf('>', i + 3);
      if (end < 0) return `unclosed group name at character ${i + 1}`;
      groups.push(src.slice(i + 3, end));
      out += `(?<_g${groups.length - 1}>`;
      i = end;
      continue;
    }
    out += c;
  }
  return { source: out, groups };
}

/** Why a pattern may not run (syntax, backtracking), or null when it is safe. */
export function regexProblem(source: string, flags: string): string | null {
  const key = flags + '/' + source;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  let verdict: string | null = null;
  try {
    new RegExp(source, flags);
  } catch (e) {
    verdict = (e as Error).message;
  }
  if (verdict === null) {
    const d = checker().checkSync(source, flags, { timeout: CHECK_TIMEOUT_MS });
    if (d.status === 'vulnerable') {
      const c = d.complexity;
      const hot = d.hotspot.map((h) => source.slice(h.start, h.end)).filter((s) => s !== '');
      verdict = `catastrophic backtracking: ${c.type === 'exponential' ? 'exponential' : `polynomial (degree ${c.degree})`} time on inputs such as ${JSON.stringify(d.attack.pattern)}` +
        (hot.length ? `; look at ${hot.map((h) => JSON.stringify(h)).join(', ')}` : '') +
        '. Anchor the pattern (^), use [^ ]+ or a dissect step instead of .* between parts, and avoid a repeat inside a repeat';
    } else if (d.status === 'unknown') {
      verdict = `refused: its backtracking could not be checked (${d.error.kind}); simplify it or use a dissect step`;
    }
  }
  if (verdicts.size >= VERDICTS_MAX) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

/**
 * Compiles a pattern of a parser file: groups renamed, flags limited to `i`, checked unless
 * `checked` says the loading thread already did (parser workers compile what the main thread
 * validated). A string is why it is refused.
 */
export function guardRegex(pattern: string, flags: string, checked: boolean): GuardedRegex | string {
  for (const f of flags) if (f !== 'i') return `flag "${f}" is not allowed (only i)`;
  const r = renameGroups(pattern);
  if (typeof r === 'string') return r;
  if (!checked) {
    const why = regexProblem(r.source, flags);
    if (why !== null) return why;
  }
  return { re: new RegExp(r.source, flags), groups: r.groups };
}
