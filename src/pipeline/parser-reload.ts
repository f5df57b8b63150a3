/**
 * Reloading the parser files: when the user's directory changes (a file written, renamed into
 * place or removed) and on SIGHUP, the shipped and the user's files are read and built again. A
 * set with problems is refused whole (each problem logged with its file and line) and the families
 * in force keep running; a good one is swapped in between two messages, handed to the parser
 * workers and its declared fields to the outputs that map fields.
 */
import { watchDirectory, type DirWatch } from '../enrich/watch.js';
import { parserLoadOptions, parserSources } from '../config/parsers.js';
import { buildParserSet } from '../parsers/load.js';
import { formatParserIssue } from '../parsers/yaml-reader.js';
import type { ParserHolder, ParserSet, ParserSource } from '../parsers/parser-set.js';
import type { Output } from '../core/stages.js';
import { DATASETS } from '../dispatch/dispatch.js';

export interface ParserReloadTargets {
  holder: ParserHolder;
  /** the parser workers, when parsing runs on them */
  workers: { setParsers(sources: readonly ParserSource[]): void } | null;
  outputs: readonly Output[];
  log: (line: string) => void;
}

/** Every dataset events may carry: plain syslog, the built-in families', the parser files'. */
export function allDatasets(set: ParserSet): string[] {
  return [...new Set([...DATASETS, ...set.datasets()])];
}

export class ParserReloader {
  /** reloads that took effect, and those refused (the families in force kept) */
  reloads = 0;
  rejected = 0;
  private watcher: DirWatch | null = null;

  constructor(private readonly dir: string | null, private readonly t: ParserReloadTargets, watch: boolean) {
    if (dir !== null && watch) {
      this.watcher = watchDirectory(dir, (n) => !n.startsWith('.') && (n.endsWith('.yml') || n.endsWith('.yaml')), () => this.reload('changed'));
    }
  }

  /** Reads and builds the files again; true when the new set took effect. */
  reload(why: string): boolean {
    let sources: ParserSource[];
    try {
      sources = parserSources(this.dir);
    } catch (e) {
      this.rejected++;
      this.t.log(`syslog-ecs: parsers (${why}): ${(e as Error).message}; keeping ${this.t.holder.current.describe()}`);
      return false;
    }
    const { set, issues } = buildParserSet(sources, parserLoadOptions());
    if (issues.length > 0) {
      this.rejected++;
      this.t.log(`syslog-ecs: parsers (${why}): ${issues.length} problem${issues.length === 1 ? '' : 's'}, keeping ${this.t.holder.current.describe()}:\n${issues.map(formatParserIssue).join('\n')}`);
      return false;
    }
    this.t.holder.current = set;
    this.t.workers?.setParsers(sources);
    const fields = set.fieldTypes();
    const datasets = allDatasets(set);
    for (const o of this.t.outputs) o.declareFields?.(fields, datasets);
    this.reloads++;
    this.t.log(`syslog-ecs: parsers (${why}): loaded ${set.describe()}`);
    return true;
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
  }
}
