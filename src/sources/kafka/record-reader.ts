/**
 * A Kafka record -> what the pipeline takes. A record a collector tier wrote (its header well
 * formed, core/kafka-record.ts) becomes an EncodedEvent over its bytes, never parsed: the
 * document, its `_id`, dataset and time go to the outputs as they came. Any other record is read as
 * JSON: an object is taken as a finished document; anything else (not JSON, not an object, no
 * value) is indexed as a flagged event (`syslog_ecs.parse.status: unknown`, with the step) that
 * keeps the bytes in `event.original` and where the record was in `kafka.*`, never dropped.
 * The header is wire data: each of its parts is checked byte by byte before it names an index or
 * an `_id`.
 */
import type { KafkaMessage } from 'kafkajs';
import type { EcsDoc } from '../../core/types.js';
import type { EncodedEvent } from '../../core/stages.js';
import { KAFKA_HEADER } from '../../core/kafka-record.js';
import { isoTime } from '../../ecs/base.js';

/** the dataset of records that were not documents */
export const KAFKA_INVALID_DATASET = 'kafka';
const MAX_ID_CHARS = 64;
const MAX_DATASET_CHARS = 100;
/** the longest record text kept in `message` and `event.original` of a flagged event */
const MAX_FLAGGED_CHARS = 64 * 1024;
const MAX_DATASETS = 1024;

/** One header's value as a single string, or null (absent, repeated, or not text). */
function headerText(headers: KafkaMessage['headers'], name: string): string | null {
  if (headers === undefined || !Object.hasOwn(headers, name)) return null;
  const v = headers[name];
  if (typeof v === 'string') return v;
  return Buffer.isBuffer(v) ? v.toString('latin1') : null;
}

/** base64url characters only (the ids the collector tier makes), 1 to MAX_ID_CHARS of them */
export function validId(s: string): boolean {
  if (s.length === 0 || s.length > MAX_ID_CHARS) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95)) return false;
  }
  return true;
}

/** lower-case letters, digits, `_`, `.` and `-` (a part of an index name), not starting with `.`, `_` or `-` */
export function validDataset(s: string): boolean {
  if (s.length === 0 || s.length > MAX_DATASET_CHARS) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if (i > 0 && (c === 95 || c === 46 || c === 45)) continue;
    return false;
  }
  return true;
}

/** epoch ms as ASCII digits (an optional `-`), within Date's range; NaN otherwise */
export function parseTimeMs(s: string): number {
  const neg = s.charCodeAt(0) === 45 ? 1 : 0;
  if (s.length === neg || s.length - neg > 16) return NaN;
  let n = 0;
  for (let i = neg; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  if (n > 8.64e15) return NaN;
  return neg ? -n : n;
}

export class RecordReader {
  /** datasets seen, each kept as one string (the index-name cache is keyed by it) */
  private readonly datasets = new Map<string, string>();

  constructor(private readonly listener: string) {}

  /** The record as an encoded event when it carries the collector tier's header, else null. */
  encoded(m: KafkaMessage): EncodedEvent | null {
    if (m.value === null) return null;
    const h = headerText(m.headers, KAFKA_HEADER);
    if (h === null) return null;
    // `ID TIME_MS DATASET`
    const a = h.indexOf(' ');
    const b = a < 0 ? -1 : h.indexOf(' ', a + 1);
    if (b < 0) return null;
    const id = h.slice(0, a);
    if (!validId(id)) return null;
    const timeMs = parseTimeMs(h.slice(a + 1, b));
    if (Number.isNaN(timeMs)) return null;
    const ds = h.slice(b + 1);
    let dataset = this.datasets.get(ds);
    if (dataset === undefined) {
      if (!validDataset(ds)) return null;
      if (this.datasets.size >= MAX_DATASETS) this.datasets.clear();
      this.datasets.set(ds, ds);
      dataset = ds;
    }
    return { json: null, bytes: m.value, ascii: false, dataset, timeMs, id };
  }

  /**
   * Any other record: a JSON object as the document it is, else a flagged event. `step` is null
   * for a document, else why the record is not one.
   */
  document(m: KafkaMessage, topic: string, partition: number, receivedAt: number): { doc: EcsDoc; step: string | null } {
    const text = m.value === null ? '' : m.value.toString('utf8');
    let step: string | null = m.value === null ? 'no_value' : null;
    if (step === null) {
      try {
        const v: unknown = JSON.parse(text);
        if (typeof v === 'object' && v !== null && !Array.isArray(v)) return { doc: v as EcsDoc, step: null };
        step = 'not_an_object';
      } catch {
        step = 'invalid_json';
      }
    }
    const kept = text.length > MAX_FLAGGED_CHARS ? text.slice(0, MAX_FLAGGED_CHARS) : text;
    const doc: EcsDoc = {
      '@timestamp': isoTime(receivedAt),
      message: kept,
      event: { original: kept, created: isoTime(receivedAt), dataset: KAFKA_INVALID_DATASET },
      kafka: { topic, partition, offset: m.offset, ...(m.key !== null ? { key: m.key.toString('utf8').slice(0, 1024) } : {}) },
      syslog_ecs: { family: null, parse: { status: 'unknown', step }, listener: this.listener },
    };
    if (kept.length < text.length) doc.tags = ['truncated'];
    return { doc, step };
  }
}
