/** DECRYPTION log (PAN-OS 10.0+): TLS handshakes seen by the decryption policy. */
import { setField } from '../../../src/ecs/fields.js';
import type { Fields, LogType } from '../shared.js';
import { NET_ECS, copyPairs, compilePairs, type Pairs } from './network-common.js';
import { panTimeIso } from '../convert.js';
import { APP_COLUMNS, DEVICE_ID_COLUMNS, DG_COLUMNS, SESSION_FLOW, SESSION_HEAD } from './session-columns.js';

const DECRYPT_ECS: Pairs = [
  ...NET_ECS,
  ['panw.panos.tls.encryption', 'tls.cipher'],
  ['panw.panos.server_name_indication.value', 'tls.client.server_name'],
  ['panw.panos.certificate.serial_number', 'tls.client.x509.serial_number'],
  ['panw.panos.certificate.version', 'tls.client.x509.version_number'],
  ['panw.panos.elliptic_curve', 'tls.curve'],
];
const DECRYPT_ECS_C = compilePairs(DECRYPT_ECS);

export const decryption: LogType = {
  columns: [
    ...SESSION_HEAD, '_temp_.logged_time', ...SESSION_FLOW, 'panw.panos.tunnel_type', '_temp_.future_use1',
    '_temp_.future_use2', 'panw.panos.source_vm_uuid', 'panw.panos.destination_vm_uuid', 'panw.panos.rule_uuid',
    'panw.panos.hs_stage_c2f', 'panw.panos.hs_stage_f2s', '_temp_.tls', 'panw.panos.tls.key_exchange_algorithm',
    'panw.panos.tls.encryption', 'panw.panos.tls.auth', 'panw.panos.policy.name', 'panw.panos.elliptic_curve',
    'panw.panos.tls.error_type', 'panw.panos.root_certificate_status', 'panw.panos.chain_status',
    'panw.panos.proxy_type', 'panw.panos.certificate.serial_number', '_temp_.hash', 'panw.panos.certificate.not_before',
    'panw.panos.certificate.not_after', 'panw.panos.certificate.version', 'panw.panos.certificate.size',
    'panw.panos.subject_common_name.length', 'panw.panos.issuer_common_name.length',
    'panw.panos.root_common_name.length', 'panw.panos.server_name_indication.length', 'panw.panos.certificate.flags',
    'panw.panos.subject_common_name.value', 'panw.panos.issuer_common_name.value', 'panw.panos.root_common_name.value',
    'panw.panos.server_name_indication.value', 'panw.panos.error_message', 'panw.panos.container.id',
    'panw.panos.pod.namespace', 'panw.panos.pod.name', 'panw.panos.src.external_dynamic_list',
    'panw.panos.dst.external_dynamic_list', 'panw.panos.src.dynamic_address_group',
    'panw.panos.dst.dynamic_address_group', '_temp_.high_res_timestamp', ...DEVICE_ID_COLUMNS,
    'panw.panos.sequence_number', 'panw.panos.action_flags', ...DG_COLUMNS, 'panw.panos.vsys_id', ...APP_COLUMNS,
  ],
  kind: 'event',
  category: ['network'],
  map(f: Fields, doc, tz) {
    copyPairs(f, doc, DECRYPT_ECS_C);
    const err = f.get('panw.panos.error_message');
    doc.event.outcome = err === undefined ? 'success' : 'failure';
    const subj = f.get('panw.panos.subject_common_name.value');
    if (subj !== undefined) setField(doc, 'tls.client.x509.subject.common_name', [subj]);
    const iss = f.get('panw.panos.issuer_common_name.value');
    if (iss !== undefined) setField(doc, 'tls.client.x509.issuer.common_name', [iss]);
    const notAfter = panTimeIso(f.get('panw.panos.certificate.not_after'), tz);
    if (notAfter !== undefined) setField(doc, 'tls.client.not_after', notAfter);
    const notBefore = panTimeIso(f.get('panw.panos.certificate.not_before'), tz);
    if (notBefore !== undefined) setField(doc, 'tls.client.not_before', notBefore);
    const size = f.get('panw.panos.certificate.size');
    if (size !== undefined) {
      if (/^\d{1,9}$/.test(size)) setField(doc, 'tls.client.x509.public_key_size', Number(size));
      else setField(doc, 'panw.panos.certificate.raw_size', size);
    }
    const hash = f.get('_temp_.hash');
    if (hash !== undefined) {
      const algo = hash.length === 32 ? 'md5' : hash.length === 40 ? 'sha1' : hash.length === 64 ? 'sha256' : undefined;
      if (algo !== undefined) setField(doc, 'tls.client.hash.' + algo, hash);
    }
    const tls = f.get('_temp_.tls');
    if (tls !== undefined && tls.length >= 6) {
      setField(doc, 'tls.version_protocol', tls.slice(0, 3).toLowerCase());
      setField(doc, 'tls.version', tls.slice(3, 6));
    }
    const cfg = f.get('_temp_.config_version');
    if (cfg !== undefined) setField(doc, 'panw.panos.config_version', cfg);
  },
};
