/** cisco_meraki: placeholder until the family parser lands. */
import type { VendorParser } from '../../src/core/types.js';

export const parser: VendorParser = {
  id: 'cisco_meraki',
  dataset: 'cisco_meraki.log',
  detect: () => false,
  parse: () => 'not_implemented',
};
