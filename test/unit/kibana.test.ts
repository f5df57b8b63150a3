/**
 * kibana/syslog-ecs.ndjson: valid Kibana 8.x saved-object NDJSON (one object a line, unique ids,
 * every reference resolved inside the file, nested JSON strings that parse, Lens layers and
 * accessors that exist, fields that our index templates map), in step with kibana/generate.mjs;
 * and the import request `setup --kibana` builds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIELD_MAPPINGS } from '../../src/sinks/elasticsearch/mappings.generated.js';
import { buildImportRequest, kibanaOptionsFromFlags } from '../../src/kibana/import.js';

const FILE = join(process.cwd(), 'kibana', 'syslog-ecs.ndjson');
const text = readFileSync(FILE, 'utf8');
type SO = { id: string; type: string; attributes: Record<string, any>; references: { id: string; type: string; name: string }[]; migrationVersion?: Record<string, string>; coreMigrationVersion?: string };
const objects: SO[] = text.trimEnd().split('\n').map((l) => JSON.parse(l) as SO);
const byId = new Map(objects.map((o) => [`${o.type}:${o.id}`, o]));
const RUNTIME = new Set(['syslog_ecs.device']);

function refsResolve(o: SO): void {
  for (const r of o.references) expect(byId.has(`${r.type}:${r.id}`)).toBe(true);
  const names = o.references.map((r) => r.name);
  expect(new Set(names).size).toBe(names.length);
}

describe('kibana/syslog-ecs.ndjson', () => {
  test('is what kibana/generate.mjs writes', async () => {
    const gen = (await import(join(process.cwd(), 'kibana', 'generate.mjs'))) as { ndjson(): string };
    expect(text).toBe(gen.ndjson());
  });

  test('one saved object a line, unique ids, 8.x versions, references resolved', () => {
    expect(text.endsWith('\n')).toBe(true);
    expect(byId.size).toBe(objects.length);
    for (const o of objects) {
      expect(typeof o.id).toBe('string');
      expect(['index-pattern', 'search', 'lens', 'map', 'dashboard']).toContain(o.type);
      expect(o.coreMigrationVersion).toMatch(/^8\.\d+\.\d+$/);
      expect(Object.values(o.migrationVersion ?? {}).every((v) => /^8\.\d+\.\d+$/.test(v))).toBe(true);
      expect(typeof o.attributes.title).toBe('string');
      refsResolve(o);
    }
  });

  test('a data view over syslog-ecs-* with @timestamp and the device runtime field', () => {
    const dv = objects.filter((o) => o.type === 'index-pattern');
    expect(dv).toHaveLength(1);
    expect(dv[0]!.attributes).toMatchObject({ title: 'syslog-ecs-*', timeFieldName: '@timestamp' });
    const rt = JSON.parse(dv[0]!.attributes.runtimeFieldMap);
    expect(rt['syslog_ecs.device'].type).toBe('keyword');
    expect(rt['syslog_ecs.device'].script.source).toContain("emit(");
    for (const k of ['fields', 'fieldFormatMap', 'fieldAttrs', 'sourceFilters']) JSON.parse(dv[0]!.attributes[k]);
  });

  test('saved searches point at the data view through indexRefName', () => {
    const searches = objects.filter((o) => o.type === 'search');
    expect(searches.map((s) => s.attributes.title)).toEqual(expect.arrayContaining(['syslog-ecs: denied traffic', 'syslog-ecs: messages not parsed']));
    for (const s of searches) {
      const src = JSON.parse(s.attributes.kibanaSavedObjectMeta.searchSourceJSON);
      expect(src.query.language).toBe('kuery');
      expect(s.references.find((r) => r.name === src.indexRefName)?.type).toBe('index-pattern');
      for (const c of s.attributes.columns as string[]) expect(FIELD_MAPPINGS[c] !== undefined || RUNTIME.has(c)).toBe(true);
    }
  });

  test('Lens: layers referenced, accessors exist, fields mapped', () => {
    const lens = objects.filter((o) => o.type === 'lens');
    expect(lens.length).toBeGreaterThanOrEqual(3);
    for (const l of lens) {
      const layers = l.attributes.state.datasourceStates.indexpattern.layers as Record<string, { columnOrder: string[]; columns: Record<string, any> }>;
      for (const [id, layer] of Object.entries(layers)) {
        expect(l.references.some((r) => r.name === `indexpattern-datasource-layer-${id}` && r.type === 'index-pattern')).toBe(true);
        expect(Object.keys(layer.columns).sort()).toEqual([...layer.columnOrder].sort());
        for (const c of Object.values(layer.columns)) {
          if (c.operationType === 'count') continue;
          expect(FIELD_MAPPINGS[c.sourceField] !== undefined || c.sourceField === '@timestamp' || RUNTIME.has(c.sourceField)).toBe(true);
          if (c.params?.orderBy?.columnId) expect(layer.columns[c.params.orderBy.columnId]).toBeDefined();
        }
        const vis = l.attributes.state.visualization;
        const used = JSON.stringify(vis).match(/"(?:xAccessor|splitAccessor|columnId|metric)":"([^"]+)"/g) ?? [];
        for (const u of used) expect(layer.columns[u.split(':')[1]!.replace(/"/g, '')]).toBeDefined();
        for (const a of (vis.layers ?? []).flatMap((x: any) => [...(x.accessors ?? []), ...(x.groups ?? [])])) expect(layer.columns[a]).toBeDefined();
      }
    }
    const titles = lens.map((l) => l.attributes.title);
    expect(titles).toEqual(expect.arrayContaining(['Events over time by device', 'Top denied sources', 'Top rules and actions']));
  });

  test('the map joins source countries to the data view', () => {
    const map = objects.find((o) => o.type === 'map')!;
    const layers = JSON.parse(map.attributes.layerListJSON) as any[];
    const join0 = layers.flatMap((l) => l.joins ?? [])[0];
    expect(join0.right.term).toBe('source.geo.country_iso_code');
    expect(FIELD_MAPPINGS['source.geo.country_iso_code']).toBeDefined();
    expect(map.references.find((r) => r.name === join0.right.indexPatternRefName)?.id).toBe('syslog-ecs-data-view');
    JSON.parse(map.attributes.mapStateJSON);
    JSON.parse(map.attributes.uiStateJSON);
  });

  test('the "Network devices" dashboard: every panel has its reference', () => {
    const d = objects.find((o) => o.type === 'dashboard')!;
    expect(d.attributes.title).toBe('Network devices');
    const panels = JSON.parse(d.attributes.panelsJSON) as { panelRefName: string; type: string; gridData: { x: number; y: number; w: number; h: number; i: string }; panelIndex: string }[];
    expect(panels.length).toBe(d.references.length);
    const kinds = new Set<string>();
    for (const p of panels) {
      const ref = d.references.find((r) => r.name === p.panelRefName)!;
      expect(ref.type).toBe(p.type);
      kinds.add(byId.get(`${ref.type}:${ref.id}`)!.attributes.title);
      expect(p.gridData.x + p.gridData.w).toBeLessThanOrEqual(48);
      expect(p.gridData.i).toBe(p.panelIndex);
    }
    for (const t of ['Events over time by device', 'Top denied sources', 'Source countries', 'Top rules and actions']) expect(kinds).toContain(t);
    JSON.parse(d.attributes.optionsJSON);
    JSON.parse(d.attributes.kibanaSavedObjectMeta.searchSourceJSON);
  });
});

describe('the import request', () => {
  test('POST _import?overwrite=true, kbn-xsrf, multipart file part, auth', () => {
    const body = Buffer.from('{"a":1}\n');
    const r = buildImportRequest({ url: 'https://kibana.example:5601/base/', apiKey: 'abc==', space: 'netops' }, body, 'BOUNDARY');
    expect(r.url.toString()).toBe('https://kibana.example:5601/base/s/netops/api/saved_objects/_import?overwrite=true');
    expect(r.headers['kbn-xsrf']).toBeTruthy();
    expect(r.headers.authorization).toBe('ApiKey abc==');
    expect(r.headers['content-type']).toBe('multipart/form-data; boundary=BOUNDARY');
    expect(r.body.toString()).toBe(
      '--BOUNDARY\r\nContent-Disposition: form-data; name="file"; filename="syslog-ecs.ndjson"\r\nContent-Type: application/ndjson\r\n\r\n{"a":1}\n\r\n--BOUNDARY--\r\n',
    );
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    const basic = buildImportRequest({ url: 'http://k:5601', user: 'elastic', password: 'p:w' }, body);
    expect(basic.headers.authorization).toBe('Basic ' + Buffer.from('elastic:p:w').toString('base64'));
  });

  test('secrets from the environment; bad flags refused', () => {
    expect(kibanaOptionsFromFlags({ kibana: 'http://k:5601' }, { KIBANA_API_KEY: 'k1' }).apiKey).toBe('k1');
    expect(kibanaOptionsFromFlags({ kibana: 'http://k:5601', 'kibana-user': 'u' }, { KIBANA_PASSWORD: 'pw' })).toMatchObject({ user: 'u', password: 'pw' });
    expect(() => kibanaOptionsFromFlags({ kibana: 'http://k:5601', 'kibana-user': 'u' }, {})).toThrow(/password/);
    expect(() => kibanaOptionsFromFlags({ kibana: 'k:5601' }, {})).toThrow(/http/);
    expect(() => kibanaOptionsFromFlags({ kibana: 'http://k:5601', 'kibana-space': '../x' }, {})).toThrow(/space/);
  });
});
