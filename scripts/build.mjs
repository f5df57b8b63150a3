// Bundles the TypeScript sources (src/ and vendors/) into dist/ with esbuild.
// Type checking is separate: `npm run typecheck` (tsc --noEmit).
// `node scripts/build.mjs --outdir .build/x` builds elsewhere (parallel work on one tree).
import { build } from 'esbuild';
import { readdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { generate, render, OUT as MAPPINGS_OUT } from './gen-mappings.mjs';

const i = process.argv.indexOf('--outdir');
const outdir = i > 0 ? process.argv[i + 1] : 'dist';

// benchmarks (bench/*.bench.ts) are bundled too, so they measure the same code the CLI runs
const benches = existsSync('bench') ? readdirSync('bench').filter((f) => f.endsWith('.bench.ts')) : [];
const entryPoints = { cli: 'src/cli.ts', 'parse-worker': 'src/pipeline/parse-worker.ts' };
for (const f of benches) entryPoints['bench/' + f.replace(/\.ts$/, '')] = 'bench/' + f;

// Elasticsearch field mappings from the ECS table and every vendors/<id>/fields.yml
{
  const result = generate();
  for (const w of [...result.errors, ...result.warnings]) process.stderr.write(`gen-mappings: warning: ${w}\n`);
  const text = render(result);
  if (!existsSync(MAPPINGS_OUT) || readFileSync(MAPPINGS_OUT, 'utf8') !== text) writeFileSync(MAPPINGS_OUT, text);
}

await build({
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: '#!/usr/bin/env node' },
});
