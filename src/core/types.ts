/**
 * Shared types of the pipeline stages. Sources hand `Frame`s to the syslog parser, which makes a
 * `SyslogMessage`; vendor parsers read that message and add ECS fields to an `EcsDoc`.
 * This module imports nothing.
 */

/** An ECS document as nested plain objects, the shape Elasticsearch receives. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EcsDoc = Record<string, any>;

/** One message as cut out of a byte stream or a datagram, with where and when it arrived. */
export interface Frame {
  /** the message bytes, framing removed */
  data: Buffer;
  senderIp: string;
  senderPort: number;
  /** listener name, e.g. `udp://0.0.0.0:5514` */
  listener: string;
  /** epoch milliseconds at receipt */
  receivedAt: number;
  /** true when the message was longer than the listener's limit and was cut */
  truncated: boolean;
}

export type SyslogFormat = 'rfc5424' | 'rfc3164' | 'none';

/** Flags on a parsed syslog message (bit set). */
export const SyslogFlag = {
  InvalidUtf8: 1,
  Bom: 2,
  NoPri: 4,
  NoTimestamp: 8,
  BadTimestamp: 16,
  Malformed5424: 32,
  Truncated: 64,
  YearInferred: 128,
  /** every byte of the frame is ASCII (set by decode; no tag) */
  Ascii: 256,
} as const;

export interface SyslogMessage {
  format: SyslogFormat;
  /** PRI value, -1 when the message had none */
  priority: number;
  facility: number;
  severity: number;
  /** RFC 5424 VERSION, -1 for other formats */
  version: number;
  /** epoch milliseconds of the header timestamp; NaN when absent or unreadable */
  timestamp: number;
  /** microseconds beyond `timestamp`'s millisecond (0..999) */
  timestampUs: number;
  /** the header timestamp as written, null when absent */
  timestampText: string | null;
  /** true when the header timestamp carried its own zone or offset */
  timestampHasZone: boolean;
  hostname: string | null;
  appname: string | null;
  procid: string | null;
  msgid: string | null;
  /** RFC 5424 STRUCTURED-DATA as SD-ID -> {param: value}; null when NILVALUE or absent */
  structuredData: Record<string, Record<string, string>> | null;
  /** Cisco-style sequence number written before the timestamp, null when absent */
  sequence: string | null;
  /** the MSG part */
  message: string;
  /** RFC 3164 CONTENT: TAG and MSG as written (`%ASA-4-106023: Deny ...`); equals `message` for RFC 5424 */
  content: string;
  /** the whole message text as received (decoded as UTF-8, invalid bytes replaced) */
  raw: string;
  /** SyslogFlag bits */
  flags: number;
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
  /**
   * Characters (DetectHint bits) every line this parser detects has in `msg.raw`: the dispatcher
   * looks for each hint once per message and skips the parsers whose hints are missing.
   */
  readonly requires?: number;
  detect(msg: SyslogMessage): boolean;
  parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null;
}
