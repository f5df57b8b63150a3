/**
 * Test helper: our golden fixture lines (fixtures/<family>/*.log), every family's lines taking turns
 * as one port shared by many devices receives them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `rounds` lines of each family (its fixture lines over again), then `extra`, round after round. */
export function interleavedFixtureLines(rounds: number, extra: readonly string[] = []): string[] {
  const per: string[][] = [];
  for (const fam of readdirSync('fixtures').sort()) {
    const lines: string[] = [];
    for (const f of readdirSync(join('fixtures', fam)).sort()) {
      if (!f.endsWith('.log')) continue;
      for (const l of readFileSync(join('fixtures', fam, f), 'utf8').split('\n')) if (l.trim() && !l.includes('\r')) lines.push(l);
    }
    if (lines.length) per.push(lines);
  }
  const out: string[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const l of per) out.push(l[i % l.length]!);
    if (extra.length) out.push(extra[i % extra.length]!);
  }
  return out;
}
