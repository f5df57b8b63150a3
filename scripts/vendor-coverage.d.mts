// Types of scripts/vendor-coverage.mjs for the TypeScript tests.
export const NOW: string;
export interface CatalogueEntry {
  id: string;
  title?: string;
  format: string;
  fields?: string[];
  values?: Record<string, unknown>;
  lines: string[];
  note?: string;
  todo?: string;
}
export interface Catalogue {
  family: string;
  id_field?: string;
  sources: string[];
  messages: CatalogueEntry[];
}
export interface LoadedCatalogue {
  family: string;
  file: string;
  catalogue: Catalogue | null;
  errors: string[];
}
export interface EntryRow {
  family: string;
  id: string;
  todo: string | undefined;
  tested: boolean;
  problems: string[];
}
export function loadCatalogues(root?: string): LoadedCatalogue[];
export function checkShape(c: unknown, family: string): string[];
export function parseLines(lines: readonly string[], root?: string): Record<string, unknown>[];
export function getPath(doc: unknown, path: string): unknown;
export function evaluate(root?: string, only?: string | null): EntryRow[];
export function summarize(rows: readonly EntryRow[]): { family: string; catalogued: number; mapped: number; tested: number }[];
