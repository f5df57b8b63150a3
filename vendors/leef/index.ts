/** leef: placeholder until the family parser lands. */
import type { VendorParser } from '../../src/core/types.js';

export const parser: VendorParser = {
  id: 'leef',
  dataset: 'leef.log',
  detect: () => false,
  parse: () => 'not_implemented',
};
