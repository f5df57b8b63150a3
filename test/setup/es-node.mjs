// The test suite's Elasticsearch: `ES_URL` when set (any real cluster), else a local node started
// through scripts/elasticsearch (single-node ES 8.15.5 in a JVM). Starting is idempotent and locked
// (flock in the script), so the global setup and any test file may ask for it.
// Plain ESM (not TS): jest's global setup loads it natively; tests import it too (types: es-node.d.mts).
import { execFile } from 'node:child_process';
import { writeFileSync, existsSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ES_SCRIPT = join(ROOT, 'scripts', 'elasticsearch');
export const DEFAULT_PORT = Number(process.env.ES_PORT ?? 9250);

/** marker: this test run started the node on that port, so the teardown stops it */
export function startedMarker(port) {
  return join(process.env.TMPDIR ?? tmpdir(), `syslog-ecs-es-${port}.state`, 'started-by-jest');
}

export function runScript(args, env = {}, timeoutMs = 300_000) {
  return new Promise((resolve, reject) => {
    execFile(ES_SCRIPT, args, { env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`scripts/elasticsearch ${args.join(' ')} failed: ${stderr || err.message}`));
      else resolve(stdout.trim().split('\n').pop() ?? '');
    });
  });
}

/** Starts (or finds) a local node on `port`; returns its URL. */
export async function startLocalNode(port, opts = {}) {
  const env = { ES_PORT: String(port), ...(opts.heap ? { ES_HEAP: opts.heap } : {}) };
  // a node that was already running (started by hand, or by an earlier test file) is not ours to stop
  const running = await runScript(['status'], env).then(() => true, () => false);
  const args = ['start'];
  if (opts.keepData) args.push('--keep-data');
  const url = await runScript(args, env);
  if (!running) {
    const marker = startedMarker(port);
    mkdirSync(dirname(marker), { recursive: true });
    writeFileSync(marker, String(process.pid));
  }
  return url;
}

export async function stopLocalNode(port, kill = false) {
  await runScript(kill ? ['stop', '--kill'] : ['stop'], { ES_PORT: String(port) });
}

/** The URL tests index into: ES_URL, else the local node (started on demand). */
export async function esUrl() {
  if (process.env.ES_URL) return process.env.ES_URL;
  const url = await startLocalNode(DEFAULT_PORT);
  process.env.ES_URL = url;
  return url;
}

/** Stops the nodes this run started (by marker); ES_KEEP_RUNNING=1 keeps them. */
export async function stopStartedNodes(ports) {
  for (const port of ports) {
    const marker = startedMarker(port);
    if (existsSync(marker)) {
      rmSync(marker, { force: true });
      if (process.env.ES_KEEP_RUNNING !== '1') await stopLocalNode(port);
    }
  }
}
