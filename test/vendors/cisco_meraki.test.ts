import { parser } from '../../vendors/cisco_meraki/index.js';
import { vendorRunner } from '../helpers/vendor.js';
import { bestMs } from '../helpers/timing.js';

const { run, detect } = vendorRunner(parser);

describe('cisco_meraki', () => {
  test('detects the epoch header with and without PRI, behind a relay, or cut to the epoch', () => {
    for (const line of [
      '<134>1 1710241200.123456789 MX67 flows allow src=192.0.2.15 dst=198.51.100.10 protocol=tcp',
      '1 1710241200.123456789 MX67 flows allow src=192.0.2.15 dst=198.51.100.10 protocol=tcp',
      '1673516966.834663913 FW_MX_01 events dhcp no offers for mac A4:83:E7:00:00:01 host = 192.0.2.1',
      'Mar 12 11:00:00 192.0.2.1 1 1710241200.123456789 MX67 events Cellular connection up',
      '2024-03-12T11:00:00+00:00 relay 1710241200 MX67 urls src=192.0.2.15:1 dst=198.51.100.1:80 mac=00:00:00:00:00:01 request: GET http://example.com/',
    ]) expect(detect(line)).toBe(true);
    for (const line of [
      '<134>1 2024-03-12T11:00:00Z host app - - - hello',
      '<14>Mar 12 09:15:02 host sshd[1]: Accepted password',
      '1710241200 MX67 somethingelse text',
      '12345 apples',
    ]) expect(detect(line)).toBe(false);
  });

  test('flows allow: ECS fields and the epoch as @timestamp', () => {
    const { doc, step } = run('<134>1 1710241200.123456789 MX67 flows allow src=192.0.2.15 dst=198.51.100.10 mac=AA:BB:CC:00:11:22 protocol=tcp sport=50111 dport=443');
    expect(step).toBeNull();
    expect(doc['@timestamp']).toBe('2024-03-12T11:00:00.123Z');
    expect(doc.event.timezone).toBeUndefined();
    expect(doc.observer.hostname).toBe('MX67');
    expect(doc.source).toEqual({ ip: '192.0.2.15', port: 50111, mac: 'AA-BB-CC-00-11-22' });
    expect(doc.destination).toEqual({ ip: '198.51.100.10', port: 443 });
    expect(doc.event.action).toBe('layer3-firewall-allowed-flow');
    expect(doc.event.type).toEqual(['info', 'connection', 'start']);
    expect(doc.cisco_meraki).toMatchObject({ event_type: 'flows', event_subtype: 'flow_allowed', flows: { op: 'allow' } });
  });

  test('the relay-stripped form gives the same event', () => {
    const a = run('<134>1 1673516966.834663913 FW_MX_01 events dhcp lease of ip 192.0.2.5 from server mac 00:18:0A:00:00:01 for client mac 58:67:1a:00:00:02 from router 192.0.2.1 on subnet 255.255.255.0 with dns 198.51.100.53');
    const b = run('1673516966.834663913 FW_MX_01 events dhcp lease of ip 192.0.2.5 from server mac 00:18:0A:00:00:01 for client mac 58:67:1a:00:00:02 from router 192.0.2.1 on subnet 255.255.255.0 with dns 198.51.100.53');
    for (const { doc, step } of [a, b]) {
      expect(step).toBeNull();
      expect(doc['@timestamp']).toBe('2023-01-12T09:49:26.834Z');
      expect(doc.client).toEqual({ ip: '192.0.2.5', mac: '58-67-1A-00-00-02' });
      expect(doc.server).toEqual({ mac: '00-18-0A-00-00-01' });
      expect(doc.cisco_meraki.event_subtype).toBe('dhcp_offer');
      expect(doc.event.action).toBe('dhcp-offer');
    }
  });

  test('a pattern that is not allow/deny stays whole', () => {
    const { doc } = run('<134>1 1710241200.1 MX67 flows src=192.0.2.16 dst=198.51.100.9 protocol=udp sport=1 dport=53 pattern: 1 all');
    expect(doc.cisco_meraki.firewall).toEqual({ pattern: '1 all' });
    expect(doc.cisco_meraki.event_subtype).toBe('ip_session_initiated');
  });

  test('urls: url parts, registered domain, agent', () => {
    const { doc } = run("<134>1 1710241400.9 MX67 urls src=192.0.2.15:50200 dst=198.51.100.34:443 mac=AA:BB:CC:00:11:22 agent='curl/8.5.0' request: UNKNOWN https://a.b.example.com/x.js?q=1");
    expect(doc.url).toMatchObject({ domain: 'a.b.example.com', registered_domain: 'example.com', subdomain: 'a.b', top_level_domain: 'com', path: '/x.js', extension: 'js', query: 'q=1', scheme: 'https' });
    expect(doc.user_agent.original).toBe("'curl/8.5.0'");
    expect(doc.cisco_meraki.urls.mac).toBe('AA-BB-CC-00-11-22');
    expect(doc.event.action).toBe('http-access-error');
  });

  test('security_event ids_alerted: the security namespace and both ends', () => {
    const { doc, step } = run('<134>1 1710241500.0 MX84 security_event ids_alerted signature=1:28423:1 priority=1 timestamp=1710241500.0 dhost=98:5A:EB:00:00:01 direction=ingress protocol=tcp/ip src=198.51.100.238:80 dst=192.0.2.2:53023 decision=blocked message: EXPLOIT-KIT test');
    expect(step).toBeNull();
    expect(doc.cisco_meraki.security).toEqual({ priority: '1', signature: '1:28423:1', dhost: '98-5A-EB-00-00-01', decision: 'blocked' });
    expect(doc.source).toEqual({ ip: '198.51.100.238', port: 80 });
    expect(doc.destination).toEqual({ ip: '192.0.2.2', port: 53023 });
    expect(doc.network).toEqual({ direction: 'ingress', protocol: 'tcp/ip' });
    expect(doc.message).toBe('EXPLOIT-KIT test');
  });

  test('events type=...: the pairs under the subtype, as the pipeline keeps them', () => {
    const { doc } = run("<134>1 1710241600.0 MR42 events type=wpa_deauth radio='0' vap='1' client_mac='58:67:1a:00:00:03' aid='18'");
    expect(doc.cisco_meraki.wpa_deauth).toEqual({ type: 'wpa_deauth', radio: '0', vap: '1', aid: '18' });
    expect(doc.client.mac).toBe('58-67-1A-00-00-03');
    expect(doc.event.category).toEqual(['network', 'authentication']);
  });

  test('an unknown type or events word is the family, status unknown, with its fields so far', () => {
    const a = run('<134>1 1710241800.0 MX67 unknown_type something');
    expect(a.step).toBe('unknown_event_type');
    expect(a.doc.observer.hostname).toBe('MX67');
    expect(a.doc.cisco_meraki.event_type).toBe('unknown_type');
    const b = run('<134>1 1710241800.0 MX67 events someday a new message');
    expect(b.step).toBe('unknown_event');
    expect(b.doc.message).toBe('someday a new message');
    expect(b.doc.log.level).toBe('informational');
  });

  test('64 KiB adversarial lines parse in linear time', () => {
    const lines = [
      '<134>1 1710241200.1 MX67 urls ' + 'src='.repeat(4000) + ' request: '.repeat(2000) + "'".repeat(20000) + '=x '.repeat(6000),
      '<134>1 1710241200.1 MX67 events type=anyconnect_vpn_session_manager msg= ' + "'Sess-ID[".repeat(3000) + ': '.repeat(20000),
      "<134>1 1710241200.1 MX67 events martian_vlan " + "Client='".repeat(8000),
      '<134>1 1710241200.1 MX67 security_event ids_alerted ' + 'a=b '.repeat(16000),
    ];
    for (const l of lines) {
      const line = l.slice(0, 65536);
      expect(() => run(line)).not.toThrow();
      expect(bestMs(() => run(line))).toBeLessThan(50);
    }
  });
});
