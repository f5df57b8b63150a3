/**
 * `type=event` logs (system, vpn, user, router, wireless, wad, endpoint, ha, sdwan, security-rating,
 * connector...), as Elastic's event pipeline maps them.
 */
import type { EcsDoc } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { appendUnique, getField, isIp, setField, toInt } from '../../src/ecs/fields.js';
import { applySteps, drop, take, type KvStep } from '../../src/ecs/kv-ops.js';
import { setFortiUrl } from './web-url.js';
import { addKey, type FortiKv } from './kv.js';

const LOGON = new Set(['FSSO-logon', 'auth-logon']);
const LOGOFF = new Set(['FSSO-logoff', 'auth-logout']);
const REMOVE = ['dstport', 'remport', 'rcvdbyte', 'sentbyte', 'srcport', 'locport', 'filesize', 'sess_duration'];

const EVENT: readonly KvStep[] = [
  ['rename', 'dstip', 'destination.ip'],
  ['rename?', 'remip', 'destination.ip'],
  ['long', 'dstport', 'destination.port'],
  ['long?', 'remport', 'destination.port'],
  ['long', 'rcvdbyte', 'destination.bytes'],
  ['rename', 'daddr', 'destination.address'],
  ['rename?', 'dst_host', 'destination.address'],
  ['rename', 'group', 'source.user.group.name'],
  ['long', 'sentbyte', 'source.bytes'],
  ['rename', 'srcip', 'source.ip'],
  ['rename?', 'locip', 'source.ip'],
  ['rename', 'srcmac', 'source.mac'],
  ['rename?', 'source_mac', 'source.mac'],
  ['long', 'srcport', 'source.port'],
  ['long?', 'locport', 'source.port'],
  ['rename', 'user', 'source.user.name'],
  ['rename', 'saddr', 'source.address'],
  ['rename', 'agent', 'user_agent.original'],
  ['rename', 'file', 'file.name'],
  ['long', 'filesize', 'file.size'],
  ['rename', 'level', 'log.level'],
  ['rename?', 'logid', 'event.code'],
  ['rename', 'msg', 'message'],
  ['rename', 'policyid', 'rule.id'],
  ['rename', 'proto', 'network.iana_number'],
  ['rename', 'error_num', 'error.code'],
  ['rename', 'logdesc', 'rule.description'],
];

function outcome(doc: EcsDoc, fw: KvMap): void {
  const action = fw.action;
  const status = fw.status;
  if (fw.result === 'ERROR' || status === 'negotiate_error' || status === 'failure') {
    setField(doc, 'event.outcome', 'failure');
  }
  if (fw.result === 'OK' || (action !== undefined && (LOGON.has(action) || LOGOFF.has(action)))) {
    setField(doc, 'event.outcome', 'success');
  }
}

function categorize(doc: EcsDoc, fw: KvMap): void {
  setField(doc, 'event.kind', 'event');
  outcome(doc, fw);
  const action = fw.action;
  const subtype = fw.subtype;
  if (action !== undefined && LOGON.has(action)) appendUnique(doc, 'event.type', 'start');
  if (action !== undefined && LOGOFF.has(action)) appendUnique(doc, 'event.type', 'end');
  if (subtype === 'vpn') {
    appendUnique(doc, 'event.type', 'connection');
    appendUnique(doc, 'event.category', 'network');
  }
  if (action === 'perf-stats') {
    appendUnique(doc, 'event.type', 'info');
    appendUnique(doc, 'event.category', 'host');
  }
  if (subtype === 'update') {
    appendUnique(doc, 'event.type', 'info');
    appendUnique(doc, 'event.category', 'host');
    appendUnique(doc, 'event.category', 'malware');
  }
  if (subtype === 'user') appendUnique(doc, 'event.category', 'authentication');
}

/** `addr` that is not an address is an address group (convert to ip, on failure rename). */
function addressGroup(kv: FortiKv): void {
  const fw = kv.fw;
  const addr = fw.addr;
  if (addr !== undefined && fw.addrgrp === undefined && !isIp(addr)) {
    delete fw.addr;
    addKey(kv, 'addrgrp', addr);
  }
}

/** For vpn logs remip (the peer) is the source and locip (the firewall) the destination. */
function swapVpnSides(doc: EcsDoc, fw: KvMap): void {
  const xauth = fw.xauthuser;
  if (xauth !== undefined && xauth !== '') setField(doc, 'source.user.name', xauth);
  const eap = fw.eapuser;
  if (eap !== undefined && eap !== '') setField(doc, 'source.user.name', eap);
  const src = doc.source as EcsDoc | undefined;
  const dst = doc.destination as EcsDoc | undefined;
  const user = src?.user;
  if (src !== undefined) delete src.user;
  if (dst !== undefined) doc.source = dst;
  else delete doc.source;
  if (src !== undefined && Object.keys(src).length !== 0) doc.destination = src;
  else delete doc.destination;
  if (user !== undefined) setField(doc, 'source.user', user);
}

export function mapEvent(doc: EcsDoc, kv: FortiKv): void {
  const fw = kv.fw;
  categorize(doc, fw);
  applySteps(doc, fw, EVENT);
  const service = take(fw, 'service');
  if (service !== undefined) setField(doc, 'network.protocol', service.toLowerCase());
  addressGroup(kv);
  const url = take(fw, 'url');
  if (url !== undefined) setFortiUrl(doc, url, undefined, undefined);
  const hostname = take(fw, 'hostname');
  if (hostname !== undefined) setField(doc, 'url.domain', hostname);
  if (getField(doc, 'event.duration') === undefined) setField(doc, 'event.duration', toInt(fw.sess_duration));
  drop(fw, REMOVE);
  if (fw.subtype === 'vpn') swapVpnSides(doc, fw);
}

/** Typed event fields Elastic converts. */
export function convertEventTypes(fw: KvMap, out: EcsDoc): void {
  if (fw.advpnsc !== undefined) out.advpnsc = fw.advpnsc !== '0';
  const mem = toInt(fw.mem);
  if (mem !== undefined) out.mem = mem;
  for (const k of ['jitter', 'latency'] as const) {
    const v = fw[k];
    if (v !== undefined && v !== '') {
      const f = Number.parseFloat(v);
      if (Number.isFinite(f)) out[k] = f;
    }
  }
}
