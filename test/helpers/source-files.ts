/** Test helper for the house checks: the TypeScript files under a folder, with their text. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** [path, text] of every .ts file below each of `dirs`. */
export function sourceFiles(...dirs: string[]): (readonly [string, string])[] {
  return dirs.flatMap((d) => walk(d, [])).map((f) => [f, readFileSync(f, 'utf8')] as const);
}
