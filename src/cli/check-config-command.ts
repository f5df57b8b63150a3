/** `syslog-ecs check-config FILE`: validates a configuration; each error names its key and line. */
import { readFileSync } from 'node:fs';
import { validateConfigText, formatIssues } from '../config/load.js';
import { CollectorError, UsageError } from '../core/errors.js';

export async function checkConfigCommand(args: string[]): Promise<number> {
  if (args.length !== 1) throw new UsageError('check-config takes one file');
  const file = args[0]!;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CollectorError('COL_ERR_CONFIG_READ', `${file}: ${(e as Error).message}`);
  }
  const { issues } = validateConfigText(text);
  if (issues.length > 0) {
    process.stderr.write(formatIssues(file, issues) + '\n');
    process.stderr.write(`${file}: ${issues.length} error${issues.length === 1 ? '' : 's'}\n`);
    return 1;
  }
  process.stdout.write(`${file}: OK\n`);
  return 0;
}
