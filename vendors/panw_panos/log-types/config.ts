/** CONFIG log: configuration changes by administrators. */
import { setField, isIp } from '../../../src/ecs/fields.js';
import type { Fields, LogType } from '../shared.js';
import { table } from '../../../src/core/null-proto.js';

const CMD_ACTIONS = table<string>({
  add: 'cmd-add', clone: 'cmd-clone', commit: 'cmd-commit', delete: 'cmd-delete', edit: 'cmd-edit', move: 'cmd-move',
  rename: 'cmd-rename', set: 'cmd-set',
});

export const config: LogType = {
  columns: [
    'panw.panos.host.ip', 'panw.panos.virtual_sys', 'panw.panos.cmd', 'panw.panos.admin', 'panw.panos.client_type',
    'panw.panos.result', 'panw.panos.path', 'panw.panos.before_change_detail', 'panw.panos.after_change_detail',
    'panw.panos.sequence_number', 'panw.panos.action_flags', 'panw.panos.device_group_hierarchy1',
    'panw.panos.device_group_hierarchy2', 'panw.panos.device_group_hierarchy3', 'panw.panos.device_group_hierarchy4',
    'panw.panos.vsys_name', 'panw.panos.device_name', 'panw.panos.device_group_id', 'panw.panos.comment',
  ],
  kind: 'event',
  category: ['configuration'],
  map(f: Fields, doc) {
    const cmd = f.get('panw.panos.cmd');
    const action = cmd === undefined ? undefined : CMD_ACTIONS[cmd];
    if (action !== undefined) doc.event.action = action;
    const result = f.get('panw.panos.result');
    doc.event.outcome = result === 'Succeeded' ? 'success' : result === 'Failed' ? 'failure' : 'unknown';
    const ip = f.get('panw.panos.host.ip');
    if (ip !== undefined && isIp(ip)) setField(doc, 'host.ip', [ip]);
  },
};
