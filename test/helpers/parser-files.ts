/**
 * Test helper: a set of parser-file families built from YAML text (as the collector builds the
 * files of a directory, with what it knows of ECS and the built-in families), and a line run
 * through the whole Processor with that set.
 */
import { buildParserSet, type LoadResult } from '../../src/parsers/load.js';
import { parserLoadOptions } from '../../src/config/parsers.js';
import { ParserHolder, type ParserSet } from '../../src/parsers/parser-set.js';
import { Processor } from '../../src/pipeline/process.js';
import { Telemetry } from '../../src/core/telemetry.js';
import type { EcsDoc } from '../../src/core/types.js';

export const NOW = Date.parse('2024-03-15T12:00:00Z');

/** Builds one file (or several: name -> text). */
export function build(files: string | Record<string, string>): LoadResult {
  const named = typeof files === 'string' ? { 'acme.yml': files } : files;
  return buildParserSet(Object.entries(named).map(([file, text]) => ({ file, text, shipped: false })), parserLoadOptions());
}

/** Builds and expects no problem. */
export function set(files: string | Record<string, string>): ParserSet {
  const r = build(files);
  if (r.issues.length > 0) throw new Error(r.issues.map((i) => `${i.file}:${i.line}: ${i.path}: ${i.message}`).join('\n'));
  return r.set;
}

/** Runs lines through a Processor with the set; the documents. */
export function run(s: ParserSet, lines: string | string[], senderIp = '192.0.2.1'): EcsDoc[] {
  const telemetry = new Telemetry();
  const p = new Processor({ timezone: 'UTC', senders: [], enrichers: [], telemetry, parsers: new ParserHolder(s) });
  const stats = telemetry.stats('test', senderIp);
  return (Array.isArray(lines) ? lines : [lines]).map((l) =>
    p.process({ data: Buffer.from(l), senderIp, senderPort: 514, listener: 'test', receivedAt: NOW, truncated: false }, stats));
}

export function one(s: ParserSet, line: string, senderIp?: string): EcsDoc {
  return run(s, line, senderIp)[0]!;
}
