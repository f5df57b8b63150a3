/**
 * `syslog-ecs run [--config FILE] [--listen URL]... [--output URL]... [--http HOST:PORT] [--parsers DIR]`: the
 * collector. Without arguments it runs on the embedded defaults (UDP and TCP on port 5514, all
 * interfaces; NDJSON files under ./data). `--listen`/`--output` add to the config file's lists;
 * without a config file they replace the embedded defaults. SIGTERM/SIGINT: stop accepting, drain,
 * flush, print the ledger, exit 0. SIGHUP: reload the parser files.
 */
import { parseArgs } from 'node:util';
import { loadConfigFile, defaultConfig, validateConfigText, formatIssues, type Config, type ListenerConfig } from '../config/load.js';
import { configError } from '../core/errors.js';
import { startCollector } from '../pipeline/collector.js';
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
  if (http !== undefined) c.http = { listen: http };
  return c;
}

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
  const base = values.config !== undefined ? loadConfigFile(values.config) : null;
  const config = mergeFlags(base, values.listen ?? [], values.output ?? [], values.http, values.parsers);
  const collector = await startCollector(config);
  process.stderr.write('syslog-ecs: ready\n');
  // SIGHUP: read the parser files again (a bad edit keeps the families in force and says why)
  const onHup = (): void => {
    collector.parsers.reload('SIGHUP');
  };
  process.on('SIGHUP', onHup);
  await new Promise<void>((resolve) => {
    const onSignal = (sig: string): void => {
      process.stderr.write(`syslog-ecs: ${sig}: stopping (draining, flushing)\n`);
      process.removeAllListeners('SIGTERM');
      process.removeAllListeners('SIGINT');
      process.removeListener('SIGHUP', onHup);
      collector.stop().then(resolve, (e: unknown) => {
        process.stderr.write(`syslog-ecs: shutdown error: ${(e as Error).message}\n`);
        resolve();
      });
    };
    process.once('SIGTERM', () => onSignal('SIGTERM'));
    process.once('SIGINT', () => onSignal('SIGINT'));
  });
  process.stderr.write(formatLedger(collector.telemetry) + '\n');
  return 0;
}
