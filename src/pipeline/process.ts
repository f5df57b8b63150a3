/**
 * One frame -> one ECS document: decode, syslog header, vendor parser, enrichment. Synchronous and
 * allocation-light; never throws (a parser bug becomes a flagged event, counted as failed).
 */
import type { EcsDoc, Frame, SyslogMessage } from '../core/types.js';
import { SyslogFlag } from '../core/types.js';
import { decode, parseSyslog } from '../syslog/parse.js';
import { baseDocument } from '../ecs/base.js';
import { detectFamily, FAMILY_IDS, vendorForFamily } from '../dispatch/dispatch.js';
import type { ParserHolder } from '../parsers/parser-set.js';
import { SenderResolver, type SenderRule } from '../dispatch/senders.js';
import type { Telemetry, SenderStats } from '../core/telemetry.js';
import { markBaseShape } from '../ecs/serialize.js';
import type { EventOriginalMode } from '../config/load.js';
import type { Enricher, VendorContext, VendorParser } from '../core/stages.js';


export interface ProcessorOptions {
  /** default zone for stamps without one (per listener) */
  timezone: string;
  senders: readonly SenderRule[];
  enrichers: readonly Enricher[];
  telemetry: Telemetry;
  /** per-sender timezone from the asset inventory, consulted after the sender rules */
  deviceTimezone?: (ip: string) => string | null;
  /**
   * `event.original` (config `pipeline.event_original`): `always` (default), or `on_failure`: only
   * on events whose parse status is not `parsed`
   */
  eventOriginal?: EventOriginalMode;
  /** the families of parser files in force (swapped on reload); none: built-in families only */
  parsers?: ParserHolder;
}

export const PARSE_STATUS = {
  ok: 'parsed',
  unknown: 'unknown',
  syslog: 'syslog_only',
  error: 'parser_error',
} as const;

const GENERIC_DATASET = 'syslog';

/** A frame with its syslog header parsed and its parser chosen (Processor.prepare). */
export interface Prepared {
  readonly msg: SyslogMessage;
  /** the zone for stamps without one: sender rule, inventory, then the listener's */
  readonly tz: string;
  readonly vendor: VendorParser | null;
}

export class Processor {
  private readonly opts: ProcessorOptions;
  private resolver: SenderResolver;
  private readonly overrides = new Map<string, VendorParser>();
  private readonly ctx: VendorContext = { timezone: 'UTC', receivedAt: 0 };
  private readonly originalAlways: boolean;

  constructor(opts: ProcessorOptions) {
    this.opts = opts;
    this.resolver = new SenderResolver(opts.senders);
    this.originalAlways = (opts.eventOriginal ?? 'always') === 'always';
    // built-in families pinned to senders; a user family is looked up in the set in force
    for (const r of opts.senders) if (r.family && FAMILY_IDS.includes(r.family)) this.overrides.set(r.family, vendorForFamily(r.family));
  }

  /** Takes new sender rules (a configuration reload); the next frame is read with them. */
  setSenders(rules: readonly SenderRule[]): void {
    this.resolver = new SenderResolver(rules);
    this.overrides.clear();
    for (const r of rules) if (r.family) this.overrides.set(r.family, vendorForFamily(r.family));
  }

  process(frame: Frame, stats: SenderStats): EcsDoc {
    return this.complete(this.prepare(frame, stats), frame, stats);
  }

  /**
   * The first half of process(): decode, syslog header, timezone, parser choice. A batch prepares
   * all its frames, then completes them grouped by parser (pipeline/batch.ts).
   */
  prepare(frame: Frame, stats: SenderStats): Prepared {
    stats.received++;
    stats.lastSeen = frame.receivedAt;
    const setting = this.resolver.resolve(frame.senderIp);
    const tz = setting.timezone ?? this.opts.deviceTimezone?.(frame.senderIp) ?? this.opts.timezone;
    const { text, flags } = decode(frame.data);
    const msg = parseSyslog(text, frame.truncated ? flags | SyslogFlag.Truncated : flags, tz, frame.receivedAt);
    if (frame.truncated) stats.truncated++;
    const set = this.opts.parsers?.current ?? null;
    let vendor: VendorParser | null = null;
    if (setting.family !== null) vendor = this.overrides.get(setting.family) ?? set?.byId.get(setting.family) ?? null;
    // a pinned user family a reload took away: detection as for any sender
    if (vendor === null) vendor = detectFamily(msg, frame.senderIp, set);
    return { msg, tz, vendor };
  }

  /** The second half of process(): the document, the vendor parser, the parse status, enrichment. */
  complete(prep: Prepared, frame: Frame, stats: SenderStats): EcsDoc {
    const { msg, tz, vendor } = prep;
    const doc = baseDocument(msg, frame, tz);
    let status: string;
    let step: string | null = null;
    if (vendor === null) {
      status = PARSE_STATUS.syslog;
      stats.syslogOnly++;
      doc.event.dataset = GENERIC_DATASET;
    } else {
      stats.family = vendor.id;
      this.ctx.timezone = tz;
      this.ctx.receivedAt = frame.receivedAt;
      try {
        step = vendor.parse(msg, doc, this.ctx);
        status = step === null ? PARSE_STATUS.ok : PARSE_STATUS.unknown;
      } catch (err) {
        step = 'exception';
        status = PARSE_STATUS.error;
        doc.error = { message: 'parser ' + vendor.id + ' failed: ' + (err as Error).message, type: 'parser_error' };
      }
      if (status === PARSE_STATUS.ok) stats.parsed++;
      else if (status === PARSE_STATUS.unknown) stats.unknown++;
      else stats.failed++;
      if (doc.event === undefined || doc.event === null) doc.event = {};
      doc.event.dataset = vendor.dataset;
      const code = doc.event.code;
      this.opts.telemetry.countCoverage(vendor.id, code === undefined ? '-' : String(code), step === null);
    }
    if (this.originalAlways || status !== PARSE_STATUS.ok) {
      if (doc.event.original === undefined) doc.event.original = msg.raw;
    } else {
      // left out of the JSON (undefined is not serialized); the key stays, so does the object's shape
      doc.event.original = undefined;
    }
    doc.syslog_ecs = {
      family: vendor === null ? null : vendor.id,
      parse: step === null ? { status } : { status, step },
      listener: frame.listener,
    };
    const enrichers = this.opts.enrichers;
    for (let i = 0; i < enrichers.length; i++) enrichers[i]!.enrich(doc, frame.senderIp);
    // plain syslog, nothing added: the outputs serialize it by its known shape (ecs/serialize.ts)
    if (vendor === null && enrichers.length === 0) markBaseShape(doc, (msg.flags & SyslogFlag.Ascii) !== 0);
    if (status !== PARSE_STATUS.ok) this.opts.telemetry.sampleUnparsed(stats, msg.raw, doc, frame.receivedAt);
    return doc;
  }
}
