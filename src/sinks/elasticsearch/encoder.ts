/**
 * One document -> one bulk entry: the precomputed action line (`{"create":{"_index":...,"_id":"`)
 * and the document serialized once, straight into the NDJSON text the bulk body is joined from.
 *
 * The `_id` is deterministic: a hash of the sender (`log.source.address`), the receive time
 * (`event.created`) and the raw bytes (`event.original`), the first 22 base64url characters (132
 * bits) of their SHA-256 (which CPUs with SHA extensions compute in hardware: 0.9 against 1.5 us
 * for MD5 per event on the reference machine, not for security either way); a document without the
 * raw bytes (`pipeline.event_original: on_failure`) is hashed from its JSON, which holds the
 * sender, the receive time and what was parsed from the bytes. A batch sent twice (a retry after a
 * lost response, a disk-buffer replay after a crash) then meets `409 version_conflict` with op_type
 * `create`, which counts as already written: each event is indexed exactly once. Identical messages
 * from one sender in one millisecond are told apart by an occurrence number, so they are not
 * mistaken for replays.
 */
import * as nodeCrypto from 'node:crypto';
import { createHash } from 'node:crypto';

/** one-shot hash (crypto.hash, Node >= 20.12) with a fallback */
const oneShot = (nodeCrypto as unknown as { hash?: (alg: string, data: string | Buffer, enc: 'base64url') => string }).hash;
/** an `_id`: 22 base64url characters of SHA-256 */
function idHash(data: string | Buffer): string {
  return (oneShot !== undefined ? oneShot('sha256', data, 'base64url') : createHash('sha256').update(data).digest('base64url')).slice(0, 22);
}
import type { EcsDoc } from '../../core/types.js';
import { compileIndexTemplate, datasetOf, eventTime } from '../index-name.js';
import { serialize } from '../../ecs/serialize.js';

/**
 * A document ready for `_bulk`, kept as its two parts: `head` is the action line with its \n
 * (ASCII), `json` the document (text, or UTF-8 bytes from a parser worker, valid only during the
 * write call). The batcher copies both into the request body; the two are joined into one string
 * only on the failure paths (disk spill, dead letter).
 */
export interface Entry {
  head: string;
  json: string | Buffer;
  index: string;
  id: string;
}

/** The entry's NDJSON text: action line, document, each ending in \n. */
export function lineOf(e: Entry): string {
  return e.head + (typeof e.json === 'string' ? e.json : e.json.toString('utf8')) + '\n';
}

/** An entry back from its NDJSON text (disk buffer records, batch bytes). */
export function entryFromLine(line: string): Entry {
  const nl = line.indexOf('\n');
  const action = JSON.parse(line.slice(0, nl)) as Record<string, { _index: string; _id: string }>;
  const op = action.create ?? action.index ?? Object.values(action)[0]!;
  const end = line.charCodeAt(line.length - 1) === 10 ? line.length - 1 : line.length;
  return { head: line.slice(0, nl + 1), json: line.slice(nl + 1, end), index: op._index, id: op._id };
}

/**
 * The deterministic `_id` of an event (see the module comment); `occurrence` > 0 for repeats;
 * `json`: the document serialized, when the caller has it.
 */
export function eventId(doc: EcsDoc, occurrence = 0, json?: string): string {
  const addr = doc.log?.source?.address;
  const created = doc.event?.created;
  const original = doc.event?.original;
  // no raw bytes: the document itself identifies the event
  let key = (typeof addr === 'string' ? addr : '') + '\n' + (typeof created === 'string' ? created : '') + '\n' +
    (typeof original === 'string' ? original : json ?? JSON.stringify(doc));
  if (occurrence > 0) key += '\n#' + occurrence;
  return idHash(key);
}

export interface EncoderOptions {
  indexTemplate: string;
  dataStream: { enabled: boolean; namespace: string };
}

/**
 * The `_id`s of a stream of events, identical events told apart by an occurrence number (see the
 * module comment). The Elasticsearch output assigns them as it encodes; the Kafka output assigns
 * them where the event arrived and sends them along, so an indexer tier replaying the record
 * writes the same `_id`.
 */
export class EventIds {
  /** ids seen in the current millisecond of `event.created`: repeats get an occurrence number */
  private seenMs = '';
  private readonly seen = new Map<string, number>();
  /** hashes of recent serialized documents: an identical one gets an occurrence number */
  private readonly seenJson = new Map<string, number>();

  /** The id of a document, `json` its serialization. */
  ofDoc(doc: EcsDoc, json: string): string {
    const created = doc.event?.created;
    const ms = typeof created === 'string' ? created : '';
    if (ms !== this.seenMs) {
      this.seenMs = ms;
      this.seen.clear();
    }
    const id = eventId(doc, 0, json);
    const n = this.seen.get(id);
    if (n === undefined) {
      this.seen.set(id, 0);
      return id;
    }
    this.seen.set(id, n + 1);
    return eventId(doc, n + 1, json);
  }

  /**
   * The id of an already serialized document: a hash of the whole JSON text, which holds the
   * sender, the receive time and the raw bytes (and what was derived from them).
   */
  ofJson(json: string | Buffer): string {
    const h = idHash(json);
    const n = this.seenJson.get(h);
    if (n === undefined) {
      if (this.seenJson.size >= 20_000) this.seenJson.clear();
      this.seenJson.set(h, 0);
      return h;
    }
    this.seenJson.set(h, n + 1);
    const tail = '\n#' + (n + 1);
    return idHash(typeof json === 'string' ? json + tail : Buffer.concat([json, Buffer.from(tail)]));
  }
}

export class Encoder {
  private readonly nameFor: (dataset: string, ms: number) => string;
  private readonly actionPrefixes = new Map<string, string>();
  private readonly ids = new EventIds();

  constructor(opts: EncoderOptions) {
    this.nameFor = opts.dataStream.enabled
      ? (dataset: string) => dataStreamName(dataset, opts.dataStream.namespace)
      : compileIndexTemplate(opts.indexTemplate);
  }

  /** Index (or data stream) name of a document; sets a missing `@timestamp` from `event.created`. */
  indexOf(doc: EcsDoc): string {
    return this.nameFor(datasetOf(doc), eventTime(doc));
  }

  encode(doc: EcsDoc): Entry {
    const index = this.indexOf(doc);
    const json = serialize(doc);
    return this.entry(index, this.ids.ofDoc(doc, json), json);
  }

  /**
   * An already serialized document (from a parser worker, or a Kafka record): the id is `id` when
   * an earlier tier fixed it, else a hash of the JSON text (EventIds.ofJson): the same event gives
   * the same id without parsing the text back.
   */
  encodeJson(json: string | Buffer, dataset: string, timeMs: number, id: string | null = null): Entry {
    return this.entry(this.nameFor(dataset, timeMs), id ?? this.ids.ofJson(json), json);
  }

  private entry(index: string, id: string, json: string | Buffer): Entry {
    let prefix = this.actionPrefixes.get(index);
    if (prefix === undefined) {
      prefix = '{"create":{"_index":' + JSON.stringify(index) + ',"_id":"';
      if (this.actionPrefixes.size > 10_000) this.actionPrefixes.clear();
      this.actionPrefixes.set(index, prefix);
    }
    return { head: prefix + id + '"}}\n', json, index, id };
  }
}

/** `logs-{dataset}-{namespace}`, with the dataset made valid for a data stream name. */
export function dataStreamName(dataset: string, namespace: string): string {
  const ds = dataset.toLowerCase().replace(/[^a-z0-9._]/g, '_');
  return 'logs-' + ds + '-' + namespace;
}

/** Builds a bulk body from entries (one string; the transport sends it as it is). */
export function bulkBody(entries: readonly Entry[]): string {
  let s = '';
  for (const e of entries) s += lineOf(e);
  return s;
}
