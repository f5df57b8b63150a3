/**
 * Every entry of every family's message catalogue (vendors/<id>/catalogue.yml), through the built
 * parse path: its lines parse as the family, with the message id and the fields the entry lists
 * (an entry marked `todo` only as an unknown type of the family, never a parser error).
 * `npm run coverage:vendors` prints the same per family.
 */
import { evaluate, loadCatalogues } from '../../scripts/vendor-coverage.mjs';

const catalogues = loadCatalogues();
const rows = evaluate();

describe('message catalogues', () => {
  test.each(catalogues.map((c) => [c.file, c.errors] as const))('%s has the catalogue shape', (_file, errors) => {
    expect(errors).toEqual([]);
  });

  const entries = rows.filter((r) => r.id !== '(catalogue)').map((r) => [`${r.family} ${r.id}${r.todo !== undefined ? ' (todo)' : ''}`, r.problems] as const);
  if (entries.length > 0) {
    test.each(entries)('%s', (_name, problems) => {
      expect(problems).toEqual([]);
    });
  }
});
