/**
 * `dns.question.{registered_domain, top_level_domain, subdomain}` of a query name. Without a
 * public-suffix list this knows the common two-label suffixes (`co.uk`, `com.au`...) and otherwise
 * takes the last label as the suffix.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { setField } from '../../src/ecs/fields.js';

const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'or', 'ne', 'go', 'gob', 'mil', 'nic']);

export function registeredDomain(doc: EcsDoc, name: string): void {
  let n = name;
  if (n.endsWith('.')) n = n.slice(0, -1);
  if (n.length === 0 || n.length > 253 || n.indexOf('.') < 0) return;
  const labels = n.split('.');
  const k = labels.length;
  if (labels.some((l) => l.length === 0)) return;
  const last = labels[k - 1]!;
  if (/^\d+$/.test(last)) return;
  let suffixLabels = 1;
  if (k >= 3 && last.length === 2 && SECOND_LEVEL.has(labels[k - 2]!.toLowerCase())) suffixLabels = 2;
  if (k <= suffixLabels) return;
  const tld = labels.slice(k - suffixLabels).join('.');
  const reg = labels.slice(k - suffixLabels - 1).join('.');
  setField(doc, 'dns.question.top_level_domain', tld);
  setField(doc, 'dns.question.registered_domain', reg);
  if (k > suffixLabels + 1) setField(doc, 'dns.question.subdomain', labels.slice(0, k - suffixLabels - 1).join('.'));
}
