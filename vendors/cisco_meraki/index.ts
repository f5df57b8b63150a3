/**
 * cisco_meraki: Meraki MX / MR / MS syslog `<PRI>1 <epoch.nanos> <device> <type> ...`, mapped as
 * Elastic's `cisco_meraki.log` pipelines do. The header is read from the syslog CONTENT, so lines
 * without a PRI, behind a relay's stamp and host, or cut to the epoch are found too. See README.md.
 */
import type { EcsDoc, SyslogMessage } from '../../src/core/types.js';
import { appendUnique, deleteField } from '../../src/ecs/fields.js';
import { isoTime } from '../../src/ecs/base.js';
import { set2 } from '../../src/ecs/set-path.js';
import type { VendorContext, VendorParser } from '../../src/core/stages.js';
import { readHeader } from './header.js';
import { EVENT_MAP } from './event-map.js';
import { flows, ipFlows } from './flows.js';
import { urls } from './urls.js';
import { idsAlerts, securityEvent } from './security.js';
import { airmarshal } from './airmarshal.js';
import { events } from './events.js';

type TypeStep = (body: string, doc: EcsDoc) => string | null;

/** The step of each log type (the word after the device name). */
const STEPS: ReadonlyMap<string, TypeStep> = new Map<string, TypeStep>([
  ['flows', flows],
  ['firewall', flows],
  ['vpn_firewall', flows],
  ['cellular_firewall', flows],
  ['bridge_anyconnect_client_vpn_firewall', flows],
  ['ip_flow_start', ipFlows],
  ['ip_flow_end', ipFlows],
  ['urls', urls],
  ['ids-alerts', idsAlerts],
  ['security_event', securityEvent],
  ['airmarshal_events', airmarshal],
  ['events', events],
]);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** event.action / type / category from the subtype table; an unlisted subtype is its own action. */
function categorize(doc: EcsDoc): void {
  appendUnique(doc, 'event.category', 'network');
  appendUnique(doc, 'event.type', 'info');
  const sub = doc.cisco_meraki?.event_subtype as string | undefined;
  if (sub === undefined) return;
  const info = EVENT_MAP.get(sub);
  if (info === undefined) {
    set2(doc, 'event', 'action', sub);
    return;
  }
  if (info.type) for (const t of info.type) appendUnique(doc, 'event.type', t);
  if (info.category) for (const c of info.category) appendUnique(doc, 'event.category', c);
  set2(doc, 'event', 'action', info.action);
}

export const parser: VendorParser = {
  id: 'cisco_meraki',
  dataset: 'cisco_meraki.log',
  samples: [
    '<134>1 1710403200.000000000 MX84 flows src=10.0.0.5 dst=10.9.9.9 mac=AA:BB:CC:00:11:22 protocol=tcp sport=50123 dport=443 pattern: allow all',
    "<134>1 1710403200.100000000 MR42 events type=association radio='1' vap='0' client_mac='AA:BB:CC:00:11:22' channel='36' rssi='40' aid='7'",
  ],
  detect(msg: SyslogMessage): boolean {
    const s = msg.content;
    return isDigit(s.charCodeAt(0)) && readHeader(s) !== null;
  },
  parse(msg: SyslogMessage, doc: EcsDoc, _ctx: VendorContext): string | null {
    void _ctx;
    const h = readHeader(msg.content);
    set2(doc, 'observer', 'vendor', 'Cisco');
    set2(doc, 'observer', 'product', 'Meraki');
    if (h === null) return 'parse_header';
    // the epoch is UTC by definition
    doc['@timestamp'] = isoTime(h.ms);
    deleteField(doc, 'event.timezone');
    set2(doc, 'observer', 'hostname', h.device);
    set2(doc, 'cisco_meraki', 'event_type', h.type);
    const body = msg.content.slice(h.body);
    doc.message = body;
    const step = STEPS.get(h.type);
    const result = step === undefined ? 'unknown_event_type' : step(body, doc);
    categorize(doc);
    return result;
  },
};
