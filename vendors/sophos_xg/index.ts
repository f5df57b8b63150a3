/** sophos_xg: placeholder until the family parser lands. */
import type { VendorParser } from '../../src/core/types.js';

export const parser: VendorParser = {
  id: 'sophos_xg',
  dataset: 'sophos.xg',
  detect: () => false,
  parse: () => 'not_implemented',
};
