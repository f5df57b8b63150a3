/**
 * Messages of the guide's classes that carry nothing beyond their text and the header's fields
 * (failover state changes, updater and limit notices): known, so they count as parsed. Failover
 * messages that name an interface give it.
 */
import type { Handler, Work } from '../work.js';
import { vput } from '../work.js';
import { record } from '../../../src/core/null-proto.js';

/** `... on interface X` / `... interface X ...` of the failover messages. */
function failover(w: Work): boolean {
  const s = w.msg;
  const k = s.indexOf('interface ');
  if (k >= 0 && s.indexOf('Failover interface') < 0 && s.indexOf('LAN Failover') < 0 && s.indexOf('Interface count') < 0) {
    let e = s.indexOf(' ', k + 10);
    if (e < 0) e = s.length;
    let v = s.slice(k + 10, e);
    if (v.endsWith('.')) v = v.slice(0, -1);
    if (v !== '' && v !== 'is') vput(w, 'interface_name', v);
  }
  return true;
}

function known(): boolean {
  return true;
}

export const KNOWN = record<Handler>();
for (const id of ['104001', '104002', '104003', '104004', '104500', '104502', '105001', '105002', '105003', '105004',
  '105005', '105006', '105007', '105008', '105009', '105011', '105020', '105021', '105031', '105032', '105034', '105035',
  '105036', '105037', '105038', '105039', '105040', '105042', '105043', '105044', '105045', '105046', '105047', '105048']) {
  KNOWN[id] = failover;
}
for (const id of ['106101', '111111', '113001', '113037', '304008', '304009', '305007', '305008', '338304', '338305',
  '338306', '338307', '338308', '338309', '338310', '401001', '611104', '611302', '611304', '611305', '611306', '611307',
  '611308', '611309', '611310', '611311', '611312', '611313', '611319', '611320', '611321', '611322', '611323', '733104',
  '733105', '734004', '199002', '199005', '402123', '717009', '717022', '717025', '717027', '717028', '321001']) {
  KNOWN[id] = known;
}
