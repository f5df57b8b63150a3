/**
 * cisco_meraki: Meraki MX/MR/MS syslog `<PRI>1 <epoch.nanos> <device> <type> key=value ...`,
 * mapped as Elastic's `cisco_meraki.log` pipeline does. The header looks like RFC 5424 but carries
 * an epoch time, which the syslog parser cannot read: the family reads it itself.
 */
import type { EcsDoc, SyslogMessage } from '../../src/core/types.js';
import { setField, isIp, appendUnique } from '../../src/ecs/fields.js';
import { parseKv, type KvMap } from '../../src/ecs/kv.js';
import { EVENT_MAP } from './event-map.js';
import { urlFields } from './url.js';
import { set2, set3, set4 } from '../../src/ecs/set-path.js';
import type { VendorContext, VendorParser } from '../../src/core/stages.js';

const FLOW_TYPES = new Set(['flows', 'firewall', 'vpn_firewall', 'cellular_firewall', 'bridge_anyconnect_client_vpn_firewall']);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

interface Header {
  ms: number;
  host: string;
  type: string;
  /** index of the body after the type word (at its leading space or the end) */
  body: number;
}

/**
 * Reads `1 <epoch>.<frac> <host> <type>` at the start of `s`; null when it is not that shape. An
 * epoch where RFC 5424 puts an ISO time is Meraki's own mark, so any type word is taken.
 */
function readHeader(s: string): Header | null {
  if (s.charCodeAt(0) !== 49 || s.charCodeAt(1) !== 32) return null;
  let p = 2;
  let secs = 0;
  while (p < 13 && isDigit(s.charCodeAt(p))) secs = secs * 10 + s.charCodeAt(p++) - 48;
  if (p - 2 < 9 || s.charCodeAt(p) !== 46) return null;
  p++;
  let frac = 0, scale = 100, nd = 0;
  while (isDigit(s.charCodeAt(p))) {
    if (scale >= 1) frac += (s.charCodeAt(p) - 48) * scale;
    scale /= 10;
    p++;
    nd++;
  }
  if (nd === 0 || s.charCodeAt(p) !== 32) return null;
  const hEnd = s.indexOf(' ', p + 1);
  if (hEnd < 0 || hEnd - p > 256) return null;
  let tEnd = s.indexOf(' ', hEnd + 1);
  if (tEnd < 0) tEnd = s.length;
  const type = s.slice(hEnd + 1, tEnd);
  if (type === '') return null;
  return { ms: secs * 1000 + Math.floor(frac), host: s.slice(p + 1, hEnd), type, body: tEnd };
}

function header(msg: SyslogMessage): Header | null {
  return readHeader(msg.message);
}

/** `1.2.3.4:80`, `[v6]:80` -> [ip, port]; a bare address gives no port. */
function splitHostPort(raw: string | undefined): [string | undefined, number | undefined] {
  if (raw === undefined || raw === '') return [undefined, undefined];
  const v: string = raw;
  if (isIp(raw)) return [raw, undefined];
  if (v.charCodeAt(0) === 91) {
    const end = v.indexOf(']');
    const ip = v.slice(1, end);
    const port = Number(v.slice(end + 2));
    return [isIp(ip) ? ip : undefined, Number.isInteger(port) && end + 2 < v.length ? port : undefined];
  }
  const c = v.lastIndexOf(':');
  if (c < 0) return [undefined, undefined];
  const ip = v.slice(0, c);
  const port = Number(v.slice(c + 1));
  return [isIp(ip) ? ip : undefined, Number.isInteger(port) && c + 1 < v.length ? port : undefined];
}

function mac(v: string): string {
  return v.replace(/[-:.]/g, '-');
}

function port(v: string | undefined): number | undefined {
  if (v === undefined || !/^\d{1,5}$/.test(v)) return undefined;
  return Number(v);
}

function setIp(doc: EcsDoc, path: string, v: string | undefined): void {
  if (v !== undefined && isIp(v)) setField(doc, path, v);
}

/** flows and the layer-3 firewall logs: `[allow|deny] src=.. dst=.. [mac=..] protocol=.. [sport dport] [pattern: ..]`. */
function flows(body: string, doc: EcsDoc): string | null {
  let rest = body;
  let pattern: string | undefined;
  const pi = body.indexOf(' pattern: ');
  if (pi >= 0) {
    pattern = body.slice(pi + 10);
    rest = body.slice(0, pi);
  }
  const first = rest.trimStart();
  const sp = first.indexOf(' ');
  const word = sp < 0 ? first : first.slice(0, sp);
  const op = word !== '' && word.indexOf('=') < 0 ? word : undefined;
  const kv = parseKv(rest);
  if (kv.src === undefined || kv.dst === undefined) return 'parse_flows';
  if (op !== undefined) set3(doc, 'cisco_meraki', 'flows', 'op', op);
  setIp(doc, 'source.ip', kv.src);
  setIp(doc, 'destination.ip', kv.dst);
  if (kv.mac !== undefined) set2(doc, 'source', 'mac', mac(kv.mac));
  set2(doc, 'network', 'protocol', kv.protocol);
  set2(doc, 'source', 'port', port(kv.sport));
  set2(doc, 'destination', 'port', port(kv.dport));
  if (pattern !== undefined && pattern !== '') {
    const s2 = pattern.indexOf(' ');
    if ((pattern.startsWith('allow') || pattern.startsWith('deny')) && s2 > 0) {
      set3(doc, 'cisco_meraki', 'firewall', 'action', pattern.slice(0, s2));
      set3(doc, 'cisco_meraki', 'firewall', 'rule', pattern.slice(s2 + 1));
    } else set3(doc, 'cisco_meraki', 'firewall', 'pattern', pattern);
  }
  setField(doc, 'cisco_meraki.event_subtype',
    op === undefined ? 'ip_session_initiated' : op === 'allow' ? 'flow_allowed' : op === 'deny' ? 'flow_denied' : undefined);
  return null;
}

/** urls: `src=ip:port dst=ip:port mac=.. [agent='..'] request: METHOD URL`. */
function urls(body: string, doc: EcsDoc): string | null {
  const ri = body.indexOf(' request: ');
  if (ri < 0) return 'parse_urls';
  let head = body.slice(0, ri);
  const req = body.slice(ri + 10);
  const ai = head.indexOf(' agent=');
  if (ai >= 0) {
    set2(doc, 'user_agent', 'original', head.slice(ai + 7));
    head = head.slice(0, ai);
  }
  const kv = parseKv(head);
  const [sip, sport] = splitHostPort(kv.src);
  const [dip, dport] = splitHostPort(kv.dst);
  set2(doc, 'source', 'ip', sip);
  set2(doc, 'source', 'port', sport);
  set2(doc, 'destination', 'ip', dip);
  if (dport !== 0) set2(doc, 'destination', 'port', dport);
  if (kv.mac !== undefined) set3(doc, 'cisco_meraki', 'urls', 'mac', mac(kv.mac));
  const sp = req.indexOf(' ');
  const method = sp < 0 ? req : req.slice(0, sp);
  const original = sp < 0 ? '' : req.slice(sp + 1);
  set3(doc, 'http', 'request', 'method', method);
  set2(doc, 'cisco_meraki', 'event_subtype', method.toLowerCase() === 'unknown' ? 'http_access_error' : 'http_access');
  if (original !== '') {
    const u = urlFields(original);
    if (u !== null) doc.url = u;
    else set2(doc, 'url', 'original', original);
  }
  return null;
}

/** ip_flow_start / ip_flow_end (MX NAT flow logs). */
function ipFlows(body: string, doc: EcsDoc): string | null {
  const kv = parseKv(body);
  const tsrc = kv.translated_src_ip, tdst = kv.translated_dst_ip;
  setIp(doc, 'source.ip', tsrc ?? kv.src);
  set2(doc, 'source', 'port', port(tsrc !== undefined ? kv.translated_port : kv.sport));
  setIp(doc, 'destination.ip', tdst ?? kv.dst);
  set2(doc, 'destination', 'port', port(tdst !== undefined ? kv.translated_port : kv.dport));
  set2(doc, 'network', 'protocol', kv.protocol);
  return kv.src === undefined ? 'parse_ip_flow' : null;
}

function epochIso(v: string | undefined): string | undefined {
  if (v === undefined || !/^\d{9,10}(\.\d+)?$/.test(v)) return undefined;
  return new Date(Math.floor(Number(v) * 1000)).toISOString();
}

/** ids-alerts and security_event ids_alerted: signature, priority, direction, src/dst, message. */
function ids(kv: KvMap, doc: EcsDoc, ns: string, description: string | undefined): void {
  setField(doc, ns + '.signature', kv.signature);
  setField(doc, ns + '.priority', kv.priority);
  set3(doc, 'threat', 'indicator', 'last_seen', epochIso(kv.timestamp));
  set2(doc, 'network', 'direction', kv.direction);
  if (kv.protocol !== undefined) set2(doc, 'network', 'protocol', kv.protocol.toLowerCase());
  const [sip, sport] = splitHostPort(kv.src);
  set2(doc, 'source', 'ip', sip);
  if (sport !== 0) set2(doc, 'source', 'port', sport);
  const [dip, dport] = splitHostPort(kv.dst);
  set2(doc, 'destination', 'ip', dip);
  if (dport !== 0) set2(doc, 'destination', 'port', dport);
  if (description !== undefined && description !== '') set3(doc, 'threat', 'indicator', 'description', description);
}

function splitMessage(body: string): [string, string | undefined] {
  const mi = body.indexOf(' message: ');
  return mi < 0 ? [body, undefined] : [body.slice(0, mi), body.slice(mi + 10)];
}

function security(body: string, doc: EcsDoc): string | null {
  const b = body.trimStart();
  const sp = b.indexOf(' ');
  const sub = sp < 0 ? b : b.slice(0, sp);
  if (sub === '') return 'parse_security_event';
  set2(doc, 'cisco_meraki', 'event_subtype', sub);
  set4(doc, 'cisco_meraki', 'mx', 'security_event', 'type', sub);
  const [head, description] = splitMessage(sp < 0 ? '' : b.slice(sp + 1));
  const kv = parseKv(head, 0, { singleQuotes: true });
  if (sub === 'ids_alerted') {
    ids(kv, doc, 'cisco_meraki.mx.security_event', description);
    if (kv.dhost !== undefined) set4(doc, 'cisco_meraki', 'mx', 'security_event', 'dhost', mac(kv.dhost));
    set4(doc, 'cisco_meraki', 'mx', 'security_event', 'decision', kv.decision);
  } else {
    const [sip, sport] = splitHostPort(kv.src);
    set2(doc, 'source', 'ip', sip);
    set2(doc, 'source', 'port', sport);
    const [dip, dport] = splitHostPort(kv.dst);
    set2(doc, 'destination', 'ip', dip);
    if (sub !== 'security_filtering_disposition_change' && dport !== 0) set2(doc, 'destination', 'port', dport);
    if (kv.mac !== undefined) set2(doc, 'source', 'mac', mac(kv.mac));
    set2(doc, 'url', 'original', kv.url);
    set2(doc, 'file', 'name', kv.name);
    set3(doc, 'file', 'hash', 'sha256', kv.sha256);
    set4(doc, 'cisco_meraki', 'mx', 'security_event', 'disposition', kv.disposition);
    set4(doc, 'cisco_meraki', 'mx', 'security_event', 'action', kv.action);
  }
  return null;
}

/** events / airmarshal_events: `type=<subtype> key='value' ...`. */
function typed(body: string, doc: EcsDoc): string | null {
  const kv = parseKv(body, 0, { singleQuotes: true });
  const t = kv.type;
  if (t === undefined || t === '') return 'unknown_event_type';
  set2(doc, 'cisco_meraki', 'event_subtype', t);
  if (kv.client_mac !== undefined) set2(doc, 'client', 'mac', mac(kv.client_mac).toUpperCase());
  return null;
}

export const parser: VendorParser = {
  id: 'cisco_meraki',
  dataset: 'cisco_meraki.log',
  samples: [
    '<134>1 1710403200.000000000 MX84 flows src=10.0.0.5 dst=10.9.9.9 mac=AA:BB:CC:00:11:22 protocol=tcp sport=50123 dport=443 pattern: allow all',
  ],
  detect(msg: SyslogMessage): boolean {
    const s = msg.message;
    return s.charCodeAt(0) === 49 && s.charCodeAt(1) === 32 && isDigit(s.charCodeAt(2)) && readHeader(s) !== null;
  },
  parse(msg: SyslogMessage, doc: EcsDoc, _ctx: VendorContext): string | null {
    void _ctx;
    const o = (doc.observer ??= {});
    o.vendor = 'Cisco';
    o.product = 'Meraki';
    const h = header(msg);
    if (h === null) return 'parse_header';
    doc['@timestamp'] = new Date(h.ms).toISOString();
    if (doc.event?.timezone !== undefined) delete doc.event.timezone;
    o.hostname = h.host;
    set2(doc, 'cisco_meraki', 'event_type', h.type);
    const body = msg.message.slice(h.body + 1);
    doc.message = body;
    let step: string | null;
    if (FLOW_TYPES.has(h.type)) step = flows(body, doc);
    else if (h.type === 'urls') step = urls(body, doc);
    else if (h.type === 'ip_flow_start' || h.type === 'ip_flow_end') step = ipFlows(body, doc);
    else if (h.type === 'ids-alerts') {
      const [head, description] = splitMessage(body);
      ids(parseKv(head), doc, 'cisco_meraki.security', description);
      set2(doc, 'cisco_meraki', 'event_subtype', 'ids_alerted');
      step = null;
    } else if (h.type === 'security_event') step = security(body, doc);
    else if (h.type === 'events' || h.type === 'airmarshal_events') step = typed(body, doc);
    else step = 'unknown_event_type';
    const ev = (doc.event ??= {});
    appendUnique(doc, 'event.category', 'network');
    appendUnique(doc, 'event.type', 'info');
    const sub = doc.cisco_meraki?.event_subtype as string | undefined;
    if (sub !== undefined) {
      const info = EVENT_MAP[sub];
      if (info === undefined) ev.action = sub;
      else {
        if (info.type) for (const t of info.type) appendUnique(doc, 'event.type', t);
        if (info.category) for (const c of info.category) appendUnique(doc, 'event.category', c);
        if (info.action !== undefined) ev.action = info.action;
      }
    }
    return step;
  },
};
