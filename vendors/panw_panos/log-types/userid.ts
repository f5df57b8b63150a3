/** USERID log: IP-to-user mappings. */
import { setField } from '../../../src/ecs/fields.js';
import type { Fields, LogType } from '../shared.js';
import { copyPairs, compilePairs, type Pairs } from './network-common.js';

const USERID_ECS: Pairs = [
  ['panw.panos.destination.port', 'destination.port'],
  ['panw.panos.event.id', 'event.code'],
  ['panw.panos.source.ip', 'source.ip'],
  ['panw.panos.source.port', 'source.port'],
  ['panw.panos.user_by_source', 'source.user.name'],
];
const USERID_ECS_C = compilePairs(USERID_ECS);

export const userid: LogType = {
  columns: [
    'panw.panos.virtual_sys', 'panw.panos.source.ip', '_temp_.srcuser', 'panw.panos.datasourcename', 'panw.panos.event.id',
    'panw.panos.repeat_count', 'panw.panos.timeout', 'panw.panos.source.port', 'panw.panos.destination.port',
    'panw.panos.datasource', 'panw.panos.datasourcetype', 'panw.panos.sequence_number', 'panw.panos.action_flags',
    'panw.panos.device_group_hierarchy1', 'panw.panos.device_group_hierarchy2', 'panw.panos.device_group_hierarchy3',
    'panw.panos.device_group_hierarchy4', 'panw.panos.vsys_name', 'panw.panos.device_name', 'panw.panos.vsys_id',
    'panw.panos.factortype', 'panw.panos.factorcompletiontime', 'panw.panos.factorno', 'panw.panos.ugflags',
    'panw.panos.user_by_source', 'panw.panos.tag.name', '_temp_.high_res_timestamp',
  ],
  kind: 'event',
  category: ['network', 'iam'],
  map(f: Fields, doc) {
    copyPairs(f, doc, USERID_ECS_C);
    void setField;
  },
};
