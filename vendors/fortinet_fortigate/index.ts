/** fortinet_fortigate: placeholder until the family parser lands. */
import type { VendorParser } from '../../src/core/types.js';

export const parser: VendorParser = {
  id: 'fortinet_fortigate',
  dataset: 'fortinet_fortigate.log',
  detect: () => false,
  parse: () => 'not_implemented',
};
