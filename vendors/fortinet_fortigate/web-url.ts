/**
 * `url=` of web filter, IPS and event logs into `url.*` through the one splitter (src/ecs/url.ts).
 * FortiOS writes the path alone with the host in `hostname=`: the two make `url.full` (scheme
 * `https` when the service is HTTPS). A text no URL reading takes goes to `url.original`.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { setUrl } from '../../src/ecs/url.js';

export function setFortiUrl(doc: EcsDoc, url: string, host: string | undefined, service: string | undefined): void {
  let full = url;
  if (url.charCodeAt(0) === 47 && host !== undefined && host !== '') {
    const scheme = service !== undefined && service.toLowerCase() === 'https' ? 'https' : 'http';
    full = scheme + '://' + host + url;
  }
  let at = doc.url as EcsDoc | undefined;
  if (at === undefined || at === null || typeof at !== 'object') doc.url = at = {};
  const absolute = full.indexOf('://') > 0;
  if ((absolute || full.charCodeAt(0) === 47) && setUrl(at, full, false)) {
    if (absolute && at.domain !== undefined) at.full = full;
    return;
  }
  at.original = url;
}
