// Bundles the TypeScript sources (src/ and vendors/) into dist/ with esbuild.
// Type checking is separate: `npm run typecheck` (tsc --noEmit).
// `node scripts/build.mjs --outdir .build/x` builds elsewhere (parallel work on one tree).
import { build } from 'esbuild';

const i = process.argv.indexOf('--outdir');
const outdir = i > 0 ? process.argv[i + 1] : 'dist';

await build({
  entryPoints: { cli: 'src/cli.ts', 'parse-worker': 'src/pipeline/parse-worker.ts' },
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
