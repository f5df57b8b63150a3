/** Messages between the main thread and parser workers. */
import type { UnparsedSample } from '../core/telemetry.js';

/** Events per batch a busy worker gets at most (fewer when idle: see worker-pool.ts) */
export const BATCH_EVENTS = 2048;

export interface BatchSender {
  ip: string;
  port: number;
  listener: string;
  /** default zone of the listener */
  timezone: string;
}

export interface BatchMessage {
  id: number;
  /** the frames' bytes, back to back (transferred; the buffer may be longer: see ends) */
  data: Uint8Array;
  /** end offset of each frame in data */
  ends: Int32Array;
  receivedAt: Float64Array;
  truncated: Uint8Array;
  senderIdx: Uint16Array;
  senders: BatchSender[];
  /** result buffers handed back to the worker for its next results (transferred) */
  spareOut?: ArrayBuffer[];
}

export interface SenderOutcome {
  parsed: number;
  unknown: number;
  syslogOnly: number;
  failed: number;
  truncated: number;
  family: string;
  /** unparsed samples taken in this batch (status page) */
  samples?: UnparsedSample[];
}

export interface ResultMessage {
  id: number;
  /**
   * every document's JSON as UTF-8 (transferred, and handed back with a later batch): document i
   * is out[starts[i], starts[i] + lens[i]). Bytes rather than strings: strings had to be copied
   * into the message, then made again on the main thread, where they lived long enough to be
   * copied by the garbage collector, and the file output encoded them once more.
   */
  out: ArrayBuffer;
  starts: Int32Array;
  lens: Int32Array;
  times: Float64Array;
  datasets: string[];
  /** the batch's frame buffer, handed back (transferred) for another batch */
  spare: ArrayBuffer;
  /** per batch sender, in BatchMessage.senders order */
  outcomes: SenderOutcome[];
  /** parser coverage counted in this batch: [family + ' ' + message id, parsed, unknown] */
  coverage?: [string, number, number][];
}
