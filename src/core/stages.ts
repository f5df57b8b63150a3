/**
 * The contracts between the stages, in the order data flows: a Source cuts frames and hands them
 * to a FrameHandler (the pipeline); a FrameProcessor turns a frame into a document (syslog header,
 * a VendorParser picked by dispatch, then each Enricher); an Output writes documents and answers
 * with a WriteResult, which is how back-pressure travels back to the sources. Every room imports
 * these from here, so no stage imports another (docs/development.md: the house).
 */
import type { EcsDoc, Frame, SyslogMessage } from './types.js';
import type { SenderStats, Telemetry } from './telemetry.js';

// ---- sources -> pipeline

/**
 * What a source hands its frames to (the pipeline). `accept` returns a WriteResult: `Full` asks
 * stream sources to pause reading until `onResume` fires; `Rejected` means the frame was not taken
 * (only datagram sources see it: they count a `queue_full` drop).
 */
export interface FrameHandler {
  readonly telemetry: Telemetry;
  accept(frame: Frame, stats: SenderStats): WriteResult;
  /** true while the outputs are full */
  readonly paused: boolean;
  onResume(cb: () => void): void;
}

/**
 * What a source of finished documents hands them to (the pipeline, past the processors): the Kafka
 * input of an indexer tier, whose records a collector tier already parsed. The answers are
 * FrameHandler.accept's; such a source stops at Full and takes the rest again later, so it never
 * needs Rejected to drop anything.
 */
export interface DocumentHandler {
  readonly telemetry: Telemetry;
  deliver(doc: EcsDoc, stats: SenderStats): WriteResult;
  deliverEncoded(ev: EncodedEvent, stats: SenderStats): WriteResult;
  readonly paused: boolean;
  onResume(cb: () => void): void;
}

export interface Source {
  readonly name: string;
  /** the bound address, e.g. `udp://127.0.0.1:5514` (port resolved when 0 was asked) */
  readonly boundUrl: string;
  start(): Promise<void>;
  /** stop accepting; stream sources let open connections finish within graceMs */
  stop(graceMs: number): Promise<void>;
  /**
   * After the outputs closed: a source that acknowledges upstream (the Kafka input commits its
   * offsets) acknowledges what they wrote during their close, then lets go of its connections.
   */
  finish?(): Promise<void>;
  /** errors after binding and an unexpected close (absent: the source has no socket of its own) */
  readonly faults?: SourceFaults;
}

/** A listener's faults after binding, as /health and /metrics read them (sources/listener-faults.ts). */
export interface SourceFaults {
  readonly errors: number;
  readonly closed: boolean;
  problem(now?: number): string | null;
}

// ---- pipeline: frame -> document

/** Turns a frame into a document (the syslog Processor; other inputs such as JSON lines bring their own). */
export interface FrameProcessor {
  process(frame: Frame, stats: SenderStats): EcsDoc;
}

/** What a vendor parser knows about the message's context. Built once per sender, not per message. */
export interface VendorContext {
  /** zone for stamps without one: an IANA name (`Europe/Paris`) or a fixed offset (`+02:00`); `UTC` by default */
  timezone: string;
  /** epoch milliseconds at receipt, for year inference of year-less stamps */
  receivedAt: number;
}

/** Characters a vendor's markers contain, looked for once per message by the dispatcher. */
export const DetectHint = {
  /** `%` (Cisco `%ASA-`, `%FTD-`, `%FAC-SEV-MNEM`) */
  percent: 1,
  /** `=` (key=value formats: FortiGate, SonicWall, Sophos, netfilter) */
  equals: 2,
} as const;

/**
 * A vendor family parser. `detect` is a cheap literal test (indexOf / charCodeAt) on the message;
 * `parse` adds the family's ECS and vendor fields to `doc` (which already holds the syslog fields)
 * and returns null on success, else the name of the step that failed (e.g. `parse_106023`,
 * `unknown_message_id`). It never throws on bad input; the pipeline still guards it.
 */
export interface VendorParser {
  /** snake_case id, also the folder name: `cisco_asa` */
  readonly id: string;
  /** `event.dataset` as Elastic's integration names it: `cisco_asa.log` */
  readonly dataset: string;
  /** a few lines as the devices send them, run at start to warm the JIT up (pipeline/warm-up.ts) */
  readonly samples: readonly string[];
  /**
   * Characters (DetectHint bits) every line this parser detects has in `msg.raw`: the dispatcher
   * looks for each hint once per message and skips the parsers whose hints are missing.
   */
  readonly requires?: number;
  detect(msg: SyslogMessage): boolean;
  parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null;
}

/** An enrichment stage: adds fields to a finished document in place. `senderIp` is '' for file input. */
export interface Enricher {
  readonly name: string;
  enrich(doc: EcsDoc, senderIp: string): void;
}

// ---- pipeline -> outputs

/**
 * The contract between the pipeline and an output (file, stdout, Elasticsearch).
 *
 * `write` takes one finished document. An output that can no longer take documents without
 * growing past its bounds returns Full or Rejected: the caller then stops reading its TCP
 * connections (and, for UDP, counts a `queue_full` drop when a later write is also refused), and
 * resumes when the output calls the `onDrain` callback. The output owns the outcome counters of
 * what it accepted: `written`, `deadLettered` and `dropped.output_error` on the sender's stats.
 *
 * The acknowledgement path: each accepted event's outcome is counted exactly once, when it is
 * final, on the SenderStats it was written with. A source that must know when its events are done
 * (the Kafka input commits an offset only past events the outputs wrote) writes each unit it
 * acknowledges with a SenderStats of its own and waits for the outcomes to add up to what it
 * handed over (docs/kafka.md).
 */
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
  /**
   * the event's identity (the Elasticsearch `_id`) when an earlier tier fixed it: a Kafka record
   * from a collector tier carries the id computed where the event arrived, so a replay of the
   * record is the same document; null: the output derives it from the document
   */
  id: string | null;
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
  /**
   * Flush and release resources; no write after this. With a deadline (epoch ms), what is not
   * delivered by then goes to the output's disk buffer or is counted as dropped (`shutdown`), and
   * the call returns shortly after it.
   */
  close(deadline?: number): Promise<void>;
  health(): OutputHealth;
  /** closes and reopens its files (SIGHUP, after logrotate moved them); nothing is lost */
  reopen?(): void;
  /**
   * The fields parser files declare (with their types) and the datasets events may carry changed
   * (a reload of the parser directory): an output that maps fields (Elasticsearch) installs them.
   */
  declareFields?(fields: Readonly<Record<string, string>>, datasets: readonly string[]): void;
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
