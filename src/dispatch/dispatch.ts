/**
 * Picks the vendor parser of a message by cheap literal markers, in registry order; a per-sender
 * family from the config wins over detection. Families users describe in parser files
 * (src/parsers) are tried after the built-in ones, on lines none of them claimed, or before them
 * when a family says so for its programs, message starts or sender networks.
 */
import { type SyslogMessage } from '../core/types.js';
import { VENDORS, vendorById } from '../../vendors/index.js';
import { DetectHint, type VendorParser } from '../core/stages.js';
import type { ParserSet } from '../parsers/parser-set.js';

const REQUIRES: readonly number[] = VENDORS.map((v) => v.requires ?? 0);

/**
 * The first parser whose detect() says yes. Two scans (`%`, `=`) up front spare the parsers that
 * need one of them their own scans: for a line with neither (most plain syslog), seven of the
 * fifteen detect() calls, most of them full-length indexOf.
 */
export function detectVendor(msg: SyslogMessage): VendorParser | null {
  const raw = msg.raw;
  const present = (raw.indexOf('%') >= 0 ? DetectHint.percent : 0) | (raw.indexOf('=') >= 0 ? DetectHint.equals : 0);
  for (let i = 0; i < VENDORS.length; i++) {
    const need = REQUIRES[i]!;
    if ((need & present) !== need) continue;
    const v = VENDORS[i]!;
    if (v.detect(msg)) return v;
  }
  return null;
}

/**
 * The family of a message: user families marked before_builtin, the built-in markers, then the
 * other user families (only for lines no built-in family claimed: the high-volume families pay
 * nothing for them).
 */
export function detectFamily(msg: SyslogMessage, senderIp: string, set: ParserSet | null): VendorParser | null {
  if (set === null) return detectVendor(msg);
  if (set.hasBefore) {
    const f = set.pickBefore(msg, senderIp);
    if (f !== null) return f;
  }
  return detectVendor(msg) ?? set.pickAfter(msg, senderIp);
}

/** The parser for a configured family id; throws at start-up for an unknown id. */
export function vendorForFamily(id: string): VendorParser {
  const v = vendorById(id);
  if (v === undefined) throw new Error(`unknown vendor family "${id}"`);
  return v;
}

export const FAMILY_IDS: readonly string[] = VENDORS.map((v) => v.id);

/** `event.dataset` of every event: plain syslog and each family's. */
export const DATASETS: readonly string[] = ['syslog', ...VENDORS.map((v) => v.dataset)];

const SLOTS = new Map<VendorParser, number>(VENDORS.map((v, i) => [v, i + 1]));

/** Built-in parsers plus two (none, and the user families together): the range of parserSlot(). */
export const PARSER_SLOTS = VENDORS.length + 2;

/** A small number per parser (0 for none, the last for any user family), for grouping a batch's events by parser. */
export function parserSlot(v: VendorParser | null): number {
  return v === null ? 0 : SLOTS.get(v) ?? VENDORS.length + 1;
}

/** Every family's sample lines (VendorParser.samples), for the JIT warm-up at start. */
export function familySamples(): string[] {
  return VENDORS.flatMap((v) => v.samples);
}
