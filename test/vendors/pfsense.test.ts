import { vendorRunner } from '../helpers/vendor.js';
import { parser } from '../../vendors/pfsense/index.js';
import { bestMs } from '../helpers/timing.js';

const { run, detect } = vendorRunner(parser);

describe('pfsense detect', () => {
  test('claims the box programs, filterlog bodies without a header, and host daemons only from a firewall host', () => {
    expect(detect('<134>Mar 14 08:15:02 fw filterlog[1]: 5,,,1000000103,em0,match,block,in,4')).toBe(true);
    expect(detect('<166>Mar 14 08:15:02 fw (squid-1)[6802]: {}')).toBe(true);
    expect(detect("<38>Mar 14 08:15:02 fw php-fpm[3]: /index.php: Successful login for user 'a' from: 10.0.0.1 (Local Database)")).toBe(true);
    expect(detect('<30>Mar 14 08:15:02 fw unbound[3]: [3:0] info: 192.0.2.1 example.com. A IN')).toBe(true);
    expect(detect('<30>Mar 14 08:15:02 fw dhcpd[3]: DHCPDISCOVER from 00:11:22:33:44:55 via em0')).toBe(true);
    expect(detect('5,,,1000000103,em0,match,block,in,4,0x0,,117,61718,0,none,17,udp,78,198.51.100.7,192.0.2.4,28532,137,58')).toBe(true);
    expect(detect('Mar 15 10:00:16 relay01 Mar 15 10:00:16 fw1 filterlog[7]: 5,,,1000000103,em0,match,block,in,4,0x0,,117,1,0,none,17,udp,78,198.51.100.7,192.0.2.4,1,2,3')).toBe(true);
    // php-fpm pool notices, rule alerts of snort (the snort family's) and daemons of any host are not claimed
    expect(detect('<30>Mar 14 08:15:02 host php-fpm[3]: [pool www] child 1 started')).toBe(false);
    expect(detect('<33>Mar 14 08:15:02 fw snort[3]: [1:2:3] x [Classification: c] [Priority: 2] {TCP} 192.0.2.1:1 -> 192.0.2.2:2')).toBe(false);
    expect(detect('<38>Mar 14 08:15:02 web01 sshd[3]: Accepted password for bob from 192.0.2.1 port 22 ssh2')).toBe(false);
    expect(detect('<38>Mar 14 08:15:02 pfSense.home.arpa sshd[3]: Accepted password for bob from 192.0.2.1 port 22 ssh2')).toBe(true);
    expect(detect('<30>Mar 14 08:15:02 host app[3]: 5,6,7 not a filter line')).toBe(false);
    // programs only the box runs, whatever its name
    expect(detect('<29>Mar 15 10:10:01 gw dpinger[5]: WAN_DHCP 198.51.100.1: Alarm latency 2350us stddev 1200us loss 21%')).toBe(true);
  });
});

describe('pfsense filterlog', () => {
  test('IPv4 TCP block', () => {
    const { doc, step } = run('<134>Mar 14 08:15:02 fw1 filterlog[4321]: 5,,,1000000103,em0.10,match,block,in,4,0x0,,49,54321,0,DF,6,tcp,60,198.51.100.23,192.0.2.10,51514,22,0,S,2735472981,,64240,,mss;sackOK');
    expect(step).toBeNull();
    expect(doc.event.action).toBe('block');
    expect(doc.event.type).toEqual(['connection', 'denied']);
    expect(doc.network.direction).toBe('inbound');
    expect(doc.source).toEqual({ address: '198.51.100.23', ip: '198.51.100.23', port: 51514 });
    expect(doc.destination.port).toBe(22);
    expect(doc.rule.id).toBe('1000000103');
    expect(doc.observer.ingress.vlan.id).toBe('10');
    expect(doc.pfsense.tcp.options).toEqual(['mss', 'sackOK']);
    expect(doc.network.community_id).toMatch(/^1:/);
  });

  test('IPv6 keeps the hop limit as pfsense.ip.flags, as Elastic does', () => {
    const { doc } = run('<134>Jan 1 02:21:39 fw filterlog[1]: 32,,,1535324496a,igb0,match,pass,in,6,0x0,0x00000,255,ipv6-icmp,58,16,fe80::1,ff02::1:2,datalength=16');
    expect(doc.pfsense.ip.flags).toBe('255');
    expect(doc.network.iana_number).toBe('58');
    expect(doc.network.packets).toBe(16);
    expect(doc.network.type).toBe('ipv6');
  });

  test('ICMP errors and CARP in the documented field order', () => {
    const u = run('<134>Mar 15 10:00:04 fw filterlog[1]: 9,,,1000000003,igb0,match,block,in,4,0x0,,64,34120,0,none,1,icmp,56,192.0.2.20,192.168.1.5,unreachport,192.0.2.20,udp,33434').doc;
    expect(u.pfsense.icmp).toEqual({ type: 'unreachport', destination: { ip: '192.0.2.20' }, unreachable: { iana_number: 'udp', protocol_id: 'udp', port: 33434 } });
    const c = run('<134>Mar 15 10:00:09 fw filterlog[1]: 48,16777216,,1000000201,em0,match,block,in,4,0x10,,255,53650,0,DF,112,carp,56,192.168.11.2,224.0.0.18,advertise,255,5,2,100,1').doc;
    expect(c.pfsense.carp).toEqual({ type: 'advertise', ttl: 255, vhid: 5, version: 2, advskew: 100, advbase: 1 });
  });

  test('a bare CSV, an RFC 5424 line without PRI, a relayed line and a repeated line are filterlog', () => {
    const csv = '5,,,1000000103,em0,match,block,in,4,0x0,,117,61718,0,none,17,udp,78,198.51.100.7,192.0.2.4,28532,137,58';
    for (const line of [csv, `1 2024-03-15T10:00:15Z fw1 filterlog 72237 - - ${csv}`, `Mar 15 10:00:16 relay01 Mar 15 10:00:16 fw1 filterlog[72237]: ${csv}`,
      `<134>Mar 15 10:00:17 fw1 filterlog[72237]: message repeated 3 times: [ ${csv}]`]) {
      const { doc, step } = run(line);
      expect(step).toBeNull();
      expect(doc.event.provider).toBe('filterlog');
      expect(doc.source.ip).toBe('198.51.100.7');
      expect(doc.destination.port).toBe(137);
    }
    expect(run(`Mar 15 10:00:16 relay01 Mar 15 10:00:16 fw1 filterlog[72237]: ${csv}`).doc.observer.name).toBe('fw1');
  });

  test('an RFC 5424 stamp keeps its zone as event.timezone, as Elastic\'s header grok does', () => {
    const csv = '5,,,1000000103,em0,match,block,in,4,0x0,,117,61718,0,none,17,udp,78,198.51.100.7,192.0.2.4,28532,137,58';
    expect(run(`<134>1 2024-03-15T10:00:00.123+01:00 fw1 filterlog 7 - - ${csv}`).doc.event.timezone).toBe('+01:00');
    expect(run(`<134>1 2024-03-15T10:00:00Z fw1 filterlog 7 - - ${csv}`).doc.event.timezone).toBe('Z');
    expect(run(`<134>Mar 15 10:00:00 fw1 filterlog[7]: ${csv}`, 'America/Chicago').doc.event.timezone).toBe('America/Chicago');
  });

  test('unknown IP version returns a step and keeps the rule fields', () => {
    const { doc, step } = run('<134>Mar 14 10:00:01 fw1 filterlog[1]: 5,,,1000000103,em0,match,block,in,9,0x0');
    expect(step).toBe('parse_filterlog_ip_version');
    expect(doc.rule.id).toBe('1000000103');
    expect(doc.observer.vendor).toBe('netgate');
  });

  test('an unknown program returns a step with the header fields', () => {
    const { doc, step } = run('<30>Mar 14 08:15:02 fw cron[3]: something');
    expect(step).toBe('unknown_program');
    expect(doc.observer).toMatchObject({ type: 'firewall', name: 'fw' });
    expect(doc.process).toEqual({ name: 'cron', pid: 3 });
  });
});

describe('pfsense other programs', () => {
  test('openvpn peer connection', () => {
    const { doc, step } = run('<30>Mar 14 08:15:02 fw openvpn[3]: 198.51.100.4:50112 [bob] Peer Connection Initiated with [AF_INET]198.51.100.4:50112');
    expect(step).toBeNull();
    expect(doc.user.name).toBe('bob');
    expect(doc.source.port).toBe(50112);
    expect(doc.event.type).toEqual(['connection', 'info', 'start']);
    expect(doc.network.protocol).toBe('openvpn');
  });

  test('openvpn pool assignment sets source.nat.ip', () => {
    const { doc } = run('<30>Mar 14 08:15:02 fw openvpn[3]: bob/198.51.100.4:50112 MULTI_sva: pool returned IPv4=10.8.0.6, IPv6=(Not enabled)');
    expect(doc.user.name).toBe('bob');
    expect(doc.source.nat.ip).toBe('10.8.0.6');
    expect(doc.related.ip).toContain('10.8.0.6');
  });

  test('charon packet', () => {
    const { doc } = run('<30>Mar 14 08:15:02 fw charon[3]: 09[NET] <con1|12> sending packet: from 203.0.113.1[500] to 198.51.100.9[500] (236 bytes)');
    expect(doc.source).toEqual({ address: '203.0.113.1', ip: '203.0.113.1', port: 500 });
    expect(doc.destination.ip).toBe('198.51.100.9');
    expect(doc.network.bytes).toBe(236);
    expect(doc.network.protocol).toBe('ipsec');
  });

  test('dhcpd ack, with the MAC as ECS writes it', () => {
    const { doc, step } = run('<30>Mar 14 08:15:02 fw dhcpd[3]: DHCPACK on 192.168.1.100 to 00:11:22:33:44:55 (laptop) via em1');
    expect(step).toBeNull();
    expect(doc.event.action).toBe('DHCPACK');
    expect(doc.client.ip).toBe('192.168.1.100');
    expect(doc.source.mac).toBe('00-11-22-33-44-55');
    expect(doc.pfsense.dhcp.hostname).toBe('laptop');
    expect(doc.observer.ingress.interface.name).toBe('em1');
    expect(doc.destination.port).toBe(67);
  });

  test('dhcpd DHCPv6 and dnsmasq', () => {
    const v6 = run('<30>Mar 15 10:03:04 fw dhcpd[3]: Solicit message from fe80::211:22ff:fe33:4455 port 546, transaction ID 0x6D0F1200').doc;
    expect(v6.event.action).toBe('solicit-message');
    expect(v6.client).toEqual({ address: 'fe80::211:22ff:fe33:4455', ip: 'fe80::211:22ff:fe33:4455', port: 546 });
    expect(v6.pfsense.dhcp.transaction_id).toBe('0x6D0F1200');
    expect(v6.network.protocol).toBe('dhcpv6');
    const dm = run('<30>Mar 15 10:03:08 fw dnsmasq-dhcp[2]: DHCPACK(igb1) 192.168.1.50 00:11:22:33:44:55 laptop').doc;
    expect(dm.event.action).toBe('dhcpack');
    expect(dm.client).toMatchObject({ ip: '192.168.1.50', mac: '00-11-22-33-44-55' });
  });

  test('unbound query with the registered domain; other unbound lines keep their level', () => {
    const { doc, step } = run('<30>Mar 14 08:15:02 fw unbound[3]: [12345:0] info: 192.168.1.10 www.example.co.uk. AAAA IN');
    expect(step).toBeNull();
    expect(doc.dns.question).toEqual({ name: 'www.example.co.uk', type: 'AAAA', class: 'IN', registered_domain: 'example.co.uk', top_level_domain: 'co.uk', subdomain: 'www' });
    expect(doc.client.ip).toBe('192.168.1.10');
    const n = run('<30>Mar 14 08:15:02 fw unbound[3]: [12345:0] notice: init module 0: validator');
    expect(n.step).toBeNull();
    expect(n.doc.log.level).toBe('notice');
    expect(n.doc.dns).toBeUndefined();
  });

  test('haproxy HTTP log: timers, counters, the request line through the URL splitter', () => {
    const { doc, step } = run('<134>Mar 15 10:05:00 fw haproxy[6]: 198.51.100.44:51236 [15/Mar/2024:10:05:00.456] web~ be/web02 0/0/1/-1/5 503 212 - - SC-- 2/2/0/0/3 0/0 {www.example.com|Mozilla/5.0} {} "POST /api/login?x=1 HTTP/1.1"');
    expect(step).toBeNull();
    expect(doc['@timestamp']).toBe('2024-03-15T10:05:00.456Z');
    expect(doc.haproxy).toMatchObject({ frontend_name: 'web~', backend_name: 'be', server_name: 'web02', termination_state: 'SC--', connections: { retries: 3 } });
    expect(doc.haproxy.http.request.captured_headers).toEqual(['www.example.com', 'Mozilla/5.0']);
    expect(doc.url).toEqual({ original: '/api/login?x=1', path: '/api/login', query: 'x=1' });
    expect(doc.http).toMatchObject({ request: { method: 'POST' }, response: { status_code: 503, bytes: 212 }, version: '1.1' });
    expect(doc.event).toMatchObject({ outcome: 'failure', duration: 5000000 });
  });

  test('squid native format', () => {
    const { doc } = run('<30>Mar 14 08:15:02 fw squid[3]: 1710403200.123 40 192.168.1.2 TCP_DENIED/403 3162 GET http://www.example.com/a.crt - HIER_NONE/- text/html');
    expect(doc.squid.request_status).toBe('TCP_DENIED');
    expect(doc.http.response.status_code).toBe(403);
    expect(doc.event.outcome).toBe('failure');
    expect(doc.url.extension).toBe('crt');
    expect(doc.source.ip).toBe('192.168.1.2');
  });

  test('snort preprocessor alert in snort.* as the pfsense pipeline writes it', () => {
    const { doc, step } = run('<33>Mar 15 10:08:00 fw snort[2]: [120:3:2] (http_inspect) NO CONTENT-LENGTH [Classification: Unknown Traffic] [Priority: 3] {TCP} 203.0.113.80:80 -> 192.168.1.20:49822');
    expect(step).toBeNull();
    expect(doc.snort).toEqual({ generator_id: '120', signature_id: '3', signature_revision: '2', preprocessor: 'http_inspect', alert_message: 'NO CONTENT-LENGTH', classification: 'Unknown Traffic', priority: 3 });
    expect(doc.network.protocol).toBe('tcp');
    expect(doc.destination.port).toBe(49822);
  });

  test('php-fpm login goes to host.name, not observer.name', () => {
    const { doc } = run("<38>Mar 14 08:15:02 pfSense php-fpm[3]: /index.php: webConfigurator authentication error for user 'root' from: 203.0.113.99");
    expect(doc.host.name).toBe('pfSense');
    expect(doc.observer.name).toBeUndefined();
    expect(doc.event.outcome).toBe('failure');
    expect(doc.user.name).toBe('root');
  });

  test('dnsmasq DHCP lines are filed under provider dhcpd, as Elastic renames them', () => {
    expect(run('<30>Mar 15 10:03:08 fw dnsmasq-dhcp[2]: DHCPACK(igb1) 192.168.1.50 00:11:22:33:44:55 laptop').doc.event.provider).toBe('dhcpd');
  });

  test('sshd from a firewall host', () => {
    const { doc } = run('<38>Mar 15 10:09:00 pfSense.home.arpa sshd[7]: Failed password for invalid user oracle from 203.0.113.7 port 41022 ssh2');
    expect(doc.user.name).toBe('oracle');
    expect(doc.source).toEqual({ ip: '203.0.113.7', port: 41022 });
    expect(doc.event).toMatchObject({ action: 'ssh_login_failed', outcome: 'failure', category: ['authentication'] });
  });
});

describe('pfsense robustness', () => {
  test('64 KiB adversarial lines do not throw and take bounded CPU time', () => {
    const lines = [
      '<134>Mar 14 08:15:02 fw filterlog[1]: ' + ','.repeat(65536),
      '<134>Mar 14 08:15:02 fw filterlog[1]: 5,,,1,em0,match,block,in,4,0x0,,1,1,0,DF,6,tcp,60,1.2.3.4,5.6.7.8,1,2,0,S,' + '1:'.repeat(32768),
      '<30>Mar 14 08:15:02 fw openvpn[3]: ' + '1.1.1.1:1 '.repeat(6554),
      '<30>Mar 14 08:15:02 fw openvpn[3]: ' + '1:'.repeat(32768),
      "<38>Mar 14 08:15:02 fw php-fpm[3]: /index.php: " + 'a'.repeat(65536) + " for user 'x' from: 1.2.3.4",
      '<30>Mar 14 08:15:02 fw unbound[3]: info: 1.2.3.4 ' + 'a.'.repeat(32768),
      '<166>Mar 14 08:15:02 fw (squid-1)[3]: {' + '"a":'.repeat(16384),
      '<30>Mar 14 08:15:02 fw dhcpd[3]: ' + 'via '.repeat(16384),
      '<30>Mar 14 08:15:02 fw haproxy[3]: 1.2.3.4:5 [' + '/'.repeat(65536),
      '<30>Mar 14 08:15:02 fw charon[3]: 09[NET] ' + ' to '.repeat(16384) + ' bytes)',
      'Mar 15 10:00:16 relay01 ' + 'filterlog[1]: '.repeat(4600),
    ];
    for (const l of lines) {
      expect(() => run(l)).not.toThrow();
      expect(bestMs(() => run(l))).toBeLessThan(50);
    }
  });
});
