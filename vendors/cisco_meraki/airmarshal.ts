/**
 * `airmarshal_events` (MR Air Marshal: rogue and spoofed SSIDs), as Elastic's `airmarshal`
 * pipeline maps them:
 *   type=rogue_ssid_detected ssid='S' bssid='MAC' src='MAC' dst='MAC' wired_mac='MAC' vlan_id='N' channel='N' rssi='N' fc_type='N' fc_subtype='N'
 *   type=ssid_spoofing_detected ssid='S' vap='N' bssid='MAC' src='MAC' dst='MAC' channel='N' rssi='N' fc_type='N' fc_subtype='N'
 */
import type { EcsDoc } from '../../src/core/types.js';
import { splitKv } from '../../src/ecs/kv-split.js';
import { set2, set3 } from '../../src/ecs/set-path.js';
import { appendUnique } from '../../src/ecs/fields.js';
import { macDash } from './address.js';

const SSID = " ssid='";
const BRACKETS = { brackets: true } as const;

export function airmarshal(body: string, doc: EcsDoc): string | null {
  const kv = splitKv(body, 0, BRACKETS);
  const type = kv.type;
  if (type === undefined || type === '') return 'parse_airmarshal_events';
  set2(doc, 'cisco_meraki', 'event_subtype', type);
  // the SSID is quoted and may hold blanks: read it whole
  const si = body.indexOf(SSID);
  if (si >= 0) {
    const end = body.indexOf("'", si + SSID.length);
    if (end >= 0) set2(doc, 'network', 'name', body.slice(si + SSID.length, end));
  }
  set2(doc, 'cisco_meraki', 'bssid', kv.bssid);
  if (type === 'ssid_spoofing_detected') set2(doc, 'cisco_meraki', 'vap', kv.vap);
  if (kv.src !== undefined) set2(doc, 'source', 'mac', macDash(kv.src));
  if (kv.dst !== undefined) set2(doc, 'destination', 'mac', macDash(kv.dst));
  if (type === 'rogue_ssid_detected') {
    if (kv.wired_mac !== undefined && kv.wired_mac !== '') appendUnique(doc, 'observer.mac', macDash(kv.wired_mac));
    set3(doc, 'network', 'vlan', 'id', kv.vlan_id);
  }
  set2(doc, 'cisco_meraki', 'channel', kv.channel);
  set2(doc, 'cisco_meraki', 'fc_type', kv.fc_type);
  set2(doc, 'cisco_meraki', 'fc_subtype', kv.fc_subtype);
  return null;
}
