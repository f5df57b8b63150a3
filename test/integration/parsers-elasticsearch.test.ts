/**
 * A parser file for a format syslog-ecs does not ship (Juniper ScreenOS traffic logs,
 * test/fixtures/parser-files/screenos/, written by following docs/parsers.md): `syslog-ecs parse
 * --parsers DIR` reads a file of its lines into documents with typed values; `syslog-ecs run
 * --parsers DIR` with a real Elasticsearch output indexes them into the family's own daily index,
 * where the declared fields are mapped with their declared types (long, keyword, date, boolean,
 * ip) beside ECS; `syslog-ecs setup --parsers DIR` installs the same fields alone.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { esUrl } from '../setup/es-node.mjs';
import { uniq, countDocs, waitFor } from './helpers/es-sink.js';
import { startCollector, tempDir, ledger, CLI } from '../helpers/collector.js';

const DIR = join(process.cwd(), 'test/fixtures/parser-files/screenos');
const LINES = join(process.cwd(), 'test/fixtures/parser-files/screenos.log');

let client: Client;
let url: string;
const prefix = uniq('upf');
const setupPrefix = uniq('ups');

beforeAll(async () => {
  url = await esUrl();
  client = new Client({ node: url });
});

afterAll(async () => {
  await client.indices.delete({ index: `${prefix}-*`, ignore_unavailable: true }).catch(() => undefined);
  await client.indices.delete({ index: `${setupPrefix}-*`, ignore_unavailable: true }).catch(() => undefined);
  for (const t of [prefix, setupPrefix]) {
    await client.indices.deleteIndexTemplate({ name: t }).catch(() => undefined);
    await client.indices.deleteIndexTemplate({ name: `${t}-dead-letter` }).catch(() => undefined);
    await client.cluster.deleteComponentTemplate({ name: `${t}-mappings` }).catch(() => undefined);
    await client.cluster.deleteComponentTemplate({ name: `${t}-settings` }).catch(() => undefined);
  }
  await client.close();
});

type FieldMappings = Record<string, { mapping: Record<string, { type: string }> }>;

async function fieldTypes(index: string, fields: string[]): Promise<Record<string, string>> {
  const m = await client.indices.getFieldMapping({ index, fields });
  const fm = Object.values(m)[0]!.mappings as FieldMappings;
  const out: Record<string, string> = {};
  for (const f of fields) {
    const leaf = f.slice(f.lastIndexOf('.') + 1);
    out[f] = fm[f]?.mapping[leaf]?.type ?? 'absent';
  }
  return out;
}

const DECLARED = {
  'screenos.policy_id': 'long', 'screenos.duration': 'long', 'screenos.session_id': 'keyword', 'screenos.start_time': 'date',
  'screenos.permitted': 'boolean', 'screenos.xlated.src_ip': 'ip', 'screenos.zone.src': 'keyword', 'source.ip': 'ip', 'source.port': 'long',
};

describe('a parser file of a format syslog-ecs does not ship', () => {
  test('parse --parsers DIR: documents of the family, values typed as declared', () => {
    const out = execFileSync(process.execPath, [CLI, 'parse', '--now', '2024-03-20T00:00:00Z', '--parsers', DIR, LINES]).toString();
    const docs = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(docs).toHaveLength(2);
    expect(docs.map((d) => [d.syslog_ecs.family, d.syslog_ecs.parse.status, d.event.dataset])).toEqual([['screenos', 'parsed', 'screenos.log'], ['screenos', 'parsed', 'screenos.log']]);
    expect(docs[0].screenos).toMatchObject({ policy_id: 2, duration: 3, session_id: '123', permitted: true, start_time: '2024-03-15T10:00:00.000Z', xlated: { src_ip: '198.51.100.2' } });
    expect(docs[0].source).toEqual({ ip: '192.0.2.10', port: 51000, bytes: 512 });
    expect(docs[1].event.type).toEqual(['connection', 'denied']);
    expect(docs[1].screenos.permitted).toBe(false);
  });

  test('run --parsers DIR into Elasticsearch: the family\'s index maps the declared fields with their types', async () => {
    const dir = tempDir('upf-');
    const cfg = join(dir, 'config.yaml');
    writeFileSync(cfg, [
      'listeners:', '  - url: tcp://127.0.0.1:0',
      'outputs:', `  - url: ${url}`, `    index_template: '${prefix}-{dataset}-{yyyy.MM.dd}'`, '    elasticsearch:', `      template_name: ${prefix}`, `      dead_letter: { index: ${prefix}-dead-letter }`, '      flush_interval_ms: 50',
      `parsers_dir: ${DIR}`, "http:\n  listen: ''", '',
    ].join('\n'));
    const c = await startCollector(['--config', cfg]);
    // the header stamps carry no year: the index is of the day they fall on this year
    const index = `${prefix}-screenos.log-*`;
    try {
      const sock = createConnection({ host: '127.0.0.1', port: c.port('tcp') });
      await new Promise((r) => sock.once('connect', r));
      await new Promise<void>((r) => sock.end(readFileSync(LINES), () => r()));
      await waitFor(async () => (await countDocs(client, index).catch(() => 0)) >= 2, 30_000, 'two documents');
    } finally {
      await c.stop();
    }
    const { code, stderr } = await c.stop();
    expect(code).toBe(0);
    expect(ledger(stderr)).toMatchObject({ received: 2, written: 2, dropped: 0 });
    expect(await fieldTypes(index, Object.keys(DECLARED))).toEqual(DECLARED);
    const hits = await client.search({ index, query: { range: { 'screenos.policy_id': { gte: 5 } } } });
    expect(hits.hits.hits.map((h) => (h._source as { source: { ip: string } }).source.ip)).toEqual(['203.0.113.66']);
  }, 90_000);

  test('setup, with parsers_dir in its configuration, installs the declared fields in the mappings component template', async () => {
    const cfg = join(tempDir('upf-setup-'), 'config.yaml');
    writeFileSync(cfg, ['outputs:', `  - url: ${url}`, `    index_template: '${setupPrefix}-{dataset}-{yyyy.MM.dd}'`, '    elasticsearch:', `      template_name: ${setupPrefix}`, `      dead_letter: { index: ${setupPrefix}-dead-letter }`, `parsers_dir: ${DIR}`, ''].join('\n'));
    const out = execFileSync(process.execPath, [CLI, 'setup', '--config', cfg]).toString();
    expect(out).toContain(`component templates: ${setupPrefix}-settings, ${setupPrefix}-mappings`);
    const r = await client.cluster.getComponentTemplate({ name: `${setupPrefix}-mappings` });
    const props = r.component_templates[0]!.component_template.template.mappings!.properties as Record<string, { properties?: Record<string, any> }>;
    const screenos = props.screenos!.properties!;
    expect(screenos.policy_id.type).toBe('long');
    expect(screenos.start_time.type).toBe('date');
    expect(screenos.permitted.type).toBe('boolean');
    expect(screenos.xlated.properties.src_ip.type).toBe('ip');
    // the shipped families' fields beside them
    expect(props.huawei!.properties!.vrp.properties.level.type).toBe('long');
  });
});
