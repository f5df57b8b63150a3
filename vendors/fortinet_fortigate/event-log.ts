/** `type=event` logs (system, user, vpn, router, wireless, ha, sdwan...), as Elastic maps them. */
import type { EcsDoc } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { appendUnique, getField, isIp, setField } from '../../src/ecs/fields.js';
import { drop, long, mv, num, take } from './ops.js';
import { applyUrl } from './url.js';
import { addKey } from './kv.js';

const LOGON = new Set(['FSSO-logon', 'auth-logon']);
const LOGOFF = new Set(['FSSO-logoff', 'auth-logout']);
const REMOVE = ['dstport', 'remport', 'rcvdbyte', 'sentbyte', 'srcport', 'locport', 'filesize', 'sess_duration'];

export function mapEvent(doc: EcsDoc, fw: KvMap): void {
  setField(doc, 'event.kind', 'event');
  const action = fw.action;
  const subtype = fw.subtype;
  const status = fw.status;
  if (fw.result === 'ERROR' || status === 'negotiate_error' || status === 'failure') {
    setField(doc, 'event.outcome', 'failure');
  }
  if (fw.result === 'OK' || (action !== undefined && (LOGON.has(action) || LOGOFF.has(action)))) {
    setField(doc, 'event.outcome', 'success');
  }
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

  mv(doc, fw, 'dstip', 'destination.ip');
  mv(doc, fw, 'remip', 'destination.ip', true);
  num(doc, fw, 'dstport', 'destination.port');
  num(doc, fw, 'remport', 'destination.port', true);
  num(doc, fw, 'rcvdbyte', 'destination.bytes');
  mv(doc, fw, 'daddr', 'destination.address');
  mv(doc, fw, 'dst_host', 'destination.address', true);
  mv(doc, fw, 'group', 'source.user.group.name');
  num(doc, fw, 'sentbyte', 'source.bytes');
  mv(doc, fw, 'srcip', 'source.ip');
  mv(doc, fw, 'locip', 'source.ip', true);
  mv(doc, fw, 'srcmac', 'source.mac');
  mv(doc, fw, 'source_mac', 'source.mac', true);
  num(doc, fw, 'srcport', 'source.port');
  num(doc, fw, 'locport', 'source.port', true);
  mv(doc, fw, 'user', 'source.user.name');
  mv(doc, fw, 'saddr', 'source.address');
  mv(doc, fw, 'agent', 'user_agent.original');
  mv(doc, fw, 'file', 'file.name');
  num(doc, fw, 'filesize', 'file.size');
  mv(doc, fw, 'level', 'log.level');
  mv(doc, fw, 'logid', 'event.code', true);
  mv(doc, fw, 'msg', 'message');
  mv(doc, fw, 'policyid', 'rule.id');
  mv(doc, fw, 'proto', 'network.iana_number');
  const service = take(fw, 'service');
  if (service !== undefined) setField(doc, 'network.protocol', service.toLowerCase());
  mv(doc, fw, 'error_num', 'error.code');
  mv(doc, fw, 'logdesc', 'rule.description');
  const addr = fw.addr;
  if (addr !== undefined && fw.addrgrp === undefined && !isIp(addr)) {
    delete fw.addr;
    addKey(fw, 'addrgrp', addr);
  }
  const url = take(fw, 'url');
  if (url !== undefined) applyUrl(doc, url, undefined, undefined);
  const hostname = take(fw, 'hostname');
  if (hostname !== undefined) setField(doc, 'url.domain', hostname);
  if (getField(doc, 'event.duration') === undefined) {
    const d = long(fw.sess_duration);
    if (d !== undefined) setField(doc, 'event.duration', d);
  }
  if (subtype === 'vpn') {
    const xauth = fw.xauthuser;
    if (xauth !== undefined && xauth !== '') setField(doc, 'source.user.name', xauth);
    const eap = fw.eapuser;
    if (eap !== undefined && eap !== '') setField(doc, 'source.user.name', eap);
  }
  drop(fw, REMOVE);
  // for vpn logs remip (the peer) is the source and locip (the firewall) the destination
  if (subtype === 'vpn') {
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
}

/** Typed event fields Elastic converts. */
export function convertEventTypes(fw: KvMap, out: EcsDoc): void {
  if (fw.advpnsc !== undefined) out.advpnsc = fw.advpnsc !== '0';
  const mem = long(fw.mem);
  if (mem !== undefined) out.mem = mem;
  for (const k of ['jitter', 'latency'] as const) {
    const v = fw[k];
    if (v !== undefined && v !== '') {
      const f = Number.parseFloat(v);
      if (Number.isFinite(f)) out[k] = f;
    }
  }
}
