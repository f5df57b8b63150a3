/** cef: placeholder until the family parser lands. */
import type { VendorParser } from '../../src/core/types.js';

export const parser: VendorParser = {
  id: 'cef',
  dataset: 'cef.log',
  detect: () => false,
  parse: () => 'not_implemented',
};
