/**
 * The contract between the pipeline and an output (file, stdout, Elasticsearch).
 *
 * `write` takes one finished document. An output that can no longer take documents without
 * growing past its bounds returns false: the caller then stops reading its TCP connections (and,
 * for UDP, counts a `queue_full` drop when a later write is also refused), and resumes when the
 * output calls the `onDrain` callback. The output owns the outcome counters of what it accepted:
 * `written`, `deadLettered` and `dropped.output_error` on the sender's stats.
 */
import type { EcsDoc } from '../core/types.js';
import type { SenderStats } from '../core/telemetry.js';

export interface OutputHealth {
  ok: boolean;
  reason?: string;
}

/**
 * A document already serialized (once) with what outputs route by: its dataset and the instant it
 * is indexed at. Parser workers hand these to the main thread, so the document is never parsed back.
 */
export interface EncodedEvent {
  /** the document as JSON, without a trailing newline; null when it came as bytes (see jsonOf) */
  json: string | null;
  /**
   * the same as UTF-8 when a parser worker made it: a view into the worker's result buffer, valid
   * only during the write call (the buffer goes back to the worker); outputs that write bytes copy
   * these, the others read jsonOf(ev)
   */
  bytes: Buffer | null;
  /** `json` is all ASCII: its UTF-8 bytes are its latin1 bytes (written without encoding) */
  ascii: boolean;
  dataset: string;
  /** epoch ms of @timestamp (after eventTime filled it in) */
  timeMs: number;
}

/** The most bytes writeEncodedInto() can write for `ev`. */
export function maxEncodedBytes(ev: EncodedEvent): number {
  return ev.bytes !== null ? ev.bytes.length : ev.ascii ? ev.json!.length : ev.json!.length * 3;
}

/**
 * Writes an encoded event's JSON as UTF-8 into `buf` at `offset` (the caller saw to room for
 * maxEncodedBytes(ev)); returns the bytes written. ASCII text is written as latin1: the same bytes
 * without the encoder's work.
 */
export function writeEncodedInto(buf: Buffer, offset: number, ev: EncodedEvent): number {
  if (ev.bytes !== null) return ev.bytes.copy(buf, offset);
  return buf.write(ev.json!, offset, ev.ascii ? 'latin1' : 'utf8');
}

/** The JSON text of an encoded event (decoded from its bytes once, when it came as bytes). */
export function jsonOf(ev: EncodedEvent): string {
  if (ev.json === null) ev.json = ev.bytes!.toString('utf8');
  return ev.json;
}

export interface Output {
  readonly name: string;
  /** like write, for an already serialized document; outputs without it get the document parsed back */
  writeEncoded?(ev: EncodedEvent, stats: SenderStats): WriteResult;
  /** start (connect, create directories, install templates); rejects with a CollectorError */
  start(): Promise<void>;
  /** accept a document; false when full (the document was still taken unless `accepted` is false) */
  write(doc: EcsDoc, stats: SenderStats): WriteResult;
  /** called once when a full output has room again */
  onDrain(cb: () => void): void;
  /** documents accepted but not yet written */
  pending(): number;
  /** write out what is buffered */
  flush(): Promise<void>;
  /** flush and release resources; no write after this */
  close(): Promise<void>;
  health(): OutputHealth;
}

export const WriteResult = {
  /** taken, room for more */
  Ok: 0,
  /** taken, but the output is now full: pause the sources */
  Full: 1,
  /** not taken: full past its bound (the caller counts the drop) */
  Rejected: 2,
} as const;
export type WriteResult = (typeof WriteResult)[keyof typeof WriteResult];
