/** juniper_srx: placeholder until the family parser lands. */
import type { VendorParser } from '../../src/core/types.js';

export const parser: VendorParser = {
  id: 'juniper_srx',
  dataset: 'juniper_srx.log',
  detect: () => false,
  parse: () => 'not_implemented',
};
