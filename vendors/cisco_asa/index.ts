/** cisco_asa: placeholder until the family parser lands. */
import type { VendorParser } from '../../src/core/types.js';

export const parser: VendorParser = {
  id: 'cisco_asa',
  dataset: 'cisco_asa.log',
  detect: () => false,
  parse: () => 'not_implemented',
};
