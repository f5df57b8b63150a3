/**
 * Per `log_type` mapping (Firewall, IDP, ATP, Anti-Virus, Sandbox, Content Filtering, Event, WAF,
 * Anti-Spam, System Health, Wireless Protection), as Elastic's sophos xg sub-pipelines do it.
 */
import type { EcsDoc } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { appendUnique, getField, isIp, setField, toInt } from '../../src/ecs/fields.js';
import { append, applySteps, move, take, type KvStep } from '../../src/ecs/kv-ops.js';
import { setUrl } from '../../src/ecs/url.js';

const ZONES = new Set(['LAN', 'DMZ', 'VPN', 'WiFi']);
const FW_ALERT = new Set(['03001', '05001', '05151', '00003', '00004']);
const IDP_ALERT = new Set(['06001', '06002', '07001', '07002']);
const SPAM_ALERT = new Set(['13001', '13002', '13004', '13005', '13006', '13009', '13012', '13014', '14001', '14002', '15001', '15002']);
const SPAM_ALLOWED = new Set(['13003', '13007', '13008', '13010', '13013', '14003', '15003', '18035']);
const VPN_CLIENTS = new Set(['SSLVPN', 'IPSec', 'Thin Client', 'Radius SSO']);
const AUTH_START = new Set(['17701', '17704', '17707', '17710', '17713']);
const AUTH_END = new Set(['17703', '17706', '17709', '17712', '17715']);

function actionFromSubtype(doc: EcsDoc, xg: KvMap, lowerCase: boolean): void {
  const st = xg.log_subtype;
  if (st === undefined) return;
  setField(doc, 'event.action', lowerCase ? st.toLowerCase() : st);
  setField(doc, 'event.outcome', 'success');
}

function transport(doc: EcsDoc, xg: KvMap): void {
  const p = take(xg, 'protocol');
  if (p !== undefined) setField(doc, 'network.transport', p.toLowerCase());
}

const ENDPOINTS: readonly KvStep[] = [
  ['rename', 'dst_ip', 'destination.ip'],
  ['renameLong', 'dst_port', 'destination.port'],
  ['rename', 'src_ip', 'source.ip'],
  ['renameLong', 'src_port', 'source.port'],
];

function endpoints(doc: EcsDoc, xg: KvMap, serverClient: boolean): void {
  applySteps(doc, xg, ENDPOINTS);
  if (serverClient) {
    const d = getField(doc, 'destination.ip'), dp = getField(doc, 'destination.port');
    const s = getField(doc, 'source.ip'), sp = getField(doc, 'source.port');
    if (d !== undefined) setField(doc, 'server.ip', d);
    if (dp !== undefined) setField(doc, 'server.port', dp);
    if (s !== undefined) setField(doc, 'client.ip', s);
    if (sp !== undefined) setField(doc, 'client.port', sp);
  }
}

/** url -> url.original; an absolute one also into its parts and `url.full` (uri_parts). */
function urlParts(doc: EcsDoc, url: string): void {
  let at = doc.url as EcsDoc | undefined;
  if (at === undefined || at === null || typeof at !== 'object') doc.url = at = {};
  at.original = url;
  if (url.indexOf('://') < 0) return;
  setUrl(at, url);
  at.full = url;
}

/** The value at `path`, lower-cased. */
function lower(doc: EcsDoc, path: string): void {
  const v = getField(doc, path);
  if (typeof v === 'string') setField(doc, path, v.toLowerCase());
}

function emails(doc: EcsDoc, xg: KvMap): void {
  move(doc, xg, 'from_email_address', 'source.user.email');
  move(doc, xg, 'to_email_address', 'destination.user.email');
  append(doc, 'email.from.address', getField(doc, 'source.user.email'));
  append(doc, 'email.to.address', getField(doc, 'destination.user.email'));
  if (xg.email_subject !== undefined) setField(doc, 'email.subject', xg.email_subject);
  else if (xg.subject !== undefined) setField(doc, 'email.subject', xg.subject);
}

const FIREWALL: readonly KvStep[] = [
  ['rename', 'dst_ip', 'destination.ip'],
  ['rename', 'tran_dst_ip', 'destination.nat.ip'],
  ['rename?', 'dst_trans_ip', 'destination.nat.ip'],
  ['rename', 'destinationip', 'destination.ip'],
  ['renameLong', 'dst_port', 'destination.port'],
  ['renameLong', 'tran_dst_port', 'destination.nat.port'],
  ['renameLong?', 'dst_trans_port', 'destination.nat.port'],
  ['renameLong', 'recv_pkts', 'destination.packets'],
  ['renameLong', 'packets_received', 'destination.packets'],
  ['renameLong', 'recv_bytes', 'destination.bytes'],
  ['renameLong?', 'bytes_received', 'destination.bytes'],
  ['rename', 'src_ip', 'source.ip'],
  ['rename', 'tran_src_ip', 'source.nat.ip'],
  ['rename', 'src_trans_ip', 'source.nat.ip'],
  ['rename', 'sourceip', 'source.ip'],
  ['renameLong', 'src_port', 'source.port'],
  ['renameLong', 'tran_src_port', 'source.nat.port'],
  ['renameLong?', 'src_trans_port', 'source.nat.port'],
  ['rename', 'src_mac', 'source.mac'],
  ['rename', 'dst_mac', 'destination.mac'],
  ['renameLong', 'sent_pkts', 'source.packets'],
  ['renameLong', 'packets_sent', 'source.packets'],
  ['renameLong', 'sent_bytes', 'source.bytes'],
  ['renameLong?', 'bytes_sent', 'source.bytes'],
  ['rename', 'user_name', 'source.user.name'],
  ['rename', 'user_gp', 'source.user.group.name'],
  ['rename?', 'user_group', 'source.user.group.name'],
  ['rename?', 'fw_rule_id', 'rule.id'],
  ['rename?', 'fw_rule_name', 'rule.name'],
  ['rename', 'policy_type', 'rule.ruleset'],
];

export function firewall(doc: EcsDoc, xg: KvMap): void {
  setField(doc, 'event.kind', 'event');
  actionFromSubtype(doc, xg, true);
  const code = doc.event?.code as string | undefined;
  if (code !== undefined && FW_ALERT.has(code)) {
    setField(doc, 'event.kind', 'alert');
    appendUnique(doc, 'event.category', 'intrusion_detection');
  }
  appendUnique(doc, 'event.category', 'network');
  const ce = xg.connevent ?? xg.con_event;
  if (ce === 'Start' || ce === 'Interim') for (const t of ['start', 'allowed', 'connection']) append(doc, 'event.type', t);
  if (ce === 'Stop') for (const t of ['end', 'allowed', 'connection']) append(doc, 'event.type', t);
  if (xg.status === 'Deny') for (const t of ['denied', 'connection']) append(doc, 'event.type', t);

  applySteps(doc, xg, FIREWALL);
  const app = take(xg, 'application');
  if (app !== undefined) setField(doc, 'network.protocol', app.toLowerCase());
  transport(doc, xg);
  const inZ = getField(doc, 'observer.ingress.zone'), outZ = getField(doc, 'observer.egress.zone');
  const inL = typeof inZ === 'string' && ZONES.has(inZ), outL = typeof outZ === 'string' && ZONES.has(outZ);
  if (outL && inZ === 'WAN') setField(doc, 'network.direction', 'inbound');
  if (inL && outZ === 'WAN') setField(doc, 'network.direction', 'outbound');
  if (inL && outL) setField(doc, 'network.direction', 'internal');
  if (inZ === 'WAN' && outZ === 'WAN') setField(doc, 'network.direction', 'external');
}

const IDP: readonly KvStep[] = [
  ['rename', 'user_name', 'source.user.name'],
  ['rename', 'signature_id', 'rule.id'],
  ['rename', 'signature_msg', 'rule.name'],
  ['rename', 'classification', 'rule.category'],
];

export function idp(doc: EcsDoc, xg: KvMap): void {
  setField(doc, 'event.kind', 'alert');
  actionFromSubtype(doc, xg, true);
  const code = doc.event?.code as string | undefined;
  if (code !== undefined && IDP_ALERT.has(code)) {
    appendUnique(doc, 'event.category', 'intrusion_detection');
    appendUnique(doc, 'event.category', 'network');
    for (const t of ['denied', 'connection']) append(doc, 'event.type', t);
  }
  endpoints(doc, xg, true);
  applySteps(doc, xg, IDP);
  transport(doc, xg);
}

const ATP: readonly KvStep[] = [
  ['rename', 'eventid', 'event.id'],
  ['rename', 'destinationip', 'destination.ip'],
  ['rename?', 'dst_ip', 'destination.ip'],
  ['renameLong', 'dst_port', 'destination.port'],
  ['rename', 'sourceip', 'source.ip'],
  ['rename', 'src_ip', 'source.ip'],
  ['renameLong', 'src_port', 'source.port'],
  ['rename', 'user_name', 'source.user.name'],
];

export function atp(doc: EcsDoc, xg: KvMap): void {
  setField(doc, 'event.kind', 'alert');
  actionFromSubtype(doc, xg, true);
  const code = doc.event?.code as string | undefined;
  if (code === '18009' || code === '18010') {
    appendUnique(doc, 'event.category', 'intrusion_detection');
    appendUnique(doc, 'event.category', 'network');
    for (const t of ['denied', 'connection']) append(doc, 'event.type', t);
  }
  applySteps(doc, xg, ATP);
  const url = take(xg, 'url');
  if (url !== undefined) urlParts(doc, url);
  transport(doc, xg);
}

const ANTIVIRUS: readonly KvStep[] = [
  ['rename', 'dst_ip', 'destination.ip'],
  ['renameLong', 'dst_port', 'destination.port'],
  ['rename', 'dstdomain', 'destination.domain'],
  ['rename', 'dst_domainname', 'destination.domain'],
  ['rename', 'src_ip', 'source.ip'],
  ['renameLong', 'src_port', 'source.port'],
  ['rename', 'user_name', 'source.user.name'],
  ['rename', 'src_domainname', 'source.domain'],
];

const ANTIVIRUS_2: readonly KvStep[] = [
  ['rename', 'domainname', 'url.domain'],
  ['rename', 'user_agent', 'user_agent.original'],
  ['renameLong', 'status_code', 'http.response.status_code'],
  ['rename', 'filename', 'file.name'],
  ['renameLong', 'file_size', 'file.size'],
  ['rename', 'file_path', 'file.directory'],
];

export function antivirus(doc: EcsDoc, xg: KvMap): void {
  setField(doc, 'event.kind', 'alert');
  actionFromSubtype(doc, xg, false);
  if (xg.log_subtype === 'Virus') {
    appendUnique(doc, 'event.category', 'malware');
    appendUnique(doc, 'event.category', 'network');
    for (const t of ['info', 'denied', 'connection']) append(doc, 'event.type', t);
  }
  if (doc.event?.code === '09002') {
    setField(doc, 'event.kind', 'event');
    for (const t of ['allowed', 'connection']) append(doc, 'event.type', t);
    appendUnique(doc, 'event.category', 'network');
  }
  applySteps(doc, xg, ANTIVIRUS);
  emails(doc, xg);
  move(doc, xg, 'fw_rule_id', 'rule.id', true);
  const url = take(xg, 'url');
  if (url !== undefined) urlParts(doc, url);
  applySteps(doc, xg, ANTIVIRUS_2);
  transport(doc, xg);
  if (xg.log_component !== undefined) setField(doc, 'network.protocol', xg.log_component.toLowerCase());
}

const SANDBOX: readonly KvStep[] = [
  ['rename', 'filename', 'file.name'],
  ['renameLong', 'filesize', 'file.size'],
  ['rename', 'filetype', 'file.mime_type'],
];

export function sandbox(doc: EcsDoc, xg: KvMap): void {
  setField(doc, 'event.kind', 'event');
  actionFromSubtype(doc, xg, false);
  const st = xg.log_subtype;
  if (st === 'Denied') {
    setField(doc, 'event.kind', 'alert');
    appendUnique(doc, 'event.category', 'malware');
  }
  appendUnique(doc, 'event.category', 'network');
  if (st === 'Allowed') append(doc, 'event.type', 'allowed');
  if (xg.reason === 'pending') for (const t of ['start', 'connection']) append(doc, 'event.type', t);
  if (xg.reason === 'eligible') for (const t of ['end', 'connection']) append(doc, 'event.type', t);
  if (st === 'Denied') for (const t of ['denied', 'connection']) append(doc, 'event.type', t);
  if (xg.log_component === 'Web') move(doc, xg, 'source', 'url.domain');
  move(doc, xg, 'src_ip', 'source.ip');
  move(doc, xg, 'user_name', 'source.user.name');
  const dom = getField(doc, 'url.domain');
  if (typeof dom === 'string') setField(doc, isIp(dom) ? 'destination.ip' : 'destination.domain', dom);
  applySteps(doc, xg, SANDBOX);
  const sum = xg.sha1sum;
  if (sum !== undefined && (sum.length === 40 || sum.length === 64)) {
    delete xg.sha1sum;
    setField(doc, sum.length === 40 ? 'file.hash.sha1' : 'file.hash.sha256', sum);
  }
  delete xg.sha1sum;
}

const CONTENT_FILTER: readonly KvStep[] = [
  ['rename', 'user_name', 'source.user.name'],
  ['rename', 'user_gp', 'source.user.group.name'],
  ['rename', 'url', 'url.full'],
  ['rename', 'domain', 'url.domain'],
  ['rename', 'referer', 'http.request.referrer'],
  ['renameLong', 'status_code', 'http.response.status_code'],
  ['rename', 'user_agent', 'user_agent.original'],
];

export function contentFilter(doc: EcsDoc, xg: KvMap): void {
  setField(doc, 'event.kind', 'event');
  actionFromSubtype(doc, xg, true);
  const st = xg.log_subtype;
  if (st === 'Denied') {
    setField(doc, 'event.kind', 'alert');
    appendUnique(doc, 'event.category', 'malware');
  }
  appendUnique(doc, 'event.category', 'network');
  if (st === 'Allowed' || st === 'Warned') for (const t of ['allowed', 'connection']) append(doc, 'event.type', t);
  if (st === 'Denied') for (const t of ['info', 'denied', 'connection']) append(doc, 'event.type', t);
  endpoints(doc, xg, true);
  applySteps(doc, xg, CONTENT_FILTER);
  transport(doc, xg);
  delete xg.sent_bytes;
  delete xg.recv_bytes;
}

const SYSTEM_EVENT: readonly KvStep[] = [
  ['rename', 'dst_ip', 'destination.ip'],
  ['rename', 'localinterfaceip', 'destination.ip'],
  ['rename', 'src_ip', 'source.ip'],
  ['rename', 'remoteinterfaceip', 'source.ip'],
  ['rename', 'user_name', 'source.user.name'],
];

export function systemEvent(doc: EcsDoc, xg: KvMap): void {
  setField(doc, 'event.kind', 'event');
  const st = xg.log_subtype, status = xg.status;
  const code = doc.event?.code as string | undefined;
  if (st === 'Authentication' || (st === 'Admin' && code === '17507')) {
    if (status === 'Successful') setField(doc, 'event.outcome', 'success');
    else if (status === 'Failed') setField(doc, 'event.outcome', 'failure');
  }
  if (code !== undefined && AUTH_START.has(code)) append(doc, 'event.type', 'start');
  if (code !== undefined && AUTH_END.has(code)) append(doc, 'event.type', 'end');
  if (xg.auth_client !== undefined && VPN_CLIENTS.has(xg.auth_client)) {
    append(doc, 'event.type', 'connection');
    appendUnique(doc, 'event.category', 'network');
  }
  if (st === 'Authentication') appendUnique(doc, 'event.category', 'authentication');
  if (code === '17819') {
    append(doc, 'event.type', 'info');
    appendUnique(doc, 'event.category', 'host');
    appendUnique(doc, 'event.category', 'malware');
  }
  applySteps(doc, xg, SYSTEM_EVENT);
  if (xg.name !== undefined) setField(doc, 'source.user.name', xg.name);
  if (st === 'Authentication') {
    const u = getField(doc, 'source.user.name');
    if (u !== undefined) setField(doc, 'user.name', u);
  }
  move(doc, xg, 'usergroupname', 'source.user.group.name');
  move(doc, xg, 'message', 'message');
  delete xg.dst_port;
  delete xg.src_port;
  delete xg.name;
}

const WAF: readonly KvStep[] = [
  ['rename', 'localip', 'destination.ip'],
  ['renameLong', 'bytessent', 'destination.bytes'],
  ['rename', 'sourceip', 'source.ip'],
  ['renameLong', 'bytesrcv', 'source.bytes'],
  ['rename', 'user_name', 'source.user.name'],
  ['rename', 'user_gp', 'source.user.group.name'],
  ['rename', 'url', 'url.full'],
  ['rename', 'domain', 'url.domain'],
  ['rename', 'referer', 'http.request.referrer'],
  ['renameLong', 'httpstatus', 'http.response.status_code'],
  ['rename', 'method', 'http.request.method'],
  ['rename', 'ws_protocol', 'http.version'],
  ['rename', 'useragent', 'user_agent.original'],
];

export function waf(doc: EcsDoc, xg: KvMap): void {
  // Elastic drops "-" values before this step, so an empty reason reads as a block, as there
  const reason = xg.reason;
  const pass = reason === '-';
  setField(doc, 'event.kind', pass ? 'event' : 'alert');
  setField(doc, 'event.action', pass ? 'allowed' : 'denied');
  if (reason !== undefined) setField(doc, 'event.outcome', 'success');
  if (reason === 'Antivirus') {
    appendUnique(doc, 'event.category', 'malware');
    appendUnique(doc, 'event.category', 'network');
  } else if (!pass) {
    appendUnique(doc, 'event.category', 'intrusion_detection');
    appendUnique(doc, 'event.category', 'network');
  }
  for (const t of pass ? ['allowed', 'connection'] : ['denied', 'connection']) append(doc, 'event.type', t);
  applySteps(doc, xg, WAF);
}

const ANTISPAM: readonly KvStep[] = [
  ['rename', 'dst_ip', 'destination.ip'],
  ['renameLong', 'dst_port', 'destination.port'],
  ['rename', 'src_ip', 'source.ip'],
  ['renameLong', 'src_port', 'source.port'],
  ['rename', 'src_domainname', 'source.domain'],
];

export function antispam(doc: EcsDoc, xg: KvMap): void {
  setField(doc, 'event.kind', 'event');
  actionFromSubtype(doc, xg, false);
  const code = doc.event?.code as string | undefined;
  const alert = code !== undefined && SPAM_ALERT.has(code);
  if (alert) setField(doc, 'event.kind', 'alert');
  if (alert && code !== '13012') appendUnique(doc, 'event.category', 'malware');
  if (code === '13012') appendUnique(doc, 'event.category', 'intrusion_detection');
  appendUnique(doc, 'event.category', 'network');
  if (code !== undefined && SPAM_ALLOWED.has(code)) for (const t of ['allowed', 'connection']) append(doc, 'event.type', t);
  if (alert) for (const t of ['info', 'denied', 'connection']) append(doc, 'event.type', t);
  applySteps(doc, xg, ANTISPAM);
  emails(doc, xg);
  transport(doc, xg);
  if (xg.log_component !== undefined) setField(doc, 'network.protocol', xg.log_component.toLowerCase());
}

const HEALTH_FLOATS = [
  'configuration', 'reports', 'temp', 'signature', 'transmittedkbits', 'receivedkbits', 'receiveddrops',
  'transmitteddrops', 'collisions',
];
const HEALTH_INTS = ['used', 'total_memory', 'free', 'users'];

/** System Health values: numbers in a typed map (`sophos.xg.*` keeps them as numbers). */
export function systemHealth(doc: EcsDoc, xg: KvMap, typed: EcsDoc): void {
  setField(doc, 'event.kind', 'event');
  for (const [from, to] of [['idle', 'idle_cpu'], ['system', 'system_cpu'], ['user', 'user_cpu']] as const) {
    const v = take(xg, from);
    if (v === undefined) continue;
    const f = Number.parseFloat(v);
    if (Number.isFinite(f) && /^-?[\d.]+%?$/.test(v)) typed[to] = f;
  }
  for (const k of HEALTH_FLOATS) {
    const v = take(xg, k);
    if (v === undefined) continue;
    if (/^-?[\d.]+%?$/.test(v)) typed[k] = Number.parseFloat(v);
  }
  for (const k of HEALTH_INTS) {
    const v = take(xg, k);
    const n = toInt(v);
    if (n !== undefined) typed[k] = n;
  }
}

export function wireless(doc: EcsDoc, xg: KvMap, typed: EcsDoc): void {
  setField(doc, 'event.kind', 'event');
  setField(doc, 'event.outcome', 'success');
  const v = take(xg, 'clients_conn_ssid');
  const n = toInt(v);
  if (n !== undefined) typed.clients_conn_ssid = n;
  lower(doc, 'event.action');
}
