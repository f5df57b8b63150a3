/**
 * A decoded CEF event -> `cef.*` and ECS, as Elastic's CEF decoder and the cef integration's
 * ingest pipeline do. Vendor sub-pipelines (Forcepoint here, Check Point in vendors/checkpoint)
 * run through the `vendorHook` at the point where Elastic's pipeline calls them.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { appendUnique, getField, ianaNumber, isIp, relatedHost, relatedIp, relatedUser, setField } from '../../src/ecs/fields.js';
import { communityId } from '../../src/ecs/community-id.js';
import type { CefEvent } from './decode.js';
import type { VendorContext } from '../../src/core/stages.js';
import { table, record } from '../../src/core/null-proto.js';

/** full extension name -> ECS field */
const ECS_TARGET = table<string>({
  agentAddress: 'agent.ip', agentDnsDomain: 'agent.name', agentHostName: 'agent.name', agentId: 'agent.id',
  agentMacAddress: 'agent.mac', agentReceiptTime: 'event.created', agentType: 'agent.type',
  agentVersion: 'agent.version', applicationProtocol: 'network.application', bytesIn: 'source.bytes',
  bytesOut: 'destination.bytes', customerExternalID: 'organization.id', customerURI: 'organization.name',
  destinationAddress: 'destination.ip', destinationDnsDomain: 'destination.domain',
  destinationGeoLatitude: 'destination.geo.location.lat', destinationGeoLongitude: 'destination.geo.location.lon',
  destinationHostName: 'destination.domain', destinationMacAddress: 'destination.mac', destinationPort: 'destination.port',
  destinationProcessId: 'destination.process.pid', destinationProcessName: 'destination.process.name',
  destinationServiceName: 'destination.service.name', destinationTranslatedAddress: 'destination.nat.ip',
  destinationTranslatedPort: 'destination.nat.port', destinationUserId: 'destination.user.id',
  destinationUserName: 'destination.user.name', destinationUserPrivileges: 'destination.user.group.name',
  deviceAction: 'event.action', deviceAddress: 'observer.ip', deviceDnsDomain: 'observer.hostname',
  deviceHostName: 'observer.hostname', deviceMacAddress: 'observer.mac', devicePayloadId: 'event.id',
  deviceProcessId: 'process.pid', deviceProcessName: 'process.name', deviceReceiptTime: '@timestamp',
  deviceTimeZone: 'event.timezone', endTime: 'event.end', eventId: 'event.id', eventOutcome: 'event.outcome',
  fileCreateTime: 'file.created', fileId: 'file.inode', fileModificationTime: 'file.mtime', filename: 'file.name',
  filePath: 'file.path', filePermission: 'file.group', fileSize: 'file.size', fileType: 'file.type',
  message: 'message', requestClientApplication: 'user_agent.original', requestMethod: 'http.request.method',
  requestUrl: 'url.original', sourceAddress: 'source.ip', sourceDnsDomain: 'source.domain',
  sourceGeoLatitude: 'source.geo.location.lat', sourceGeoLongitude: 'source.geo.location.lon',
  sourceHostName: 'source.domain', sourceMacAddress: 'source.mac', sourcePort: 'source.port',
  sourceProcessId: 'source.process.pid', sourceProcessName: 'source.process.name',
  sourceServiceName: 'source.service.name', sourceTranslatedAddress: 'source.nat.ip',
  sourceTranslatedPort: 'source.nat.port', sourceUserId: 'source.user.id', sourceUserName: 'source.user.name',
  sourceUserPrivileges: 'source.user.group.name', startTime: 'event.start', type: 'event.kind',
});
/** keys written after the others so they win over their synonyms */
const LATE = new Set(['agentHostName', 'deviceHostName', 'destinationHostName', 'sourceHostName', 'eventId']);

/** IANA number of a transport written as a name (`tcp`) or a number (`6`). */
export function ianaOf(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v < 256 ? v : undefined;
  if (typeof v !== 'string' || v === '') return undefined;
  if (/^\d{1,3}$/.test(v)) {
    const n = Number(v);
    return n < 256 ? n : undefined;
  }
  return ianaNumber(v);
}

/** CEF severity (`Low`, `7`...) as a number, as Elastic's decoder maps it. */
export function cefSeverity(sev: string): number | undefined {
  switch (sev.toLowerCase()) {
    case 'low': return 0;
    case 'medium': return 4;
    case 'high': return 7;
    case 'very-high': return 9;
    default: {
      if (!/^-?\d{1,9}$/.test(sev)) return undefined;
      return Number(sev);
    }
  }
}

function mapExtension(doc: EcsDoc, key: string, v: string | number): void {
  if (key === 'deviceDirection') {
    if (v === 0) setField(doc, 'network.direction', 'inbound');
    else if (v === 1) setField(doc, 'network.direction', 'outbound');
    return;
  }
  if (key === 'requestContext') {
    if (typeof v === 'string' && v.startsWith('http')) setField(doc, 'http.request.referrer', v);
    return;
  }
  if (key === 'transportProtocol') {
    setField(doc, 'network.transport', String(v).toLowerCase());
    return;
  }
  const target = ECS_TARGET[key];
  if (target !== undefined) setField(doc, target, v);
}

export type CefVendorHook = (ev: CefEvent, doc: EcsDoc) => void;

/** The decoder's `cef.*` object: version, device, name, severity and the extensions by full name. */
function namespace(ev: CefEvent, extKeys: readonly string[]): EcsDoc {
  const cef: EcsDoc = { version: String(ev.version) };
  const device: EcsDoc = {};
  if (ev.vendor !== '') device.vendor = ev.vendor;
  if (ev.product !== '') device.product = ev.product;
  if (ev.deviceVersion !== '') device.version = ev.deviceVersion;
  if (ev.classId !== '') device.event_class_id = ev.classId;
  if (Object.keys(device).length) cef.device = device;
  if (ev.name !== '') cef.name = ev.name;
  if (ev.severity !== '') cef.severity = ev.severity;
  if (extKeys.length) {
    const ext: EcsDoc = record();
    for (const k of extKeys) if (k !== '_cefVer') ext[k] = ev.ext[k];
    if (Object.keys(ext).length) cef.extensions = ext;
  }
  return cef;
}

/** The decoder's ECS fields: the header, then every extension (synonyms that must win go last). */
function decoderEcs(ev: CefEvent, doc: EcsDoc, extKeys: readonly string[]): void {
  setField(doc, 'observer.vendor', ev.vendor);
  setField(doc, 'observer.product', ev.product);
  setField(doc, 'observer.version', ev.deviceVersion);
  setField(doc, 'event.code', ev.classId);
  if (ev.name !== '') doc.message = ev.name;
  const sev = cefSeverity(ev.severity);
  if (sev !== undefined) setField(doc, 'event.severity', sev);
  for (const k of extKeys) if (!LATE.has(k)) mapExtension(doc, k, ev.ext[k]!);
  for (const k of extKeys) if (LATE.has(k)) mapExtension(doc, k, ev.ext[k]!);
  if (ev.errors.length) setField(doc, 'error.message', ev.errors.length === 1 ? ev.errors[0] : ev.errors.slice());
}

/** The pipeline's related.* appends. */
function related(ev: CefEvent, doc: EcsDoc): void {
  const eventId = getField(doc, 'event.id');
  if (typeof eventId === 'number') doc.event.id = String(eventId);
  const fileHash = ev.ext.fileHash;
  if (fileHash !== undefined) appendUnique(doc, 'related.hash', String(fileHash));
  const oldHash = ev.ext.oldFileHash;
  if (oldHash !== undefined) appendUnique(doc, 'related.hash', String(oldHash));
  relatedIp(doc, getField(doc, 'destination.ip'));
  relatedIp(doc, getField(doc, 'destination.nat.ip'));
  relatedIp(doc, getField(doc, 'source.ip'));
  relatedIp(doc, getField(doc, 'source.nat.ip'));
  relatedUser(doc, getField(doc, 'destination.user.name'));
  relatedUser(doc, getField(doc, 'source.user.name'));
  relatedHost(doc, getField(doc, 'observer.hostname'));
}

/** The community id of the 5-tuple; ICMP type/code stand for the ports (0/0 when unknown, as Elastic). */
function flowId(doc: EcsDoc): void {
  const sip = getField(doc, 'source.ip'), dip = getField(doc, 'destination.ip');
  if (!isIp(sip) || !isIp(dip) || getField(doc, 'network.community_id') !== undefined) return;
  const proto = ianaOf(getField(doc, 'network.transport') ?? getField(doc, 'network.iana_number'));
  if (proto === undefined) return;
  let sp = getField(doc, 'source.port') as number | undefined;
  let dp = getField(doc, 'destination.port') as number | undefined;
  if (proto === 1 || proto === 58) {
    sp = 0;
    dp = 0;
  }
  const id = communityId(sip, dip, proto, typeof sp === 'number' ? sp : undefined, typeof dp === 'number' ? dp : undefined);
  if (id !== undefined) setField(doc, 'network.community_id', id);
}

/** MACs as `AA-BB-...`, observer.ip as an array, categoryOutcome as event.outcome. */
function normalise(ev: CefEvent, doc: EcsDoc): void {
  for (const f of ['destination.mac', 'source.mac']) {
    const m = getField(doc, f);
    if (typeof m === 'string') setField(doc, f, m.replace(/[:.]/g, '-').toUpperCase());
  }
  const oip = getField(doc, 'observer.ip');
  if (oip !== undefined && !Array.isArray(oip)) doc.observer.ip = [oip];
  const co = ev.ext.categoryOutcome;
  if (co === '/Success') setField(doc, 'event.outcome', 'success');
  else if (co === '/Failure') setField(doc, 'event.outcome', 'failure');
}

/**
 * Writes `cef.*` and the ECS fields of a decoded event into `doc`. `vendorHook` runs where Elastic's
 * pipeline calls its vendor sub-pipelines.
 */
export function cefToEcs(ev: CefEvent, doc: EcsDoc, ctx: VendorContext, vendorHook: CefVendorHook | null): void {
  const extKeys = ev.extIndexKey ? Object.keys(ev.ext) : ev.extKeys;
  doc.cef = namespace(ev, extKeys);
  decoderEcs(ev, doc, extKeys);
  related(ev, doc);
  if (ev.vendor === 'FORCEPOINT') forcepoint(ev, doc);
  if (vendorHook !== null) vendorHook(ev, doc);
  flowId(doc);
  normalise(ev, doc);
  void ctx;
}

/** Elastic's Forcepoint NGFW sub-pipeline: custom strings to rule / vulnerability fields. */
function forcepoint(ev: CefEvent, doc: EcsDoc): void {
  const e = ev.ext;
  if (e.deviceCustomString1 !== undefined) setField(doc, 'rule.id', String(e.deviceCustomString1));
  if (e.deviceCustomString2 !== undefined) setField(doc, 'rule.id', String(e.deviceCustomString2));
  if (e.deviceCustomString3 !== undefined) setField(doc, 'vulnerability.reference', String(e.deviceCustomString3));
  if (e.deviceCustomString4 !== undefined) setField(doc, 'cef.forcepoint.virus_id', String(e.deviceCustomString4));
}
