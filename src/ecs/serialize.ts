/**
 * A document to JSON, once, for the outputs. JSON.stringify walks every object generically (about
 * 100 ns per property on the reference machine); the documents of plain syslog messages (no
 * vendor parser, no enrichment) all have the base document's shape, so the Processor marks such a
 * document and it is written here by a serializer that knows that shape. Anything else goes to
 * JSON.stringify. The output is the same text, key for key (test/unit/ecs/serialize.test.ts).
 */
import type { EcsDoc } from '../core/types.js';
import { FACILITY_NAMES, SEVERITY_LEVELS, SEVERITY_NAMES } from '../syslog/pri.js';

/**
 * The mark the Processor leaves on a base-shaped document (a symbol: JSON and structuredClone
 * leave it out, so a copy is not marked): BASE_MARKED, plus BASE_HAD_TIMESTAMP when it had
 * `@timestamp` then and BASE_ASCII when its raw line was all ASCII (SyslogFlag.Ascii).
 */
const BASE_SHAPE = Symbol('syslog-ecs.base-shape');
const BASE_MARKED = 1;
const BASE_HAD_TIMESTAMP = 2;
const BASE_ASCII = 4;

/**
 * Marks `doc` as exactly what baseDocument built plus the Processor's `event.dataset` and
 * `syslog_ecs` (no vendor parser, no enricher); `ascii`: its raw line was all ASCII.
 */
export function markBaseShape(doc: EcsDoc, ascii: boolean): void {
  doc[BASE_SHAPE as unknown as string] = BASE_MARKED | (doc['@timestamp'] !== undefined ? BASE_HAD_TIMESTAMP : 0) | (ascii ? BASE_ASCII : 0);
}

/** A document's JSON text and whether it is all ASCII (then its UTF-8 bytes are its latin1 bytes). */
export interface SerializedText {
  json: string;
  /** known for base-shaped documents of ASCII lines only; false otherwise */
  ascii: boolean;
}

/** Writes a document's JSON (as JSON.stringify writes it) into `out`; returns `out`. */
export function serializeDoc(doc: EcsDoc, out: SerializedText): SerializedText {
  const mark = doc[BASE_SHAPE as unknown as string] as number | undefined;
  if (mark !== undefined) serializeBase(doc, mark, out);
  else {
    out.json = JSON.stringify(doc);
    out.ascii = false;
  }
  return out;
}

/** JSON text of a document (as JSON.stringify writes it). */
export function serialize(doc: EcsDoc): string {
  return serializeDoc(doc, { json: '', ascii: false }).json;
}

/**
 * A string JSON holds as it is: no `"`, `\\`, control character or surrogate (JSON.stringify escapes
 * lone ones). Anchored and negated, the check is one greedy pass (about twice as fast here as a
 * search for the first character that needs escaping).
 */
const NO_ESCAPE = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;
/** the same for a line that is all ASCII: printable characters but `"` and `\\` */
const CLEAN_ASCII = /^[ !#-[\]-~]*$/;
const NOT_ASCII = /[^\u0000-\u007f]/;

function str(s: string): string {
  return NO_ESCAPE.test(s) ? '"' + s + '"' : JSON.stringify(s);
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

/**
 * JSON of a value that repeats from document to document (the listener's name, the configured
 * zone), kept for the last value seen, with whether it is ASCII.
 */
class LastJson {
  private last: unknown = undefined;
  json = '';
  ascii = true;

  of(v: unknown): string {
    if (v !== this.last) {
      this.last = v;
      this.json = val(v);
      this.ascii = !NOT_ASCII.test(this.json);
    }
    return this.json;
  }
}

const listenerJson = new LastJson();
const zoneJson = new LastJson();

/**
 * `,"log":{["level":...,]"syslog":{"priority":...,"facility":{...},"severity":{...}` by PRI
 * (0-191, plus 192 without log.level): the same text for every message of a PRI value.
 */
const PRI_HEADS: (string | undefined)[] = new Array<string | undefined>(384).fill(undefined);

function priHead(log: EcsDoc, s: EcsDoc): string | null {
  const pri = s.priority;
  const fac = s.facility;
  const sev = s.severity;
  if (typeof pri !== 'number' || !(pri >= 0 && pri <= 191) || (pri | 0) !== pri) return null;
  const f = pri >> 3, v = pri & 7;
  if (fac.code !== f || fac.name !== FACILITY_NAMES[f] || sev.code !== v || sev.name !== SEVERITY_NAMES[v]) return null;
  const level = log.level;
  if (level !== undefined && level !== SEVERITY_LEVELS[v]) return null;
  const key = level === undefined ? pri + 192 : pri;
  let head = PRI_HEADS[key];
  if (head === undefined) {
    head = ',"log":{' + (level === undefined ? '' : '"level":' + JSON.stringify(level) + ',') +
      '"syslog":{"priority":' + pri + ',"facility":' + JSON.stringify({ code: f, name: FACILITY_NAMES[f] }) +
      ',"severity":' + JSON.stringify({ code: v, name: SEVERITY_NAMES[v] });
    PRI_HEADS[key] = head;
  }
  return head;
}

/**
 * The base shape. When the raw line is ASCII with nothing to escape ("clean"), so is every string
 * baseDocument cut from it (message, hostname, appname, procid, msgid are slices of the line), and
 * the usual such document goes to serializeClean. The rest (escapes, non-ASCII text, tags,
 * structured data) is written here with a scan of each string taken from the line, and not called
 * ASCII.
 */
function serializeBase(doc: EcsDoc, mark: number, into: SerializedText): void {
  const ts = doc['@timestamp'];
  const e = doc.event;
  const original = e.original;
  const message = doc.message;
  const baseHadTimestamp = (mark & BASE_HAD_TIMESTAMP) !== 0;
  if ((mark & BASE_ASCII) !== 0 && typeof original === 'string' && typeof message === 'string' && CLEAN_ASCII.test(original)) {
    if (serializeClean(doc, ts, e, original, message, baseHadTimestamp, into)) return;
  }
  into.ascii = false;
  let out = baseHadTimestamp && ts !== undefined ? '{"@timestamp":' + own(ts) + ',"message":' : '{"message":';
  const originalJson = val(original);
  // the message is the tail of the raw line: when the line needed no escaping, neither does it
  // (one comparison instead of a second scan of the longest strings)
  if (typeof message === 'string' && typeof original === 'string' && originalJson.length === original.length + 2 && original.endsWith(message)) {
    out += '"' + message + '"';
  } else out += val(message);
  out += ',"event":{"original":' + originalJson + ',"created":' + own(e.created);
  if (e.timezone !== undefined) out += ',"timezone":' + zoneJson.of(e.timezone);
  out += ',"dataset":' + own(e.dataset) + '}';
  const log = doc.log;
  const s = log.syslog;
  const head = priHead(log, s);
  if (head !== null) out += head;
  else {
    out += ',"log":{';
    if (log.level !== undefined) out += '"level":' + own(log.level) + ',';
    out += '"syslog":{"priority":' + val(s.priority) +
      ',"facility":{"code":' + val(s.facility.code) + ',"name":' + own(s.facility.name) +
      '},"severity":{"code":' + val(s.severity.code) + ',"name":' + own(s.severity.name) + '}';
  }
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
  out += ',"syslog_ecs":{"family":' + (x.family === null ? 'null' : val(x.family)) + ',"parse":{"status":' + own(p.status);
  if (p.step !== undefined) out += ',"step":' + val(p.step);
  out += '},"listener":' + listenerJson.of(x.listener) + '}';
  // added after the Processor (an output that indexes by event.created sets it): last, as JSON.stringify puts it
  if (!baseHadTimestamp && ts !== undefined) out += ',"@timestamp":' + own(ts);
  into.json = out + '}';
}

/** `,"syslog_ecs":{...}}` of plain syslog (no family, no step) by status, for the last listener */
class TailJson {
  private status: unknown = undefined;
  private listener: unknown = undefined;
  json = '';
  /** the listener's name is ASCII (kept here: listenerJson may have moved on to another listener) */
  ascii = true;

  of(status: string, listener: unknown): string {
    if (status !== this.status || listener !== this.listener) {
      this.status = status;
      this.listener = listener;
      this.json = ',"syslog_ecs":{"family":null,"parse":{"status":' + JSON.stringify(status) + '},"listener":' + listenerJson.of(listener) + '}';
      this.ascii = listenerJson.ascii;
    }
    return this.json;
  }
}

const tailJson = new TailJson();

/**
 * serializeBase for a clean line in the usual case (the Processor's own strings where it writes
 * strings, no tags, no structured data, no parse step): the quotes folded into the constant
 * pieces and the document's tail from a cache, so the string has about half as many pieces to
 * join when it is written. False (and `into` untouched) when the document is not that case.
 */
function serializeClean(doc: EcsDoc, ts: unknown, e: EcsDoc, original: string, message: string, baseHadTimestamp: boolean, into: SerializedText): boolean {
  const created = e.created, dataset = e.dataset, tz = e.timezone;
  const log = doc.log;
  const s = log.syslog;
  const x = doc.syslog_ecs;
  const p = x.parse;
  const source = log.source;
  if (typeof created !== 'string' || typeof dataset !== 'string' || (ts !== undefined && typeof ts !== 'string') ||
    doc.tags !== undefined || s.structured_data !== undefined || (s.version !== undefined && typeof s.version !== 'string') ||
    x.family !== null || p.step !== undefined || typeof p.status !== 'string' ||
    (source !== undefined && typeof source.address !== 'string')) return false;
  const head = priHead(log, s);
  if (head === null) return false;
  let out = baseHadTimestamp && ts !== undefined ? '{"@timestamp":"' + ts + '","message":"' : '{"message":"';
  out += message + '","event":{"original":"' + original + '","created":"' + created;
  let ascii = true;
  if (tz !== undefined) {
    out += '","timezone":' + zoneJson.of(tz) + ',"dataset":"';
    ascii = zoneJson.ascii;
  } else out += '","dataset":"';
  out += dataset + '"}' + head;
  if (s.hostname !== undefined) out += ',"hostname":"' + s.hostname + '"';
  if (s.appname !== undefined) out += ',"appname":"' + s.appname + '"';
  if (s.procid !== undefined) out += ',"procid":"' + s.procid + '"';
  if (s.msgid !== undefined) out += ',"msgid":"' + s.msgid + '"';
  if (s.version !== undefined) out += ',"version":"' + s.version + '"';
  out += source !== undefined ? '},"source":{"address":"' + source.address + '"}}' : '}}';
  out += tailJson.of(p.status, x.listener);
  into.ascii = ascii && tailJson.ascii;
  into.json = !baseHadTimestamp && ts !== undefined ? out + ',"@timestamp":"' + ts + '"}' : out + '}';
  return true;
}

/** whether serialize() takes the base-shape path for this document (tests) */
export function usesBaseShape(doc: EcsDoc): boolean {
  return doc[BASE_SHAPE as unknown as string] !== undefined;
}
