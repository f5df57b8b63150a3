/**
 * `urls`: `src=IP:PORT dst=IP:PORT mac=MAC [agent='UA'] request: METHOD URL`, as Elastic's `urls`
 * pipeline maps it: addresses and ports, `cisco_meraki.urls.mac`, `user_agent.original`,
 * `http.request.method`, `url.*` (uri_parts) and the registered domain; subtype `http_access`,
 * or `http_access_error` when the method is `UNKNOWN`.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { parseKv } from '../../src/ecs/kv.js';
import { setUrl } from '../../src/ecs/url.js';
import { setRegisteredDomain } from '../../src/ecs/domain.js';
import { set2, set3 } from '../../src/ecs/set-path.js';
import { toInt } from '../../src/ecs/fields.js';
import { ipPort, macDash } from './address.js';

const REQUEST = ' request: ';
const AGENT = ' agent=';

/**
 * source/destination from `ip:port`. A destination port of 0 is left out (and a source port of 0
 * unless `zeroSourcePort`), as the pipelines do; `dstPort` false leaves the destination port out.
 */
export function setEnds(doc: EcsDoc, src: string | undefined, dst: string | undefined, zeroSourcePort: boolean, dstPort = true): void {
  const s = ipPort(src);
  if (s !== null) {
    set2(doc, 'source', 'ip', s.ip);
    if (zeroSourcePort || s.port !== '0') set2(doc, 'source', 'port', toInt(s.port));
  }
  const d = ipPort(dst);
  if (d !== null) {
    set2(doc, 'destination', 'ip', d.ip);
    if (dstPort && d.port !== '0') set2(doc, 'destination', 'port', toInt(d.port));
  }
}

export function urls(body: string, doc: EcsDoc): string | null {
  const ri = body.indexOf(REQUEST);
  if (ri < 0) return 'parse_urls';
  let head = body.slice(0, ri);
  const ai = head.indexOf(AGENT);
  if (ai >= 0) {
    set2(doc, 'user_agent', 'original', head.slice(ai + AGENT.length));
    head = head.slice(0, ai);
  }
  const kv = parseKv(head);
  setEnds(doc, kv.src, kv.dst, true);
  if (kv.mac !== undefined) set3(doc, 'cisco_meraki', 'urls', 'mac', macDash(kv.mac));
  const req = body.slice(ri + REQUEST.length);
  const sp = req.indexOf(' ');
  const method = sp < 0 ? req : req.slice(0, sp);
  set3(doc, 'http', 'request', 'method', method);
  set2(doc, 'cisco_meraki', 'event_subtype', method.toLowerCase() === 'unknown' ? 'http_access_error' : 'http_access');
  const original = sp < 0 ? '' : req.slice(sp + 1);
  if (original !== '') {
    const url: EcsDoc = (doc.url ??= {});
    setUrl(url, original);
    if (typeof url.domain === 'string') setRegisteredDomain(url, url.domain);
  }
  return null;
}
