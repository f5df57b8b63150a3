import { parser } from '../../vendors/cisco_meraki/index.js';
import { parseSyslog } from '../../src/syslog/parse.js';
import type { EcsDoc } from '../../src/core/types.js';
import { bestMs } from '../helpers/timing.js';

const NOW = Date.parse('2024-03-15T12:00:00Z');
const ctx = { timezone: 'UTC', receivedAt: NOW };

function run(line: string): { doc: EcsDoc; step: string | null; detected: boolean } {
  const msg = parseSyslog(line, 0, 'UTC', NOW);
  const doc: EcsDoc = { event: {}, log: {} };
  const detected = parser.detect(msg);
  return { doc, step: parser.parse(msg, doc, ctx), detected };
}

describe('cisco_meraki', () => {
  test('detects the epoch header only', () => {
    expect(run('<134>1 1710241200.123456789 MX67 flows allow src=10.2.0.15 dst=192.0.2.10 protocol=tcp').detected).toBe(true);
    expect(run('<134>1 948136486.721741837 MX60 firewall src=10.1.1.1 dst=10.2.2.2 protocol=udp').detected).toBe(true);
    expect(run('<134>1 2024-03-12T11:00:00Z host app - - - hello').detected).toBe(false);
    expect(run('<14>Mar 12 09:15:02 host sshd[1]: Accepted password').detected).toBe(false);
  });

  test('flows allow: ECS fields and epoch time', () => {
    const { doc, step } = run('<134>1 1710241200.123456789 MX67 flows allow src=10.2.0.15 dst=192.0.2.10 mac=AA:BB:CC:00:11:22 protocol=tcp sport=50111 dport=443');
    expect(step).toBeNull();
    expect(doc['@timestamp']).toBe('2024-03-12T11:00:00.123Z');
    expect(doc.observer.hostname).toBe('MX67');
    expect(doc.source).toEqual({ ip: '10.2.0.15', port: 50111, mac: 'AA-BB-CC-00-11-22' });
    expect(doc.destination).toEqual({ ip: '192.0.2.10', port: 443 });
    expect(doc.event.action).toBe('layer3-firewall-allowed-flow');
    expect(doc.event.type).toEqual(['info', 'connection', 'start']);
    expect(doc.cisco_meraki).toMatchObject({ event_type: 'flows', event_subtype: 'flow_allowed', flows: { op: 'allow' } });
  });

  test('flows pattern splits action and rule', () => {
    const { doc } = run('<134>1 1710241200.1 MX67 flows src=10.2.0.16 dst=198.51.100.9 protocol=udp sport=1 dport=53 pattern: deny (dst 198.51.100.0/24)');
    expect(doc.cisco_meraki.firewall).toEqual({ action: 'deny', rule: '(dst 198.51.100.0/24)' });
    expect(doc.cisco_meraki.event_subtype).toBe('ip_session_initiated');
  });

  test('urls: url parts and registered domain', () => {
    const { doc } = run("<134>1 1710241400.9 MX67 urls src=10.2.0.15:50200 dst=93.184.216.34:443 mac=AA:BB:CC:00:11:22 request: UNKNOWN https://a.b.example.com/x.js?q=1");
    expect(doc.url).toMatchObject({ domain: 'a.b.example.com', registered_domain: 'example.com', subdomain: 'a.b', top_level_domain: 'com', path: '/x.js', extension: 'js', query: 'q=1', scheme: 'https' });
    expect(doc.event.action).toBe('http-access-error');
  });

  test('unknown type returns a step and does not throw', () => {
    const { doc, step } = run('<134>1 1710241800.0 MX67 unknown_type something');
    expect(step).toBe('unknown_event_type');
    expect(doc.observer.hostname).toBe('MX67');
  });

  test('64 KiB adversarial line parses quickly', () => {
    const line = '<134>1 1710241200.1 MX67 urls ' + 'src='.repeat(4000) + ' request: '.repeat(2000) + "'".repeat(20000) + '=x '.repeat(6000);
    expect(() => run(line.slice(0, 65536))).not.toThrow();
    expect(bestMs(() => run(line.slice(0, 65536)))).toBeLessThan(50);
  });
});
