/**
 * The finishing steps both pipelines run after a message's own fields are read, in their order:
 * interfaces, outcome, users, security-event values, network names, numbers, addresses and NAT,
 * durations, user.name, URL parts, the vendor namespace, categorization, observer, related.* and
 * the community id.
 */
import type { EcsDoc } from '../../src/core/types.js';
import {
  appendUnique, getField, ianaNumber, isIp, relatedHost, relatedIp, relatedUser, setField, toInt, transportName,
} from '../../src/ecs/fields.js';
import { communityId } from '../../src/ecs/community-id.js';
import { setUrl } from '../../src/ecs/url.js';
import { isoTime } from '../../src/ecs/base.js';
import type { Work } from './work.js';
import { child, get2, get3, int2, int3, lowerKey } from './access.js';
import { endpointProfile, sideUsers, userName } from './users.js';
import { categorizeAsa, categorizeFtd } from './categorize.js';
import {
  DNS_CODES, DNS_TYPES, FTD_ACTION, FTD_FAILURE, FTD_OUTCOMES, FTD_SUCCESS, SEC_ACTIONS, SEC_EVENT_INTS, VENDOR_INTS,
} from './tables.js';

export function finish(w: Work): void {
  const ev = w.doc.event as EcsDoc;
  fixIfaceAddr(w, 'source', 'source_interface');
  fixIfaceAddr(w, 'destination', 'destination_interface');
  writtenOutcome(w, ev);
  sideUsers(w);
  securityEventValues(w, ev);
  networkNames(w.doc);
  outcomeAndAction(w, ev);
  convertNumbers(w);
  addressesAndNat(w);
  durations(w, ev);
  userName(w);
  urlParts(w.doc);
  vendorNamespace(w, ev);
  categorize(w, ev);
  observer(w);
  related(w);
  flowId(w.doc);
}

/** isIp without its type guard (a string that is not an address stays a string). */
function ipOk(s: string): boolean {
  return isIp(s);
}

/** `v1:outside` + `10.1.1.1`: an address captured with part of a colon-bearing interface name. */
function fixIfaceAddr(w: Work, side: 'source' | 'destination', ifKey: string): void {
  const o = w.doc[side] as EcsDoc | undefined;
  const a = o?.address;
  if (typeof a !== 'string' || ipOk(a) || a.indexOf(':') < 0) return;
  let i = a.indexOf(':');
  while (i >= 0) {
    const rest = a.slice(i + 1);
    if (isIp(rest)) {
      const iface = w.c[ifKey];
      w.c[ifKey] = (typeof iface === 'string' ? iface + ':' : '') + a.slice(0, i);
      o!.address = rest;
      return;
    }
    i = a.indexOf(':', i + 1);
  }
}

/** The outcome word a message wrote (`Deny`, `permitted`, `OK`): FTD keeps it as event.outcome. */
function writtenOutcome(w: Work, ev: EcsDoc): void {
  const ftd = w.flavor === 'ftd';
  const c = w.c;
  if (c.evout !== undefined) {
    if (ftd) ev.outcome = c.evout;
    delete c.evout;
  }
  if (!ftd) return;
  if (w.id !== '111004') {
    if (w.outcome !== undefined) ev.outcome = w.outcome;
    return;
  }
  if (w.outcome === 'OK') ev.outcome = 'success';
  else if (w.outcome === 'FAILED') ev.outcome = 'failure';
  ev.type = ['change'];
}

/** Security events: the endpoint profile, the action by id, DNS names, numbers, the first packet time. */
function securityEventValues(w: Work, ev: EcsDoc): void {
  const doc = w.doc;
  const c = w.c;
  const hostType = c._host_type as string | undefined;
  if (hostType !== undefined) {
    delete c._host_type;
    if (w.flavor === 'ftd') endpointProfile(doc, hostType);
  }
  const action = SEC_ACTIONS.get(w.id);
  if (action !== undefined) ev.action = action;
  const dns = doc.dns;
  if (dns !== null && typeof dns === 'object') {
    const dq = getField(doc, 'dns.question.type');
    const qt = typeof dq === 'string' ? DNS_TYPES.get(dq.toLowerCase()) : undefined;
    if (qt !== undefined) setField(doc, 'dns.question.type', qt);
    const dr = getField(doc, 'dns.response_code');
    const rc = typeof dr === 'string' ? DNS_CODES.get(dr.toLowerCase()) : undefined;
    if (rc !== undefined) setField(doc, 'dns.response_code', rc);
    if (dq !== undefined && getField(doc, 'dns.response_code') === undefined) setField(doc, 'dns.response_code', 'NOERROR');
  }
  const se = c.security_event as EcsDoc | undefined;
  if (se === undefined) return;
  for (const k of SEC_EVENT_INTS) if (se[k] !== undefined) { const n = toInt(se[k]); if (n !== undefined) se[k] = n; }
  if (typeof se.first_packet_second === 'string') {
    const t = Date.parse(se.first_packet_second);
    if (!Number.isNaN(t)) doc['@timestamp'] = isoTime(t);
  }
}

/** Lower-cased protocol names; iana_number from the transport (or the transport from a number). */
function networkNames(doc: EcsDoc): void {
  const file = doc.file;
  if (file !== null && typeof file === 'object') lowerKey(file as EcsDoc, 'type');
  const net = doc.network as EcsDoc | undefined;
  if (net === null || typeof net !== 'object') return;
  lowerKey(net, 'transport');
  lowerKey(net, 'protocol');
  lowerKey(net, 'application');
  lowerKey(net, 'direction');
  lowerKey(net, 'type');
  if (net.transport === undefined) return;
  const t = String(net.transport);
  const n = t === 'icmpv6' ? undefined : ianaNumber(t);
  if (n !== undefined) net.iana_number = String(n);
  else {
    const name = /^\d{1,3}$/.test(t) ? transportName(Number(t)) : undefined;
    if (name !== undefined) { net.iana_number = t; net.transport = name; }
  }
  if (net.transport === 'icmpv6') net.transport = 'ipv6-icmp';
}

/** event.outcome lower-cased; FTD's outcome and action by message id. */
function outcomeAndAction(w: Work, ev: EcsDoc): void {
  const ftd = w.flavor === 'ftd';
  if (typeof ev.outcome === 'string') {
    ev.outcome = ev.outcome.toLowerCase();
    if (ftd) ev.outcome = FTD_OUTCOMES.get(ev.outcome) ?? ev.outcome;
  }
  if (w.id === '419002') setField(w.doc, ftd ? 'network.protocol' : 'network.transport', 'tcp');
  if (w.id === '419002' && !ftd) setField(w.doc, 'network.iana_number', '6');
  if (!ftd) return;
  if (FTD_SUCCESS.has(w.id)) ev.outcome = 'success';
  else if (FTD_FAILURE.has(w.id)) ev.outcome = 'failure';
  if (w.id === '434002' || w.id === '434004') ev.outcome = 'unknown';
  const action = FTD_ACTION.get(w.id);
  if (action !== undefined) ev.action = action;
  if (w.id === '502103') { ev.type = ['group', 'change']; ev.category = ['iam']; }
}

/** The pipelines' convert processors: ports, bytes, packets, sizes, vendor counters. */
function convertNumbers(w: Work): void {
  const doc = w.doc;
  int2(doc, 'source', 'port', 'source.port');
  int2(doc, 'destination', 'port', 'destination.port');
  int2(doc, 'source', 'bytes', 'source.bytes');
  int2(doc, 'destination', 'bytes', 'destination.bytes');
  int2(doc, 'network', 'bytes', 'network.bytes');
  int2(doc, 'source', 'packets', 'source.packets');
  int2(doc, 'destination', 'packets', 'destination.packets');
  int3(doc, 'http', 'response', 'status_code', 'http.response.status_code');
  int2(doc, 'file', 'size', 'file.size');
  int2(doc, 'client', 'port', 'client.port');
  int2(doc, 'server', 'port', 'server.port');
  int3(doc, 'source', 'nat', 'port', 'source.nat.port');
  int3(doc, 'destination', 'nat', 'port', 'destination.nat.port');
  const c = w.c;
  for (const k of VENDOR_INTS) {
    if (c[k] !== undefined) { const n = toInt(c[k]); if (n === undefined) delete c[k]; else c[k] = n; }
  }
}

/** `.address` -> `.ip` or `.domain`. */
function addrToIp(doc: EcsDoc, side: string): void {
  const o = doc[side] as EcsDoc | undefined;
  const a = o?.address;
  if (typeof a !== 'string') return;
  if (isIp(a)) o!.ip = a;
  else if (a !== '' && o!.domain === undefined) o!.domain = a;
}

/** Addresses to ip/domain; mapped addresses to `*.nat.*` only where they differ; FTD network.bytes. */
function addressesAndNat(w: Work): void {
  const doc = w.doc;
  const c = w.c;
  addrToIp(doc, 'source');
  addrToIp(doc, 'destination');
  addrToIp(doc, 'client');
  addrToIp(doc, 'server');
  if (w.natsrc !== undefined) {
    if (isIp(w.natsrc)) c.mapped_source_ip = w.natsrc; else c.mapped_source_host = w.natsrc;
  }
  if (w.natdst !== undefined) {
    if (isIp(w.natdst)) c.mapped_destination_ip = w.natdst; else c.mapped_destination_host = w.natdst;
  }
  const src = doc.source as EcsDoc | undefined;
  const dst = doc.destination as EcsDoc | undefined;
  if (c.mapped_source_ip !== undefined && c.mapped_source_ip !== src?.ip) setField(doc, 'source.nat.ip', c.mapped_source_ip);
  if (c.mapped_source_port !== undefined && c.mapped_source_port !== src?.port) setField(doc, 'source.nat.port', c.mapped_source_port);
  if (c.mapped_destination_ip !== undefined && c.mapped_destination_ip !== dst?.ip) setField(doc, 'destination.nat.ip', c.mapped_destination_ip);
  if (c.mapped_destination_port !== undefined && c.mapped_destination_port !== dst?.port) {
    setField(doc, 'destination.nat.port', c.mapped_destination_port);
  }
  if (w.flavor !== 'ftd') return;
  const sb = get2(doc, 'source', 'bytes'), db = get2(doc, 'destination', 'bytes');
  if (typeof sb === 'number' && typeof db === 'number' && get2(doc, 'network', 'bytes') === undefined) {
    setField(doc, 'network.bytes', sb + db);
  }
}

function parseHms(s: string): number {
  let cur = 0, total = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) cur = cur * 10 + (c - 48);
    else if (c === 58) { total = (total + cur) * 60; cur = 0; }
  }
  return total + cur;
}

/** `h:mm:ss`, `1h:2m:3s` or seconds -> event.duration, with start and end around @timestamp. */
function durations(w: Work, ev: EcsDoc): void {
  if (ev.duration !== undefined && w.hms === undefined) w.hms = String(ev.duration);
  if (w.hms === undefined) return;
  const ts = Date.parse(String(w.doc['@timestamp'] ?? ''));
  const secs = parseHms(w.hms);
  ev.duration = secs * 1e9;
  if (Number.isNaN(ts)) return;
  if (w.flavor === 'ftd' && w.id === '430003') {
    ev.start = isoTime(ts);
    ev.end = isoTime(ts + secs * 1000);
  } else {
    ev.end = isoTime(ts);
    ev.start = isoTime(ts - secs * 1000);
  }
}

/** uri_parts on url.original; a url.domain set before stays beside the parsed one. */
function urlParts(doc: EcsDoc): void {
  const url = doc.url as EcsDoc | undefined;
  if (url === undefined || typeof url.original !== 'string') return;
  const prevDomain = url.domain;
  setUrl(url, url.original, false);
  if (typeof prevDomain === 'string' && prevDomain !== url.domain) appendUnique(doc, 'url.domain', prevDomain);
}

/** event.code, `list_id` as rule_name, FTD rule name and ruleset, then `cisco.asa` / `cisco.ftd`. */
function vendorNamespace(w: Work, ev: EcsDoc): void {
  const doc = w.doc;
  const c = w.c;
  const ftd = w.flavor === 'ftd';
  if (w.id !== '') ev.code = w.id;
  if (c.list_id !== undefined) { c.rule_name = c.list_id; delete c.list_id; }
  const se = c.security_event as EcsDoc | undefined;
  if (ftd && se !== undefined) {
    if (se.access_control_rule_name !== undefined) setField(doc, 'rule.name', se.access_control_rule_name);
    if (se.ac_policy !== undefined) setField(doc, 'rule.ruleset', se.ac_policy);
    else if (se.file_policy !== undefined) setField(doc, 'rule.ruleset', se.file_policy);
  }
  if (ftd && get2(doc, 'rule', 'ruleset') === undefined) {
    const ip = (c.security as EcsDoc | undefined)?.intrusion_policy;
    if (ip !== undefined) setField(doc, 'rule.ruleset', ip);
  }
  for (const k in c) {
    if (Object.prototype.hasOwnProperty.call(c, k)) { child(doc, 'cisco')[ftd ? 'ftd' : 'asa'] = c; break; }
  }
}

/** ASA by message id, FTD by action; a malware event is an alert only for a malware disposition. */
function categorize(w: Work, ev: EcsDoc): void {
  if (w.flavor === 'ftd') categorizeFtd(ev);
  else categorizeAsa(ev, w.id, w.outcome);
  if (w.id !== '430005') return;
  const c = w.c;
  const disp = (c.security_event as EcsDoc | undefined)?.sha_disposition ?? (c.security as EcsDoc | undefined)?.sha_disposition;
  if (disp === 'Malware' || disp === 'Custom Detection') ev.kind = 'alert';
  else appendUnique(w.doc, 'event.category', 'file');
}

function observer(w: Work): void {
  const doc = w.doc;
  const ftd = w.flavor === 'ftd';
  const hh = get2(doc, 'host', 'hostname');
  const ob = child(doc, 'observer');
  if (typeof hh === 'string' && hh !== '') ob.hostname = hh;
  ob.vendor = 'Cisco';
  ob.type = ftd ? 'idps' : 'firewall';
  ob.product = ftd ? 'ftd' : 'asa';
  const dif = w.c.destination_interface, sif = w.c.source_interface;
  if (typeof dif === 'string' && dif !== '') child(child(ob, 'egress'), 'interface').name = dif;
  if (typeof sif === 'string' && sif !== '') child(child(ob, 'ingress'), 'interface').name = sif;
}

/** relatedUser unless the name is masked (`*****`). */
function relUser(doc: EcsDoc, u: unknown): void {
  if (typeof u !== 'string' || u === '') return;
  let i = 0;
  while (i < u.length && u.charCodeAt(i) === 42) i++;
  if (i < u.length) relatedUser(doc, u);
}

function related(w: Work): void {
  const doc = w.doc;
  relatedIp(doc, get2(doc, 'source', 'ip'));
  relatedIp(doc, get3(doc, 'source', 'nat', 'ip'));
  relatedIp(doc, get2(doc, 'destination', 'ip'));
  relatedIp(doc, get3(doc, 'destination', 'nat', 'ip'));
  if (w.flavor === 'ftd') relatedIp(doc, (w.c.security_event as EcsDoc | undefined)?.encrypt_peer_ip);
  relUser(doc, get2(doc, 'user', 'name'));
  relUser(doc, get3(doc, 'server', 'user', 'name'));
  relUser(doc, get3(doc, 'source', 'user', 'name'));
  relUser(doc, get3(doc, 'destination', 'user', 'name'));
  const sha = get3(doc, 'file', 'hash', 'sha256');
  if (typeof sha === 'string' && sha !== '') appendUnique(doc, 'related.hash', sha);
  relatedHost(doc, get2(doc, 'host', 'hostname'));
  relatedHost(doc, get2(doc, 'observer', 'hostname'));
  relatedHost(doc, get2(doc, 'destination', 'domain'));
  relatedHost(doc, get2(doc, 'source', 'domain'));
  relatedHost(doc, get3(doc, 'source', 'user', 'domain'));
  relatedHost(doc, get3(doc, 'destination', 'user', 'domain'));
}

/** network.community_id for a flow with both addresses (not for ICMP, as the processor's ignore_failure leaves it). */
function flowId(doc: EcsDoc): void {
  const src = doc.source as EcsDoc | undefined;
  const dst = doc.destination as EcsDoc | undefined;
  const net = doc.network as EcsDoc | undefined;
  const iana = net?.iana_number !== undefined ? Number(net.iana_number) : NaN;
  if (typeof src?.ip !== 'string' || typeof dst?.ip !== 'string' || Number.isNaN(iana) || iana === 1 || iana === 58) return;
  const sp = typeof src.port === 'number' ? src.port : undefined;
  const dp = typeof dst.port === 'number' ? dst.port : undefined;
  const id = communityId(src.ip, dst.ip, iana, sp, dp);
  if (id !== undefined) setField(doc, 'network.community_id', id);
}
