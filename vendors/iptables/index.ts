/** iptables: placeholder until the family parser lands. */
import type { VendorParser } from '../../src/core/types.js';

export const parser: VendorParser = {
  id: 'iptables',
  dataset: 'iptables.log',
  detect: () => false,
  parse: () => 'not_implemented',
};
