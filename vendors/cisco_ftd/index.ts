/** cisco_ftd: placeholder until the family parser lands. */
import type { VendorParser } from '../../src/core/types.js';

export const parser: VendorParser = {
  id: 'cisco_ftd',
  dataset: 'cisco_ftd.log',
  detect: () => false,
  parse: () => 'not_implemented',
};
