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
  /** MSG was rsyslog's `message repeated N times: [ ... ]` wrapper, now unwrapped */
  Repeated: 512,
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
