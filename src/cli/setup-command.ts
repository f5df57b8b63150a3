/**
 * `syslog-ecs setup --output URL [--config FILE] [--parsers DIR]`: installs the Elasticsearch index templates
 * (component templates for settings and mappings, the index template for the time-based indices or
 * data streams, the dead-letter index template). The output does the same at start unless
 * `setup_templates: false`. With --config, the first http(s) output's `elasticsearch:` section
 * (credentials, TLS, index template, data streams) is used.
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { CollectorError, UsageError } from '../core/errors.js';
import { esSettingsFromConfig } from '../config/elasticsearch.js';
import { createClient } from '../sinks/elasticsearch/service.js';
import { installTemplates } from '../sinks/elasticsearch/templates.js';
import { DATASETS } from '../dispatch/dispatch.js';
import { loadParserSet } from '../config/parsers.js';
import { describeError } from '../sinks/elasticsearch/retry.js';
import { KIBANA_OPTIONS, kibanaSetup } from '../kibana/import.js';

export async function setupCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      output: { type: 'string' },
      config: { type: 'string' },
      ...KIBANA_OPTIONS, // --kibana URL and its credentials (src/kibana/import.ts)
      'data-stream': { type: 'boolean', default: false },
      namespace: { type: 'string' },
      'index-template': { type: 'string' },
      parsers: { type: 'string' },
    },
  });
  // Kibana only: no Elasticsearch templates asked for
  if (values.kibana !== undefined && values.output === undefined && values.config === undefined) return kibanaSetup(values);
  let section: Record<string, unknown> = {};
  let keyPath = 'setup';
  let parsersDir: string | null = values.parsers ?? null;
  if (values.config !== undefined) {
    let cfg: unknown;
    try {
      cfg = parseYaml(readFileSync(values.config, 'utf8'));
    } catch (e) {
      throw new CollectorError('COL_ERR_CONFIG_READ', `${values.config}: ${(e as Error).message}`);
    }
    const pd = (cfg as { parsers_dir?: unknown })?.parsers_dir;
    if (parsersDir === null && typeof pd === 'string') parsersDir = pd;
    const outputs = (cfg as { outputs?: unknown })?.outputs;
    if (Array.isArray(outputs)) {
      const i = outputs.findIndex((o) => typeof o?.url === 'string' && /^https?:\/\//.test(o.url));
      if (i >= 0) {
        const o = outputs[i] as Record<string, unknown>;
        section = { ...((o.elasticsearch as Record<string, unknown>) ?? {}), url: o.url };
        if (typeof o.index_template === 'string' && section.index_template === undefined) section.index_template = o.index_template;
        keyPath = `outputs[${i}].elasticsearch`;
      }
    }
  }
  if (values.output !== undefined) section.url = values.output;
  if (section.url === undefined) throw new UsageError('setup needs --output http(s)://HOST:PORT (or --config with an http(s) output)');
  if (values['data-stream']) section.data_stream = { enabled: true, ...(values.namespace ? { namespace: values.namespace } : {}) };
  if (values['index-template'] !== undefined) section.index_template = values['index-template'];
  const settings = esSettingsFromConfig(section, keyPath);
  // the families of parser files (shipped and the user's): their fields with their declared types, their datasets
  const parsers = loadParserSet(parsersDir);
  settings.datasets = [...new Set([...DATASETS, ...parsers.datasets()])];
  settings.extraFields = parsers.fieldTypes();
  const client = createClient(settings);
  try {
    const r = await installTemplates(client, settings);
    process.stdout.write(`component templates: ${r.componentTemplates.join(', ')} (message as ${r.textType})\n`);
    for (const t of r.indexTemplates) process.stdout.write(`index template ${t.name}: ${t.patterns.join(', ')}\n`);
    if (values.kibana !== undefined) await kibanaSetup(values);
    return 0;
  } catch (e) {
    throw new CollectorError('COL_ERR_ES_SETUP', `setup: ${describeError(e)}`, { cause: e });
  } finally {
    await client.close().catch(() => undefined);
  }
}
