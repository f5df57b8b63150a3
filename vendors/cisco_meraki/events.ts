/**
 * `events` (the MX / MR / MS event log), as Elastic's `events` pipeline maps them. The first word
 * picks the step: `type=<subtype> key='value' ...` (wireless, 802.1X, VPN connectivity, DHCP
 * servers, AnyConnect sessions), or a word of its own: `dhcp`, `Site-to-site VPN:`,
 * `client_vpn_connect`, `anyconnect_vpn_*`, `Blocked ARP`, `port`, `carrier_change`, `splash_auth`,
 * `martian_vlan`, and the uplink messages (`Cellular connection up`, `failover to wan1`).
 */
import type { EcsDoc } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { splitKv } from '../../src/ecs/kv-split.js';
import { isIp, relatedIp } from '../../src/ecs/fields.js';
import { set2, set3 } from '../../src/ecs/set-path.js';
import { macEcs } from './address.js';
import { anyconnectSession, blockedArp, carrierChange, dhcp, martianVlan, port, siteToSite, vpnUser } from './event-words.js';

type EventStep = (body: string, rest: number, doc: EcsDoc) => string | null;

/** Subtypes whose key='value' pairs the pipeline keeps under `cisco_meraki.<subtype>.*` */
const KV_SUBTYPES: ReadonlySet<string> = new Set([
  'dfs_event', 'association', 'disassociation', 'aps_association_reject', 'multiple_dhcp_servers_detected', 'wpa_deauth',
  'wpa_auth', '8021x_eap_failure', '8021x_auth', '8021x_deauth', '8021x_eap_success', 'splash_auth', 'device_packet_flood',
]);
const BRACKETS = { brackets: true } as const;
const TYPE = 'type=';

function subtypeOnly(sub: string): EventStep {
  return (_body, _rest, doc) => {
    set2(doc, 'cisco_meraki', 'event_subtype', sub);
    return null;
  };
}

/** the uplink messages carry nothing beyond their text */
const noFields: EventStep = () => null;

/** Steps by the lower-cased first word. */
const BY_WORD: ReadonlyMap<string, EventStep> = new Map<string, EventStep>([
  ['dhcp', dhcp],
  ['site-to-site', siteToSite],
  ['client_vpn_connect', vpnUser('client_vpn_connect')],
  ['client_vpn_disconnect', vpnUser('client_vpn_disconnect')],
  ['anyconnect_vpn_connect', vpnUser('anyconnect_vpn_connect')],
  ['anyconnect_vpn_disconnect', vpnUser('anyconnect_vpn_disconnect')],
  ['blocked', blockedArp],
  ['auth', subtypeOnly('auth')],
  ['port', port],
  ['carrier_change', carrierChange],
  ['splash_auth', splashWord],
  ['martian_vlan', martianVlan],
  ['cellular', noFields],
  ['failover', noFields],
]);

function splashWord(body: string, rest: number, doc: EcsDoc): string | null {
  set2(doc, 'cisco_meraki', 'event_subtype', 'splash_auth');
  keyValues(doc, 'splash_auth', splitKv(body, rest, BRACKETS));
  return null;
}

/** The pipeline's moves out of a subtype's pairs. */
function keyValues(doc: EcsDoc, sub: string, kv: KvMap): void {
  set2(doc, 'cisco_meraki', sub, kv);
  if (sub === 'multiple_dhcp_servers_detected') {
    set2(doc, 'network', 'protocol', 'dhcp');
    if (kv.original_server_mac !== undefined) {
      set2(doc, 'server', 'mac', kv.original_server_mac);
      delete kv.original_server_mac;
    }
    if (isIp(kv.original_server_ip)) {
      set2(doc, 'server', 'ip', kv.original_server_ip);
      relatedIp(doc, kv.original_server_ip);
      delete kv.original_server_ip;
    }
    relatedIp(doc, kv.server_ip);
  } else if (sub === 'wpa_deauth' && kv.client_mac !== undefined) {
    set2(doc, 'client', 'mac', kv.client_mac);
    delete kv.client_mac;
  } else if (sub === 'splash_auth') {
    set2(doc, 'client', 'mac', kv.mac);
  }
}

/** `type=<subtype> ...` */
function typed(body: string, doc: EcsDoc): string | null {
  let e = body.indexOf(' ');
  if (e < 0) e = body.length;
  const sub = body.slice(TYPE.length, e);
  if (sub === '') return 'unknown_event';
  set2(doc, 'cisco_meraki', 'event_subtype', sub);
  if (KV_SUBTYPES.has(sub)) keyValues(doc, sub, splitKv(body, 0, BRACKETS));
  else if (sub === 'vpn_connectivity_change') set3(doc, 'cisco_meraki', 'site_to_site_vpn', 'connectivity_change', splitKv(body, 0, BRACKETS));
  else if (sub === 'anyconnect_vpn_session_manager') anyconnectSession(body, doc);
  return null;
}

/** MAC addresses of clients and servers in ECS form, as the pipeline leaves them. */
function macsToEcs(doc: EcsDoc): void {
  if (typeof doc.client?.mac === 'string') doc.client.mac = macEcs(doc.client.mac);
  if (typeof doc.server?.mac === 'string') doc.server.mac = macEcs(doc.server.mac);
}

export function events(body: string, doc: EcsDoc): string | null {
  let step: string | null;
  if (body.startsWith(TYPE)) step = typed(body, doc);
  else {
    const sp = body.indexOf(' ');
    const word = (sp < 0 ? body : body.slice(0, sp)).toLowerCase();
    const fn = BY_WORD.get(word);
    step = fn === undefined ? 'unknown_event' : fn(body, sp < 0 ? body.length : sp + 1, doc);
  }
  macsToEcs(doc);
  return step;
}
