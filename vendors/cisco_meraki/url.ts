/** url.* from an absolute URL, as Elastic's uri_parts + registered_domain processors fill them. */
import type { EcsDoc } from '../../src/core/types.js';

/** Public suffixes of two labels seen often enough to matter; others count as one-label suffixes. */
const TWO_LABEL_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'com.au', 'net.au', 'org.au', 'co.jp', 'ne.jp', 'co.nz', 'com.br', 'com.cn',
  'com.mx', 'co.in', 'co.za', 'com.tr', 'com.sg', 'com.hk', 'co.kr', 'com.tw', 'com.ar',
]);

const URL_RE = /^([A-Za-z][A-Za-z0-9+.-]{0,15}):\/\/([^/?#\s]{1,512})([^?#\s]*)(?:\?([^#\s]*))?(?:#(\S*))?$/;

export function urlFields(original: string): EcsDoc | null {
  const m = URL_RE.exec(original);
  if (m === null) return null;
  const url: EcsDoc = { original, scheme: m[1]! };
  let host = m[2]!;
  const at = host.lastIndexOf('@');
  if (at >= 0) {
    const cred = host.slice(0, at);
    host = host.slice(at + 1);
    const c = cred.indexOf(':');
    url.username = c < 0 ? cred : cred.slice(0, c);
    if (c >= 0) url.password = cred.slice(c + 1);
  }
  let domain = host;
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    domain = host.slice(1, end < 0 ? host.length : end);
    const port = end >= 0 && host.charCodeAt(end + 1) === 58 ? Number(host.slice(end + 2)) : NaN;
    if (Number.isInteger(port)) url.port = port;
  } else {
    const c = host.lastIndexOf(':');
    if (c >= 0) {
      domain = host.slice(0, c);
      const port = Number(host.slice(c + 1));
      if (Number.isInteger(port) && c + 1 < host.length) url.port = port;
    }
  }
  url.domain = domain;
  const path = m[3]!;
  if (path !== '') {
    url.path = path;
    const slash = path.lastIndexOf('/');
    const dot = path.lastIndexOf('.');
    if (dot > slash && dot + 1 < path.length) url.extension = path.slice(dot + 1);
  }
  if (m[4] !== undefined && m[4] !== '') url.query = m[4];
  if (m[5] !== undefined && m[5] !== '') url.fragment = m[5];
  registeredDomain(url, domain);
  return url;
}

function registeredDomain(url: EcsDoc, domain: string): void {
  if (domain.indexOf(':') >= 0 || /^[\d.]+$/.test(domain)) return;
  const labels = domain.toLowerCase().split('.');
  if (labels.length < 2 || labels.some((l) => l === '')) return;
  const last2 = labels.slice(-2).join('.');
  const suffixLen = labels.length >= 3 && TWO_LABEL_SUFFIXES.has(last2) ? 2 : 1;
  if (labels.length <= suffixLen) return;
  url.top_level_domain = labels.slice(-suffixLen).join('.');
  url.registered_domain = labels.slice(-suffixLen - 1).join('.');
  if (labels.length > suffixLen + 1) url.subdomain = labels.slice(0, labels.length - suffixLen - 1).join('.');
}
