/** SYSTEM log. Columns are trimmed, as Elastic's csv step does for this type. */
import { setField } from '../../../src/ecs/fields.js';
import type { Fields, LogType } from '../shared.js';

export const system: LogType = {
  columns: [
    'panw.panos.virtual_sys', 'panw.panos.event.id', 'panw.panos.object.id', '_temp_.future_use1', '_temp_.future_use2',
    'panw.panos.module', 'panw.panos.severity', 'panw.panos.description', 'panw.panos.sequence_number',
    'panw.panos.action_flags', 'panw.panos.device_group_hierarchy1', 'panw.panos.device_group_hierarchy2',
    'panw.panos.device_group_hierarchy3', 'panw.panos.device_group_hierarchy4', 'panw.panos.vsys_name',
    'panw.panos.device_name', '_temp_.future_use3', '_temp_.future_use4', '_temp_.high_res_timestamp',
  ],
  kind: 'event',
  category: ['configuration'],
  map(f: Fields, doc) {
    const id = f.get('panw.panos.event.id');
    if (id !== undefined) setField(doc, 'event.code', id);
    const sev = f.get('panw.panos.severity');
    if (sev !== undefined) setField(doc, 'log.level', sev);
  },
};
