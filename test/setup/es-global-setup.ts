/**
 * Jest global setup: when the run includes tests that need Elasticsearch (test/integration, or a
 * whole-suite run) and `ES_URL` is unset, starts the local node and exports `ES_URL` to the test
 * workers. `jest test/unit` starts nothing. Tests also call `esUrl()` (test/setup/es-node.ts), which
 * starts the node on demand, so a narrower pattern that still picks an integration test works too.
 */
import { esUrl } from './es-node.mjs';

interface GlobalConfigLike {
  testPathPattern?: string;
  testPathPatterns?: { patterns?: string[] };
}

export function runNeedsElasticsearch(globalConfig: GlobalConfigLike): boolean {
  const pattern = globalConfig.testPathPattern ?? (globalConfig.testPathPatterns?.patterns ?? []).join('|');
  if (pattern === '' || pattern === undefined) return true; // the whole suite
  return /integration|elasticsearch/i.test(pattern);
}

export default async function globalSetup(globalConfig: GlobalConfigLike): Promise<void> {
  if (process.env.ES_URL) return;
  if (!runNeedsElasticsearch(globalConfig)) return;
  const t0 = Date.now();
  const url = await esUrl();
  process.stderr.write(`\n[es-global-setup] Elasticsearch at ${url} (${Date.now() - t0} ms)\n`);
}
