/**
 * `type=utm` (virus, webfilter, ips, app-ctrl, dns, ssl, anomaly, dlp, emailfilter, waf, file-filter,
 * voip, ssh, icap, casb...) and `type=dns` logs, as Elastic's utm pipeline maps them: categories,
 * endpoints, web, files, DNS, TLS certificate, then the hashes.
 */
import type { EcsDoc } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { appendUnique, getField, setField, toInt } from '../../src/ecs/fields.js';
import { append, applySteps, drop, move, take, type KvStep } from '../../src/ecs/kv-ops.js';
import { setRegisteredDomain } from '../../src/ecs/domain.js';
import { setFortiUrl } from './web-url.js';

const REMOVE = [
  'cn', 'san', 'dst_port', 'remport', 'dstport', 'rcvdbyte', 'locport', 'scertcname', 'src_port', 'srcport',
  'sentbyte', 'filesize', 'dtype', 'tlsver',
];

const ENDPOINTS: readonly KvStep[] = [
  ['rename', 'dstip', 'destination.ip'],
  ['rename?', 'remip', 'destination.ip'],
  ['long', 'dst_port', 'destination.port'],
  ['long?', 'remport', 'destination.port'],
  ['long?', 'dstport', 'destination.port'],
  ['long', 'rcvdbyte', 'destination.bytes'],
  ['rename', 'group', 'source.user.group.name'],
  ['rename', 'locip', 'source.ip'],
  ['long', 'locport', 'source.port'],
  ['long?', 'src_port', 'source.port'],
  ['long?', 'srcport', 'source.port'],
  ['long', 'sentbyte', 'source.bytes'],
  ['rename', 'srcdomain', 'source.domain'],
  ['rename?', 'srcip', 'source.ip'],
  ['rename', 'httpmethod', 'http.request.method'],
  ['rename', 'referralurl', 'http.request.referrer'],
  ['rename', 'srcmac', 'source.mac'],
  ['rename', 'unauthuser', 'source.user.name'],
  ['rename?', 'user', 'source.user.name'],
];

const RULE_AND_EVENT: readonly KvStep[] = [
  ['rename', 'agent', 'user_agent.original'],
  ['rename', 'app', 'network.application'],
  ['rename', 'appcat', 'rule.category'],
  ['rename', 'applist', 'rule.ruleset'],
  ['rename?', 'catdesc', 'rule.category'],
  ['rename', 'error', 'event.message'],
  ['rename', 'errorcode', 'event.code'],
  ['rename', 'event_id', 'event.id'],
  ['rename?', 'eventid', 'event.id'],
];

const FILES: readonly KvStep[] = [
  ['rename', 'filename', 'file.name'],
  ['long', 'filesize', 'file.size'],
  ['rename', 'filetype', 'file.extension'],
  ['rename?', 'infectedfilename', 'file.name'],
  ['rename?', 'infectedfiletype', 'file.extension'],
  ['rename?', 'matchedfilename', 'file.name'],
  ['rename?', 'matchedfiletype', 'file.extension'],
];

const DNS_AND_RULE: readonly KvStep[] = [
  ['rename', 'level', 'log.level'],
  ['rename?', 'logid', 'event.code'],
  ['rename', 'msg', 'message'],
  ['rename?', 'policy_id', 'rule.id'],
  ['rename?', 'policyid', 'rule.id'],
  ['rename?', 'profile', 'rule.ruleset'],
  ['rename', 'proto', 'network.iana_number'],
  ['rename', 'qclass', 'dns.question.class'],
  ['rename', 'qname', 'dns.question.name'],
  ['rename', 'qtype', 'dns.question.type'],
];

const TLS: readonly KvStep[] = [
  ['rename', 'ccertissuer', 'tls.client.issuer'],
  ['rename', 'sender', 'tls.server.issuer'],
  ['rename?', 'issuer', 'tls.server.issuer'],
  ['rename', 'authalgo', 'tls.server.x509.public_key_algorithm'],
  ['rename?', 'keyalgo', 'tls.server.x509.public_key_algorithm'],
  ['rename?', 'notbefore', 'tls.server.not_before'],
  ['rename?', 'notafter', 'tls.server.not_after'],
  ['rename?', 'sn', 'tls.server.x509.serial_number'],
  ['rename?', 'certhash', 'tls.server.hash.sha1'],
  ['rename', 'kxcurve', 'tls.curve'],
  ['rename', 'cipher', 'tls.cipher'],
  ['rename', 'sni', 'tls.client.server_name'],
];

function categorize(doc: EcsDoc, fw: KvMap): void {
  setField(doc, 'event.kind', 'event');
  const action = fw.action;
  if (action === 'block' || action === 'blocked') append(doc, 'event.type', 'denied');
  if (fw.subtype === 'dns') append(doc, 'event.type', 'info');
  if (action === 'pass' || action === 'passthrough') append(doc, 'event.type', 'allowed');
  if (action !== undefined && action !== '') setField(doc, 'event.outcome', 'success');
  appendUnique(doc, 'event.category', 'network');
}

function endpoints(doc: EcsDoc, fw: KvMap): void {
  const recipient = take(fw, 'recipient');
  if (recipient !== undefined) append(doc, 'email.to.address', recipient);
  applySteps(doc, fw, ENDPOINTS);
  if (fw.sender) append(doc, 'email.sender.address', fw.sender);
  if (fw.from) append(doc, 'email.from.address', fw.from);
  applySteps(doc, fw, RULE_AND_EVENT);
  const cat = getField(doc, 'rule.category');
  if (typeof cat === 'string') setField(doc, 'rule.category', cat.replace(/\./g, '-'));
}

function filesAndDns(doc: EcsDoc, fw: KvMap): void {
  applySteps(doc, fw, FILES);
  if (getField(doc, 'file.size') === undefined && fw.infectedfilesize !== undefined) {
    setField(doc, 'file.size', toInt(take(fw, 'infectedfilesize')));
  }
  const ipaddr = take(fw, 'ipaddr');
  if (ipaddr !== undefined) setField(doc, 'dns.resolved_ip', ipaddr.split(', '));
  applySteps(doc, fw, DNS_AND_RULE);
  const service = take(fw, 'service');
  if (service !== undefined) setField(doc, 'network.protocol', service.toLowerCase());
  const url = take(fw, 'url');
  const hostname = take(fw, 'hostname');
  if (url !== undefined) setFortiUrl(doc, url, hostname, service);
  if (hostname !== undefined) setField(doc, 'url.domain', hostname);
  move(doc, fw, 'xid', 'dns.id');
}

/** `tls.version_protocol` and `tls.version` of `TLSv1.2` / `tlsv13`. */
function tlsVersion(doc: EcsDoc, tlsver: string): void {
  const v = tlsver.toLowerCase();
  let i = 0;
  while (i < v.length && (v.charCodeAt(i) < 48 || v.charCodeAt(i) > 57)) i++;
  if (i >= v.length) return;
  setField(doc, 'tls.version_protocol', v.slice(0, i));
  const ver = v.slice(i);
  setField(doc, 'tls.version', ver.includes('.') ? ver : ver + '.0');
}

function tls(doc: EcsDoc, fw: KvMap): void {
  if (fw.scertcname) append(doc, 'tls.server.x509.subject.common_name', fw.scertcname);
  move(doc, fw, 'scertissuer', 'tls.server.issuer');
  const sIssuer = getField(doc, 'tls.server.issuer');
  if (sIssuer !== undefined) append(doc, 'tls.server.x509.issuer.common_name', sIssuer);
  applySteps(doc, fw, TLS);
  const cIssuer = getField(doc, 'tls.client.issuer');
  if (cIssuer !== undefined) append(doc, 'tls.client.x509.issuer.common_name', cIssuer);
  if (getField(doc, 'tls.server.x509.public_key_size') === undefined && fw.keysize !== undefined) {
    const ks = take(fw, 'keysize');
    setField(doc, 'tls.server.x509.public_key_size', toInt(ks) ?? ks);
  }
  const na = getField(doc, 'tls.server.not_after');
  if (na !== undefined) setField(doc, 'tls.server.x509.not_after', na);
  const nb = getField(doc, 'tls.server.not_before');
  if (nb !== undefined) setField(doc, 'tls.server.x509.not_before', nb);
  if (fw.san) setField(doc, 'tls.server.x509.alternative_names', fw.san.split(';'));
  if (fw.cn) append(doc, 'tls.server.x509.alternative_names', fw.cn, false);
  const pka = getField(doc, 'tls.server.x509.public_key_algorithm');
  if (pka !== undefined) setField(doc, 'tls.client.x509.public_key_algorithm', pka);
  if (getField(doc, 'destination.domain') === undefined) {
    const sni = getField(doc, 'tls.client.server_name');
    if (sni !== undefined) setField(doc, 'destination.domain', sni);
  }
  if (fw.handshake === 'full') setField(doc, 'tls.established', true);
  if (fw.tlsver) tlsVersion(doc, fw.tlsver);
}

function hashesAndDomain(doc: EcsDoc, fw: KvMap): void {
  const sha1 = getField(doc, 'tls.server.hash.sha1');
  if (sha1 !== undefined) appendUnique(doc, 'related.hash', sha1);
  if (fw.dtype) appendUnique(doc, 'vulnerability.category', fw.dtype);
  move(doc, fw, 'ref', 'event.reference');
  const crc = take(fw, 'filehash');
  if (crc !== undefined) {
    setField(doc, 'fortinet.file.hash.crc32', crc);
    append(doc, 'related.hash', crc);
  }
  const qn = getField(doc, 'dns.question.name');
  if (typeof qn === 'string') setRegisteredDomain(doc.dns.question, qn);
}

export function mapUtm(doc: EcsDoc, fw: KvMap): void {
  categorize(doc, fw);
  endpoints(doc, fw);
  filesAndDns(doc, fw);
  tls(doc, fw);
  hashesAndDomain(doc, fw);
  drop(fw, REMOVE);
}
