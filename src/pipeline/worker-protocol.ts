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
  /** the frames' bytes, back to back (transferred) */
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
  /** every document's JSON, back to back; lens gives each one's length */
  json: string;
  lens: Int32Array;
  times: Float64Array;
  datasets: string[];
  /** per batch sender, in BatchMessage.senders order */
  outcomes: SenderOutcome[];
  /** parser coverage counted in this batch: [family + ' ' + message id, parsed, unknown] */
  coverage?: [string, number, number][];
}
