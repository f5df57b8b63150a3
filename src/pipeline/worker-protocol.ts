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
   * each document's JSON, in frame order. One string per document, not one joined string: a
   * string of 64 KiB or more is a large object, its memory fresh from the kernel each time; joined
   * and posted, a batch of 2,048 documents took 44 ms here, as separate strings 1.2 ms.
   */
  docs: string[];
  times: Float64Array;
  datasets: string[];
  /** the batch's frame buffer, handed back (transferred) for another batch */
  spare?: ArrayBuffer;
  /** per batch sender, in BatchMessage.senders order */
  outcomes: SenderOutcome[];
  /** parser coverage counted in this batch: [family + ' ' + message id, parsed, unknown] */
  coverage?: [string, number, number][];
}
