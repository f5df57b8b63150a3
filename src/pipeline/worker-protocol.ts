/** Messages between the main thread and parser workers. */
import type { UnparsedSample } from '../core/telemetry.js';

/** Events per batch a busy worker gets at most (fewer when idle: see worker-pool.ts) */
export const BATCH_EVENTS = 2048;

/**
 * events waiting or in flight per worker before sources are asked to pause: 4 full batches (past
 * twice that, a TCP frame is dropped and counted; a UDP one past DATAGRAM_REJECT_EVENTS). With
 * 32,768 (16 batches) and 4 buffers kept, one worker on 1M loggen messages took 53k-60k page
 * faults and peaked at 256-276 MB, on the mixed fixture corpus 75k-93k faults and 280-293 MB; with
 * this bound and BUFFERS_KEPT, 26k-30k and 196-206 MB, 51k-54k and 247-261 MB, and as fast or
 * faster.
 */
export const FULL_EVENTS = 8192;

/** events waiting or in flight per worker past which a datagram listener's frame is dropped and counted */
export const DATAGRAM_REJECT_EVENTS = 8 * FULL_EVENTS;

/**
 * frame buffers (main thread) and result buffers (worker) kept for reuse per worker: as many as
 * can be out at once on a stream (up to twice FULL_EVENTS in batches of BATCH_EVENTS, and the one
 * being filled), so that a busy stream takes no fresh memory (page faults); a UDP burst past that
 * takes fresh buffers, which are not kept
 */
export const BUFFERS_KEPT = (2 * FULL_EVENTS) / BATCH_EVENTS + 2;

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
