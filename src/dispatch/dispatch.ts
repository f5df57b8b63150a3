/**
 * Picks the vendor parser of a message by cheap literal markers, in registry order; a per-sender
 * family from the config wins over detection.
 */
import type { SyslogMessage, VendorParser } from '../core/types.js';
import { VENDORS, vendorById } from '../../vendors/index.js';

export function detectVendor(msg: SyslogMessage): VendorParser | null {
  for (let i = 0; i < VENDORS.length; i++) {
    const v = VENDORS[i]!;
    if (v.detect(msg)) return v;
  }
  return null;
}

/** The parser for a configured family id; throws at start-up for an unknown id. */
export function vendorForFamily(id: string): VendorParser {
  const v = vendorById(id);
  if (v === undefined) throw new Error(`unknown vendor family "${id}"`);
  return v;
}

export const FAMILY_IDS: readonly string[] = VENDORS.map((v) => v.id);
