/**
 * The registered domain of a host name, as Elasticsearch's `registered_domain` processor gives it:
 * the public suffix list (ICANN section; a private-section suffix counts as a registered domain of
 * its ICANN parent, as the processor's matcher treats it), nothing for addresses, single labels or
 * suffixes the list does not know. `tldts` carries the list.
 */
import { parse } from 'tldts';
import type { EcsDoc } from '../core/types.js';

export interface DomainParts {
  /** the name as given, lower-cased, without a trailing dot */
  domain: string;
  registered_domain: string;
  top_level_domain: string;
  /** absent when the name is the registered domain itself */
  subdomain?: string;
}

const OPTIONS = { allowPrivateDomains: false, extractHostname: false, validateHostname: true } as const;

export function domainParts(name: string): DomainParts | null {
  if (name.length === 0 || name.length > 253) return null;
  const host = (name.charCodeAt(name.length - 1) === 46 ? name.slice(0, -1) : name).toLowerCase();
  if (host.indexOf('.') < 0) return null;
  const r = parse(host, OPTIONS);
  if (r.isIp === true || r.isIcann !== true || r.domain === null || r.publicSuffix === null) return null;
  const out: DomainParts = { domain: host, registered_domain: r.domain, top_level_domain: r.publicSuffix };
  if (r.subdomain !== null && r.subdomain !== '') out.subdomain = r.subdomain;
  return out;
}

/**
 * Sets `<prefix>.registered_domain`, `.top_level_domain` and `.subdomain` of `name` on `doc[prefix]`
 * (`url`, `dns.question`, `source`...: `at` is that object, created when absent); with `withDomain`,
 * `<prefix>.domain` too. Nothing when the name has no registered domain.
 */
export function setRegisteredDomain(at: EcsDoc, name: string, withDomain = false): boolean {
  const p = domainParts(name);
  if (p === null) return false;
  if (withDomain) at.domain = p.domain;
  at.registered_domain = p.registered_domain;
  at.top_level_domain = p.top_level_domain;
  if (p.subdomain !== undefined) at.subdomain = p.subdomain;
  return true;
}
