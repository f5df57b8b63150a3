/**
 * Reading a parser file's YAML with the line of every node, so that each problem names its file,
 * line and key (`parsers/acme.yml:12: steps[2].dissect.pattern: ...`), as the config loader does.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';

export interface ParserIssue {
  file: string;
  line: number;
  /** the key path inside the file: `steps[2].dissect.pattern` */
  path: string;
  message: string;
}

export function formatParserIssue(i: ParserIssue): string {
  return `${i.file}:${i.line}: ${i.path ? i.path + ': ' : ''}${i.message}`;
}

export type YNode = Node | null | undefined;

/** Edit distance of two short words, at most `max + 1` (for "did you mean" hints). */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** The known word a mistyped one most likely meant (at most two edits, `-` for `_` free), or undefined. */
export function nearest(word: string, known: readonly string[]): string | undefined {
  const w = word.toLowerCase().replace(/-/g, '_');
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    const d = distance(w, k, 2);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

export class YamlReader {
  readonly issues: ParserIssue[] = [];
  readonly root: YNode;
  private readonly lines = new LineCounter();

  constructor(readonly file: string, text: string) {
    const doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: false });
    for (const e of doc.errors) {
      this.issues.push({ file, line: e.linePos?.[0]?.line ?? 0, path: '', message: e.message.split('\n')[0]! });
    }
    this.root = doc.contents as YNode;
  }

  line(node: YNode): number {
    const r = node?.range;
    return r ? this.lines.linePos(r[0]).line : 1;
  }

  fail(node: YNode, path: string, message: string): void {
    this.issues.push({ file: this.file, line: this.line(node), path, message });
  }

  /** The entries of a mapping, in order; a repeated key is an error. Null (with an issue) when not a mapping. */
  map(node: YNode, path: string): [string, Node, Pair][] | null {
    if (!isMap(node)) {
      this.fail(node, path, 'must be a mapping of keys');
      return null;
    }
    const out: [string, Node, Pair][] = [];
    const seen = new Set<string>();
    for (const pair of node.items) {
      const k = pair.key as Node;
      const key = isScalar(k) ? String(k.value) : String(k);
      if (seen.has(key)) this.fail(k, path ? `${path}.${key}` : key, 'key given twice');
      seen.add(key);
      out.push([key, pair.value as Node, pair]);
    }
    return out;
  }

  /** Keys of a mapping not in `known` are errors (with a hint when one is close). */
  onlyKeys(entries: readonly [string, Node, Pair][], known: readonly string[], path: string): void {
    for (const [k, , pair] of entries) {
      if (known.includes(k)) continue;
      const near = nearest(k, known);
      this.fail(pair.key as Node, path ? `${path}.${k}` : k, `unknown key${near ? ` (did you mean "${near}"?)` : ` (known: ${known.join(', ')})`}`);
    }
  }

  get(entries: readonly [string, Node, Pair][] | null, key: string): Node | undefined {
    if (entries === null) return undefined;
    for (const e of entries) if (e[0] === key) return e[1];
    return undefined;
  }

  isScalar(node: YNode): boolean {
    return isScalar(node);
  }

  isSeq(node: YNode): boolean {
    return isSeq(node);
  }

  isMap(node: YNode): boolean {
    return isMap(node);
  }

  scalar(node: YNode): unknown {
    return isScalar(node) ? node.value : undefined;
  }

  /** A string (numbers and booleans written as YAML scalars are taken as their text). */
  str(node: YNode, path: string, required = true): string | null {
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) {
      if (required) this.fail(node, path, 'is required');
      return null;
    }
    if (!isScalar(node) || typeof node.value === 'object') {
      this.fail(node, path, 'must be a string');
      return null;
    }
    const v = node.value;
    if (typeof v === 'string') return v;
    // `01` and `1.0` keep the text the user wrote
    const src = (node as { source?: string }).source;
    return typeof src === 'string' ? src : String(v);
  }

  int(node: YNode, path: string, min: number, max: number): number | null {
    const v = this.scalar(node);
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.fail(node, path, 'must be an integer');
      return null;
    }
    if (v < min || v > max) {
      this.fail(node, path, `must be between ${min} and ${max}`);
      return null;
    }
    return v;
  }

  bool(node: YNode, path: string): boolean | null {
    const v = this.scalar(node);
    if (typeof v !== 'boolean') {
      this.fail(node, path, 'must be true or false');
      return null;
    }
    return v;
  }

  /** The items of a sequence; a single scalar counts as a list of one when `scalarOk`. */
  list(node: YNode, path: string, scalarOk = false): Node[] | null {
    if (isSeq(node)) return node.items as Node[];
    if (scalarOk && isScalar(node) && node.value !== null) return [node];
    this.fail(node, path, scalarOk ? 'must be a value or a list' : 'must be a list');
    return null;
  }

  /** A list of strings (or one string). */
  strList(node: YNode, path: string): string[] {
    const items = this.list(node, path, true);
    if (items === null) return [];
    const out: string[] = [];
    items.forEach((n, i) => {
      const s = this.str(n, `${path}[${i}]`);
      if (s !== null) out.push(s);
    });
    return out;
  }
}
