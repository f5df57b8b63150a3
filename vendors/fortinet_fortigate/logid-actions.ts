/**
 * FortiOS log id -> `event.action` for logs whose sub-pipeline and `eventtype` set no action: the
 * FortiSIEM event-type names Elastic's integration uses (`FortiGate-<group>-<mnemonic>`, its
 * `logid` pipeline), for every log id of the FortiOS log message reference it lists. One line per
 * group: `<group>: <log id> <mnemonic> ...`; the names are built once at load.
 */
const TABLE = `
traffic: 0000000002 allow 0000000003 deny 0000000004 other-start 0000000005 other-icmp-allow
traffic: 0000000006 other-icmp-deny 0000000007 other-invalid 0000000008 wanopt 0000000009 webcache
traffic: 0000000010 explicit-proxy 0000000011 fail-conn 0000000013 end-forward 0000000015 start-forward
traffic: 0000000020 stat 0000000022 utm-correlation 0000000025 sflow
event: 0000043673 wireless-sta-dns-no-domain
traffic: 0001000014 end-local 0001000016 start-local 0002000012 multicast 0002000019 broadcast
traffic: 0003000011 other-invalid 0004000017 sniffer 0004000021 sniffer-stat 0005000024 ztna
traffic: 0021010001 allowed 0022000003 violation 0038000005 generic 0038000007 generic
event: 0100020002 domain-unresolvable 0100020003 mail-sent-fail 0100020004 policy-too-big
event: 0100020005 ppp-link-up 0100020006 ppp-link-down 0100020007 socket-exhausted 0100020008 policy6-too-big
event: 0100020010 kernel-error 0100020016 modem-exceed-redial-count 0100020017 modem-fail-to-open
event: 0100020020 modem-usb-detected 0100020021 mail-resent 0100020022 modem-usb-removed
event: 0100020023 modem-usblte-detected 0100020024 modem-usblte-removed 0100020025 reportd-report-success
event: 0100020026 reportd-report-failure 0100020028 report-recreate-db
event: 0100020031 rad-out-of-mem 0100020032 rad-not-found 0100020033 rad-mobile-ipv6
event: 0100020034 rad-ipv6-out-of-range 0100020035 rad-min-out-of-range 0100020036 rad-max-out-of-range
event: 0100020037 rad-max-adv-out-of-range 0100020039 rad-mtu-too-small 0100020040 rad-time-too-small
event: 0100020041 rad-hop-out-of-range 0100020042 rad-dft-hop-out-of-range 0100020043 rad-agent-out-of-range
event: 0100020044 rad-agent-flag-not-set 0100020045 rad-prefix-too-long 0100020046 rad-pref-time-too-small
event: 0100020061 rad-inv-icmpv6-type 0100020062 rad-inv-icmpv6-ra-len 0100020063 rad-icmpv6-no-src-addr
event: 0100020064 rad-inv-icmpv6-rs-len 0100020065 rad-inv-icmpv6-code 0100020066 rad-inv-icmpv6-hop
event: 0100020067 rad-mismatch-hop 0100020068 rad-mismatch-mgr-flag 0100020069 rad-mismatch-oth-flag
event: 0100020070 rad-mismatch-time 0100020071 rad-mismatch-timer 0100020072 rad-extra-data
event: 0100020073 rad-no-opt-data 0100020074 rad-inv-opt-len 0100020075 rad-mismatch-mtu
event: 0100020077 rad-mismatch-pref-time 0100020078 rad-inv-opt 0100020080 rad-fail-to-rcv
event: 0100020081 rad-inv-hop 0100020082 rad-inv-pktinfo 0100020083 rad-fail-to-check
event: 0100020084 rad-fail-to-send 0100020085 session-clash
event: 0100020090 intf-link-sta-chg 0100020099 intf-sta-chg 0100020100 web-cat-updated
event: 0100020101 web-lic-expire 0100020102 spam-lic-expire 0100020103 av-lic-expire 0100020104 ips-lic-expire
event: 0100020107 log-upload-err 0100020108 log-upload-done 0100020109 web-lic-expired
event: 0100020113 ipsa-download-fail 0100020114 ipsa-selftest-fail 0100020115 ipsa-statusupd-fail
event: 0100020116 spam-lic-expired 0100020117 av-lic-expired 0100020118 webf-status-reach
event: 0100020119 webf-status-unreach
event: 0100020120 fmgc-lic-expire 0100020121 fazc-lic-expire 0100020122 swno-lic-expire
event: 0100020123 swnm-lic-expire 0100020124 vmls-lic-expire 0100020125 sfas-lic-expire
event: 0100020126 ipmc-lic-expire 0100020127 ioth-lic-expire 0100020128 fsac-lic-expire
event: 0100020129 afac-lic-expire 0100020130 emsc-acc-lic-expire 0100020131 fmgc-acc-lic-expire
event: 0100020132 fsap-acc-lic-expire 0100020133 firewall-policy-expire 0100020134 firewall-policy-expired
event: 0100020135 fais-lic-expire 0100020136 dlp-lic-expire 0100020137 fgsa-lic-expire
event: 0100020138 swos-lic-expire 0100020139 fgcs-acc-lic-expire 0100020140 fspa-lic-expire
event: 0100020141 fsfg-lic-expire 0100020150 dev-vunl-ftgd-lookup
event: 0100020200 fips-self-test 0100020201 fips-self-all-test 0100020202 disk-format-error
event: 0100020203 daemon-shutdown 0100020204 daemon-start 0100020205 disk-format-req 0100020206 disk-scan-req
event: 0100020207 rad-mismatch-valid-time 0100020208 zombie-daemon-cleanup 0100020209 disk-unavail
event: 0100020210 disk-trim-start 0100020211 disk-trim-end 0100020212 disk-scan-needed
event: 0100020213 disk-log-corrupted 0100020214 local-out-ioc 0100020220 shaper-outbound-maxed-out
event: 0100020221 shaper-inbound-maxed-out 0100020230 sys-security-write-violation
event: 0100020231 sys-security-hardlink-violation 0100020232 sys-security-load-module-violation
event: 0100020233 sys-security-file-hash-missing 0100020234 sys-security-file-hash-mismatch
event: 0100020235 sys-security-mount-violation
event: 0100022000 inv-pkt-len 0100022001 unsupported-prot-ver 0100022002 inv-req-type
event: 0100022003 fail-set-sig-handler 0100022004 fail-create-socket 0100022005 fail-create-socket-retry
event: 0100022006 fail-reg-cmdb-event 0100022009 fail-find-av-profile 0100022010 sendto-fail
event: 0100022011 enter-mem-conserve-mode 0100022012 leave-mem-conserve-mode
event: 0100022013 ippoolpba-block-exhausted 0100022014 ippoolpba-natip-exhausted 0100022015 ippoolpba-create
event: 0100022016 ippoolpba-deallocate 0100022017 exceed-glob-res-limit 0100022018 exceed-vd-res-limit
event: 0100022019 lograte-over-limit 0100022020 fail-create-ha-socket 0100022021 fail-create-ha-socket-retry
event: 0100022022 enter-extreme-low-mem-mode 0100022023 leave-extreme-low-mem-mode
event: 0100022031 success-csf-log-sync-config-changed 0100022032 csf-loop-found
event: 0100022035 csf-upstream-sn-changed 0100022036 csf-fgt-connected 0100022037 csf-fgt-disconnected
event: 0100022038 csf-global-sync-failed 0100022039 csf-global-sync-report 0100022040 csf-device-join
event: 0100022041 csf-device-leave 0100022042 csf-device-update 0100022043 csf-new-auth-req
event: 0100022044 csf-update-auth-req 0100022045 csf-remove-auth-req 0100022046 csf-role-change
event: 0100022047 csf-file-mem-usage 0100022048 csf-advpn-sync 0100022049 csf-daemon-close
event: 0100022050 ipamd-address-allocated 0100022051 ipamd-address-set-failed
event: 0100022052 ipamd-address-invalidated 0100022053 ipamd-validation-complete 0100022060 ipamsd-add-entry
event: 0100022061 ipamsd-delete-entry 0100022062 ipamsd-flag-conflict 0100022063 ipamsd-unflag-conflict
event: 0100022080 provision-latest-succeeded 0100022081 provision-latest-failed
event: 0100022085 device-upgrade-succeeded 0100022086 device-upgrade-failed
event: 0100022090 federated-upgrade-cancelled 0100022091 federated-upgrade-succeeded
event: 0100022092 federated-upgrade-failed 0100022093 federated-upgrade-step-complete
event: 0100022094 federated-upgrade-root-completed 0100022095 federated-upgrade-root-not-completed
event: 0100022100 quar-drop-tran-job 0100022101 quar-drop-tll-job 0100022102 log-disk-failure
event: 0100022103 quar-limit-reached 0100022105 power-failure 0100022106 power-optional-not-detected
event: 0100022107 volt-anom 0100022108 fan-anom 0100022109 temp-too-high 0100022110 spare-block-low
event: 0100022111 psu-action-fpc-down 0100022112 psu-action-fpc-up 0100022113 fnbam-failure
event: 0100022114 power-failure-warning 0100022115 power-restore-notif 0100022116 power-redundancy-degrade
event: 0100022117 power-redundancy-failure 0100022150 volt-nom 0100022151 fan-nom 0100022152 temp-too-low
event: 0100022153 temp-norm
event: 0100022200 auto-upt-cert 0100022201 auto-gen-cert 0100022203 auto-gen-cert-fail
event: 0100022204 auto-gen-cert-pending 0100022205 auto-gen-cert-succ 0100022206 crl-expired
event: 0100022207 cert-expire-warning 0100022220 ext-resource 0100022221 ext-resource-fail
event: 0100022222 ext-resource-load 0100022223 ext-resource-debug 0100022700 ips-fail-open
event: 0100022701 ips-fail-open-end 0100022800 scan-serv-fail 0100022802 enter-fd-conserve-mode
event: 0100022803 leave-fd-conserve-mode 0100022804 lic-status-chg 0100022805 fail-to-validate-lic
event: 0100022806 dup-lic 0100022807 vdom-lic 0100022808 lic-expire 0100022809 lic-will-expire
event: 0100022810 scanunit-error-block 0100022811 scanunit-error-pass 0100022812 scanunit-aveng-reload
event: 0100022813 scanunit-avdb-reload 0100022814 scanunit-avdb-reload-error 0100022815 scanunit-avdb-load
event: 0100022816 scanunit-avdb-load-error 0100022817 scanunit-dlp-signature-remove 0100022901 faz-con
event: 0100022902 faz-discon 0100022903 faz-con-err 0100022912 fds-srv-errcon 0100022913 fds-srv-discon
event: 0100022915 fds-srv-con 0100022916 fds-status 0100022917 fds-sms-quota 0100022918 fds-ctrl-status
event: 0100022919 svr-log-status-changed 0100022921 route-info-changed 0100022922 link-monitor-status
event: 0100022932 link-monitor-status-warning 0100022940 link-monitor-fail-detect 0100022949 fds-join
event: 0100022950 fds-login-succ 0100022951 fds-logout 0100022952 fds-login-fail 0100022954 inet-svc-obsolete
event: 0100022955 inet-svc-name-failure 0100022956 inet-svc-name-update 0100026001 dhcp-ack
event: 0100026002 dhcp-release 0100026003 dhcp-stat 0100026004 dhcp-client-lease
event: 0100026005 dhcp-lease-usage-high 0100026006 dhcp-lease-usage-full 0100026007 dhcp-blocked-mac
event: 0100026008 dhcp-ddns-add 0100026009 dhcp-ddns-delete 0100026010 dhcp-ddns-completed
event: 0100026011 dhcpv6-reply 0100026012 dhcpv6-release
event: 0100029001 pppd-msg 0100029002 pppd-auth-suc 0100029003 pppd-auth-fail 0100029004 pppd-msg-error
event: 0100029005 pppd-msg-debug 0100029010 pppoe-status-report-notif 0100029011 pppd-fail-to-exec
event: 0100029013 pppd-start 0100029014 pppd-exit 0100029015 ppp-rcv-bad-peer-ip
event: 0100029016 ppp-rcv-bad-local-ip 0100029021 auth-snmp-query-failed 0100029022 ddns-update-fail
event: 0100032001 admin-login-success 0100032002 admin-login-fail 0100032003 admin-logout
event: 0100032005 admin-overide-vdom 0100032006 admin-enter-vdom 0100032007 admin-left-vdom
event: 0100032008 view-disk-log-fail 0100032009 system-start 0100032010 disk-log-full 0100032011 log-roll
event: 0100032014 cs-lic-expire 0100032015 disk-log-usage 0100032017 fds-daily-quota-full
event: 0100032018 fips-enter-err-mod 0100032020 ssh-corrput-mac 0100032021 admin-login-disable
event: 0100032022 vdom-enabled 0100032023 mem-log-first-full 0100032024 admin-passwd-expire
event: 0100032025 ssh-rekey 0100032026 ssh-bad-packet-length 0100032027 view-disk-log-succ
event: 0100032028 log-del-dir 0100032029 log-del-file 0100032030 send-fds-stat
event: 0100032031 view-mem-log-fail 0100032032 disk-dlp-arch-full 0100032033 disk-quar-full
event: 0100032034 disk-report-full 0100032035 vdom-disabled 0100032036 disk-ips-arch-full
event: 0100032037 disk-log-first-full 0100032038 log-roll-forticron 0100032039 view-mem-log-succ
event: 0100032040 report-deleted 0100032041 report-deleted-gui 0100032042 mem-log-second-full
event: 0100032043 mem-log-final-full 0100032044 log-delete 0100032045 mgr-lic-expire
event: 0100032048 schedule-expire 0100032049 fc-expire 0100032050 pol-pkt-capture-full 0100032051 log-upload
event: 0100032052 upload-run-script 0100032055 cc-kat-success 0100032057 view-faz-log-fail
event: 0100032058 view-faz-log-succ
event: 0100032095 gui-chg-sub-module 0100032096 gui-download-log 0100032097 delete-capture-pkt
event: 0100032099 chg-config-info 0100032100 forti-token-sync 0100032102 chg-config 0100032103 new-firmware
event: 0100032104 chg-config-gui 0100032105 ntp-svr-staus-chg-reachable
event: 0100032106 ntp-svr-staus-chg-resolvable 0100032107 ntp-svr-staus-chg-unresolvable
event: 0100032108 ntp-svr-staus-chg-unreachable 0100032109 upd-sign-av-db 0100032110 upd-sign-ips-db
event: 0100032111 upd-sign-avips-db 0100032113 upd-sign-srcvis-db 0100032114 upd-sign-geoip-db
event: 0100032116 upd-sign-avpkg-failure 0100032117 upd-sign-avpkg-success 0100032118 upd-admin-av-db
event: 0100032119 upd-scanunit-av-db
event: 0100032129 add-guest 0100032130 chg-user 0100032131 del-guest 0100032132 add-user 0100032138 reboot
event: 0100032139 wake-on-lan 0100032140 time-user-setting-chg 0100032141 time-ntp-setting-chg
event: 0100032142 backup-conf 0100032143 backup-conf-by-scp 0100032144 backup-conf-error
event: 0100032145 backup-conf-alert 0100032146 time-ptp-setting-chg 0100032148 get-crl 0100032149 command-fail
event: 0100032151 add-ip6-local-pol 0100032152 chg-ip6-local-pol 0100032153 del-ip6-local-pol
event: 0100032155 act-ftoken-req 0100032156 act-ftoken-succ 0100032157 sync-ftoken-succ
event: 0100032158 sync-ftoken-fail 0100032159 act-ftoken-fail 0100032160 ftm-push-succ
event: 0100032161 ftm-push-fail
event: 0100032168 reach-vdom-limit 0100032169 alarm-dlp-db 0100032170 alarm-msg 0100032171 alarm-ack
event: 0100032172 add-ip4-local-pol 0100032173 chg-ip4-local-pol 0100032174 del-ip4-local-pol
event: 0100032180 geoip-db-init-fail 0100032190 upt-invalid-img 0100032191 upt-invalid-img-cc
event: 0100032192 upt-invalid-img-rsa 0100032193 upt-img-rsa 0100032194 upt-img-fail 0100032200 shutdown
event: 0100032201 load-img-succ 0100032202 restore-img 0100032203 restore-conf 0100032204 restore-fgd-svr
event: 0100032205 restore-vdom-lic 0100032206 restore-script 0100032207 retrieve-conf-list
event: 0100032208 imp-pkcs12-cert 0100032209 restore-usr-def-ips 0100032210 backup-img-succ
event: 0100032211 upload-revision 0100032212 del-revision 0100032213 restore-template 0100032214 restore-file
event: 0100032215 upt-img 0100032217 upd-ips 0100032218 upd-dlp 0100032219 backup-output
event: 0100032220 backup-command 0100032221 upd-vdom-lic 0100032222 glb-setting-chg
event: 0100032223 backup-user-def-ips 0100032224 backup-disk-log 0100032225 del-all-revision
event: 0100032226 load-img-fail 0100032227 upd-dlp-fail 0100032228 load-img-fail-wrong-img
event: 0100032229 load-img-fail-no-rsa 0100032230 load-img-fail-invalid-rsa 0100032231 restore-fgd-svr-fail
event: 0100032232 restore-vdom-lic-fail 0100032233 backup-img-fail 0100032234 restore-img-invalid-cc
event: 0100032235 restore-img-fortiguard
event: 0100032236 backup-mem-log 0100032237 backup-mem-log-fail 0100032238 backup-disk-log-fail
event: 0100032239 backup-disk-log-usb 0100032240 sys-usb-mode 0100032241 backup-disk-log-usb-fail
event: 0100032242 upd-vdom-lic-fail 0100032243 upd-ips-scp 0100032244 upd-ips-scp-fail
event: 0100032245 backup-user-def-ips-fail 0100032246 restore-usr-def-ips-critical
event: 0100032247 ssh-negotiation-failure 0100032252 factory-reset 0100032253 format-raid
event: 0100032254 enable-raid 0100032255 disable-raid 0100032260 restore-img-fortiguard-notif
event: 0100032261 restore-script-notif 0100032262 restore-img-confirm 0100032263 auto-img-upd-scheduled
event: 0100032264 ble-firmware-check 0100032265 ble-firmware-update 0100032270 ssh-host-key-regen
event: 0100032300 upload-rpt-img 0100032301 add-vdom 0100032302 del-vdom 0100032545 sys-restart
event: 0100032546 application-crash 0100032547 autoscript-start 0100032548 autoscript-stop
event: 0100032549 autoscript-stop-auto 0100032550 autoscript-delete-rslt 0100032551 autoscript-backup-rslt
event: 0100032552 autoscript-check-status 0100032553 autoscript-stop-reach-limit 0100032554 upd-admin-db
event: 0100032561 admin-logout-disconnect 0100032562 store-conf-fail-space 0100032564 restore-conf-fail
event: 0100032565 restore-conf-by-mgmt 0100032566 restore-conf-by-scp 0100032568 del-revision-db
event: 0100032571 restore-conf-fail-warning
event: 0100034415 np6-ipsec-engine-busy 0100034416 np6-ipsec-engine-possibly-lockup
event: 0100034417 np6-ipsec-engine-lockup 0100034418 np6-hpe-packet-drop 0100034419 np6-hpe-packet-flood
event: 0100034420 np6xlite-hpe-packet-drop 0100034421 np6xlite-hpe-packet-flood 0100034428 np7-hpe-packet-drop
event: 0100034430 np7-hpe-packet-flood 0100035051 pcp-mapping-create 0100035052 pcp-mapping-delete
event: 0100035053 pcp-mapping-renew 0100036881 system-cfg-revert 0100036882 system-cfg-manually-saved
event: 0100036883 system-clear-active-session 0100037898 HA-device-interface-failed
event: 0100038403 notif-insufficient-resource 0100038404 notif-hostname-error
event: 0100038405 notif-code-sendto-sms-phone 0100038406 notif-code-sendto-sms-to
event: 0100038407 notif-code-sendto-email 0100038408 oftp-ssl-connected 0100038409 oftp-ssl-disconnected
event: 0100038410 oftp-ssl-failed 0100038411 two-f-auth-code-sendto 0100038412 token-code-sendto
event: 0100040704 sys-perf 0100040705 sys-cpu-usage 0100040706 sys-broken-symbolic-link
event: 0100040707 sys-cpu-usage-single-core 0100041000 upd-fgt-succ 0100041001 upd-fgt-fail
event: 0100041002 upd-src-vis 0100041006 upd-fsa-virdb 0100041007 upd-manual-license-succ
event: 0100041008 upd-manual-license-fail 0100041009 upd-db-sign-invalid 0100041011 upd-db-unsigned-installed
event: 0100043776 nac-quarantine 0100043777 nac-anomaly-quarantine 0100043800 elbc-blade-join
event: 0100043801 elbc-blade-leave 0100043802 elbc-master-blade-found 0100043803 elbc-master-blade-lost
event: 0100043804 elbc-master-blade-change 0100043805 elbc-active-channel-found
event: 0100043806 elbc-active-channel-lost 0100043807 elbc-active-channel-change
event: 0100043808 elbc-chassis-active 0100043809 elbc-chassis-inactive 0100044544 config-path
event: 0100044545 config-obj 0100044546 config-attr 0100044547 config-objattr 0100044548 config-exec
event: 0100044555 cmdb-deadlock-detected 0100045056 forticlient-license-max 0100046000 vip-real-svr-ena
event: 0100046001 vip-real-svr-disa 0100046002 vip-real-svr-up 0100046003 vip-real-svr-down
event: 0100046004 vip-real-svr-ent-holddown 0100046005 vip-real-svr-fail-holddown 0100046006 vip-real-svr-fail
event: 0100046501 internal-lte-modem-detection 0100046502 internal-lte-modem-gpsd
event: 0100046503 internal-lte-modem-gps-loc-acquisition 0100046504 internal-lte-modem-billd
event: 0100046505 internal-lte-modem-billing-purged 0100046507 internal-lte-modem-fw-upgrade
event: 0100046508 internal-lte-modem-qdl-detection 0100046509 internal-lte-modem-reboot
event: 0100046510 internal-lte-modem-op-mode 0100046511 internal-lte-modem-power-on-off
event: 0100046512 internal-lte-modem-sim-state 0100046513 internal-lte-modem-link-connection
event: 0100046514 internal-lte-modem-manual-handover 0100046515 internal-lte-modem-ip-addr
event: 0100046516 internal-lte-modem-bearer-tech-change 0100046517 internal-lte-modem-wrong-pin
event: 0100046518 internal-lte-modem-sim-switch 0100046519 internal-lte-modem-sim-switch-connection-state
event: 0100046520 internal-lte-modem-sim-switch-link-monitor 0100046521 internal-lte-modem-sim-flip
event: 0100046522 internal-lte-modem-billing-data-alert 0100046523 internal-lte-modem-billing-time-refresh
event: 0100046524 internal-lte-modem-sim-switch-data-plan 0100046525 internal-lte-modem-billing-stop-network
event: 0100046526 internal-lte-modem-billing-data-plan-over
event: 0100046600 automation-triggered 0100046900 poe-status-report 0100047000 malware-list-truncated-enter
event: 0100047001 malware-list-truncated-exit 0100047002 file-hash-ems-list-truncated-enter
event: 0100047003 file-hash-ems-list-truncated-exit 0100047004 file-hash-ems-list-load 0100047203 enter-bypass
event: 0100047204 exit-bypass 0100049002 vnp-dpdk-primary-restart 0100049004 hyperv-sriov-show-up
event: 0100049005 hyperv-sriov-disappear 0100053000 sdnc-connected 0100053001 sdnc-disconnected
event: 0100053002 sdnc-subscribe 0100053003 sdnc-unsubscribe 0100053300 vne-pro-update-completed
event: 0100053301 vne-pro-update-failed 0100053311 npu-per-mapping-allocation 0100053312 npd-info
event: 0100053313 npd-warning 0100053314 npd-error 0100053315 lpm-error 0100053316 lpm-info
event: 0100053320 forticonverter-result-ready 0100053321 forticonverter-config-uploaded
event: 0100053400 fmg-tunnel-up 0100053401 fmg-tunnel-down 0100053406 2gb-csf-upgrade
event: 0101023101 ipsec-tunnel-up 0101023102 ipsec-tunnel-down 0101023103 ipsec-tunnel-stat
event: 0101037120 neg-generic-p1-notif 0101037121 neg-generic-p1-error 0101037122 neg-generic-p2-notif
event: 0101037123 neg-generic-p2-error 0101037124 neg-i-p1-error 0101037125 neg-i-p2-error
event: 0101037126 neg-no-state-error 0101037127 neg-progress-p1-notif 0101037128 neg-progress-p1-error
event: 0101037129 neg-progress-p2-notif 0101037130 neg-progress-p2-error 0101037131 esp-error
event: 0101037132 esp-critical 0101037133 install-sa 0101037134 delete-p1-sa 0101037135 delete-p2-sa
event: 0101037136 dpd-failure 0101037137 conn-failure 0101037138 conn-updown 0101037139 p2-updown
event: 0101037141 conn-stats
event: 0101039424 ssl-vpn-user-tunnel-up 0101039425 ssl-vpn-user-tunnel-down
event: 0101039426 ssl-vpn-user-ssl-login-fail 0101039936 ssl-vpn-session-web-tunnel-stats
event: 0101039937 ssl-vpn-session-webapp-deny 0101039938 ssl-vpn-session-webapp-pass
event: 0101039939 ssl-vpn-session-webapp-timeout 0101039940 ssl-vpn-session-webapp-close
event: 0101039941 ssl-vpn-session-sys-busy 0101039942 ssl-vpn-session-cert-ok
event: 0101039943 ssl-vpn-session-new-con 0101039944 ssl-vpn-session-alert
event: 0101039945 ssl-vpn-session-exit-fail 0101039946 ssl-vpn-session-exit-err
event: 0101039947 ssl-vpn-session-tunnel-up 0101039948 ssl-vpn-session-tunnel-down
event: 0101039949 ssl-vpn-session-tunnel-stats 0101039950 ssl-vpn-session-tunnel-unknowntag
event: 0101039951 ssl-vpn-session-tunnel-error 0101039952 ssl-vpn-session-enter-conserve-mode
event: 0101039953 ssl-vpn-session-leave-conserve-mode
event: 0101040001 pptp-tunnel-up 0101040002 pptp-tunnel-down 0101040003 pptp-tunnel-stat
event: 0101040014 pptp-reach-max-con 0101040017 l2tpd-client-con-fail 0101040019 l2tpd-client-discon
event: 0101040021 pptp-not-conig 0101040022 pptp-no-ip-avail 0101040024 pptp-out-mem 0101040034 pptp-start
event: 0101040035 pptp-start-fail 0101040036 pptp-exit 0101040037 pptpd-svr-discon 0101040038 pptpd-client-con
event: 0101040039 pptpd-client-discon 0101040101 l2tp-tunnel-up 0101040102 l2tp-tunnel-down
event: 0101040103 l2tp-tunnel-stat 0101040114 l2tpd-start 0101040115 l2tpd-exit 0101040118 l2tpd-client-con
event: 0101041984 vpn-cert-load 0101041985 vpn-cert-removal 0101041986 vpn-cert-regen
event: 0101041987 vpn-cert-update 0101041988 ssl-vpn-setting-update 0101041989 vpn-cert-err
event: 0101041990 vpn-cert-update-failed 0101041991 vpn-cert-export 0101041992 vpn-cert-crl-expired
event: 0102038010 fips-encry-fail 0102038011 fips-decry-fail 0102038012 entropy-token 0102038031 fsso-logon
event: 0102038032 fsso-logoff 0102038033 fsso-svr-status
event: 0102038656 rad-rpt-proto-error 0102038657 rad-rpt-prof-not-found 0102038658 rad-rpt-ctx-not-found
event: 0102038659 rad-rpt-acct-stop-missed 0102038660 rad-rpt-acct-event 0102038661 rad-rpt-other
event: 0102038662 rad-stat-proto-error 0102038663 rad-stat-prof-not-found 0102038665 rad-stat-acct-stop-missed
event: 0102038666 rad-stat-acct-event 0102038667 rad-stat-other 0102038668 rad-stat-ep-blk
event: 0102043008 auth-success 0102043009 auth-failed 0102043010 auth-lockout 0102043011 auth-time-out
event: 0102043012 auth-fsae-logon 0102043013 auth-fsae-auth-fail 0102043014 auth-fsae-logon
event: 0102043015 auth-fsae-logoff 0102043016 auth-ntlm-auth-success 0102043017 auth-ntlm-auth-fail
event: 0102043018 auth-fgovrd-fail 0102043019 webfilter-full 0102043020 auth-fgovrd-success
event: 0102043025 auth-proxy-success 0102043026 auth-proxy-failed 0102043027 auth-proxy-time-out
event: 0102043028 auth-proxy-group-info-failed 0102043029 auth-warning-success
event: 0102043030 auth-warning-tbl-full 0102043032 auth-proxy-user-limit-reached
event: 0102043033 auth-proxy-multiple-login 0102043034 auth-proxy-no-resp 0102043037 auth-ipv4-flush
event: 0102043038 auth-ipv6-flush 0102043039 auth-logon 0102043040 auth-logout
event: 0102043041 auth-disclaimer-accept 0102043042 auth-disclaimer-decline
event: 0102043043 auth-email-collecting-success 0102043044 auth-email-collecting-fail
event: 0102043045 auth-8021x-success 0102043046 auth-8021x-fail 0102043050 auth-fsae-connect
event: 0102043051 auth-fsae-disconnect
event: 0103020300 bgp-nb-stat-chg 0103020301 vz-log-info 0103020302 ospf-nb-stat-chg
event: 0103020303 ospf6-nb-stat-chg 0103020304 vz-log-warning 0103020305 vz-log-critical
event: 0103020306 vz-log-error 0103020401 router-clear 0103026003 dhcp-stat 0103027001 vrrp-state-chg
event: 0103051000 nb-tbl-chg
event: 0104032001 admin-login-success 0104032003 admin-logout 0104032140 admin-hostname-change
event: 0104032151 protection-profile-change 0104038003 authenticate-lockout 0104041989 user-group-change
event: 0104043520 wireless-sys 0104043521 wireless-rogue 0104043522 wireless-wtp 0104043524 wireless-sta
event: 0104043525 wireless-onwire 0104043526 wireless-wtpr 0104043527 wireless-rogue-cfg
event: 0104043528 wireless-wtpr-error 0104043529 wireless-clb 0104043530 wireless-wids-wl-bridge
event: 0104043531 wireless-wids-br-deauth 0104043532 wireless-wids-nl-pbresp 0104043533 wireless-wids-mac-oui
event: 0104043534 wireless-wids-long-dur 0104043535 wireless-wids-wep-iv 0104043542 wireless-wids-eapol-flood
event: 0104043544 wireless-wids-mgmt-flood 0104043546 wireless-wids-spoof-deauth
event: 0104043548 wireless-wids-asleap
event: 0104043550 wireless-sta-locate 0104043551 wireless-wtp-join 0104043552 wireless-wtp-leave
event: 0104043553 wireless-wtp-fail 0104043554 wireless-wtp-update 0104043555 wireless-wtp-reset
event: 0104043556 wireless-wtp-kick 0104043557 wireless-wtp-add-failure 0104043558 wireless-wtp-cfg-err
event: 0104043559 wireless-wtp-sn-mismatch 0104043560 wireless-sys-ac-restarted
event: 0104043561 wireless-sys-ac-hostapd-up 0104043562 wireless-sys-ac-hostapd-down
event: 0104043563 wireless-rogue-detect 0104043564 wireless-rogue-offair 0104043565 wireless-rogue-onair
event: 0104043566 wireless-rogue-offwire 0104043567 wireless-fakeap-detect 0104043568 wireless-fakeap-onair
event: 0104043569 wireless-rogue-suppressed 0104043570 wireless-rogue-unsuppressed
event: 0104043571 wireless-rogue-detect-chg
event: 0104043572 wireless-sta-asso 0104043573 wireless-sta-auth 0104043574 wireless-sta-dass
event: 0104043575 wireless-sta-daut 0104043576 wireless-sta-idle 0104043577 wireless-sta-deny
event: 0104043578 wireless-sta-kick 0104043579 wireless-sta-ip 0104043580 wireless-sta-leave-wtp
event: 0104043581 wireless-sta-wtp-disconn 0104043582 wireless-rogue-cfg-unclassified
event: 0104043583 wireless-rogue-cfg-accepted 0104043584 wireless-rogue-cfg-rogue
event: 0104043585 wireless-rogue-cfg-suppressed 0104043586 wireless-wtpr-darrp-chan
event: 0104043587 wireless-wtpr-darrp-start 0104043588 wireless-wtpr-oper-chan 0104043589 wireless-wtpr-radar
event: 0104043590 wireless-wtpr-nol
event: 0104043591 wireless-wtpr-country-cfg-success 0104043592 wireless-wtpr-oper-country
event: 0104043593 wireless-wtpr-cfg-txpower 0104043594 wireless-wtpr-oper-txpower 0104043595 wireless-clb-deny
event: 0104043596 wireless-clb-retry 0104043597 wireless-wtp-add 0104043598 wireless-wtp-add-xss
event: 0104043599 wireless-wtp-del 0104043600 wireless-wtpr-darrp-stop 0104043601 wireless-sta-cap-signon
event: 0104043602 wireless-sta-cap-signon-success 0104043603 wireless-sta-cap-signon-failure
event: 0104043604 wireless-sta-cap-email-request 0104043605 wireless-sta-cap-email-success
event: 0104043606 wireless-sta-cap-email-failure 0104043607 wireless-sta-cap-disclaimer-check
event: 0104043608 wireless-sta-cap-disclaimer-decline 0104043609 wireless-wtpr-darrp-optimization-start
event: 0104043610 wireless-wtpr-darrp-optimization-stop
event: 0104043611 wireless-sys-ac-up 0104043612 wireless-sys-ac-cfg-loaded 0104043613 wireless-wtp-err
event: 0104043614 wireless-dhcp-stavation 0104043615 wireless-sys-ac-ipsec-fail
event: 0104043616 wireless-wtpr-nol-add 0104043618 wireless-wtp-image-rc-success
event: 0104043619 wireless-offendingap-detect 0104043620 wireless-offendingap-onair
event: 0104043621 wireless-wtp-data-chan-chg 0104043622 wireless-wtp-vlan-probe
event: 0104043623 wireless-wtp-vlan-missing 0104043624 wireless-wtp-vlan-detected
event: 0104043625 wireless-sta-cap-cmcc-success 0104043626 wireless-sta-cap-cmcc-failure
event: 0104043627 wireless-sta-cap-cmcc-timeout 0104043628 wireless-sta-cap-cmcc-mac-auth-success
event: 0104043629 wireless-sta-radius-auth-failure 0104043630 wireless-sta-radius-auth-success
event: 0104043631 wireless-sta-radius-auth-no-resp 0104043632 wireless-sta-radius-mac-auth-failure
event: 0104043633 wireless-sta-radius-mac-auth-success 0104043634 wireless-sta-radius-mac-auth-no-resp
event: 0104043635 wireless-sta-okc-no-match 0104043636 wireless-sta-okc-local-match
event: 0104043637 wireless-sta-okc-inter-ac-match 0104043638 wireless-sta-okc-inter-ap-match
event: 0104043639 wireless-sta-ft-invalid-action-req 0104043640 wireless-sta-ft-invalid-auth-req
event: 0104043641 wireless-sta-ft-invalid-reassoc-req 0104043642 wireless-sta-ft-action-req
event: 0104043643 wireless-sta-ft-action-resp 0104043644 wireless-sta-ft-auth-req
event: 0104043645 wireless-sta-ft-auth-resp 0104043646 wireless-sta-ft-reassoc-req
event: 0104043647 wireless-sta-ft-reassoc-resp 0104043648 wireless-sta-wpa-msg-invalid-second-msg
event: 0104043649 wireless-sta-wpa-msg-invalid-fourth-msg 0104043650 wireless-sta-wpa-msg-first-msg
event: 0104043651 wireless-sta-wpa-msg-second-msg 0104043652 wireless-sta-wpa-msg-third-msg
event: 0104043653 wireless-sta-wpa-msg-fourth-msg 0104043654 wireless-sta-wpa-msg-first-group-msg
event: 0104043655 wireless-sta-wpa-msg-second-group-msg 0104043656 wireless-sta-wpa-msg-max-sta-cnt
event: 0104043657 wireless-sta-assoc-fail
event: 0104043658 wireless-sta-dhcp-no-resp 0104043659 wireless-sta-dhcp-diff-offer
event: 0104043660 wireless-sta-dhcp-no-ack 0104043661 wireless-sta-dhcp-nak
event: 0104043662 wireless-sta-dhcp-dup-ip 0104043663 wireless-sta-dhcp-discover
event: 0104043664 wireless-sta-dhcp-offer 0104043665 wireless-sta-dhcp-decline
event: 0104043666 wireless-sta-dhcp-request 0104043667 wireless-sta-dhcp-ack
event: 0104043668 wireless-sta-dhcp-release 0104043669 wireless-sta-dhcp-inform
event: 0104043670 wireless-sta-dhcp-self-assigned 0104043671 wireless-sta-dns-no-resp
event: 0104043672 wireless-sta-dns-server-failure 0104043673 wireless-sta-dns-no-domain
event: 0104043674 wireless-sta-wpa-krack-ft-reassoc 0104043675 wireless-sta-auth-req
event: 0104043676 wireless-sta-auth-resp 0104043677 wireless-sta-assoc-req 0104043678 wireless-sta-reassoc-req
event: 0104043679 wireless-sta-assoc-resp 0104043680 wireless-sta-reassoc-resp
event: 0104043681 wireless-sta-probe-req 0104043682 wireless-sta-probe-resp
event: 0104043683 wireless-ble-dev-locate 0104043684 wireless-addrgrp-duplicate-mac
event: 0104043685 wireless-addrgrp-addr-apply 0104043686 wireless-sta-wpa-msg-invalid-schedule
event: 0104043687 wireless-sta-wl-bridge-traffic-stats 0104043688 wireless-apcfg-receive
event: 0104043689 wireless-apcfg-validating 0104043690 wireless-apcfg-apply 0104043691 wireless-apcfg-reject
event: 0104043692 wireless-wtpr-antenna-defect-detect 0104043693 wireless-sta-wnm-action-bstm-req
event: 0104043694 wireless-sta-wnm-action-bstm-resp-accept 0104043695 wireless-sta-wnm-action-bstm-resp-reject
event: 0104043696 wireless-wtpr-drma-start 0104043697 wireless-wtpr-drma-stop
event: 0104043698 wireless-wtpr-drma-mode 0104043699 wireless-sta-dhcp6-solicit
event: 0104043700 wireless-sta-dhcp6-advertise 0104043701 wireless-sta-dhcp6-request
event: 0104043702 wireless-sta-dhcp6-confirm 0104043703 wireless-sta-dhcp6-renew
event: 0104043704 wireless-sta-dhcp6-reply 0104043705 wireless-sta-dhcp6-release
event: 0104043706 wireless-sta-dhcp6-reconfigure
event: 0104043707 wireless-wtpr-ssid-up 0104043708 wireless-wtpr-ssid-down
event: 0104043709 wireless-sta-dhcp-enforcement 0104043710 wireless-sam-iperf 0104043711 wireless-sam-ping
event: 0104043712 wireless-sam-auth-failed 0104043713 wireless-sam-cwp-auth-failed
event: 0104043714 wireless-wtp-partial-passwd 0104043715 wireless-wtpr-bss-color-collision
event: 0104043716 wireless-addrgrp-max-fw-addr 0104043717 wireless-sta-l3r-rehome
event: 0104043719 wireless-sta-probe-low-rssi 0105048040 wanopt-tunnel-create 0105048041 wanopt-tunnel-closed
event: 0105048101 wanopt-auth-fail-psk 0105048102 wanopt-auth-fail-oth 0105048301 unexp-app-type
event: 0107045071 fcc-vuln-scan 0107045101 ec-reg-succeed 0107045114 ec-reg-quarantine
event: 0107045115 ec-reg-unquarantine 0107045121 ec-ems-ws-notification 0107045122 ec-ems-rest-api-error
event: 0107045123 ec-ems-ws-conn-error 0107045124 ec-vpnd-connect 0107045125 ec-vpnd-disconnect
event: 0107045126 ec-cloud-entitlement-lost 0107045128 ec-ems-rest-api-new-success
event: 0107045129 ec-ems-ems-verify 0107045130 ec-ems-ems-verify-failed 0107045131 ec-ems-ems-unverify
event: 0107045132 ec-ems-upgrade-fail 0107045133 ec-shm-missing-query
event: 0108035001 ha-sync-virdb 0108035002 ha-sync-etdb 0108035003 ha-sync-exdb 0108035004 ha-sync-fldb
event: 0108035005 ha-sync-ips 0108035007 ha-sync-av 0108035009 ha-sync-cid 0108035011 ha-sync-fail
event: 0108035012 conf-sync-fail 0108035013 ha-failover-fail 0108035014 ha-reset-uptime
event: 0108035015 ha-clear-history 0108035016 ha-failover-success 0108037889 vc-delete 0108037890 vc-move-vdom
event: 0108037891 vc-add-vdom 0108037892 vc-move-memb-state 0108037893 vc-detect-memb-dead
event: 0108037894 vc-detect-memb-join 0108037895 vc-add-hadev 0108037896 vc-del-hadev 0108037897 hadev-ready
event: 0108037898 hadev-fail 0108037899 hadev-peerinfo 0108037900 hbdev-delete 0108037901 hbdev-down
event: 0108037902 hbdev-up 0108037903 sync-status 0108037904 ha-activity 0108037907 vlan-hb-up
event: 0108037908 vlan-hb-down 0108037909 vlan-hb-down-sum 0108037910 hb-packet-lost
event: 0108037911 ha-activity-info 0108037912 fgsp-member-join 0108037913 fgsp-member-leave
event: 0110052000 security-audit-fabric-summary 0110052001 security-audit-fabric-change 0111046400 ext-sys
event: 0111046401 ext-local 0111046402 ext-local-error 0111046403 ext-remote-emerg 0111046404 ext-remote-alert
event: 0111046405 ext-remote-critical 0111046406 ext-remote-error 0111046407 ext-remote-warning
event: 0111046408 ext-remote-notif 0111046409 ext-remote-info 0111046410 ext-remote-debug
event: 0112053200 connector-object-add 0112053201 connector-object-remove 0112053202 connector-api-failed
event: 0112053203 connector-object-update 0112053204 connector-object-cant-add
event: 0112053205 connector-object-cant-remove
event: 0113022923 vwl-lqty-status 0113022924 vwl-volume-status 0113022925 vwl-sla-info
event: 0113022926 vwl-neighbor-status 0113022927 vwl-neighbor-standalone 0113022928 vwl-neighbor-primary
event: 0113022929 vwl-neighbor-secondary 0113022930 vwl-lqty-status-warning 0113022931 vwl-sla-info-warning
event: 0113022933 vwl-sla-info-notif 0113022934 vwl-lqty-status-info 0113022935 vwl-lqty-status-debug
event: 0113022936 vwl-inet-svc-pqty-status-info 0113022937 vwl-app-perf-metrics
event: 0113022938 vwl-wan-speedtest-result 0113022939 vwl-fail-detect 0114063002 cifs-conn-fail
event: 0114063003 cifs-auth-fail 0114063004 cifs-auth-internal-error 0114063005 cifs-auth-krb-error
event: 0115022850 user-quarantine-mac-add 0115022851 user-quarantine-mac-delete
event: 0115022852 user-quarantine-mac-bounce-port-hit 0115022853 user-quarantine-mac-bounce-port-miss
event: 0115022861 flpold-nac-add 0115022862 flpold-nac-delete 0115022863 flpold-nac-modify
event: 0115022864 flpold-dpp-add 0115022865 flpold-dpp-delete 0115022866 flpold-dpp-modify
event: 0115022867 flpold-dpp-intf-tags-add 0115022868 flpold-dpp-intf-tags-delete
event: 0115022869 flpold-nac-dynamic-address-add 0115022870 flpold-nac-dynamic-address-delete
event: 0115022871 flpold-nac-mac-cache-sync 0115022872 flpold-nac-max-error 0115022873 flpold-dpp-max-error
event: 0115022874 fltund-new-conn 0115022875 fltund-conn-down 0115022876 fltund-rcv-bootstrap
event: 0115022877 fltund-conn-online 0115022878 fltund-conn-offline 0115022890 fortilinkd
event: 0115022891 flcfgd-sync-error 0115022892 flcfgd-sync-complete 0115022893 flcfgd-sync-state
event: 0115022894 flcfgd-upgrade-error 0115022895 flcfgd-upgrade-status 0115022896 fortilinkd-critical
event: 0115022897 fortilinkd-split-port-info 0115022900 caputp-session 0115022904 caputp-session-notif
event: 0115032569 fsw-switch-log-event 0115032601 fgt-switch-log-discover 0115032602 fgt-switch-log-auth
event: 0115032603 fgt-switch-log-deauth 0115032604 fgt-switch-log-delete 0115032605 fgt-switch-log-tunnel-up
event: 0115032606 fgt-switch-log-tunnel-down 0115032607 fgt-switch-push-image
event: 0115032608 fgt-switch-stage-image 0115032609 fgt-switch-disable-discovery
event: 0115032610 fgt-switch-log-warning 0115032611 fgt-switch-export-pool 0115032612 fgt-switch-export-vdom
event: 0115032613 fgt-switch-request-port 0115032614 fgt-switch-return-port 0115032615 fgt-switch-mac-add
event: 0115032616 fgt-switch-mac-del 0115032617 fgt-switch-mac-move
event: 0115032693 fgt-switch-group-swc 0115032694 fgt-switch-group-poe 0115032695 fgt-switch-group-link
event: 0115032696 fgt-switch-group-stp 0115032697 fgt-switch-group-switch 0115032698 fgt-switch-group-router
event: 0115032699 fgt-switch-group-system 0116047301 rest-api-ok 0116047302 rest-api-err
event: 0117040960 webproxy-fwd-srv-error 0117040961 icap-remote-srv-stat
Sase: 0118004202 audit-log
event: 0134039948 ssl-vpn-session-tunnel-down 0143040704 sys-perf
av: 0201009233 analytics-submitted 0201009238 analytics-fsa-result 0202008206 exempt-notif
av: 0202008207 mime-av-exempt-notif 0203008200 mime-filetype-exe-warning 0203008201 mime-filetype-exe-notif
av: 0204008202 avquery-warning 0204008203 avquery-notif 0204008204 mime-avquery-warning
av: 0204008205 mime-avquery-notif 0205009239 content-disarm-notif 0205009240 content-disarm-warning
av: 0206008452 block-command 0207008212 malware-list-warning 0207008213 malware-list-notif
av: 0207008214 mime-malware-list-warning 0207008215 mime-malware-list-notif 0208008216 file-hash-ems-warning
av: 0208008217 file-hash-ems-notif 0208008218 mime-file-hash-ems-warning 0208008219 mime-file-hash-ems-notif
av: 0209008220 icb-warning 0209008221 icb-notif 0209008222 mime-icb-warning 0209008223 mime-icb-notif
av: 0209008224 icb-timeout-warning 0209008225 icb-timeout-notif 0209008226 mime-icb-timeout-warning
av: 0209008227 mime-icb-timeout-notif 0209008228 icb-error-warning 0209008229 icb-error-notif
av: 0209008230 mime-icb-error-warning 0209008231 mime-icb-error-notif 0211008192 infect-warning
av: 0211008193 infect-notif 0211008194 infect-mime-warning 0211008195 infect-mime-notif
av: 0211009234 analytics-infect-warning 0211009235 analytics-infect-notif
av: 0211009236 analytics-infect-mime-warning 0211009237 analytics-infect-mime-notif 0212008448 block-warning
av: 0213008704 oversize-warning 0213008705 oversize-notif 0213008708 oversize-stream-uncomp-warning
av: 0213008709 oversize-stream-uncomp-notif 0261008450 block-mime-warning 0261008451 block-mime-notif
av: 0262008960 scan-uncompsizelimit-warning 0262008961 scan-uncompsizelimit-notif
av: 0262008962 scan-archive-encrypted-warning 0262008963 scan-archive-encrypted-notif
av: 0262008964 scan-archive-corrupted-warning 0262008965 scan-archive-corrupted-notif
av: 0262008966 scan-archive-multipart-warning 0262008967 scan-archive-multipart-notif
av: 0262008968 scan-archive-nested-warning 0262008969 scan-archive-nested-notif
av: 0262008970 scan-archive-oversize-warning 0262008971 scan-archive-oversize-notif
av: 0262008972 scan-archive-unhandled-warning 0262008973 scan-archive-unhandled-notif
av: 0262008974 scan-av-engine-load-failed-error 0262008975 scan-archive-partiallycorrupted-warning
av: 0262008976 scan-archive-partiallycorrupted-notif 0262008979 scan-archive-timeout-warning
av: 0262008980 scan-archive-timeout-notif 0262008981 scan-av-cdr-internal-error
av: 0262008982 scan-av-max-memory-reached-error 0263008720 switch-proto-warning 0263008721 switch-proto-notif
web: 0314012288 content-banword 0314012290 content-exemptword 0314012292 content-keyword
web: 0314012293 content-search 0314013616 content-type-block 0314013617 content-type-exempt
web: 0315012544 url-filter-block 0315012545 url-filter-exempt 0315012546 url-filter-allow
web: 0315012547 url-filter-invalid-hostname-http-blk 0315012548 url-filter-invalid-hostname-https-blk
web: 0315012549 url-filter-invalid-hostname-http-pass 0315012550 url-filter-invalid-hostname-https-pass
web: 0315012551 url-filter-invalid-hostname-sni-blk 0315012552 url-filter-invalid-hostname-sni-pass
web: 0315012553 url-filter-invalid-cert 0315012554 url-filter-invalid-session
web: 0315012555 url-filter-srv-cert-err-blk 0315012556 url-filter-srv-cert-err-pass
web: 0315012557 url-filter-fams-not-active 0315012558 url-filter-rating-err 0315012559 url-filter-pass
web: 0315012560 url-wisp-block 0315012561 url-wisp-redir 0315012562 url-wisp-allow
web: 0316013056 ftgd-cat-blk 0316013057 ftgd-cat-warn 0317013312 ftgd-cat-allow 0318012800 ftgd-err
web: 0318012801 ftgd-warning 0319013317 url 0335013568 scriptfilter-activex 0336013573 scriptfilter-cookie
web: 0336013601 wf-cookie 0336013602 wf-referer 0337013584 scriptfilter-applet 0338013315 ftgd-quota-counting
web: 0339013316 ftgd-quota-expired 0340012802 ftgd-quota 0341013600 scriptfilter-other
web: 0343013603 wf-command-block 0344013632 http-hdr-chg-req 0344013633 http-hdr-chg-resp
web: 0345012688 ssl-exempt 0346013648 wf-antiphish-match-url-allow 0346013649 wf-antiphish-match-ftgd-allow
web: 0346013650 wf-antiphish-match-default-allow 0346013651 wf-antiphish-match-url-block
web: 0346013652 wf-antiphish-match-ftgd-block 0346013653 wf-antiphish-match-default-block
web: 0347013664 videofilter-category-block 0347013665 videofilter-category-monitor
web: 0347013666 videofilter-category-allow 0348013680 videofilter-channel-block
web: 0348013681 videofilter-channel-monitor 0348013682 videofilter-channel-allow 0349013696 unknown-ce-block
web: 0349013697 unknown-ce-bypass 0350013712 videofilter-title-block 0350013713 videofilter-title-monitor
web: 0350013714 videofilter-title-allow 0351013728 videofilter-description-block
web: 0351013729 videofilter-description-monitor
ips: 0419016384 attck-signature-tcp-udp 0419016385 attck-signature-icmp 0419016386 attck-signature-others
ips: 0421016399 attack-malicious-url 0422016400 attack-botnet-warning 0422016401 attack-botnet-notif
email: 0508020480 antispam-email-notif 0512020481 general-notif 0513020480 antispam-email-notif
email: 0514020482 antispam-email-bword-notif 0520020510 antispam-email-webmail-notif
email: 0553020509 antispam-ftgd-err
anomaly: 0720018432 attck-anomaly-tcp-udp 0720018433 attck-anomaly-icmp 0720018434 attck-anomaly-others
voip: 0814044032 event-voip-sip 0814044033 event-voip-sip-block 0814044034 event-voip-sip-fuzzing
voip: 0814044035 event-voip-sccp-register 0814044036 event-voip-sccp-unregister
voip: 0814044037 event-voip-sccp-call-block 0814044038 event-voip-sccp-call-info
dlp: 0954024576 warn 0954024577 notif 0955024578 doc-source 0955024579 doc-source-error
appctrl: 1059028672 im-basic 1059028673 im-basic-with-status 1059028674 im-basic-with-count 1059028675 im-file
appctrl: 1059028676 im-chat 1059028677 im-chat-block 1059028678 im-block 1059028704 ips-pass
appctrl: 1059028705 ips-block 1059028706 ips-reset 1059028720 ssh-pass 1059028721 ssh-block
appctrl: 1060028736 port-enf 1061028737 proto-enf
netscan: 1100004099 OS-detected 1100004104 host-detected 1100004105 port-detected
netscan: 1101004098 vulnerability-detected
discovery: 1100004100 netscan-service-detected 1101004096 netscan-generic
waf: 1200030248 signature-block 1200030249 signature-pass 1200030250 signature-erase
waf: 1201030251 custom-signature-block 1201030252 custom-signature-pass 1202030253 method-block
waf: 1203030257 constraints-block 1203030258 constraints-pass 1204030255 address-list-block
waf: 1205030259 url-access-permit 1205030260 url-access-bypass 1205030261 url-access-block
gtp: 1400041216 forward 1400041217 deny 1400041218 rate-limit 1400041219 state-invalid 1400041220 tunnel-limit
gtp: 1400041221 traffic-count 1400041222 user-data 1400041223 gtpv2-forward 1400041224 gtpv2-deny
gtp: 1400041225 gtpv2-rate-limit 1400041226 gtpv2-state-invalid 1400041227 gtpv2-tunnel-limit
gtp: 1400041228 gtpv2-traffic-count 1400041229 gtpu-forward 1400041230 gtpu-deny 1401041231 pfcp-forward
gtp: 1401041232 pfcp-deny 1401041233 pfcp-traffic-count
dns: 1500054000 query 1501054200 resolv-error 1501054400 url-filter-block 1501054401 url-filter-allow
dns: 1501054600 botnet-ip 1501054601 botnet-domain 1501054800 ftgd-warning 1501054801 ftgd-error
dns: 1501054802 ftgd-cat-allow 1501054803 ftgd-cat-block 1501054804 safe-search 1501054805 local
ssh: 1600061000 command-block 1600061001 command-block-alert 1600061002 command-pass
ssh: 1600061003 command-pass-alert 1601061010 channel-block 1601061011 channel-pass
ssh: 1602061012 host-key-warning 1602061013 host-key-notif
ssl: 1700062300 anomaly-cert-blocklisted 1700062301 anomaly-cert-resign-trusted
ssl: 1700062302 anomaly-cert-resign-untrusted 1700062303 anomaly-cert-blocked
ssl: 1700062304 anomaly-cert-sni-mismatched 1700062305 anomaly-cert-probe-failure-block
ssl: 1700062306 anomaly-cert-probe-failure-pass 1700062307 anomaly-cert-sni-mismatched-info
ssl: 1700062308 anomaly-handshake-failure 1700062309 anomaly-cert-invalid 1701062004 exempt-addr
ssl: 1701062006 exempt-allowlist 1701062007 exempt-ftgd-category 1701062008 exempt-local-category
ssl: 1701062009 exempt-user-category 1702062100 negotiation-inspect 1702062101 negotiation-block
ssl: 1702062102 negotiation-bypass 1702062103 negotiation-info 1703062200 server-cert-info
ssl: 1704062220 handshake-info
filefilter: 1900064000 block 1900064001 log
icap: 2000060000 server-error 2000060001 infection-block 2000060002 conn-error
fortiswitch: 2300056001 fsw-flow
virtualpatch: 2400064600 ot-vpatch-block 2400064601 ot-vpatch-log 2401064610 localin-vpatch-block
virtualpatch: 2401064611 localin-vpatch-log
casb: 2500010000 access-blocked 2500010001 access-bypass 2500010002 access-monitor
`;

function build(): ReadonlyMap<string, string> {
  const m = new Map<string, string>();
  for (const line of TABLE.split('\n')) {
    const colon = line.indexOf(': ');
    if (colon < 0) continue;
    const prefix = 'FortiGate-' + line.slice(0, colon) + '-';
    const words = line.slice(colon + 2).split(' ');
    for (let i = 0; i + 1 < words.length; i += 2) m.set(words[i]!, prefix + words[i + 1]!);
  }
  return m;
}

export const LOGID_ACTION: ReadonlyMap<string, string> = build();
