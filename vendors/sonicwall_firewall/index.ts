/** sonicwall_firewall: placeholder until the family parser lands. */
import type { VendorParser } from '../../src/core/types.js';

export const parser: VendorParser = {
  id: 'sonicwall_firewall',
  dataset: 'sonicwall_firewall.log',
  detect: () => false,
  parse: () => 'not_implemented',
};
