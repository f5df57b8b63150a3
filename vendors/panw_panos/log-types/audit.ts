/** AUDIT log (Panorama and firewalls with audit logging): administrator actions, vendor columns only. */
import type { LogType } from '../shared.js';

export const audit: LogType = {
  columns: [
    'panw.panos.event.code', 'panw.panos.event.id', 'panw.panos.user.name', 'panw.panos.event.action',
    'panw.panos.event.outcome',
  ],
  kind: 'event',
  category: ['configuration'],
  map() {
    // Elastic's audit pipeline keeps the five columns in panw.panos.* and maps nothing to ECS
  },
};
