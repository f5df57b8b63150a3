import { parser } from '../../vendors/juniper_srx/index.js';
import { vendorRunner } from '../helpers/vendor.js';
import { bestMs } from '../helpers/timing.js';

const { run, detect } = vendorRunner(parser);

const CLOSE = '<14>1 2024-03-11T09:05:00.000+01:00 srx1 RT_FLOW - RT_FLOW_SESSION_CLOSE [junos@2636.1.1.1.2.129 reason="TCP FIN" source-address="10.1.1.2" source-port="5000" destination-address="198.51.100.2" destination-port="443" nat-source-address="203.0.113.5" nat-source-port="31000" protocol-id="6" policy-name="p1" source-zone-name="trust" destination-zone-name="untrust" packets-from-client="2" bytes-from-client="100" packets-from-server="3" bytes-from-server="200" elapsed-time="10" username="N/A"]';

describe('juniper_srx', () => {
  test('detect', () => {
    for (const line of [
      CLOSE,
      '<13>Mar 11 09:10:05 srx2 RT_SYSTEM: RTLOG_CONN_ERROR: Connection error X Com 1 abort',
      '<158>Mar 11 09:10:00 srx2 kernel: FW: ge-0/0/3.0 D tcp 192.0.2.1 192.0.2.2 1 2',
      '<6>Mar 11 09:10:00 srx2 kernel: KERN_ARP_ADDR_CHANGE: arp info overwritten for 192.0.2.9 from 00:00:5e:00:53:01 to 00:00:5e:00:53:02',
      'RT_FLOW: RT_FLOW_SESSION_CREATE: session created 192.0.2.1/1->198.51.100.1/443 junos-https 192.0.2.1/1->198.51.100.1/443',
      'Mar 11 09:10:01 relay01 ' + CLOSE.slice(4),
      '<189>Mar 11 09:10:02 srx2 mgd[4242]: UI_COMMIT_COMPLETED: commit complete',
      '<28>Mar 11 09:10:03 srx2 mib2d[1717]: SNMP_TRAP_LINK_DOWN: ifIndex 512, ifAdminStatus up(1), ifOperStatus down(2), ifName ge-0/0/1',
    ]) expect(detect(line)).toBe(true);
    for (const line of [
      '<13>Mar 11 09:10:05 host sshd[2]: Accepted publickey',
      '<4>Mar 11 09:10:05 host kernel: IN=eth0 SRC=192.0.2.1',
      '<4>Mar 11 09:10:05 host app: FW: not a junos filter',
      'RT_NOT A TAG',
      '<13>Mar 11 09:10:05 host app[1]: ERROR_CODE: from an application',
      '<13>Mar 11 09:10:05 host app[1]: UI: nothing after the prefix',
    ]) expect(detect(line)).toBe(false);
  });

  test('RT_FLOW close from structured data', () => {
    const { doc, step } = run(CLOSE);
    expect(step).toBeNull();
    expect(doc.event).toMatchObject({ action: 'flow_close', type: ['end', 'allowed', 'connection'], duration: 10_000_000_000, severity: 14 });
    expect(doc.source).toMatchObject({ ip: '10.1.1.2', port: 5000, bytes: 100, packets: 2, nat: { ip: '203.0.113.5', port: 31000 } });
    expect(doc.client).toMatchObject({ ip: '10.1.1.2', port: 5000, bytes: 100, packets: 2, nat: { port: 31000 } });
    expect(doc.network).toMatchObject({ bytes: 300, packets: 5, iana_number: '6', transport: 'tcp' });
    expect(doc.observer).toMatchObject({ name: 'srx1', ingress: { zone: 'trust' }, egress: { zone: 'untrust' } });
    expect(doc.rule.name).toBe('p1');
    expect(doc.juniper.srx).toMatchObject({ process: 'RT_FLOW', tag: 'RT_FLOW_SESSION_CLOSE', reason: 'TCP FIN' });
    expect(doc.juniper.srx.username).toBeUndefined();
    expect(doc['@timestamp']).toBe('2024-03-11T08:05:00.000Z');
    expect(doc.log.level).toBe('informational');
  });

  test('the same line without PRI or behind a relay gives the same event', () => {
    const base = run(CLOSE).doc;
    for (const line of [CLOSE.slice(4), 'Mar 11 09:10:01 relay01 ' + CLOSE.slice(4), '2024-03-11T08:10:01Z relay01 ' + CLOSE]) {
      const { doc, step } = run(line);
      expect(step).toBeNull();
      expect(doc['@timestamp']).toBe(base['@timestamp']);
      expect([doc.source, doc.destination, doc.rule, doc.observer.name]).toEqual([base.source, base.destination, base.rule, 'srx1']);
    }
  });

  test('RT_IDP: counters by direction, rule base and rule, the alert', () => {
    const { doc, step } = run('<9>1 2024-03-11T09:00:10Z srx1 RT_IDP - IDP_ATTACK_LOG_EVENT [junos@2636.1.1.1.2.129 source-address="203.0.113.90" source-port="44321" destination-address="192.0.2.30" destination-port="80" protocol-name="TCP" rule-name="3" rulebase-name="IPS" policy-name="idp-policy" action="DROP" attack-name="HTTP:SQL:INJ:GENERIC" inbound-bytes="1200" outbound-bytes="800" message="-"]');
    expect(step).toBeNull();
    expect(doc.event).toMatchObject({ kind: 'alert', action: 'security_threat', category: ['network', 'intrusion_detection'], type: ['info', 'denied', 'connection'] });
    expect(doc.rule).toEqual({ name: 'IPS', id: '3' });
    expect([doc.destination.bytes, doc.source.bytes, doc.network.protocol]).toEqual([1200, 800, 'TCP']);
    expect(doc.juniper.srx).toMatchObject({ policy_name: 'idp-policy', attack_name: 'HTTP:SQL:INJ:GENERIC', action: 'DROP' });
  });

  test('RT_IDS screens: the action by attack name', () => {
    const action = (name: string) => run(`<11>1 2024-03-11T09:00:11Z srx1 RT_IDS - RT_SCREEN_IP [junos@2636.1.1.1.2.129 attack-name="${name}" source-address="203.0.113.1" destination-address="192.0.2.1"]`).doc.event.action;
    expect(action('Land attack!')).toBe('attack_detected');
    expect(action('Tunnel GRE 6in4!')).toBe('tunneling_screen');
    expect(action('No TCP flag!')).toBe('illegal_tcp_flag_detected');
    expect(action('Something new!')).toBeUndefined();
  });

  test('RT_AAMW timestamp and RT_UTM url parts', () => {
    const a = run('<12>1 2024-03-11T09:00:12Z srx1 RT_AAMW - AAMW_MALWARE_EVENT_LOG [junos@2636.1.1.1.2.129 timestamp="Mon Mar  4 09:00:24 2024" client-ip="192.0.2.61" hostname="files.example.org"]').doc;
    expect(a.juniper.srx.timestamp).toBe('2024-03-04T09:00:24.000Z');
    expect([a.source.ip, a.source.domain, a.event.action]).toEqual(['192.0.2.61', 'files.example.org', 'malware_detected']);
    const u = run('<12>1 2024-03-11T09:00:13Z srx1 RT_UTM - WEBFILTER_URL_BLOCKED [junos@2636.1.1.1.2.129 url="casino.example.net" obj="/play" urlcategory-risk="3"]').doc;
    expect(u.url).toEqual({ domain: 'casino.example.net', path: '/play' });
    expect([u.event.risk_score, u.event.action, u.related.hosts]).toEqual([3, 'web_filter', ['casino.example.net']]);
  });

  test('BSD RT_FLOW text: addresses and NAT', () => {
    const { doc, step } = run('<14>Mar 11 09:10:00 srx2 RT_FLOW: RT_FLOW_SESSION_CLOSE: session closed TCP FIN: 192.0.2.80/50800->198.51.100.80/443 0x0 junos-https 203.0.113.80/60800->198.51.100.80/443 0x0 source rule snat-out N/A N/A 6 allow-web trust untrust 120040 3(180) 2(120) 5');
    expect(step).toBeNull();
    expect(doc.source).toEqual({ ip: '192.0.2.80', port: 50800, nat: { ip: '203.0.113.80', port: 60800 } });
    expect(doc.destination).toEqual({ ip: '198.51.100.80', port: 443 });
    expect(doc.juniper.srx).toMatchObject({ process: 'RT_FLOW', tag: 'RT_FLOW_SESSION_CLOSE', reason: 'TCP FIN' });
    expect(doc.event.action).toBe('flow_close');
  });

  test('BSD firewall filter: the filter fields and their ECS copies', () => {
    const { doc } = run('<158>Mar 11 09:10:00 srx2 (FPC Slot 1, PIC Slot 1) PFE_FW_SYSLOG_IP: FW: reth1.3 A pim 192.0.2.1 192.0.2.2 0 0 (1 packets)');
    expect(doc.juniper.srx).toMatchObject({ process: 'PFE_FW_SYSLOG_IP', tag: 'FW', interface_name: 'reth1.3', firewall: { filter_action: 'A', packets_num: '1' } });
    expect(doc.source).toEqual({ ip: '192.0.2.1', port: 0, packets: 1 });
    expect(doc.network.transport).toBe('pim');
    expect(doc.event.type).toEqual(['allowed']);
    expect(doc.event.severity).toBe(158);
  });

  test('malformed structured data is re-read and flagged', () => {
    const { doc, step } = run('<30>1 2024-03-11T09:00:00+01:00 srx1 kmd 8961 KMD_PM_SA_ESTABLISHED [junos@2636.1.1.1.2.129 local-address="10.0.0.1" remote-address=10.0.0.2" mode="Tunnel"]');
    expect(step).toBe('malformed_structured_data');
    expect(doc.juniper.srx).toMatchObject({ process: 'kmd', tag: 'KMD_PM_SA_ESTABLISHED', remote_address: '10.0.0.2', mode: 'Tunnel' });
    expect(doc.destination.ip).toBe('10.0.0.2');
    expect(doc.observer.name).toBe('srx1');
    expect(doc.process.pid).toBe(8961);
  });

  test('64 KiB adversarial lines parse in linear time', () => {
    for (const l of [
      '<14>1 2024-03-11T09:00:00Z h RT_FLOW - T [junos@1 ' + 'a="'.repeat(20000) + ']',
      '<14>Mar 11 09:10:00 h RT_X: ' + ': '.repeat(30000),
      '<14>x [junos@' + ' '.repeat(65000),
      '<14>Mar 11 09:10:00 h RT_FLOW: RT_FLOW_SESSION_CREATE: session created ' + '1/2->'.repeat(12000),
    ]) {
      const line = l.slice(0, 65536);
      expect(() => run(line)).not.toThrow();
      expect(bestMs(() => run(line))).toBeLessThan(50);
    }
  });
});
