/**
 * LEEF attributes -> ECS by IBM QRadar's predefined LEEF keys (Elastic has no LEEF integration):
 * addresses and ports before and after NAT, MACs, bytes and packets, protocol, user and identity
 * keys, policy, URL, severity, login/logout, devTime with devTimeFormat; `leef.*` keeps the header
 * and every attribute as written.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { communityId } from '../../src/ecs/community-id.js';
import {
  appendUnique, getField, ianaNumber, isIp, relatedHost, relatedIp, relatedUser, setField, toInt, transportName,
} from '../../src/ecs/fields.js';
import { readDevTime } from './date-format.js';
import { isoTime as isoMs } from '../../src/ecs/base.js';
import type { VendorContext } from '../../src/core/stages.js';
import type { LeefEvent } from './decode.js';

function num(v: string | undefined): number | undefined {
  return v === undefined ? undefined : toInt(v);
}

function mac(v: string | undefined): string | undefined {
  if (v === undefined || !/^[0-9A-Fa-f]{2}([:.-]?[0-9A-Fa-f]{2}){5}$/.test(v)) return undefined;
  const hex = v.replace(/[:.-]/g, '').toUpperCase();
  return hex.match(/../g)!.join('-');
}

function truthy(v: string | undefined): boolean {
  return v !== undefined && /^(?:true|yes|1)$/i.test(v);
}

/** The identity keys: the host an identity event is about, and the user's role. */
function identity(x: Record<string, string>, doc: EcsDoc): void {
  if (isIp(x.identSrc)) {
    appendUnique(doc, 'host.ip', x.identSrc);
    relatedIp(doc, x.identSrc);
  }
  setField(doc, 'host.mac', mac(x.identMAC));
  setField(doc, 'host.hostname', x.identNetBios);
  relatedHost(doc, x.identNetBios);
  if (x.role !== undefined) appendUnique(doc, 'user.roles', x.role);
}

type Attrs = Record<string, string>;

/** `leef.*`: the header fields and every attribute as written. */
function namespace(ev: LeefEvent, doc: EcsDoc): void {
  const x = ev.attrs;
  const leef: EcsDoc = { version: ev.version };
  const device: EcsDoc = {};
  if (ev.vendor !== '') device.vendor = ev.vendor;
  if (ev.product !== '') device.product = ev.product;
  if (ev.productVersion !== '') device.version = ev.productVersion;
  if (Object.keys(device).length) leef.device = device;
  if (ev.eventId !== '') leef.event_id = ev.eventId;
  if (ev.delimiter !== '\t') leef.delimiter = ev.delimiter;
  const keys = ev.indexKey ? Object.keys(x) : ev.keys;
  if (keys.length) {
    const ext: EcsDoc = {};
    for (const k of keys) ext[k] = x[k];
    leef.extensions = ext;
  }
  doc.leef = leef;
}

/** Both ends before and after NAT, their MACs, byte and packet counts. */
function endpoints(x: Attrs, doc: EcsDoc): void {
  const src = x.src ?? x.srcPreNAT;
  const dst = x.dst ?? x.dstPreNAT;
  if (isIp(src)) setField(doc, 'source.ip', src);
  if (isIp(dst)) setField(doc, 'destination.ip', dst);
  setField(doc, 'source.port', num(x.srcPort ?? x.srcPreNATPort));
  setField(doc, 'destination.port', num(x.dstPort ?? x.dstPreNATPort));
  if (isIp(x.srcPostNAT) && x.srcPostNAT !== src) setField(doc, 'source.nat.ip', x.srcPostNAT);
  if (isIp(x.dstPostNAT) && x.dstPostNAT !== dst) setField(doc, 'destination.nat.ip', x.dstPostNAT);
  setField(doc, 'source.nat.port', num(x.srcPostNATPort));
  setField(doc, 'destination.nat.port', num(x.dstPostNATPort));
  setField(doc, 'source.mac', mac(x.srcMAC));
  setField(doc, 'destination.mac', mac(x.dstMAC));
  const sb = num(x.srcBytes), db = num(x.dstBytes);
  setField(doc, 'source.bytes', sb);
  setField(doc, 'destination.bytes', db);
  if (sb !== undefined && db !== undefined) setField(doc, 'network.bytes', sb + db);
  const sp = num(x.srcPackets), dp = num(x.dstPackets);
  setField(doc, 'source.packets', sp);
  setField(doc, 'destination.packets', dp);
  const tp = num(x.totalPackets);
  if (tp !== undefined) setField(doc, 'network.packets', tp);
  else if (sp !== undefined && dp !== undefined) setField(doc, 'network.packets', sp + dp);
}

/** `proto` as a name or an IANA number: network.transport and network.iana_number; the number. */
function protocol(x: Attrs, doc: EcsDoc): number | undefined {
  const proto = x.proto;
  if (proto === undefined) return undefined;
  let iana: number | undefined;
  if (/^\d{1,3}$/.test(proto)) {
    iana = Number(proto);
    setField(doc, 'network.transport', transportName(iana));
  } else {
    iana = ianaNumber(proto);
    setField(doc, 'network.transport', proto.toLowerCase());
  }
  if (iana !== undefined) setField(doc, 'network.iana_number', String(iana));
  return iana;
}

/** The user and identity keys, policy, URL, severity, login and logout. */
function userAndEvent(x: Attrs, doc: EcsDoc): void {
  const user = x.usrName ?? x.accountName;
  if (user !== undefined) {
    setField(doc, 'user.name', user);
    setField(doc, 'source.user.name', user);
  }
  setField(doc, 'user.domain', x.domain);
  setField(doc, 'user.group.name', x.identGrpName);
  setField(doc, 'group.id', x.groupID);
  setField(doc, 'rule.name', x.policy);
  setField(doc, 'url.original', x.url);
  setField(doc, 'host.name', x.identHostName);
  identity(x, doc);
  const sev = num(x.sev);
  if (sev !== undefined) setField(doc, 'event.severity', sev);
  if (truthy(x.isLoginEvent)) {
    setField(doc, 'event.category', ['authentication']);
    setField(doc, 'event.type', ['start']);
  } else if (truthy(x.isLogoutEvent)) {
    setField(doc, 'event.category', ['authentication']);
    setField(doc, 'event.type', ['end']);
  }
  relatedUser(doc, user);
  relatedHost(doc, x.identHostName);
}

/** `devTime` (with `devTimeFormat`) as @timestamp; a zone-less one read in the configured zone. */
function deviceTime(x: Attrs, doc: EcsDoc, ctx: VendorContext): void {
  const devTime = x.devTime;
  if (devTime === undefined) return;
  const t = readDevTime(devTime, x.devTimeFormat, ctx.timezone, ctx.receivedAt);
  if (Number.isNaN(t.ms)) return;
  doc['@timestamp'] = isoMs(t.ms);
  if (!t.hasZone) setField(doc, 'event.timezone', ctx.timezone);
}

/** related.ip and the flow's community id (ICMP with type and code 0). */
function flowIds(doc: EcsDoc, iana: number | undefined): void {
  relatedIp(doc, getField(doc, 'source.ip'));
  relatedIp(doc, getField(doc, 'source.nat.ip'));
  relatedIp(doc, getField(doc, 'destination.ip'));
  relatedIp(doc, getField(doc, 'destination.nat.ip'));
  const s = getField(doc, 'source.ip'), d = getField(doc, 'destination.ip');
  if (iana === undefined || !isIp(s) || !isIp(d)) return;
  const spt = getField(doc, 'source.port') as number | undefined;
  const dpt = getField(doc, 'destination.port') as number | undefined;
  const id = iana === 1 || iana === 58 ? communityId(s, d, iana, 0, 0) : communityId(s, d, iana, spt, dpt);
  setField(doc, 'network.community_id', id);
}

/** LEEF attributes -> ECS, step by step. */
export function leefToEcs(ev: LeefEvent, doc: EcsDoc, ctx: VendorContext): void {
  const x = ev.attrs;
  namespace(ev, doc);
  setField(doc, 'observer.vendor', ev.vendor);
  setField(doc, 'observer.product', ev.product);
  setField(doc, 'observer.version', ev.productVersion);
  setField(doc, 'event.code', ev.eventId);
  setField(doc, 'event.kind', 'event');
  endpoints(x, doc);
  const iana = protocol(x, doc);
  userAndEvent(x, doc);
  deviceTime(x, doc, ctx);
  flowIds(doc, iana);
}
