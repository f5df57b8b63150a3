/** IPTAG log (PAN-OS 9.0+): IP address-to-tag registrations and their expiry. */
import { setField } from '../../../src/ecs/fields.js';
import type { Fields, LogType } from '../shared.js';

export const ipTag: LogType = {
  columns: [
    'panw.panos.virtual_sys', 'panw.panos.source.ip', 'panw.panos.tag.name', 'panw.panos.event.id', 'panw.panos.repeat_count',
    'panw.panos.timeout', 'panw.panos.datasourcename', 'panw.panos.datasource_type', 'panw.panos.datasource_subtype',
    'panw.panos.sequence_number', 'panw.panos.action_flags', 'panw.panos.device_group_hierarchy1',
    'panw.panos.device_group_hierarchy2', 'panw.panos.device_group_hierarchy3', 'panw.panos.device_group_hierarchy4',
    'panw.panos.vsys_name', 'panw.panos.device_name', 'panw.panos.vsys_id', '_temp_.high_res_timestamp',
  ],
  kind: 'event',
  category: ['network'],
  map(f: Fields, doc) {
    setField(doc, 'event.code', f.get('panw.panos.event.id'));
    setField(doc, 'source.ip', f.get('panw.panos.source.ip'));
  },
};
