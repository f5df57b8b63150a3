/**
 * A document to JSON, once, for the outputs. JSON.stringify walks every object generically (about
 * 100 ns per property on the reference machine); the documents of plain syslog messages (no
 * vendor parser, no enrichment) all have the base document's shape, so the Processor marks such a
 * document and it is written here by a serializer that knows that shape. Anything else goes to
 * JSON.stringify. The output is the same text, key for key (test/unit/ecs/serialize.test.ts).
 */
import type { EcsDoc } from '../core/types.js';

/** the last document the Processor marked as base-shaped, and whether it had `@timestamp` then */
let baseDoc: EcsDoc | null = null;
let baseHadTimestamp = false;

/**
 * Marks `doc` as exactly what baseDocument built plus the Processor's `event.dataset` and
 * `syslog_ecs` (no vendor parser, no enricher). Only the latest mark counts.
 */
export function markBaseShape(doc: EcsDoc): void {
  baseDoc = doc;
  baseHadTimestamp = doc['@timestamp'] !== undefined;
}

/** JSON text of a document (as JSON.stringify writes it). */
export function serialize(doc: EcsDoc): string {
  return doc === baseDoc ? serializeBase(doc) : JSON.stringify(doc);
}

/** Characters a JSON string can't hold as they are (and surrogates, which JSON.stringify escapes when lone). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function str(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"';
}

/** a value baseDocument took from the message (string, number or an object of structured data) */
function val(v: unknown): string {
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number') return Number.isFinite(v) ? '' + v : 'null';
  return JSON.stringify(v);
}

/**
 * A string the collector wrote itself from a closed set of characters (ISO times, names from
 * fixed tables, `ip:port` of a socket): quoted without a scan.
 */
function own(v: unknown): string {
  return typeof v === 'string' ? '"' + v + '"' : val(v);
}

function serializeBase(doc: EcsDoc): string {
  const ts = doc['@timestamp'];
  let out = baseHadTimestamp && ts !== undefined ? '{"@timestamp":' + own(ts) + ',"message":' : '{"message":';
  const e = doc.event;
  const original = e.original;
  const originalJson = val(original);
  const message = doc.message;
  // the message is the tail of the raw line: when the line needed no escaping, neither does it
  // (one comparison instead of a second scan of the longest strings)
  if (typeof message === 'string' && typeof original === 'string' && originalJson.length === original.length + 2 && original.endsWith(message)) {
    out += '"' + message + '"';
  } else out += val(message);
  out += ',"event":{"original":' + originalJson + ',"created":' + own(e.created);
  if (e.timezone !== undefined) out += ',"timezone":' + val(e.timezone);
  out += ',"dataset":' + own(e.dataset) + '}';
  const log = doc.log;
  out += ',"log":{';
  if (log.level !== undefined) out += '"level":' + own(log.level) + ',';
  const s = log.syslog;
  out += '"syslog":{"priority":' + val(s.priority) +
    ',"facility":{"code":' + val(s.facility.code) + ',"name":' + own(s.facility.name) +
    '},"severity":{"code":' + val(s.severity.code) + ',"name":' + own(s.severity.name) + '}';
  if (s.hostname !== undefined) out += ',"hostname":' + val(s.hostname);
  if (s.appname !== undefined) out += ',"appname":' + val(s.appname);
  if (s.procid !== undefined) out += ',"procid":' + val(s.procid);
  if (s.msgid !== undefined) out += ',"msgid":' + val(s.msgid);
  if (s.version !== undefined) out += ',"version":' + val(s.version);
  if (s.structured_data !== undefined) out += ',"structured_data":' + val(s.structured_data);
  out += '}';
  if (log.source !== undefined) out += ',"source":{"address":' + own(log.source.address) + '}';
  out += '}';
  if (doc.tags !== undefined) out += ',"tags":' + JSON.stringify(doc.tags);
  const x = doc.syslog_ecs;
  const p = x.parse;
  out += ',"syslog_ecs":{"family":' + val(x.family) + ',"parse":{"status":' + own(p.status);
  if (p.step !== undefined) out += ',"step":' + val(p.step);
  out += '},"listener":' + val(x.listener) + '}';
  // added after the Processor (an output that indexes by event.created sets it): last, as JSON.stringify puts it
  if (!baseHadTimestamp && ts !== undefined) out += ',"@timestamp":' + own(ts);
  return out + '}';
}

/** whether serialize() takes the base-shape path for this document (tests) */
export function usesBaseShape(doc: EcsDoc): boolean {
  return doc === baseDoc;
}
