/**
 * `syslog-ecs check-config [FILE] [--parsers DIR]`: validates a configuration (with the parser
 * files its `parsers_dir` names) and, with --parsers, a directory of parser files; each error names
 * its file, line and key.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { validateConfigText, formatIssues, type ConfigIssue } from '../config/load.js';
import { checkParsers } from '../config/parsers.js';
import { CollectorError, UsageError } from '../core/errors.js';

export async function checkConfigCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { parsers: { type: 'string' } } });
  if (positionals.length > 1 || (positionals.length === 0 && values.parsers === undefined)) throw new UsageError('check-config takes one file, --parsers DIR, or both');
  const file = positionals[0];
  const issues: ConfigIssue[] = [];
  let families: string[] = [];
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new CollectorError('COL_ERR_CONFIG_READ', `${file}: ${(e as Error).message}`);
    }
    issues.push(...validateConfigText(text).issues);
  }
  if (values.parsers !== undefined) {
    const r = checkParsers(values.parsers);
    if (r.dirProblem !== null) issues.push({ file: values.parsers, line: 0, path: '--parsers', message: r.dirProblem });
    for (const i of r.issues) issues.push({ file: i.file, line: i.line, path: i.path || '(file)', message: i.message });
    families = r.families;
  }
  const what = [file, values.parsers].filter((x) => x !== undefined).join(' and ');
  if (issues.length > 0) {
    process.stderr.write(formatIssues(file ?? values.parsers!, issues) + '\n');
    process.stderr.write(`${what}: ${issues.length} error${issues.length === 1 ? '' : 's'}\n`);
    return 1;
  }
  process.stdout.write(`${what}: OK${values.parsers !== undefined ? ` (parser families: ${families.join(', ') || 'none'})` : ''}\n`);
  return 0;
}
