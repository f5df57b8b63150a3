/**
 * Time-based index names from a template, compiled once: `{dataset}`, `{namespace}` and the date
 * parts `{yyyy}`, `{MM}`, `{dd}` (or the whole `{yyyy.MM.dd}`), taken in UTC from the event's
 * `@timestamp`. The default, `syslog-ecs-{dataset}-{yyyy.MM.dd}`, stays clear of `logs-*-*`,
 * which Elasticsearch 8's built-in template turns into data streams.
 */
import type { EcsDoc } from '../core/types.js';

export const DEFAULT_INDEX_TEMPLATE = 'syslog-ecs-{dataset}-{yyyy.MM.dd}';

type Part = string | ((dataset: string, d: Date) => string);

function pad(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

const TOKENS: Record<string, (dataset: string, d: Date, ns: string) => string> = {
  dataset: (ds) => ds,
  namespace: (_ds, _d, ns) => ns,
  'yyyy.MM.dd': (_ds, d) => d.getUTCFullYear() + '.' + pad(d.getUTCMonth() + 1) + '.' + pad(d.getUTCDate()),
  'yyyy-MM-dd': (_ds, d) => d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()),
  yyyy: (_ds, d) => String(d.getUTCFullYear()),
  MM: (_ds, d) => pad(d.getUTCMonth() + 1),
  dd: (_ds, d) => pad(d.getUTCDate()),
};

/** Compiles a template; throws (with the token) on an unknown placeholder. */
export function compileIndexTemplate(template: string, namespace = 'default'): (dataset: string, ms: number) => string {
  const parts: Part[] = [];
  let p = 0;
  while (p < template.length) {
    const open = template.indexOf('{', p);
    if (open < 0) {
      parts.push(template.slice(p));
      break;
    }
    if (open > p) parts.push(template.slice(p, open));
    const close = template.indexOf('}', open);
    if (close < 0) throw new Error(`unclosed "{" in index template "${template}"`);
    const name = template.slice(open + 1, close);
    const fn = TOKENS[name];
    if (!fn) throw new Error(`unknown placeholder {${name}} in index template "${template}"`);
    parts.push((ds, d) => fn(ds, d, namespace));
    p = close + 1;
  }
  // per dataset, the UTC day of the last event and its name: the name only changes at midnight,
  // and the lookup builds no string (the dataset strings are the parsers' constants, whose hash
  // V8 keeps); a second entry remembers the day before for events either side of midnight
  const cache = new Map<string, DayName>();
  const build = (dataset: string, day: number): string => {
    const d = new Date(day * 86_400_000);
    let name = '';
    for (const part of parts) name += typeof part === 'string' ? part : part(dataset, d);
    return name.toLowerCase();
  };
  return (dataset: string, ms: number): string => {
    const day = Math.floor(ms / 86_400_000);
    let e = cache.get(dataset);
    if (e === undefined) {
      if (cache.size >= 4096) cache.clear();
      e = { day, name: build(dataset, day), prevDay: NaN, prevName: '' };
      cache.set(dataset, e);
      return e.name;
    }
    if (e.day === day) return e.name;
    if (e.prevDay === day) return e.prevName;
    const name = build(dataset, day);
    e.prevDay = e.day;
    e.prevName = e.name;
    e.day = day;
    e.name = name;
    return name;
  };
}

interface DayName {
  day: number;
  name: string;
  prevDay: number;
  prevName: string;
}

// the last @timestamp text read and its instant: events of a burst share their second
let lastTs = '';
let lastMs = NaN;

/** The instant an event is indexed at: its `@timestamp`, else the receive time; sets `@timestamp` when absent. */
export function eventTime(doc: EcsDoc): number {
  const ts = doc['@timestamp'];
  if (typeof ts === 'string') {
    if (ts === lastTs) return lastMs;
    const ms = Date.parse(ts);
    if (!Number.isNaN(ms)) {
      lastTs = ts;
      lastMs = ms;
      return ms;
    }
  }
  const created = doc.event?.created;
  const ms = typeof created === 'string' ? Date.parse(created) : Date.now();
  doc['@timestamp'] = new Date(ms).toISOString();
  return ms;
}

/** `event.dataset` of a document, `syslog` when unset. */
export function datasetOf(doc: EcsDoc): string {
  const ds = doc.event?.dataset;
  return typeof ds === 'string' && ds !== '' ? ds : 'syslog';
}
