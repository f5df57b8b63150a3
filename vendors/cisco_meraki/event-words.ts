/**
 * The `events` messages that start with a word of their own, each as Elastic's `events` pipeline
 * dissects it (`body` is the text after `events `, `rest` the index after its first word):
 *   dhcp lease of ip IP from server mac MAC for client mac MAC from router IP on subnet MASK with dns ...
 *   dhcp no offers for mac MAC host = IP
 *   Site-to-site VPN: TEXT
 *   client_vpn_connect user id 'USER' local ip IP connected from IP   (also anyconnect_vpn_connect / _disconnect)
 *   Blocked ARP Packet from MAC with IP IP on VLAN N
 *   port N status changed from A to B  |  port N changed STP role from A to B
 *   carrier_change device PORT up true|false
 *   martian_vlan Client='IP' MAC='MAC' VLAN='N' details='...' summary='...'
 *   type=anyconnect_vpn_session_manager msg= 'Sess-ID[ID] User[U] Peer IP=IP: TEXT[ Reason: R]'
 */
import type { EcsDoc } from '../../src/core/types.js';
import { isIp } from '../../src/ecs/fields.js';
import { set2, set3 } from '../../src/ecs/set-path.js';
import { compileDissect, runDissect } from '../../src/ecs/dissect.js';
import { macEcs } from './address.js';

function fresh(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

function clientIp(doc: EcsDoc, v: string | undefined): void {
  if (v !== undefined && isIp(v)) set2(doc, 'client', 'ip', v);
}

const LEASE = compileDissect('lease of ip %{client_ip} from %{} mac %{server_mac} for client mac %{client_mac} %{}');
const NO_OFFERS = compileDissect('no offers for mac %{client_mac} %{}');

export function dhcp(body: string, rest: number, doc: EcsDoc): string | null {
  set2(doc, 'network', 'protocol', 'dhcp');
  doc.message = body.slice(rest);
  const out = fresh();
  if (runDissect(LEASE, body, rest, out)) {
    clientIp(doc, out.client_ip);
    set2(doc, 'server', 'mac', out.server_mac);
    set2(doc, 'client', 'mac', out.client_mac);
    set2(doc, 'cisco_meraki', 'event_subtype', 'dhcp_offer');
    return null;
  }
  if (runDissect(NO_OFFERS, body, rest, out)) {
    set2(doc, 'client', 'mac', out.client_mac);
    set2(doc, 'cisco_meraki', 'event_subtype', 'dhcp_no_offer');
    return null;
  }
  return 'parse_dhcp';
}

export function siteToSite(body: string, rest: number, doc: EcsDoc): string | null {
  set2(doc, 'cisco_meraki', 'event_subtype', 'Site-to-Site VPN');
  const colon = body.indexOf(':', rest);
  if (colon < 0 || body.slice(rest, colon).toLowerCase() !== 'vpn') return 'parse_site_to_site_vpn';
  // the pipeline keeps what follows the colon as written, its leading blank included
  set3(doc, 'cisco_meraki', 'site_to_site_vpn', 'raw', body.slice(colon + 1));
  return null;
}

const VPN_USER = compileDissect("user id '%{user}' local ip %{local} %{how} from %{client}");

/** client_vpn_connect and the AnyConnect connect / disconnect messages. */
export function vpnUser(sub: string): (body: string, rest: number, doc: EcsDoc) => string | null {
  return (body, rest, doc) => {
    set2(doc, 'cisco_meraki', 'event_subtype', sub);
    doc.message = body.slice(rest);
    const out = fresh();
    if (!runDissect(VPN_USER, body, rest, out)) return 'parse_' + sub;
    set2(doc, 'user', 'name', out.user);
    set2(doc, 'network', 'forwarded_ip', out.local);
    clientIp(doc, out.client);
    return null;
  };
}

const ARP = compileDissect('Blocked ARP Packet from %{mac} with IP %{ip} on %{} %{vlan}');

export function blockedArp(body: string, _rest: number, doc: EcsDoc): string | null {
  set2(doc, 'cisco_meraki', 'event_subtype', 'blocked');
  const out = fresh();
  if (!runDissect(ARP, body, 0, out) || !isIp(out.ip)) return 'parse_blocked';
  set2(doc, 'source', 'mac', macEcs(out.mac!));
  set2(doc, 'source', 'ip', out.ip);
  set3(doc, 'observer', 'ingress', 'vlan', { id: out.vlan });
  set2(doc, 'cisco_meraki', 'event_subtype', 'arp_blocked');
  return null;
}

const PORT_ACTIONS: readonly [string, string][] = [['status changed', 'port_status_changed'], ['changed stp role', 'port_changed_stp_role']];

export function port(body: string, rest: number, doc: EcsDoc): string | null {
  set2(doc, 'cisco_meraki', 'event_subtype', 'port');
  const sp = body.indexOf(' ', rest);
  if (sp <= rest) return 'parse_port';
  const after = body.slice(sp + 1);
  const lower = after.toLowerCase();
  for (const [words, sub] of PORT_ACTIONS) {
    if (!lower.startsWith(words)) continue;
    set2(doc, 'cisco_meraki', 'port', body.slice(rest, sp));
    set2(doc, 'cisco_meraki', 'event_subtype', sub);
    const from = lower.indexOf(' from ', words.length - 1);
    const to = from < 0 ? -1 : lower.indexOf(' to ', from + 6);
    if (from === words.length && to > from + 6 && after.indexOf(' ', to + 4) < 0) {
      set2(doc, 'cisco_meraki', 'old_port_status', after.slice(from + 6, to));
      set2(doc, 'cisco_meraki', 'new_port_status', after.slice(to + 4));
    }
    return null;
  }
  return 'parse_port';
}

const CARRIER = compileDissect('device %{port} up %{up}');

export function carrierChange(body: string, rest: number, doc: EcsDoc): string | null {
  set2(doc, 'cisco_meraki', 'event_subtype', 'carrier_change');
  let p = rest;
  const out = fresh();
  if (!runDissect(CARRIER, body, p, out)) return 'parse_carrier_change';
  p = out.up!.indexOf(' ');
  const up = p < 0 ? out.up : out.up!.slice(0, p);
  set2(doc, 'cisco_meraki', 'mxport', out.port!.trim());
  set2(doc, 'cisco_meraki', 'new_port_status', up === 'true' ? 'up' : up === 'false' ? 'down' : undefined);
  return null;
}

export function martianVlan(body: string, rest: number, doc: EcsDoc): string | null {
  set2(doc, 'cisco_meraki', 'event_subtype', 'martian_vlan');
  // pairs end at `' ` and split at `='`, so the last value keeps its closing quote, as the pipeline leaves it
  const kv = fresh();
  for (const pair of body.slice(rest).split("' ")) {
    const eq = pair.indexOf("='");
    if (eq > 0 && !(pair.slice(0, eq) in kv)) kv[pair.slice(0, eq)] = pair.slice(eq + 2);
  }
  set2(doc, 'cisco_meraki', 'martian_vlan', kv);
  clientIp(doc, kv.Client);
  set2(doc, 'client', 'mac', kv.MAC);
  return kv.Client === undefined ? 'parse_martian_vlan' : null;
}

const TUNNEL_ADDED = compileDissect('conn_id[%{conn_id}] Added %{tunnel_type} tunnel[%{tunnel_id}] to DB');
const TUNNEL_DELETED = compileDissect('Deleted %{tunnel_type} tunnel[%{tunnel_id}] from DB.');
const FILTER = compileDissect('Applied VPN filter[%{filter}] for assigned IP %{ip}');
const SESSION_END = compileDissect('Session disconnected. Session Type: %{session_type}, Duration: %{duration}, Bytes xmt: %{bytes_out}, Bytes rcv: %{bytes_in}');
const ACTIONS: readonly [ReturnType<typeof compileDissect>, string | undefined][] = [
  [TUNNEL_ADDED, 'added tunnel'], [TUNNEL_DELETED, 'deleted tunnel'], [FILTER, undefined], [SESSION_END, 'session disconnected'],
];

/** `[NAME]` after `key` in s, or undefined. */
function bracketAfter(s: string, key: string): string | undefined {
  const i = s.indexOf(key + '[');
  if (i < 0) return undefined;
  const close = s.indexOf(']', i + key.length + 1);
  return close < 0 ? undefined : s.slice(i + key.length + 1, close);
}

export function anyconnectSession(body: string, doc: EcsDoc): void {
  const mi = body.indexOf('msg=');
  if (mi < 0) return;
  let a = mi + 4;
  if (body.charCodeAt(a) === 32) a++;
  const z = body.lastIndexOf("'");
  if (body.charCodeAt(a) !== 39 || z <= a) return;
  const text = body.slice(a + 1, z);
  const colon = text.indexOf(': ');
  if (colon < 0) return;
  const left = text.slice(0, colon);
  let right = text.slice(colon + 2).trimEnd();
  const ns = 'anyconnect_vpn_session_manager';
  const ri = right.indexOf(' Reason: ');
  if (ri >= 0) {
    set3(doc, 'cisco_meraki', ns, 'reason', right.slice(ri + 9));
    right = right.slice(0, ri);
  }
  set3(doc, 'cisco_meraki', ns, 'session_id', bracketAfter(left, 'Sess-ID'));
  set3(doc, 'cisco_meraki', ns, 'user_name', bracketAfter(left, 'User'));
  const pi = left.indexOf('Peer IP=');
  if (pi >= 0) {
    const ip = left.slice(pi + 8).split(' ', 1)[0];
    if (isIp(ip)) set3(doc, 'cisco_meraki', ns, 'peer_ip', ip);
  }
  if (right.endsWith(',')) right = right.slice(0, -1);
  for (const [d, action] of ACTIONS) {
    const out = fresh();
    if (!runDissect(d, right, 0, out)) continue;
    for (const k in out) set3(doc, 'cisco_meraki', ns, k, out[k]);
    set3(doc, 'cisco_meraki', ns, 'action', action);
    break;
  }
}
