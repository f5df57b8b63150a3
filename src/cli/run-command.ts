/**
 * `syslog-ecs run [--config FILE] [--listen URL]... [--output URL]... [--http HOST:PORT] [--parsers DIR]`: the
 * collector. Without arguments it runs on the embedded defaults (UDP and TCP on port 5514, all
 * interfaces; NDJSON files under ./data). `--listen`/`--output` add to the config file's lists;
 * without a config file they replace the embedded defaults. SIGTERM/SIGINT: stop accepting, drain,
 * flush within the shutdown bound, print the ledger, exit (codes below). SIGHUP: reload (the
 * configuration where it can, enrichment data, the parser files) and reopen output files.
 */
import { parseArgs } from 'node:util';
import { loadConfigFile, defaultConfig, validateConfigText, formatIssues, type Config, type ListenerConfig } from '../config/load.js';
import { configError } from '../core/errors.js';
import { startCollector, SHUTDOWN_FLUSH_MS } from '../pipeline/collector.js';
import { parseHostPort } from '../core/host-port.js';
import { formatLedger } from './ledger.js';

function listenerFromUrl(url: string): ListenerConfig {
  const { config, issues } = validateConfigText(`listeners:\n  - url: ${JSON.stringify(url)}\n`);
  if (issues.length > 0) throw configError('--listen: ' + formatIssues('--listen', issues));
  return config.listeners[0]!;
}

/** Merges command-line flags into the config (`--parsers DIR` replaces `parsers_dir`). */
export function mergeFlags(base: Config | null, listen: string[], output: string[], http?: string, parsers?: string): Config {
  const c = base ?? defaultConfig();
  if (parsers !== undefined) c.parsers_dir = parsers;
  if (listen.length > 0) {
    const extra = listen.map(listenerFromUrl);
    c.listeners = base ? [...c.listeners, ...extra] : extra;
  }
  if (output.length > 0) {
    const { config, issues } = validateConfigText('outputs:\n' + output.map((u) => `  - url: ${JSON.stringify(u)}\n`).join(''));
    if (issues.length > 0) throw configError('--output: ' + formatIssues('--output', issues));
    c.outputs = base ? [...c.outputs, ...config.outputs] : config.outputs;
  }
  if (http !== undefined) c.http = { ...c.http, listen: http };
  return c;
}

/**
 * Exit codes of `run` (docs/operations.md, `--help`): 0 stopped on SIGTERM/SIGINT with nothing
 * dropped at shutdown (what a disk buffer holds is replayed at the next start); 3 stopped, but
 * events that could not be delivered by the deadline were counted as dropped (`shutdown`); 4 the
 * shutdown did not finish within its bound and was cut short (the ledger as it stood is printed).
 * Configuration and start errors exit 2 before anything listens (cli.ts).
 */
export const EXIT_STOPPED = 0;
export const EXIT_STOPPED_WITH_LOSS = 3;
export const EXIT_SHUTDOWN_TIMEOUT = 4;
/** past the shutdown deadline (grace + flush), how long before the process is ended regardless */
const WATCHDOG_MARGIN_MS = 3000;

export async function runCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string' },
      listen: { type: 'string', multiple: true },
      output: { type: 'string', multiple: true },
      http: { type: 'string' },
      parsers: { type: 'string' },
    },
  });
  if (values.http !== undefined && values.http.trim() !== '') parseHostPort(values.http, '--http');
  const base = values.config !== undefined ? loadConfigFile(values.config) : null;
  const config = mergeFlags(base, values.listen ?? [], values.output ?? [], values.http, values.parsers);
  const collector = await startCollector(config);
  // logrotate's postrotate and operators send SIGHUP: reload and reopen, never exit
  const onHup = (): void => {
    let next: Config | null = null;
    try {
      const file = values.config !== undefined ? loadConfigFile(values.config) : null;
      next = mergeFlags(file, values.listen ?? [], values.output ?? [], values.http, values.parsers);
    } catch (e) {
      process.stderr.write(`syslog-ecs: reload: ${(e as Error).message.trim()}\nsyslog-ecs: reload: keeping the running configuration\n`);
    }
    try {
      collector.reload(next);
    } catch (e) {
      process.stderr.write(`syslog-ecs: reload failed: ${(e as Error).message}\n`);
    }
  };
  process.on('SIGHUP', onHup);
  process.stderr.write('syslog-ecs: ready\n');
  const timedOut = await new Promise<boolean>((resolve) => {
    const onSignal = (sig: string): void => {
      process.stderr.write(`syslog-ecs: ${sig}: stopping (draining, flushing)\n`);
      process.removeAllListeners('SIGTERM');
      process.removeAllListeners('SIGINT');
      // whatever an output or a worker does, the process ends: late, it prints the ledger as it stands
      const bound = config.pipeline.shutdown_grace_ms + SHUTDOWN_FLUSH_MS + WATCHDOG_MARGIN_MS;
      const watchdog = setTimeout(() => {
        process.stderr.write(`syslog-ecs: shutdown did not finish within ${bound} ms; stopping now\n`);
        resolve(true);
      }, bound);
      watchdog.unref();
      collector.stop().then(() => {
        clearTimeout(watchdog);
        resolve(false);
      }, (e: unknown) => {
        clearTimeout(watchdog);
        process.stderr.write(`syslog-ecs: shutdown error: ${(e as Error).message}\n`);
        resolve(false);
      });
    };
    process.once('SIGTERM', () => onSignal('SIGTERM'));
    process.once('SIGINT', () => onSignal('SIGINT'));
  });
  process.stderr.write(formatLedger(collector.telemetry) + '\n');
  if (timedOut) process.exit(EXIT_SHUTDOWN_TIMEOUT);
  return collector.telemetry.totals().dropped.shutdown > 0 ? EXIT_STOPPED_WITH_LOSS : EXIT_STOPPED;
}
