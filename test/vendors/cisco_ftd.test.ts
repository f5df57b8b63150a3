import { parser as ftd } from '../../vendors/cisco_ftd/index.js';
import { parseSyslog } from '../../src/syslog/parse.js';
import type { EcsDoc } from '../../src/core/types.js';

const ctx = { timezone: 'UTC', receivedAt: Date.parse('2024-03-15T12:00:00Z') };

function run(line: string, p = ftd): { doc: EcsDoc; step: string | null } {
  const msg = parseSyslog(line, 0, 'UTC', ctx.receivedAt);
  const doc: EcsDoc = { event: {}, log: {} };
  if (!Number.isNaN(msg.timestamp)) doc['@timestamp'] = new Date(msg.timestamp).toISOString();
  return { doc, step: p.parse(msg, doc, ctx) };
}

describe('cisco_ftd', () => {
  test('430002 security event: outcome, rule and security_event fields', () => {
    const { doc, step } = run('2025-09-01T14:00:00Z firepower : %FTD-6-430002: FirstPacketSecond: 2025-09-01T14:00:03Z, AccessControlRuleAction: Block, SrcIP: 10.0.100.30, DstIP: 10.0.1.20, SrcPort: 56799, DstPort: 22, Protocol: tcp, ACPolicy: P, AccessControlRuleName: R, InitiatorBytes: 70, ResponderBytes: 0', ftd);
    expect(step).toBeNull();
    expect(doc.event).toMatchObject({ action: 'connection-started', outcome: 'success', type: ['connection', 'start', 'denied'] });
    expect(doc['@timestamp']).toBe('2025-09-01T14:00:03.000Z');
    expect(doc.rule).toEqual({ name: 'R', ruleset: 'P' });
    expect(doc.cisco.ftd.security_event.src_port).toBe(56799);
    expect(doc.network.bytes).toBe(70);
    expect(doc.observer).toMatchObject({ product: 'ftd', type: 'idps' });
  });

  test('FTD message carrying an ASA marker parses the inner body', () => {
    const { doc, step } = run('<166>May 01 2026 09:24:32Z  %FTD-6-113005: %ASA-6-113005: AAA user authentication Rejected : reason = Invalid password : server = 10.0.1.20 : user = bob : user IP = 10.0.100.30', ftd);
    expect(step).toBeNull();
    expect(doc.event).toMatchObject({ action: 'logon-failed', outcome: 'failure', code: '113005' });
    expect(doc.source).toMatchObject({ ip: '10.0.100.30', user: { name: 'bob' } });
  });
});
