/**
 * Composable index templates for everything the collector emits, built from the generated field
 * table (ECS types + every vendor's fields.yml): `ip` for addresses, `geo_point` for locations,
 * `date`, `long`, `keyword`, `message` as `match_only_text` where the cluster has it (else `text`),
 * `flattened` for free-form maps. Dynamic templates map any other string to `keyword` and numbers
 * to `long`/`double`, so nothing falls to accidental dynamic mapping (no text+keyword multi-fields).
 *
 * Installed: component templates `<name>-settings` and `<name>-mappings`, the index template
 * `<name>` for the time-based indices (priority 200; patterns from the index name template) or
 * `<name>-ds` for data streams (`logs-<dataset>-*` for each vendor's dataset), and `<name>-dead-letter`.
 */
import type { Client } from '@elastic/elasticsearch';
import { errors } from '@elastic/elasticsearch';
import { FIELD_MAPPINGS, type FieldMapping } from './mappings.generated.js';
import type { EsSettings } from './config.js';
import { dataStreamName } from './encoder.js';

export type Mapping = Record<string, unknown>;

const KEYWORD_IGNORE_ABOVE = 1024;

function leafMapping(m: FieldMapping, textType: 'text' | 'match_only_text'): Mapping {
  switch (m.type) {
    case 'keyword': {
      const out: Mapping = { type: 'keyword', ignore_above: KEYWORD_IGNORE_ABOVE };
      if (m.index === false) {
        out.index = false;
        delete out.ignore_above;
      }
      if (m.doc_values === false) out.doc_values = false;
      return out;
    }
    case 'text':
      return { type: textType };
    case 'object':
      return { type: 'object', dynamic: true };
    case 'flattened':
      return { type: 'flattened', ignore_above: KEYWORD_IGNORE_ABOVE };
    default: {
      const out: Mapping = { type: m.type };
      if (m.index === false) out.index = false;
      if (m.doc_values === false) out.doc_values = false;
      if (m.type === 'ip' || m.type === 'long' || m.type === 'double' || m.type === 'float' || m.type === 'date') out.ignore_malformed = false;
      return out;
    }
  }
}

/** Nested `properties` from the flat field table. */
export function buildProperties(textType: 'text' | 'match_only_text' = 'text', table: Record<string, FieldMapping> = FIELD_MAPPINGS): Mapping {
  const root: Mapping = {};
  for (const path of Object.keys(table).sort()) {
    const parts = path.split('.');
    let props = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const k = parts[i]!;
      let node = props[k] as Mapping | undefined;
      if (node === undefined) {
        node = { properties: {} };
        props[k] = node;
      } else if (node.properties === undefined) node.properties = {};
      props = node.properties as Mapping;
    }
    const leaf = parts[parts.length - 1]!;
    const existing = props[leaf] as Mapping | undefined;
    const m = leafMapping(table[path]!, textType);
    props[leaf] = existing?.properties !== undefined ? { ...m, properties: existing.properties } : m;
  }
  return root;
}

export const DYNAMIC_TEMPLATES: Mapping[] = [
  { geo_location: { path_match: '*.geo.location', mapping: { type: 'geo_point' } } },
  { strings_as_keyword: { match_mapping_type: 'string', mapping: { type: 'keyword', ignore_above: KEYWORD_IGNORE_ABOVE } } },
  { longs: { match_mapping_type: 'long', mapping: { type: 'long' } } },
  { doubles: { match_mapping_type: 'double', mapping: { type: 'double' } } },
];

/**
 * The field table with the fields parser files declare: ECS and the built-in families keep their
 * types (the loader refuses a file that maps one of them otherwise).
 */
export function withExtraFields(extra: Readonly<Record<string, string>>): Record<string, FieldMapping> {
  const keys = Object.keys(extra);
  if (keys.length === 0) return FIELD_MAPPINGS;
  const table: Record<string, FieldMapping> = { ...FIELD_MAPPINGS };
  for (const k of keys) if (!Object.hasOwn(FIELD_MAPPINGS, k)) table[k] = { type: extra[k]! };
  return table;
}

export function mappingsBody(textType: 'text' | 'match_only_text', extra: Readonly<Record<string, string>> = {}): Mapping {
  return {
    dynamic: true,
    date_detection: false,
    numeric_detection: false,
    dynamic_templates: DYNAMIC_TEMPLATES,
    properties: buildProperties(textType, withExtraFields(extra)),
  };
}

/** `syslog-ecs-{dataset}-{yyyy.MM.dd}` -> `syslog-ecs-*` (the placeholders become wildcards). */
export function indexPatternOf(template: string): string {
  return template.replace(/\{[^}]*\}/g, '*').replace(/\*(?:[^*]{0,3}\*)+/g, '*').toLowerCase();
}

export function dataStreamPatterns(namespace: string, known: readonly string[]): string[] {
  const datasets = new Set(['syslog', ...known]);
  return [...datasets].sort().map((ds) => dataStreamName(ds, namespace).replace(new RegExp(`-${namespace}$`), '-*'));
}

const SETTINGS = {
  'index.number_of_shards': 1,
  'index.auto_expand_replicas': '0-1',
  'index.mapping.total_fields.limit': 10000,
  'index.refresh_interval': '5s',
};

export const DEAD_LETTER_MAPPINGS: Mapping = {
  dynamic: false,
  properties: {
    '@timestamp': { type: 'date' },
    message: { type: 'text' },
    error: { properties: { type: { type: 'keyword' }, message: { type: 'text' } } },
    dead_letter: {
      properties: { index: { type: 'keyword' }, id: { type: 'keyword' }, status: { type: 'long' }, attempts: { type: 'long' } },
    },
    event: { properties: { original: { type: 'keyword', index: false, doc_values: false } } },
  },
};

export interface InstalledTemplates {
  componentTemplates: string[];
  indexTemplates: { name: string; patterns: string[] }[];
  textType: 'text' | 'match_only_text';
}

function isUnknownTypeError(e: unknown): boolean {
  return e instanceof errors.ResponseError && e.statusCode === 400 && /match_only_text/.test(JSON.stringify(e.meta?.body ?? ''));
}

/** Installs (or updates) the templates; idempotent. Throws the client's errors; `signal` aborts the requests. */
export async function installTemplates(client: Client, s: EsSettings, signal?: AbortSignal): Promise<InstalledTemplates> {
  const opts = signal !== undefined ? { signal } : {};
  const name = s.templateName;
  const settingsName = `${name}-settings`;
  const mappingsName = `${name}-mappings`;
  await client.cluster.putComponentTemplate({
    name: settingsName,
    template: { settings: SETTINGS },
    _meta: { managed_by: 'syslog-ecs' },
  }, opts);
  let textType: 'text' | 'match_only_text' = 'match_only_text';
  try {
    await client.cluster.putComponentTemplate({
      name: mappingsName,
      template: { settings: { 'index.mapping.total_fields.limit': SETTINGS['index.mapping.total_fields.limit'] }, mappings: mappingsBody(textType, s.extraFields) as never },
      _meta: { managed_by: 'syslog-ecs' },
    }, opts);
  } catch (e) {
    if (!isUnknownTypeError(e)) throw e;
    textType = 'text'; // no mapper-extras module (e.g. the test suite's node)
    await client.cluster.putComponentTemplate({
      name: mappingsName,
      template: { settings: { 'index.mapping.total_fields.limit': SETTINGS['index.mapping.total_fields.limit'] }, mappings: mappingsBody(textType, s.extraFields) as never },
      _meta: { managed_by: 'syslog-ecs' },
    }, opts);
  }
  const installed: InstalledTemplates = { componentTemplates: [settingsName, mappingsName], indexTemplates: [], textType };
  if (s.dataStream.enabled) {
    const patterns = dataStreamPatterns(s.dataStream.namespace, s.datasets);
    await client.indices.putIndexTemplate({
      name: `${name}-ds`,
      index_patterns: patterns,
      data_stream: {},
      composed_of: [settingsName, mappingsName],
      priority: 210,
      _meta: { managed_by: 'syslog-ecs' },
    }, opts);
    installed.indexTemplates.push({ name: `${name}-ds`, patterns });
  } else {
    const patterns = [indexPatternOf(s.indexTemplate)];
    await client.indices.putIndexTemplate({
      name,
      index_patterns: patterns,
      composed_of: [settingsName, mappingsName],
      priority: 200,
      _meta: { managed_by: 'syslog-ecs' },
    }, opts);
    installed.indexTemplates.push({ name, patterns });
  }
  if (s.deadLetter.index !== null) {
    const patterns = [s.deadLetter.index];
    await client.indices.putIndexTemplate({
      name: `${name}-dead-letter`,
      index_patterns: patterns,
      template: { settings: SETTINGS, mappings: DEAD_LETTER_MAPPINGS as never },
      priority: 300,
      _meta: { managed_by: 'syslog-ecs' },
    }, opts);
    installed.indexTemplates.push({ name: `${name}-dead-letter`, patterns });
  }
  return installed;
}
