/** checkpoint: placeholder until the family parser lands. */
import type { VendorParser } from '../../src/core/types.js';

export const parser: VendorParser = {
  id: 'checkpoint',
  dataset: 'checkpoint.firewall',
  detect: () => false,
  parse: () => 'not_implemented',
};
