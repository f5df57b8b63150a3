/** AUTHENTICATION log: authentication policy and MFA events. */
import { setField } from '../../../src/ecs/fields.js';
import type { Fields, LogType } from '../shared.js';

export const authentication: LogType = {
  columns: [
    'panw.panos.virtual_sys', 'panw.panos.source.ip', '_temp_.user', 'panw.panos.normalize_user', 'panw.panos.object.id',
    'panw.panos.authentication.policy', 'panw.panos.repeat_count', 'panw.panos.authentication.id', 'panw.panos.vendor',
    'panw.panos.log_profile', 'panw.panos.server_profile', 'panw.panos.description', 'panw.panos.client_type',
    'panw.panos.event.result', 'panw.panos.factorno', 'panw.panos.sequence_number', 'panw.panos.action_flags',
    'panw.panos.device_group_hierarchy1', 'panw.panos.device_group_hierarchy2', 'panw.panos.device_group_hierarchy3',
    'panw.panos.device_group_hierarchy4', 'panw.panos.vsys_name', 'panw.panos.device_name', 'panw.panos.vsys_id',
    'panw.panos.authentication.protocol', 'panw.panos.rule_uuid', '_temp_.high_res_timestamp', 'panw.panos.src.category',
    'panw.panos.src.profile', 'panw.panos.src.model', 'panw.panos.src.vendor', 'panw.panos.src.os.family',
    'panw.panos.src.os.version', 'panw.panos.src.host', 'panw.panos.src.mac', 'panw.panos.region', '_temp_.future_use3',
    '_temp_.user_agent', 'panw.panos.flow_id',
  ],
  kind: 'event',
  category: ['authentication'],
  map(f: Fields, doc) {
    const user = f.get('_temp_.user');
    const norm = f.get('panw.panos.normalize_user');
    const names: string[] = [];
    if (user !== undefined) names.push(user);
    if (norm !== undefined && norm !== user) names.push(norm);
    if (names.length === 1) setField(doc, 'source.user.name', names[0]);
    else if (names.length > 1) setField(doc, 'source.user.name', names);
    doc.event.outcome = 'success';
    const uuid = f.get('panw.panos.rule_uuid');
    if (uuid !== undefined) setField(doc, 'rule.uuid', uuid);
    const ip = f.get('panw.panos.source.ip');
    if (ip !== undefined) setField(doc, 'source.ip', ip);
    const ua = f.get('_temp_.user_agent');
    if (ua !== undefined) setField(doc, 'user_agent.original', ua);
  },
};
