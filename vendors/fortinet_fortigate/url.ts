/** `url=` of web filter / IPS / event logs into `url.*` (a path is joined to `hostname=`). */
import type { EcsDoc } from '../../src/core/types.js';
import { setField } from '../../src/ecs/fields.js';

/**
 * Splits `url` into `url.*`. A bare path (`/a?b`) is completed with `host` into `url.full` (scheme
 * `https` when the service is HTTPS, else `http`). Never throws; an unreadable URL goes to `url.original`.
 */
export function applyUrl(doc: EcsDoc, url: string, host: string | undefined, service: string | undefined): void {
  let full = url;
  if (url.charCodeAt(0) === 47 && host !== undefined && host !== '') {
    const scheme = service !== undefined && service.toLowerCase() === 'https' ? 'https' : 'http';
    full = scheme + '://' + host + url;
  }
  let rest = full;
  const schemeEnd = full.indexOf('://');
  if (schemeEnd > 0 && schemeEnd < 16) {
    setField(doc, 'url.scheme', full.slice(0, schemeEnd).toLowerCase());
    rest = full.slice(schemeEnd + 3);
    let slash = rest.length;
    for (let i = 0; i < rest.length; i++) {
      const c = rest.charCodeAt(i);
      if (c === 47 || c === 63 || c === 35) { slash = i; break; }
    }
    let authority = rest.slice(0, slash);
    rest = rest.slice(slash);
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      const info = authority.slice(0, at);
      authority = authority.slice(at + 1);
      const colon = info.indexOf(':');
      setField(doc, 'url.username', colon >= 0 ? info.slice(0, colon) : info);
    }
    let hostPart = authority;
    if (authority.charCodeAt(0) === 91) {
      const close = authority.indexOf(']');
      hostPart = close > 0 ? authority.slice(1, close) : authority;
      const port = close > 0 && authority.charCodeAt(close + 1) === 58 ? Number(authority.slice(close + 2)) : NaN;
      if (Number.isInteger(port) && port > 0 && port < 65536) setField(doc, 'url.port', port);
    } else {
      const colon = authority.lastIndexOf(':');
      if (colon >= 0) {
        hostPart = authority.slice(0, colon);
        const port = Number(authority.slice(colon + 1));
        if (Number.isInteger(port) && port > 0 && port < 65536) setField(doc, 'url.port', port);
      }
    }
    setField(doc, 'url.domain', hostPart);
    setField(doc, 'url.full', full);
  } else if (url.charCodeAt(0) !== 47) {
    setField(doc, 'url.original', url);
    return;
  }
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    setField(doc, 'url.fragment', rest.slice(hash + 1));
    rest = rest.slice(0, hash);
  }
  const q = rest.indexOf('?');
  if (q >= 0) {
    setField(doc, 'url.query', rest.slice(q + 1));
    rest = rest.slice(0, q);
  }
  setField(doc, 'url.path', rest === '' ? undefined : rest);
  const lastSlash = rest.lastIndexOf('/');
  const dot = rest.lastIndexOf('.');
  if (dot > lastSlash + 1 && dot < rest.length - 1) setField(doc, 'url.extension', rest.slice(dot + 1).toLowerCase());
}
