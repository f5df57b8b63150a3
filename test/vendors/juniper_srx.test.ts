import { parser } from '../../vendors/juniper_srx/index.js';
import { parseSyslog } from '../../src/syslog/parse.js';
import { baseDocument } from '../../src/ecs/base.js';
import type { EcsDoc, Frame } from '../../src/core/types.js';
import { bestMs } from '../helpers/timing.js';

const NOW = Date.parse('2024-03-15T12:00:00Z');

function run(line: string): { doc: EcsDoc; step: string | null; detected: boolean } {
  const msg = parseSyslog(line, 0, 'UTC', NOW);
  const frame: Frame = { data: Buffer.from(line), senderIp: '', senderPort: 0, listener: 'test', receivedAt: NOW, truncated: false };
  const doc = baseDocument(msg, frame, 'UTC');
  const detected = parser.detect(msg);
  const step = parser.parse(msg, doc, { timezone: 'UTC', receivedAt: NOW });
  return { doc, step, detected };
}

const CLOSE = '<14>1 2024-03-11T09:05:00.000+01:00 srx1 RT_FLOW - RT_FLOW_SESSION_CLOSE [junos@2636.1.1.1.2.129 reason="TCP FIN" source-address="10.1.1.2" source-port="5000" destination-address="198.51.100.2" destination-port="443" nat-source-address="203.0.113.5" nat-source-port="31000" protocol-id="6" policy-name="p1" source-zone-name="trust" destination-zone-name="untrust" packets-from-client="2" bytes-from-client="100" packets-from-server="3" bytes-from-server="200" elapsed-time="10" username="N/A"]';

describe('juniper_srx', () => {
  test('detect', () => {
    expect(run(CLOSE).detected).toBe(true);
    expect(run('<13>Mar 11 09:10:05 srx2 RT_SYSTEM: RTLOG_CONN_ERROR: Connection error X Com 1 abort').detected).toBe(true);
    expect(run('<158>Mar 11 09:10:00 srx2 kernel: FW: ge-0/0/3.0 D tcp 1.1.1.1 2.2.2.2 1 2').detected).toBe(true);
    expect(run('<13>Mar 11 09:10:05 host sshd[2]: Accepted publickey').detected).toBe(false);
    expect(run('<4>Mar 11 09:10:05 host kernel: IN=eth0 SRC=1.1.1.1').detected).toBe(false);
  });

  test('RT_FLOW close from structured data', () => {
    const { doc, step } = run(CLOSE);
    expect(step).toBeNull();
    expect(doc.event).toMatchObject({ action: 'flow_close', type: ['end', 'allowed', 'connection'], duration: 10_000_000_000, severity: 14 });
    expect(doc.source).toMatchObject({ ip: '10.1.1.2', port: 5000, bytes: 100, packets: 2, nat: { ip: '203.0.113.5', port: 31000 } });
    expect(doc.network).toMatchObject({ bytes: 300, packets: 5, iana_number: '6', transport: 'tcp' });
    expect(doc.observer).toMatchObject({ name: 'srx1', ingress: { zone: 'trust' }, egress: { zone: 'untrust' } });
    expect(doc.rule.name).toBe('p1');
    expect(doc.juniper.srx).toMatchObject({ process: 'RT_FLOW', tag: 'RT_FLOW_SESSION_CLOSE', reason: 'TCP FIN' });
    expect(doc.juniper.srx.username).toBeUndefined();
    expect(doc['@timestamp']).toBe('2024-03-11T08:05:00.000Z');
    expect(doc.log.level).toBe('informational');
  });

  test('BSD system messages', () => {
    const { doc } = run('<158>Mar 11 09:10:00 srx2 (FPC Slot 1, PIC Slot 1) PFE_FW_SYSLOG_IP: FW: reth1.3 A pim 10.0.0.1 10.0.0.2 0 0 (1 packets)');
    expect(doc.juniper.srx).toMatchObject({ process: 'PFE_FW_SYSLOG_IP', tag: 'FW', interface_name: 'reth1.3', firewall: { filter_action: 'A', packets_num: '1' } });
    expect(doc.event.severity).toBe(158);
  });

  test('malformed structured data is re-read and flagged', () => {
    const { doc, step } = run('<30>1 2024-03-11T09:00:00+01:00 srx1 kmd 8961 KMD_PM_SA_ESTABLISHED [junos@2636.1.1.1.2.129 local-address="10.0.0.1" remote-address=10.0.0.2" mode="Tunnel"]');
    expect(step).toBe('malformed_structured_data');
    expect(doc.juniper.srx).toMatchObject({ process: 'kmd', tag: 'KMD_PM_SA_ESTABLISHED', remote_address: '10.0.0.2', mode: 'Tunnel' });
    expect(doc.observer.name).toBe('srx1');
    expect(doc.process.pid).toBe(8961);
  });

  test('64 KiB adversarial lines parse quickly', () => {
    for (const l of ['<14>1 2024-03-11T09:00:00Z h RT_FLOW - T [junos@1 ' + 'a="'.repeat(20000) + ']', '<14>Mar 11 09:10:00 h RT_X: ' + ': '.repeat(30000), '<14>x [junos@' + ' '.repeat(65000)]) {
      expect(() => run(l)).not.toThrow();
      expect(bestMs(() => run(l))).toBeLessThan(50);
    }
  });
});
