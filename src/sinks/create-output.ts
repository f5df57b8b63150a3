/** Builds an output from its config entry (`file:DIR`, `stdout`, `http(s)://...`). */
import type { OutputConfig } from '../config/load.js';
import type { Output } from './output.js';
import { FileOutput } from './file/file-output.js';
import { StdoutOutput } from './stdout-output.js';
import { CollectorError } from '../core/errors.js';

export async function createOutput(c: OutputConfig): Promise<Output> {
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
    // TODO(lead): literal import once src/sinks/elasticsearch/index.ts lands
    const modPath = './elasticsearch/index.js';
    const es = (await import(modPath).catch((e: Error) => {
      throw new CollectorError('COL_ERR_OUTPUT', `Elasticsearch output unavailable: ${e.message}`);
    })) as {
      ElasticsearchOutput: new (s: unknown) => Output;
      esSettingsFromConfig: (o: unknown, key: string) => unknown;
    };
    const section = { ...(typeof c.elasticsearch === 'object' && c.elasticsearch !== null ? c.elasticsearch : {}), url: c.url };
    if (c.index_template && !('index_template' in section)) (section as Record<string, unknown>).index_template = c.index_template;
    return new es.ElasticsearchOutput(es.esSettingsFromConfig(section, 'outputs.elasticsearch'));
  }
  throw new CollectorError('COL_ERR_OUTPUT', `unknown output "${c.url}"`);
}
