/**
 * Test helper: runs the built collector (`node dist/cli.js run ...`) as a child process, waits for
 * it to be ready, reads the ports it bound, and stops it with a signal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = process.cwd();
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface Collector {
  proc: ChildProcess;
  /** bound URLs in listener order, e.g. tcp://127.0.0.1:40123 */
  bound: string[];
  port(proto: 'udp' | 'tcp' | 'tls'): number;
  stderr(): string;
  /** SIGTERM and wait for exit; returns the exit code and the printed ledger */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; stderr: string }>;
}

export function tempDir(prefix = 'syslog-ecs-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** `prefix`: a command the collector runs under, e.g. `['prlimit', '--nofile=64:64']` */
export async function startCollector(args: string[], env: NodeJS.ProcessEnv = {}, prefix: string[] = []): Promise<Collector> {
  const argv = [...prefix, process.execPath, CLI, 'run', ...args];
  const proc = spawn(argv[0]!, argv.slice(1), { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
  });
  proc.stdout!.resume();
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => {
      proc.kill('SIGKILL'); // a collector that never got ready is not left behind
      reject(new Error('collector did not start:\n' + err));
    }, 20_000);
    const check = (): void => {
      if (err.includes('syslog-ecs: ready')) {
        clearTimeout(t);
        resolve();
      }
    };
    proc.stderr!.on('data', check);
    proc.on('exit', (code) => {
      clearTimeout(t);
      reject(new Error(`collector exited (${code}) before ready:\n${err}`));
    });
  });
  const bound = [...err.matchAll(/listening on (\S+)/g)].map((m) => m[1]!);
  return {
    proc,
    bound,
    port(proto) {
      const u = bound.find((b) => b.startsWith(proto + '://'));
      if (!u) throw new Error(`no ${proto} listener in ${bound.join(', ')}`);
      return Number(u.slice(u.lastIndexOf(':') + 1));
    },
    stderr: () => err,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null) proc.kill(signal);
      const code = await exited;
      return { code, stderr: err };
    },
  };
}

/**
 * All documents written by a file output under dir: its whole lines (a file being appended to may
 * end in half a line, which is left for the next read).
 */
export function readOutput(dir: string): Record<string, any>[] {
  if (!existsSync(dir)) return [];
  const docs: Record<string, any>[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.ndjson')) continue;
    const lines = readFileSync(join(dir, f), 'utf8').split('\n');
    lines.pop(); // after the last newline: nothing, or a line still being written
    for (const line of lines) if (line) docs.push(JSON.parse(line));
  }
  return docs;
}

/** Counts lines of a file output without parsing them. */
export function countOutput(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.ndjson')) continue;
    const b = readFileSync(join(dir, f));
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  }
  return n;
}

export async function waitFor(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The parsed ledger line printed at shutdown. */
export function ledger(stderr: string): Record<string, number> {
  const m = /ledger: (.*?) \|/.exec(stderr);
  if (!m) throw new Error('no ledger in:\n' + stderr);
  const out: Record<string, number> = {};
  for (const kv of m[1]!.matchAll(/(\w+)=(\d+)/g)) out[kv[1]!] = Number(kv[2]);
  return out;
}

/** SIGTERM, exit 0, and the printed ledger balanced with nothing in flight; returns the ledger. */
export async function stopBalanced(c: Collector): Promise<Record<string, number>> {
  const { code, stderr } = await c.stop();
  if (code !== 0) throw new Error(`collector exited ${code}:\n${stderr}`);
  const l = ledger(stderr);
  // the loss ledger balances: nothing unaccounted
  if (l.received !== l.written! + l.dead_lettered! + l.dropped! || l.in_flight !== 0) throw new Error('the ledger does not balance:\n' + stderr);
  return l;
}

export const LOGGEN = existsSync(join(ROOT, '.peers/bin/loggen')) ? join(ROOT, '.peers/bin/loggen') : 'loggen';

/** Writes a configuration file from YAML lines into `dir` (a fresh one by default); returns its path. */
export function configFile(lines: readonly string[], dir = tempDir()): string {
  const file = join(dir, 'c.yaml');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** The /health and /metrics base URL a collector printed (started with `http.listen: 127.0.0.1:0`). */
export function httpOf(c: Collector): string {
  const m = /http on (http:\/\/\S+)/.exec(c.stderr());
  if (!m) throw new Error('no http endpoint in:\n' + c.stderr());
  return m[1]!;
}

/** A number from the collector's /metrics: the first group of `re`, 0 when absent. */
export async function metric(http: string, re: RegExp): Promise<number> {
  const m = re.exec(await (await fetch(http + '/metrics')).text());
  return m ? Number(m[1]) : 0;
}

/** A port where nothing listens (bound, then closed): connections to it are refused. */
export async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
