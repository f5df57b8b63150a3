/**
 * FortiOS log id -> `event.action` for logs that carry no `eventtype` and whose sub-pipeline set no
 * action (mostly `type=event`). The names are the FortiSIEM event-type names Elastic's integration
 * uses (`FortiGate-<type>-<mnemonic>`). Curated: the log ids FortiOS 6.x-7.6 devices send most
 * (traffic, admin/config, IPsec/SSL VPN, user authentication, routing, HA, SD-WAN, wireless);
 * an id missing here just leaves `event.action` unset.
 */
const ENTRIES: readonly (readonly [string, string])[] = [
  // traffic
  ['0000000002', 'traffic-allow'], ['0000000003', 'traffic-deny'], ['0000000004', 'traffic-other-start'],
  ['0000000005', 'traffic-other-icmp-allow'], ['0000000006', 'traffic-other-icmp-deny'],
  ['0000000007', 'traffic-other-invalid'], ['0000000008', 'traffic-wanopt'], ['0000000009', 'traffic-webcache'],
  ['0000000010', 'traffic-explicit-proxy'], ['0000000011', 'traffic-fail-conn'], ['0000000013', 'traffic-end-forward'],
  ['0000000015', 'traffic-start-forward'], ['0000000020', 'traffic-stat'], ['0000000022', 'traffic-utm-correlation'],
  ['0000000025', 'traffic-sflow'], ['0001000014', 'traffic-end-local'], ['0001000016', 'traffic-start-local'],
  ['0002000012', 'traffic-multicast'], ['0002000019', 'traffic-broadcast'], ['0003000011', 'traffic-other-invalid'],
  ['0004000017', 'traffic-sniffer'], ['0004000021', 'traffic-sniffer-stat'], ['0005000024', 'traffic-ztna'],
  // system
  ['0100020010', 'event-kernel-error'], ['0100020090', 'event-intf-link-sta-chg'], ['0100020099', 'event-intf-sta-chg'],
  ['0100020203', 'event-daemon-shutdown'], ['0100020204', 'event-daemon-start'],
  ['0100022011', 'event-enter-mem-conserve-mode'], ['0100022012', 'event-leave-mem-conserve-mode'],
  ['0100022901', 'event-faz-con'], ['0100022902', 'event-faz-discon'], ['0100022903', 'event-faz-con-err'],
  ['0100022912', 'event-fds-srv-errcon'], ['0100022913', 'event-fds-srv-discon'], ['0100022915', 'event-fds-srv-con'],
  ['0100022916', 'event-fds-status'], ['0100022921', 'event-route-info-changed'],
  ['0100022922', 'event-link-monitor-status'], ['0100022932', 'event-link-monitor-status-warning'],
  ['0100026001', 'event-dhcp-ack'], ['0100026002', 'event-dhcp-release'], ['0100026003', 'event-dhcp-stat'],
  ['0100026004', 'event-dhcp-client-lease'],
  ['0100032001', 'event-admin-login-success'], ['0100032002', 'event-admin-login-fail'],
  ['0100032003', 'event-admin-logout'], ['0100032006', 'event-admin-enter-vdom'], ['0100032007', 'event-admin-left-vdom'],
  ['0100032009', 'event-system-start'], ['0100032011', 'event-log-roll'], ['0100032021', 'event-admin-login-disable'],
  ['0100032095', 'event-gui-chg-sub-module'], ['0100032096', 'event-gui-download-log'],
  ['0100032102', 'event-chg-config'], ['0100032104', 'event-chg-config-gui'], ['0100032138', 'event-reboot'],
  ['0100032200', 'event-shutdown'], ['0100032203', 'event-restore-conf'], ['0100032546', 'event-application-crash'],
  ['0100032561', 'event-admin-logout-disconnect'],
  ['0100040704', 'event-sys-perf'], ['0100040705', 'event-sys-cpu-usage'],
  ['0100041000', 'event-upd-fgt-succ'], ['0100041001', 'event-upd-fgt-fail'], ['0100041002', 'event-upd-src-vis'],
  ['0100044544', 'event-config-path'], ['0100044545', 'event-config-obj'], ['0100044546', 'event-config-attr'],
  ['0100044547', 'event-config-objattr'], ['0100044548', 'event-config-exec'],
  ['0100046600', 'event-automation-triggered'],
  // vpn
  ['0101023101', 'event-ipsec-tunnel-up'], ['0101023102', 'event-ipsec-tunnel-down'],
  ['0101023103', 'event-ipsec-tunnel-stat'],
  ['0101037120', 'event-neg-generic-p1-notif'], ['0101037121', 'event-neg-generic-p1-error'],
  ['0101037122', 'event-neg-generic-p2-notif'], ['0101037123', 'event-neg-generic-p2-error'],
  ['0101037124', 'event-neg-i-p1-error'], ['0101037125', 'event-neg-i-p2-error'],
  ['0101037126', 'event-neg-no-state-error'], ['0101037127', 'event-neg-progress-p1-notif'],
  ['0101037128', 'event-neg-progress-p1-error'], ['0101037129', 'event-neg-progress-p2-notif'],
  ['0101037130', 'event-neg-progress-p2-error'], ['0101037131', 'event-esp-error'], ['0101037132', 'event-esp-critical'],
  ['0101037133', 'event-install-sa'], ['0101037134', 'event-delete-p1-sa'], ['0101037135', 'event-delete-p2-sa'],
  ['0101037136', 'event-dpd-failure'], ['0101037137', 'event-conn-failure'], ['0101037138', 'event-conn-updown'],
  ['0101037139', 'event-p2-updown'], ['0101037141', 'event-conn-stats'],
  ['0101039424', 'event-ssl-vpn-user-tunnel-up'], ['0101039425', 'event-ssl-vpn-user-tunnel-down'],
  ['0101039426', 'event-ssl-vpn-user-ssl-login-fail'], ['0101039943', 'event-ssl-vpn-session-new-con'],
  ['0101039947', 'event-ssl-vpn-session-tunnel-up'], ['0101039948', 'event-ssl-vpn-session-tunnel-down'],
  ['0101039949', 'event-ssl-vpn-session-tunnel-stats'],
  // user
  ['0102038031', 'event-fsso-logon'], ['0102038032', 'event-fsso-logoff'], ['0102038033', 'event-fsso-svr-status'],
  ['0102043008', 'event-auth-success'], ['0102043009', 'event-auth-failed'], ['0102043010', 'event-auth-lockout'],
  ['0102043011', 'event-auth-time-out'], ['0102043014', 'event-auth-fsae-logon'],
  ['0102043015', 'event-auth-fsae-logoff'], ['0102043025', 'event-auth-proxy-success'],
  ['0102043026', 'event-auth-proxy-failed'], ['0102043039', 'event-auth-logon'], ['0102043040', 'event-auth-logout'],
  ['0102043045', 'event-auth-8021x-success'], ['0102043046', 'event-auth-8021x-fail'],
  // router
  ['0103020300', 'event-bgp-nb-stat-chg'], ['0103020302', 'event-ospf-nb-stat-chg'],
  ['0103020303', 'event-ospf6-nb-stat-chg'], ['0103027001', 'event-vrrp-state-chg'],
  // wireless
  ['0104043544', 'event-wireless-wids-mgmt-flood'], ['0104043551', 'event-wireless-wtp-join'],
  ['0104043552', 'event-wireless-wtp-leave'], ['0104043563', 'event-wireless-rogue-detect'],
  ['0104043572', 'event-wireless-sta-asso'], ['0104043573', 'event-wireless-sta-auth'],
  ['0104043574', 'event-wireless-sta-dass'], ['0104043575', 'event-wireless-sta-daut'],
  ['0104043576', 'event-wireless-sta-idle'], ['0104043579', 'event-wireless-sta-ip'],
  // HA
  ['0108035011', 'event-ha-sync-fail'], ['0108037892', 'event-vc-move-memb-state'],
  ['0108037893', 'event-vc-detect-memb-dead'], ['0108037894', 'event-vc-detect-memb-join'],
  ['0108037901', 'event-hbdev-down'], ['0108037902', 'event-hbdev-up'], ['0108037903', 'event-sync-status'],
  ['0108037904', 'event-ha-activity'],
  // SD-WAN
  ['0113022923', 'event-vwl-lqty-status'], ['0113022925', 'event-vwl-sla-info'],
  ['0113022933', 'event-vwl-sla-info-notif'],
];

export const LOGID_ACTION: ReadonlyMap<string, string> = new Map(ENTRIES.map(([id, a]) => [id, 'FortiGate-' + a]));
