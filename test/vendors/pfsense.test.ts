import { parser } from '../../vendors/pfsense/index.js';
import { parseSyslog } from '../../src/syslog/parse.js';
import { baseDocument } from '../../src/ecs/base.js';
import type { EcsDoc, SyslogMessage } from '../../src/core/types.js';
import { bestMs } from '../helpers/timing.js';

const NOW = Date.parse('2024-03-15T12:00:00Z');

function run(line: string, tz = 'UTC'): { msg: SyslogMessage; doc: EcsDoc; step: string | null } {
  const msg = parseSyslog(line, 0, tz, NOW);
  const doc = baseDocument(msg, { data: Buffer.from(line), senderIp: '', senderPort: 0, listener: 'test', receivedAt: NOW, truncated: false }, tz);
  const step = parser.parse(msg, doc, { timezone: tz, receivedAt: NOW });
  return { msg, doc, step };
}

describe('pfsense detect', () => {
  test('claims filterlog, OPNsense squid and webConfigurator logins only', () => {
    const d = (l: string) => parser.detect(parseSyslog(l, 0, 'UTC', NOW));
    expect(d('<134>Mar 14 08:15:02 fw filterlog[1]: 5,,,1000000103,em0,match,block,in,4')).toBe(true);
    expect(d('<166>Mar 14 08:15:02 fw (squid-1)[6802]: {}')).toBe(true);
    expect(d("<38>Mar 14 08:15:02 fw php-fpm[3]: /index.php: Successful login for user 'a' from: 10.0.0.1 (Local Database)")).toBe(true);
    // generic programs of any Linux host are left to the per-sender family override
    expect(d('<30>Mar 14 08:15:02 host openvpn[3]: 1.2.3.4:1194 [bob] Peer Connection Initiated')).toBe(false);
    expect(d('<30>Mar 14 08:15:02 host dhcpd[3]: DHCPDISCOVER from 00:11:22:33:44:55 via em0')).toBe(false);
    expect(d('<30>Mar 14 08:15:02 host php-fpm[3]: [pool www] child 1 started')).toBe(false);
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

  test('unknown IP version returns a step and keeps the rule fields', () => {
    const { doc, step } = run('<134>Mar 14 10:00:01 fw1 filterlog[1]: 5,,,1000000103,em0,match,block,in,9,0x0');
    expect(step).toBe('parse_filterlog_ip_version');
    expect(doc.rule.id).toBe('1000000103');
    expect(doc.observer.vendor).toBe('netgate');
  });

  test('an unknown program returns a step', () => {
    const { doc, step } = run('<30>Mar 14 08:15:02 fw cron[3]: something');
    expect(step).toBe('unknown_program');
    expect(doc.observer.type).toBe('firewall');
  });
});

describe('pfsense other programs', () => {
  test('openvpn peer connection', () => {
    const { doc, step } = run('<30>Mar 14 08:15:02 fw openvpn[3]: 198.51.100.4:50112 [bob] Peer Connection Initiated with [AF_INET]198.51.100.4:50112');
    expect(step).toBeNull();
    expect(doc.user.name).toBe('bob');
    expect(doc.source.port).toBe(50112);
    expect(doc.event.type).toEqual(['connection', 'start']);
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

  test('dhcpd ack', () => {
    const { doc, step } = run('<30>Mar 14 08:15:02 fw dhcpd[3]: DHCPACK on 192.168.1.100 to 00:11:22:33:44:55 (laptop) via em1');
    expect(step).toBeNull();
    expect(doc.event.action).toBe('DHCPACK');
    expect(doc.client.ip).toBe('192.168.1.100');
    expect(doc.source.mac).toBe('00:11:22:33:44:55');
    expect(doc.pfsense.dhcp.hostname).toBe('laptop');
    expect(doc.observer.ingress.interface.name).toBe('em1');
    expect(doc.destination.port).toBe(67);
  });

  test('unbound query', () => {
    const { doc, step } = run('<30>Mar 14 08:15:02 fw unbound[3]: [12345:0] info: 192.168.1.10 www.example.com. AAAA IN');
    expect(step).toBeNull();
    expect(doc.dns.question).toEqual({ name: 'www.example.com', type: 'AAAA', class: 'IN' });
    expect(doc.client.ip).toBe('192.168.1.10');
  });

  test('unbound non-query line returns a step', () => {
    expect(run('<30>Mar 14 08:15:02 fw unbound[3]: [12345:0] info: start of service').step).toBe('unbound_not_a_query');
  });

  test('squid native format', () => {
    const { doc } = run('<30>Mar 14 08:15:02 fw squid[3]: 1710403200.123 40 192.168.1.2 TCP_DENIED/403 3162 GET http://www.example.com/a.crt - HIER_NONE/- text/html');
    expect(doc.squid.request_status).toBe('TCP_DENIED');
    expect(doc.http.response.status_code).toBe(403);
    expect(doc.event.outcome).toBe('failure');
    expect(doc.url.extension).toBe('crt');
    expect(doc.source.ip).toBe('192.168.1.2');
  });

  test('php-fpm login goes to host.name, not observer.name', () => {
    const { doc } = run("<38>Mar 14 08:15:02 pfSense php-fpm[3]: /index.php: webConfigurator authentication error for user 'root' from: 203.0.113.99");
    expect(doc.host.name).toBe('pfSense');
    expect(doc.observer.name).toBeUndefined();
    expect(doc.event.outcome).toBe('failure');
    expect(doc.user.name).toBe('root');
  });
});

describe('pfsense robustness', () => {
  test('64 KiB adversarial lines parse quickly and do not throw', () => {
    const lines = [
      '<134>Mar 14 08:15:02 fw filterlog[1]: ' + ','.repeat(65536),
      '<134>Mar 14 08:15:02 fw filterlog[1]: 5,,,1,em0,match,block,in,4,0x0,,1,1,0,DF,6,tcp,60,1.2.3.4,5.6.7.8,1,2,0,S,' + '1:'.repeat(32768),
      '<30>Mar 14 08:15:02 fw openvpn[3]: ' + '1.1.1.1:1 '.repeat(6554),
      "<38>Mar 14 08:15:02 fw php-fpm[3]: /index.php: " + 'a'.repeat(65536) + " for user 'x' from: 1.2.3.4",
      '<30>Mar 14 08:15:02 fw unbound[3]: info: 1.2.3.4 ' + 'a.'.repeat(32768),
      '<166>Mar 14 08:15:02 fw (squid-1)[3]: {' + '"a":'.repeat(16384),
      '<30>Mar 14 08:15:02 fw dhcpd[3]: ' + 'via '.repeat(16384),
    ];
    for (const l of lines) {
      expect(() => run(l)).not.toThrow();
      expect(bestMs(() => run(l))).toBeLessThan(50);
    }
  });
});
