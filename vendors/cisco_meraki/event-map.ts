/** event.action / type / category by `cisco_meraki.event_subtype`, as Elastic's Meraki pipeline maps them. */
export interface EventInfo {
  readonly action?: string;
  readonly type?: readonly string[];
  readonly category?: readonly string[];
}

export const EVENT_MAP: ReadonlyMap<string, EventInfo> = new Map<string, EventInfo>([
  ['vpn_connectivity_change', { category: ['session'], type: ['connection'], action: 'vpn-connectivity-change' }],
  ['dhcp_offer', { type: ['access', 'allowed'], action: 'dhcp-offer' }],
  ['dhcp_no_offer', { type: ['access', 'denied'], action: 'dhcp-no-offer' }],
  ['Site-to-Site VPN', { type: ['access'], action: 'site-to-site-vpn' }],
  ['client_vpn_connect', { category: ['session'], type: ['access', 'allowed', 'start'], action: 'site-to-site-vpn' }],
  ['ip_session_initiated', { type: ['access', 'start'], action: 'ip-session-initiated' }],
  ['flow_allowed', { type: ['connection', 'start'], action: 'layer3-firewall-allowed-flow' }],
  ['flow_denied', { type: ['access', 'denied'], action: 'layer3-firewall-denied-flow' }],
  ['http_access', { category: ['web'], type: ['access'], action: 'http-access' }],
  ['http_access_error', { category: ['web'], type: ['error'], action: 'http-access-error' }],
  ['ids_alerted', { category: ['threat'], type: ['indicator'], action: 'ids-signature-matched' }],
  ['security_filtering_file_scanned', { category: ['threat', 'malware'], type: ['indicator', 'info'], action: 'malicious-file-actioned' }],
  ['security_filtering_disposition_change', {
    category: ['threat', 'malware'], type: ['indicator', 'info'], action: 'issued-retrospective-malicious-disposition',
  }],
  ['association', { type: ['access', 'connection'], action: 'wifi-association-request' }],
  ['disassociation', { category: ['session'], type: ['access', 'end'], action: 'wifi-disassociation-request' }],
  ['wpa_auth', { category: ['authentication'], type: ['start', 'access'], action: 'wifi-wpa-authentication' }],
  ['wpa_deauth', { category: ['authentication'], type: ['end', 'denied'], action: 'wifi-wpa-failed-auth-or-deauth' }],
  ['8021x_eap_failure', { category: ['authentication'], type: ['end', 'denied'], action: 'wifi-8021x-failed-authentication-attempt' }],
  ['8021x_deauth', { category: ['authentication'], type: ['end', 'denied'], action: 'wifi-8021x-failed-auth-or-deauth' }],
  ['8021x_eap_success', { category: ['authentication'], type: ['start'], action: 'wifi-8021x-auth' }],
  ['splash_auth', { category: ['authentication'], type: ['start'], action: 'splash-authentication' }],
  ['device_packet_flood', { category: ['threat'], type: ['indicator'], action: 'wireless-packet-flood-detected' }],
  ['rogue_ssid_detected', { category: ['threat'], type: ['indicator'], action: 'rogue-ssid-detected' }],
  ['ssid_spoofing_detected', { category: ['threat'], type: ['indicator'], action: 'ssid-spoofing-detected' }],
  ['multiple_dhcp_servers_detected', { type: ['protocol'] }],
  ['dfs_event', { action: 'dynamic-frequency-selection-detected' }],
  ['aps_association_reject', { action: 'association-rejected-for-load-balancing' }],
]);
