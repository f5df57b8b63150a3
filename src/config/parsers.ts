/**
 * Parser files as a configuration names them: the shipped families (`parsers/`) and those of
 * `parsers_dir`, loaded with what the collector knows beside them: the field types of ECS and of
 * the built-in families (a file may not map one differently), the built-in family ids (a file may
 * not take one) and the built-in detection (a sample a built-in family claims first is reported).
 */
import { statSync } from 'node:fs';
import { FIELD_MAPPINGS } from '../sinks/elasticsearch/mappings.generated.js';
import { FAMILY_IDS, detectVendor } from '../dispatch/dispatch.js';
import { buildParserSet, loadParsers, readParserDir, type LoadOptions } from '../parsers/load.js';
import { shippedParsersDir } from '../parsers/shipped.js';
import type { ParserSet, ParserSource } from '../parsers/parser-set.js';
import type { ParserIssue } from '../parsers/yaml-reader.js';
import { CollectorError } from '../core/errors.js';

export function parserLoadOptions(): LoadOptions {
  return {
    knownType: (f) => (Object.hasOwn(FIELD_MAPPINGS, f) ? FIELD_MAPPINGS[f]!.type : undefined),
    builtinIds: FAMILY_IDS,
    builtinClaim: (m) => detectVendor(m)?.id ?? null,
  };
}

/** The sources of the shipped families and of `dir`. Throws a CollectorError when a directory cannot be read. */
export function parserSources(dir: string | null): ParserSource[] {
  const shipped = shippedParsersDir();
  return [...(shipped === null ? [] : readParserDir(shipped, true)), ...(dir === null ? [] : readParserDir(dir, false))];
}

/** The set of the shipped families and those of `dir`; throws a CollectorError listing every problem. */
export function loadParserSet(dir: string | null): ParserSet {
  return loadParsers(shippedParsersDir(), dir, parserLoadOptions());
}

/** Validates `dir` (and the shipped files) for check-config and the config loader. */
export function checkParsers(dir: string | null): { dirProblem: string | null; issues: ParserIssue[]; families: string[] } {
  if (dir !== null) {
    try {
      if (!statSync(dir).isDirectory()) return { dirProblem: `not a directory: "${dir}"`, issues: [], families: [] };
    } catch (e) {
      return { dirProblem: (e as Error).message, issues: [], families: [] };
    }
  }
  let sources: ParserSource[];
  try {
    sources = parserSources(dir);
  } catch (e) {
    return { dirProblem: e instanceof CollectorError ? e.message : String(e), issues: [], families: [] };
  }
  const { set, issues } = buildParserSet(sources, parserLoadOptions());
  return { dirProblem: null, issues, families: set.families.map((f) => f.id) };
}
