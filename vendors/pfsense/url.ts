/**
 * `url.*` parts of an absolute URL or a CONNECT target (`host:port`), like Elasticsearch's
 * `uri_parts` processor: scheme, domain, port, path, query, fragment, extension, user info.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { toInt } from '../../src/ecs/fields.js';
import { set2 } from '../../src/ecs/set-path.js';

export function urlParts(doc: EcsDoc, original: string): void {
  set2(doc, 'url', 'original', original);
  const sep = original.indexOf('://');
  if (sep < 0) {
    // CONNECT target `host:port`
    const colon = original.lastIndexOf(':');
    const p = colon > 0 ? toInt(original.slice(colon + 1)) : undefined;
    if (p !== undefined && p > 0 && p <= 65535 && original.indexOf('/') < 0) {
      set2(doc, 'url', 'domain', original.slice(0, colon));
      set2(doc, 'url', 'port', p);
    }
    return;
  }
  set2(doc, 'url', 'scheme', original.slice(0, sep));
  let rest = original.slice(sep + 3);
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    set2(doc, 'url', 'fragment', rest.slice(hash + 1));
    rest = rest.slice(0, hash);
  }
  const q = rest.indexOf('?');
  let query: string | undefined;
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  const slash = rest.indexOf('/');
  let authority = slash >= 0 ? rest.slice(0, slash) : rest;
  const path = slash >= 0 ? rest.slice(slash) : '';
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    const info = authority.slice(0, at);
    set2(doc, 'url', 'user_info', info);
    const c = info.indexOf(':');
    set2(doc, 'url', 'username', c >= 0 ? info.slice(0, c) : info);
    if (c >= 0) set2(doc, 'url', 'password', info.slice(c + 1));
    authority = authority.slice(at + 1);
  }
  let host = authority;
  if (authority.charCodeAt(0) === 91) {
    const close = authority.indexOf(']');
    host = authority.slice(1, close < 0 ? authority.length : close);
    if (close >= 0 && authority.charCodeAt(close + 1) === 58) {
      const p = toInt(authority.slice(close + 2));
      if (p !== undefined) set2(doc, 'url', 'port', p);
    }
  } else {
    const colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      host = authority.slice(0, colon);
      const p = toInt(authority.slice(colon + 1));
      if (p !== undefined) set2(doc, 'url', 'port', p);
    }
  }
  set2(doc, 'url', 'domain', host);
  if (path !== '') {
    set2(doc, 'url', 'path', path);
    const last = path.slice(path.lastIndexOf('/') + 1);
    const dot = last.lastIndexOf('.');
    if (dot >= 0 && dot < last.length - 1) set2(doc, 'url', 'extension', last.slice(dot + 1));
  }
  // an empty query (`...?`) is kept, as uri_parts does
  if (query !== undefined) {
    if (!doc.url) doc.url = {};
    doc.url.query = query;
  }
}
