// Bundles the TypeScript sources (src/ and vendors/) into dist/ with esbuild.
// Type checking is separate: `npm run typecheck` (tsc --noEmit).
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli.ts', 'parse-worker': 'src/pipeline/parse-worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: '#!/usr/bin/env node' },
});
