#!/usr/bin/env node
/**
 * Writes kibana/syslog-ecs.ndjson: Kibana 8.x saved objects for syslog-ecs indices.
 *   node kibana/generate.mjs            # rewrite the file
 *   node kibana/generate.mjs --stdout   # print it (the unit test compares)
 *
 * Objects (stable ids, so a re-import with overwrite=true replaces them):
 * - data view `syslog-ecs` over `syslog-ecs-*` (time field @timestamp), with a runtime field
 *   `syslog_ecs.device`: the device's name (observer.name, observer.hostname, the syslog header
 *   hostname, observer.ip or the sender address, the first present);
 * - saved searches: all events, denied traffic, messages not parsed, and one per family shipped as a
 *   parser file (parsers/);
 * - Lens visualizations: events over time by device, top denied sources, top rules and actions,
 *   events by dataset; a map of source countries (events per country, GeoIP enrichment);
 * - the "Network devices" dashboard with all of them.
 * The shapes are those of Kibana 8.0 (migrationVersion 8.0.0): newer 8.x releases migrate them on
 * import.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DV = 'syslog-ecs-data-view';
const MIG = '8.0.0';
const DENIED_QUERY =
  'event.type:denied or event.action:(deny or denied or drop or dropped or block or blocked or reject or rejected)';

const DEVICE_SCRIPT = [
  "for (String f : new String[] {'observer.name', 'observer.hostname', 'log.syslog.hostname'}) {",
  '  if (doc.containsKey(f) && doc[f].size() > 0) { emit(doc[f].value); return; }',
  '}',
  "if (doc.containsKey('observer.ip') && doc['observer.ip'].size() > 0) { emit(String.valueOf(doc['observer.ip'].value)); return; }",
  "if (doc.containsKey('log.source.address') && doc['log.source.address'].size() > 0) {",
  "  String a = doc['log.source.address'].value; int i = a.lastIndexOf(':');",
  '  emit(i > 0 ? a.substring(0, i) : a);',
  '}',
].join('\n');

const dataView = {
  id: DV,
  type: 'index-pattern',
  migrationVersion: { 'index-pattern': MIG },
  attributes: {
    title: 'syslog-ecs-*',
    name: 'syslog-ecs',
    timeFieldName: '@timestamp',
    allowNoIndex: true,
    fields: '[]',
    fieldFormatMap: '{}',
    fieldAttrs: JSON.stringify({ 'syslog_ecs.device': { customLabel: 'Device' } }),
    runtimeFieldMap: JSON.stringify({ 'syslog_ecs.device': { type: 'keyword', script: { source: DEVICE_SCRIPT } } }),
    sourceFilters: '[]',
    typeMeta: '{}',
  },
  references: [],
};

function search(id, title, description, query, columns) {
  return {
    id,
    type: 'search',
    migrationVersion: { search: MIG },
    attributes: {
      title,
      description,
      columns,
      sort: [['@timestamp', 'desc']],
      hideChart: false,
      grid: {},
      kibanaSavedObjectMeta: {
        searchSourceJSON: JSON.stringify({
          query: { query, language: 'kuery' },
          filter: [],
          indexRefName: 'kibanaSavedObjectMeta.searchSourceJSON.index',
        }),
      },
    },
    references: [{ id: DV, name: 'kibanaSavedObjectMeta.searchSourceJSON.index', type: 'index-pattern' }],
  };
}

const count = { label: 'Events', dataType: 'number', operationType: 'count', sourceField: 'Records', isBucketed: false, scale: 'ratio' };
function terms(field, label, size, orderBy = 'count') {
  return {
    label, dataType: field.endsWith('.ip') ? 'ip' : 'string', operationType: 'terms', sourceField: field, isBucketed: true, scale: 'ordinal',
    params: { size, orderBy: { type: 'column', columnId: orderBy }, orderDirection: 'desc', otherBucket: true, missingBucket: false },
  };
}

function lens(id, title, description, visualizationType, columns, visualization, query = '') {
  const layerId = 'layer1';
  return {
    id,
    type: 'lens',
    migrationVersion: { lens: MIG },
    attributes: {
      title,
      description,
      visualizationType,
      state: {
        datasourceStates: {
          indexpattern: {
            layers: { [layerId]: { columnOrder: Object.keys(columns), columns, incompleteColumns: {} } },
          },
        },
        visualization: visualization(layerId),
        query: { query, language: 'kuery' },
        filters: [],
      },
    },
    references: [
      { type: 'index-pattern', id: DV, name: 'indexpattern-datasource-current-indexpattern' },
      { type: 'index-pattern', id: DV, name: `indexpattern-datasource-layer-${layerId}` },
    ],
  };
}

const eventsByDevice = lens(
  'syslog-ecs-events-by-device', 'Events over time by device', 'Events per device (top 10) over time.', 'lnsXY',
  {
    time: { label: '@timestamp', dataType: 'date', operationType: 'date_histogram', sourceField: '@timestamp', isBucketed: true, scale: 'interval', params: { interval: 'auto' } },
    device: terms('syslog_ecs.device', 'Device', 10),
    count,
  },
  (layerId) => ({
    legend: { isVisible: true, position: 'right' },
    valueLabels: 'hide',
    preferredSeriesType: 'bar_stacked',
    fittingFunction: 'None',
    layers: [{ layerId, seriesType: 'bar_stacked', xAccessor: 'time', splitAccessor: 'device', accessors: ['count'], layerType: 'data' }],
  }),
);

const topDenied = lens(
  'syslog-ecs-top-denied-sources', 'Top denied sources', 'Source addresses with the most denied, dropped or blocked connections.', 'lnsXY',
  { source: terms('source.ip', 'Source', 10), count },
  (layerId) => ({
    legend: { isVisible: false, position: 'right' },
    valueLabels: 'show',
    preferredSeriesType: 'bar_horizontal',
    layers: [{ layerId, seriesType: 'bar_horizontal', xAccessor: 'source', accessors: ['count'], layerType: 'data' }],
  }),
  DENIED_QUERY,
);

const topRules = lens(
  'syslog-ecs-top-rules-actions', 'Top rules and actions', 'Firewall rules by hits, with the action taken.', 'lnsDatatable',
  { rule: terms('rule.name', 'Rule', 20), action: terms('event.action', 'Action', 5), count },
  (layerId) => ({
    layerId,
    layerType: 'data',
    columns: [{ columnId: 'rule' }, { columnId: 'action' }, { columnId: 'count' }],
    sorting: { columnId: 'count', direction: 'desc' },
  }),
);

const byDataset = lens(
  'syslog-ecs-events-by-dataset', 'Events by device family', 'Share of events per dataset (vendor family).', 'lnsPie',
  { dataset: terms('event.dataset', 'Dataset', 10), count },
  (layerId) => ({
    shape: 'donut',
    layers: [{ layerId, groups: ['dataset'], metric: 'count', numberDisplay: 'percent', categoryDisplay: 'default', legendDisplay: 'default', layerType: 'data' }],
  }),
);

const sourceCountries = {
  id: 'syslog-ecs-source-countries',
  type: 'map',
  migrationVersion: { map: MIG },
  attributes: {
    title: 'Source countries',
    description: 'Events per source country (GeoIP enrichment: source.geo.country_iso_code).',
    layerListJSON: JSON.stringify([
      {
        id: 'basemap', label: null, type: 'EMS_VECTOR_TILE', minZoom: 0, maxZoom: 24, alpha: 1, visible: true,
        includeInFitToBounds: true, sourceDescriptor: { type: 'EMS_TMS', isAutoSelect: true }, style: { type: 'EMS_VECTOR_TILE' },
      },
      {
        id: 'countries', label: 'Events by source country', type: 'VECTOR', minZoom: 0, maxZoom: 24, alpha: 0.75, visible: true,
        includeInFitToBounds: true,
        sourceDescriptor: { type: 'EMS_FILE', id: 'world_countries', tooltipProperties: ['name', 'iso2'] },
        joins: [
          {
            leftField: 'iso2',
            right: {
              type: 'ES_TERM_SOURCE', id: 'countries_join_0', term: 'source.geo.country_iso_code',
              indexPatternRefName: 'layer_1_join_0_index_pattern', metrics: [{ type: 'count', label: 'Events' }],
              applyGlobalQuery: true, applyGlobalTime: true, size: 250,
            },
          },
        ],
        style: {
          type: 'VECTOR',
          isTimeAware: true,
          properties: {
            fillColor: {
              type: 'DYNAMIC',
              options: { color: 'Yellow to Red', field: { name: '__kbnjoin__count__countries_join_0', origin: 'join' }, fieldMetaOptions: { isEnabled: true, sigma: 3 }, type: 'ORDINAL' },
            },
            lineColor: { type: 'STATIC', options: { color: '#3d3d3d' } },
            lineWidth: { type: 'STATIC', options: { size: 1 } },
          },
        },
      },
    ]),
    mapStateJSON: JSON.stringify({
      zoom: 1.2, center: { lon: 0, lat: 25 }, timeFilters: { from: 'now-24h', to: 'now' },
      refreshConfig: { isPaused: true, interval: 0 }, query: { query: '', language: 'kuery' }, filters: [],
    }),
    uiStateJSON: JSON.stringify({ isLayerTOCOpen: true, openTOCDetails: [] }),
  },
  references: [{ name: 'layer_1_join_0_index_pattern', type: 'index-pattern', id: DV }],
};

const allEvents = search(
  'syslog-ecs-all-events', 'syslog-ecs: all events', 'Every event, newest first.', '',
  ['syslog_ecs.device', 'event.dataset', 'event.action', 'source.ip', 'destination.ip', 'message'],
);
const denied = search(
  'syslog-ecs-denied-traffic', 'syslog-ecs: denied traffic', 'Connections denied, dropped or blocked by a device.', DENIED_QUERY,
  ['syslog_ecs.device', 'source.ip', 'source.geo.country_iso_code', 'destination.ip', 'destination.port', 'rule.name', 'event.action'],
);
const unparsed = search(
  'syslog-ecs-unparsed', 'syslog-ecs: messages not parsed', 'Onboarding: messages the collector could not parse (status unknown, syslog_only or parser_error).',
  'syslog_ecs.parse.status:(unknown or syslog_only or parser_error)',
  ['syslog_ecs.device', 'log.source.address', 'syslog_ecs.family', 'syslog_ecs.parse.status', 'syslog_ecs.parse.step', 'event.original'],
);

/**
 * One saved search per family shipped as a parser file (parsers/): its events, newest first, with
 * the ECS fields its onboarding page names.
 */
const PARSER_FAMILIES = [
  ['mikrotik_routeros', 'MikroTik RouterOS', ['syslog_ecs.device', 'event.action', 'observer.ingress.interface.name', 'source.ip', 'destination.ip', 'user.name', 'message']],
  ['huawei_vrp', 'Huawei VRP', ['syslog_ecs.device', 'event.code', 'event.action', 'observer.ingress.interface.name', 'user.name', 'source.ip', 'message']],
  ['hpe_aruba', 'HPE Aruba switches', ['syslog_ecs.device', 'event.code', 'event.action', 'observer.ingress.interface.name', 'user.name', 'source.ip', 'message']],
  ['citrix_adc', 'Citrix ADC', ['syslog_ecs.device', 'event.code', 'event.action', 'event.outcome', 'user.name', 'source.ip', 'message']],
  ['cisco_wlc', 'Cisco wireless LAN controllers', ['syslog_ecs.device', 'event.code', 'event.action', 'client.mac', 'user.name', 'message']],
  ['ubiquiti_unifi', 'Ubiquiti UniFi and EdgeOS', ['syslog_ecs.device', 'event.action', 'client.mac', 'user.name', 'message']],
];
const familySearches = PARSER_FAMILIES.map(([id, title, columns]) => search(
  `syslog-ecs-family-${id}`, `syslog-ecs: ${title}`, `Events of the ${id} family (parser file parsers/${id}.yml), newest first.`, `event.dataset:"${id}.log"`, columns,
));

const panels = [
  { obj: eventsByDevice, grid: { x: 0, y: 0, w: 48, h: 14 } },
  { obj: topDenied, grid: { x: 0, y: 14, w: 24, h: 15 } },
  { obj: sourceCountries, grid: { x: 24, y: 14, w: 24, h: 15 } },
  { obj: topRules, grid: { x: 0, y: 29, w: 32, h: 15 } },
  { obj: byDataset, grid: { x: 32, y: 29, w: 16, h: 15 } },
  { obj: denied, grid: { x: 0, y: 44, w: 48, h: 15 } },
];

const dashboard = {
  id: 'syslog-ecs-network-devices',
  type: 'dashboard',
  migrationVersion: { dashboard: MIG },
  attributes: {
    title: 'Network devices',
    description: 'syslog-ecs: events over time by device, top denied sources, source countries, top rules and actions.',
    hits: 0,
    version: 1,
    timeRestore: true,
    timeFrom: 'now-24h',
    timeTo: 'now',
    refreshInterval: { pause: false, value: 60_000 },
    optionsJSON: JSON.stringify({ useMargins: true, syncColors: false, hidePanelTitles: false }),
    panelsJSON: JSON.stringify(panels.map((p, i) => ({
      version: MIG,
      type: p.obj.type,
      gridData: { ...p.grid, i: String(i + 1) },
      panelIndex: String(i + 1),
      embeddableConfig: { enhancements: {} },
      panelRefName: `panel_${i}`,
    }))),
    kibanaSavedObjectMeta: { searchSourceJSON: JSON.stringify({ query: { query: '', language: 'kuery' }, filter: [] }) },
  },
  references: panels.map((p, i) => ({ name: `panel_${i}`, type: p.obj.type, id: p.obj.id })),
};

export const OBJECTS = [dataView, allEvents, denied, unparsed, ...familySearches, eventsByDevice, topDenied, topRules, byDataset, sourceCountries, dashboard];

export function ndjson() {
  return OBJECTS.map((o) => JSON.stringify({ ...o, coreMigrationVersion: MIG })).join('\n') + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--stdout')) process.stdout.write(ndjson());
  else writeFileSync(new URL('./syslog-ecs.ndjson', import.meta.url), ndjson());
}
