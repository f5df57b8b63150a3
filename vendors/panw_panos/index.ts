/** panw_panos: placeholder until the family parser lands. */
import type { VendorParser } from '../../src/core/types.js';

export const parser: VendorParser = {
  id: 'panw_panos',
  dataset: 'panw.panos',
  detect: () => false,
  parse: () => 'not_implemented',
};
