import { parser as ftd } from '../../vendors/cisco_ftd/index.js';
import { vendorRunner } from '../helpers/vendor.js';

const runner = vendorRunner(ftd);
const run = (line: string) => runner.run(line);

describe('cisco_ftd', () => {
  test('430002 security event: outcome, rule and security_event fields', () => {
    const { doc, step } = run('2025-09-01T14:00:00Z firepower : %FTD-6-430002: FirstPacketSecond: 2025-09-01T14:00:03Z, AccessControlRuleAction: Block, SrcIP: 10.0.100.30, DstIP: 10.0.1.20, SrcPort: 56799, DstPort: 22, Protocol: tcp, ACPolicy: P, AccessControlRuleName: R, InitiatorBytes: 70, ResponderBytes: 0');
    expect(step).toBeNull();
    expect(doc.event).toMatchObject({ action: 'connection-started', outcome: 'success', type: ['connection', 'start', 'denied'] });
    expect(doc['@timestamp']).toBe('2025-09-01T14:00:03.000Z');
    expect(doc.rule).toEqual({ name: 'R', ruleset: 'P' });
    expect(doc.cisco.ftd.security_event.src_port).toBe(56799);
    expect(doc.network.bytes).toBe(70);
    expect(doc.observer).toMatchObject({ product: 'ftd', type: 'idps' });
  });

  test('FTD message carrying an ASA marker parses the inner body', () => {
    const { doc, step } = run('<166>May 01 2026 09:24:32Z  %FTD-6-113005: %ASA-6-113005: AAA user authentication Rejected : reason = Invalid password : server = 10.0.1.20 : user = bob : user IP = 10.0.100.30');
    expect(step).toBeNull();
    expect(doc.event).toMatchObject({ action: 'logon-failed', outcome: 'failure', code: '113005' });
    expect(doc.source).toMatchObject({ ip: '10.0.100.30', user: { name: 'bob' } });
  });

  test('FTD-only ids: 602101 PMTU discovery and 210022 missed updates', () => {
    const a = run('<166>Mar 15 2024 10:00:00 ftd1 : %FTD-6-602101: PMTU-D packet 1500 bytes greater than effective mtu 1400, dest_addr=198.51.100.9, src_addr=10.0.0.5, prot=TCP');
    expect(a.step).toBeNull();
    expect(a.doc.event.action).toBe('vpn-pmtu-d');
    expect(a.doc.cisco.ftd.effective_mtu).toBe(1400);
    expect(a.doc.source).toMatchObject({ ip: '10.0.0.5', bytes: 1500 });
    const b = run('<163>Mar 15 2024 10:00:00 ftd1 : %FTD-3-210022: LU missed 12 updates');
    expect(b.step).toBeNull();
    expect(b.doc.cisco.ftd.missed_updates_count).toBe(12);
  });

  test('305006 names the protocol network.protocol, as the FTD pipeline does', () => {
    const { doc } = run('<163>Mar 15 2024 10:00:00 ftd1 : %FTD-3-305006: regular translation creation failed for tcp src inside:10.0.0.5/51000 dst outside:198.51.100.9/443');
    expect(doc.network.protocol).toBe('tcp');
    expect(doc.network.transport).toBeUndefined();
    expect(doc.cisco.ftd.translation_type).toBe('regular');
  });

  test('a security event without marker or id is detected from its keys and gets its id from them', () => {
    const line = '<14>Mar 15 10:00:00 firepower SFIMS: DeviceUUID: 2d3e4f50, AccessControlRuleAction: Allow, SrcIP: 10.0.0.5, DstIP: 198.51.100.9, SrcPort: 51000, DstPort: 443, Protocol: tcp, ConnectionDuration: 2, InitiatorBytes: 10, ResponderBytes: 20';
    expect(runner.detect(line)).toBe(true);
    expect(runner.detect('<14>Mar 15 10:00:00 host app: SrcIP: 10.0.0.5, DstIP: 198.51.100.9')).toBe(false);
    const { doc, step } = run(line);
    expect(step).toBeNull();
    expect(doc.event).toMatchObject({ code: '430003', action: 'connection-finished' });
    expect(doc.host.hostname).toBe('firepower');
    expect(doc.process.name).toBe('SFIMS');
    expect(doc.network.bytes).toBe(30);
  });
});
