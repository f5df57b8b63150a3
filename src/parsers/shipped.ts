/**
 * Where the families shipped with the collector live: `parsers/` at the top of the package, found
 * from this module in the sources (src/parsers/) and in the bundles (dist/, dist/bench/).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function shippedParsersDir(): string | null {
  for (const rel of ['../../parsers/', '../parsers/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    // the README tells the shipped directory from this engine's own (src/parsers)
    if (existsSync(dir + 'README.md') && existsSync(dir + '../package.json')) return dir;
  }
  return null;
}
