/**
 * Builds the enrichment stages from the settings (GeoIP, asset inventory, directory users).
 * Placeholder: no enrichers until the enrichment issue lands.
 */
import type { Enricher } from '../pipeline/process.js';

export interface EnrichSettings {
  geoipDir: string | null;
  assets: string | null;
  watch: boolean;
}

export async function buildEnrichers(_s: EnrichSettings): Promise<Enricher[]> {
  return [];
}
