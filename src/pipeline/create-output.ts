/** Builds an output from its config entry (`file:DIR`, `stdout`, `http(s)://...`, `kafka://...`). */
import { defaultEsSection, esSettingsOf, type OutputConfig } from '../config/load.js';
import type { Output } from '../core/stages.js';
import { FileOutput } from '../sinks/file/file-output.js';
import { StdoutOutput } from '../sinks/stdout-output.js';
import { CollectorError, configError } from '../core/errors.js';
import { DATASETS } from '../dispatch/dispatch.js';
import { ElasticsearchOutput } from '../sinks/elasticsearch/index.js';
import { createKafkaOutput } from './kafka-client.js';
import type { ParserSet } from '../parsers/parser-set.js';

/** `parsers`: the families of parser files in force, whose fields and datasets an Elasticsearch output maps. */
export async function createOutput(c: OutputConfig, index = 0, parsers: ParserSet | null = null): Promise<Output> {
  if (c.url === 'stdout') return new StdoutOutput();
  if (c.url.startsWith('file:')) {
    return new FileOutput({
      directory: c.url.slice(5),
      indexTemplate: c.index_template,
      flushIntervalMs: c.flush_interval_ms,
      flushBytes: c.flush_bytes,
      maxBufferedBytes: c.max_buffered_bytes,
    });
  }
  if (c.url.startsWith('http://') || c.url.startsWith('https://')) {
    // the Elasticsearch keys sit under `elasticsearch:`; the URL and index template come from the entry
    const section = { ...(c.elasticsearch ?? defaultEsSection()) };
    section.index_template ??= c.index_template;
    const { settings, issues } = esSettingsOf(section, c.url, `outputs[${index}].elasticsearch`, process.env, `outputs[${index}].url`);
    if (issues.length > 0) throw configError(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    settings.datasets = parsers === null ? DATASETS : [...new Set([...DATASETS, ...parsers.datasets()])];
    if (parsers !== null) settings.extraFields = parsers.fieldTypes();
    return new ElasticsearchOutput(settings);
  }
  if (c.url.startsWith('kafka://')) return createKafkaOutput(c);
  throw new CollectorError('COL_ERR_OUTPUT', `unknown output "${c.url}"`);
}
