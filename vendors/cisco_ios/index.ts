/** cisco_ios: placeholder until the family parser lands. */
import type { VendorParser } from '../../src/core/types.js';

export const parser: VendorParser = {
  id: 'cisco_ios',
  dataset: 'cisco_ios.log',
  detect: () => false,
  parse: () => 'not_implemented',
};
