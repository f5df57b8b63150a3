/**
 * syslog-ecs command line: `run`, `parse`, `check-config`, `setup`, `directory-sync`, `config-reference`.
 */
import { parseArgs } from 'node:util';
import { parseCommand } from './cli/parse-command.js';
import { CollectorError, UsageError } from './core/errors.js';

const USAGE = `usage:
  syslog-ecs run [--config FILE] [--listen URL]... [--output URL]... [--http HOST:PORT] [--parsers DIR]
  syslog-ecs parse [--parsers DIR] [--explain] [--framing lf|octet-counting] [--timezone TZ] [--geoip-dir DIR] [--assets FILE] [--users FILE] [--stats] [FILE|-]
  syslog-ecs check-config [FILE] [--parsers DIR]
  syslog-ecs setup --output URL [--parsers DIR] [--kibana URL]
  syslog-ecs directory-sync --url ldap://HOST --base DN --out FILE
  syslog-ecs config-reference

run: SIGTERM or SIGINT stops it within pipeline.shutdown_grace_ms + 5 s and prints the loss
ledger; SIGHUP reloads the configuration where it can, GeoIP, inventory and users, and reopens
output files.
exit codes: 0 stopped, nothing dropped at shutdown; 1 internal error; 2 bad command line,
configuration or start error (nothing keeps running); 3 stopped, events not delivered by the
deadline counted as dropped (shutdown); 4 shutdown cut short past its bound.
`;

/** Joins `--opt -05:00` into `--opt=-05:00`: node's parseArgs takes a leading dash for an option. */
function joinNegativeValues(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    if (a.startsWith('--') && !a.includes('=') && next !== undefined && /^-\d/.test(next)) {
      out.push(a + '=' + next);
      i++;
    } else out.push(a);
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
  const cmd = argv[0];
  const rest = joinNegativeValues(argv.slice(1));
  switch (cmd) {
    case 'parse': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          framing: { type: 'string', default: 'lf' },
          timezone: { type: 'string', default: 'UTC' },
          'geoip-dir': { type: 'string' },
          assets: { type: 'string' },
          users: { type: 'string' },
          now: { type: 'string' },
          stats: { type: 'boolean', default: false },
          parsers: { type: 'string' },
          explain: { type: 'boolean', default: false },
          'max-message-bytes': { type: 'string', default: String(64 * 1024) },
        },
      });
      const framing = values.framing;
      if (framing !== 'lf' && framing !== 'octet-counting') throw new UsageError(`--framing must be lf or octet-counting, not "${framing}"`);
      let now: number | null = null;
      if (values.now !== undefined) {
        now = Date.parse(values.now);
        if (Number.isNaN(now)) throw new UsageError(`--now: not a date: "${values.now}"`);
      }
      const max = Number(values['max-message-bytes']);
      if (!Number.isInteger(max) || max < 1) throw new UsageError('--max-message-bytes must be a positive integer');
      if (positionals.length > 1) throw new UsageError('parse takes one input file (or - for stdin)');
      return parseCommand({
        framing,
        timezone: values.timezone!,
        geoipDir: values['geoip-dir'] ?? null,
        assets: values.assets ?? null,
        users: values.users ?? null,
        now,
        stats: values.stats!,
        maxMessageBytes: max,
        input: positionals[0] ?? '-',
        parsers: values.parsers ?? null,
        explain: values.explain!,
      });
    }
    case 'run': {
      const { runCommand } = await import('./cli/run-command.js');
      return runCommand(rest);
    }
    case 'setup': {
      const { setupCommand } = await import('./cli/setup-command.js');
      return setupCommand(rest);
    }
    case 'directory-sync': {
      const { directorySyncCommand } = await import('./cli/directory-sync-command.js');
      return directorySyncCommand(rest);
    }
    case 'config-reference': {
      const { configReference } = await import('./config/reference.js');
      process.stdout.write(configReference());
      return 0;
    }
    case 'check-config': {
      const { checkConfigCommand } = await import('./cli/check-config-command.js');
      return checkConfigCommand(rest);
    }
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return cmd === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${cmd}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // a failed command leaves nothing running: whatever handle is still open, the process ends
    setTimeout(() => process.exit(), 1000).unref();
    if (err instanceof CollectorError) {
      process.stderr.write(`syslog-ecs: ${err.code}: ${err.message}\n`);
      if (err instanceof UsageError) process.stderr.write(USAGE);
      process.exitCode = 2;
    } else if (err instanceof TypeError && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`syslog-ecs: ${err.message}\n${USAGE}`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`syslog-ecs: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 1;
    }
  },
);
