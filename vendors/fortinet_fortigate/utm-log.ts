/**
 * `type=utm` (virus, webfilter, ips, app-ctrl, dns, ssl, anomaly, dlp, emailfilter, waf, file-filter...)
 * and `type=dns` logs, as Elastic maps them.
 */
import type { EcsDoc } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { appendUnique, getField, setField } from '../../src/ecs/fields.js';
import { drop, long, mv, num, push, take } from './ops.js';
import { applyUrl } from './url.js';
import { registeredDomain } from './domain.js';

const REMOVE = [
  'cn', 'san', 'dst_port', 'remport', 'dstport', 'rcvdbyte', 'locport', 'scertcname', 'src_port', 'srcport',
  'sentbyte', 'filesize', 'dtype', 'tlsver',
];

export function mapUtm(doc: EcsDoc, fw: KvMap): void {
  setField(doc, 'event.kind', 'event');
  const action = fw.action;
  if (action === 'block' || action === 'blocked') push(doc, 'event.type', 'denied');
  if (fw.subtype === 'dns') push(doc, 'event.type', 'info');
  if (action === 'pass' || action === 'passthrough') push(doc, 'event.type', 'allowed');
  if (action !== undefined && action !== '') setField(doc, 'event.outcome', 'success');
  appendUnique(doc, 'event.category', 'network');

  mv(doc, fw, 'dstip', 'destination.ip');
  mv(doc, fw, 'remip', 'destination.ip', true);
  num(doc, fw, 'dst_port', 'destination.port');
  num(doc, fw, 'remport', 'destination.port', true);
  num(doc, fw, 'dstport', 'destination.port', true);
  num(doc, fw, 'rcvdbyte', 'destination.bytes');
  const recipient = take(fw, 'recipient');
  if (recipient !== undefined) push(doc, 'email.to.address', recipient);
  mv(doc, fw, 'group', 'source.user.group.name');
  mv(doc, fw, 'locip', 'source.ip');
  num(doc, fw, 'locport', 'source.port');
  num(doc, fw, 'src_port', 'source.port', true);
  num(doc, fw, 'srcport', 'source.port', true);
  num(doc, fw, 'sentbyte', 'source.bytes');
  mv(doc, fw, 'srcdomain', 'source.domain');
  mv(doc, fw, 'srcip', 'source.ip', true);
  mv(doc, fw, 'httpmethod', 'http.request.method');
  mv(doc, fw, 'referralurl', 'http.request.referrer');
  mv(doc, fw, 'srcmac', 'source.mac');
  mv(doc, fw, 'unauthuser', 'source.user.name');
  mv(doc, fw, 'user', 'source.user.name', true);
  if (fw.sender) push(doc, 'email.sender.address', fw.sender);
  if (fw.from) push(doc, 'email.from.address', fw.from);
  mv(doc, fw, 'agent', 'user_agent.original');
  mv(doc, fw, 'app', 'network.application');
  mv(doc, fw, 'appcat', 'rule.category');
  mv(doc, fw, 'applist', 'rule.ruleset');
  mv(doc, fw, 'catdesc', 'rule.category', true);
  const cat = getField(doc, 'rule.category');
  if (typeof cat === 'string') setField(doc, 'rule.category', cat.replace(/\./g, '-'));
  mv(doc, fw, 'error', 'event.message');
  mv(doc, fw, 'errorcode', 'event.code');
  mv(doc, fw, 'event_id', 'event.id');
  mv(doc, fw, 'eventid', 'event.id', true);
  mv(doc, fw, 'filename', 'file.name');
  num(doc, fw, 'filesize', 'file.size');
  mv(doc, fw, 'filetype', 'file.extension');
  mv(doc, fw, 'infectedfilename', 'file.name', true);
  if (getField(doc, 'file.size') === undefined) {
    const n = long(take(fw, 'infectedfilesize'));
    if (n !== undefined) setField(doc, 'file.size', n);
  }
  mv(doc, fw, 'infectedfiletype', 'file.extension', true);
  mv(doc, fw, 'matchedfilename', 'file.name', true);
  mv(doc, fw, 'matchedfiletype', 'file.extension', true);
  const ipaddr = take(fw, 'ipaddr');
  if (ipaddr !== undefined) setField(doc, 'dns.resolved_ip', ipaddr.split(', '));
  mv(doc, fw, 'level', 'log.level');
  mv(doc, fw, 'logid', 'event.code', true);
  mv(doc, fw, 'msg', 'message');
  mv(doc, fw, 'policy_id', 'rule.id', true);
  mv(doc, fw, 'policyid', 'rule.id', true);
  mv(doc, fw, 'profile', 'rule.ruleset', true);
  mv(doc, fw, 'proto', 'network.iana_number');
  mv(doc, fw, 'qclass', 'dns.question.class');
  mv(doc, fw, 'qname', 'dns.question.name');
  mv(doc, fw, 'qtype', 'dns.question.type');
  const service = take(fw, 'service');
  if (service !== undefined) setField(doc, 'network.protocol', service.toLowerCase());
  const url = take(fw, 'url');
  const hostname = take(fw, 'hostname');
  if (url !== undefined) applyUrl(doc, url, hostname, service);
  if (hostname !== undefined) setField(doc, 'url.domain', hostname);
  mv(doc, fw, 'xid', 'dns.id');

  // TLS (ssl logs)
  if (fw.scertcname) push(doc, 'tls.server.x509.subject.common_name', fw.scertcname);
  mv(doc, fw, 'scertissuer', 'tls.server.issuer');
  const sIssuer = getField(doc, 'tls.server.issuer');
  if (sIssuer !== undefined) push(doc, 'tls.server.x509.issuer.common_name', sIssuer);
  mv(doc, fw, 'ccertissuer', 'tls.client.issuer');
  const cIssuer = getField(doc, 'tls.client.issuer');
  if (cIssuer !== undefined) push(doc, 'tls.client.x509.issuer.common_name', cIssuer);
  mv(doc, fw, 'sender', 'tls.server.issuer');
  mv(doc, fw, 'issuer', 'tls.server.issuer', true);
  mv(doc, fw, 'authalgo', 'tls.server.x509.public_key_algorithm');
  mv(doc, fw, 'keyalgo', 'tls.server.x509.public_key_algorithm', true);
  mv(doc, fw, 'notbefore', 'tls.server.not_before', true);
  mv(doc, fw, 'notafter', 'tls.server.not_after', true);
  if (getField(doc, 'tls.server.x509.public_key_size') === undefined && fw.keysize !== undefined) {
    const ks = take(fw, 'keysize');
    const n = long(ks);
    setField(doc, 'tls.server.x509.public_key_size', n ?? ks);
  }
  mv(doc, fw, 'sn', 'tls.server.x509.serial_number', true);
  mv(doc, fw, 'certhash', 'tls.server.hash.sha1', true);
  const sha1 = getField(doc, 'tls.server.hash.sha1');
  if (sha1 !== undefined) appendUnique(doc, 'related.hash', sha1);
  const na = getField(doc, 'tls.server.not_after');
  if (na !== undefined) setField(doc, 'tls.server.x509.not_after', na);
  const nb = getField(doc, 'tls.server.not_before');
  if (nb !== undefined) setField(doc, 'tls.server.x509.not_before', nb);
  if (fw.san) setField(doc, 'tls.server.x509.alternative_names', fw.san.split(';'));
  if (fw.cn) {
    const alt = getField(doc, 'tls.server.x509.alternative_names');
    if (!Array.isArray(alt) || !alt.includes(fw.cn)) push(doc, 'tls.server.x509.alternative_names', fw.cn);
  }
  const pka = getField(doc, 'tls.server.x509.public_key_algorithm');
  if (pka !== undefined) setField(doc, 'tls.client.x509.public_key_algorithm', pka);
  mv(doc, fw, 'kxcurve', 'tls.curve');
  mv(doc, fw, 'cipher', 'tls.cipher');
  mv(doc, fw, 'sni', 'tls.client.server_name');
  if (getField(doc, 'destination.domain') === undefined) {
    const sni = getField(doc, 'tls.client.server_name');
    if (sni !== undefined) setField(doc, 'destination.domain', sni);
  }
  if (fw.handshake === 'full') setField(doc, 'tls.established', true);
  const tlsver = fw.tlsver;
  if (tlsver) {
    const v = tlsver.toLowerCase();
    let i = 0;
    while (i < v.length && (v.charCodeAt(i) < 48 || v.charCodeAt(i) > 57)) i++;
    if (i < v.length) {
      setField(doc, 'tls.version_protocol', v.slice(0, i));
      const ver = v.slice(i);
      setField(doc, 'tls.version', ver.includes('.') ? ver : ver + '.0');
    }
  }
  if (fw.dtype) appendUnique(doc, 'vulnerability.category', fw.dtype);
  mv(doc, fw, 'ref', 'event.reference');
  const crc = take(fw, 'filehash');
  if (crc !== undefined) {
    setField(doc, 'fortinet.file.hash.crc32', crc);
    push(doc, 'related.hash', crc);
  }
  const qn = getField(doc, 'dns.question.name');
  if (typeof qn === 'string') registeredDomain(doc, qn);
  drop(fw, REMOVE);
}
