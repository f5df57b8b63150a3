/** CORRELATION log (PAN-OS 8.0+ with the correlation engine): correlated events on one host. */
import { setField } from '../../../src/ecs/fields.js';
import type { Fields, LogType } from '../shared.js';

export const correlation: LogType = {
  columns: [
    'panw.panos.source.ip', '_temp_.srcuser', 'panw.panos.virtual_sys', 'panw.panos.category', 'panw.panos.severity',
    'panw.panos.device_group_hierarchy1', 'panw.panos.device_group_hierarchy2', 'panw.panos.device_group_hierarchy3',
    'panw.panos.device_group_hierarchy4', 'panw.panos.vsys_name', 'panw.panos.device_name', 'panw.panos.vsys_id',
    'panw.panos.object.name', 'panw.panos.object.id', 'panw.panos.evidence',
  ],
  kind: 'event',
  category: ['network'],
  map(f: Fields, doc) {
    doc.event.outcome = 'success';
    setField(doc, 'log.level', f.get('panw.panos.severity'));
    setField(doc, 'source.ip', f.get('panw.panos.source.ip'));
  },
};
