/**
 * One document -> one bulk entry: the precomputed action line (`{"create":{"_index":...,"_id":"`)
 * and the document serialized once, straight into the NDJSON text the bulk body is joined from.
 *
 * The `_id` is deterministic: a 128-bit hash (MD5, not for security) of the sender
 * (`log.source.address`), the receive time (`event.created`) and the raw bytes (`event.original`),
 * base64url. A batch sent twice (a retry after a lost response, a disk-buffer replay after a crash)
 * then meets `409 version_conflict` with op_type `create`, which counts as already written: each
 * event is indexed exactly once. Identical messages from one sender in one millisecond are told
 * apart by an occurrence number, so they are not mistaken for replays.
 */
import * as nodeCrypto from 'node:crypto';
import { createHash } from 'node:crypto';

/** one-shot MD5 (crypto.hash, Node >= 20.12) with a fallback */
const oneShot = (nodeCrypto as unknown as { hash?: (alg: string, data: string, enc: 'base64url') => string }).hash;
function md5(data: string): string {
  return oneShot !== undefined ? oneShot('md5', data, 'base64url') : createHash('md5').update(data).digest('base64url');
}
import type { EcsDoc } from '../../core/types.js';
import { compileIndexTemplate, datasetOf, eventTime } from '../index-name.js';

/** A document ready for `_bulk`: `line` is the action line and the document, each ending in \n. */
export interface Entry {
  line: string;
  /** length of the action line (with its \n): `line.slice(actionLength, -1)` is the document */
  actionLength: number;
  /** size of `line` for batching: its length in UTF-16 units (UTF-8 bytes for ASCII; no extra pass) */
  bytes: number;
  index: string;
  id: string;
}

export function documentOf(e: Pick<Entry, 'line' | 'actionLength'>): string {
  return e.line.slice(e.actionLength, e.line.length - 1);
}

/** The deterministic `_id` of an event (see the module comment); `occurrence` > 0 for repeats. */
export function eventId(doc: EcsDoc, occurrence = 0): string {
  const addr = doc.log?.source?.address;
  const created = doc.event?.created;
  const original = doc.event?.original;
  // no raw bytes: the document itself identifies the event
  let key = (typeof addr === 'string' ? addr : '') + '\n' + (typeof created === 'string' ? created : '') + '\n' +
    (typeof original === 'string' ? original : JSON.stringify(doc));
  if (occurrence > 0) key += '\n#' + occurrence;
  return md5(key);
}

export interface EncoderOptions {
  indexTemplate: string;
  dataStream: { enabled: boolean; namespace: string };
}

export class Encoder {
  private readonly nameFor: (dataset: string, ms: number) => string;
  private readonly actionPrefixes = new Map<string, string>();
  /** ids seen in the current millisecond of `event.created`: repeats get an occurrence number */
  private seenMs = '';
  private readonly seen = new Map<string, number>();
  /** hashes of recent serialized documents: an identical one gets an occurrence number */
  private readonly seenJson = new Map<string, number>();

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
    return this.entry(index, this.uniqueId(doc), JSON.stringify(doc));
  }

  /**
   * An already serialized document (from a parser worker). The id hashes the whole JSON text, which
   * holds the sender, the receive time and the raw bytes (and what was derived from them): the same
   * event gives the same id without parsing the text back.
   */
  encodeJson(json: string, dataset: string, timeMs: number): Entry {
    const index = this.nameFor(dataset, timeMs);
    const h = md5(json);
    const n = this.seenJson.get(h);
    let id = h;
    if (n === undefined) {
      if (this.seenJson.size >= 20_000) this.seenJson.clear();
      this.seenJson.set(h, 0);
    } else {
      this.seenJson.set(h, n + 1);
      id = md5(json + '\n#' + (n + 1));
    }
    return this.entry(index, id, json);
  }

  private entry(index: string, id: string, json: string): Entry {
    let prefix = this.actionPrefixes.get(index);
    if (prefix === undefined) {
      prefix = '{"create":{"_index":' + JSON.stringify(index) + ',"_id":"';
      if (this.actionPrefixes.size > 10_000) this.actionPrefixes.clear();
      this.actionPrefixes.set(index, prefix);
    }
    const action = prefix + id + '"}}\n';
    const line = action + json + '\n';
    return { line, actionLength: action.length, bytes: line.length, index, id };
  }

  private uniqueId(doc: EcsDoc): string {
    const created = doc.event?.created;
    const ms = typeof created === 'string' ? created : '';
    if (ms !== this.seenMs) {
      this.seenMs = ms;
      this.seen.clear();
    }
    const id = eventId(doc);
    const n = this.seen.get(id);
    if (n === undefined) {
      this.seen.set(id, 0);
      return id;
    }
    this.seen.set(id, n + 1);
    return eventId(doc, n + 1);
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
  for (const e of entries) s += e.line;
  return s;
}
