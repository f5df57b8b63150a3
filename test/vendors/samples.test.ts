/**
 * Each family's warm-up samples (VendorParser.samples, run at start to warm the JIT up) are lines
 * of that family which it parses in full: a sample that fell to another family or to `unknown`
 * would warm up the wrong code.
 */
import { VENDORS } from '../../vendors/index.js';
import { Processor } from '../../src/pipeline/process.js';
import { Telemetry } from '../../src/core/telemetry.js';

describe('warm-up samples', () => {
  const telemetry = new Telemetry();
  const p = new Processor({ timezone: 'UTC', senders: [], enrichers: [], telemetry });
  const stats = telemetry.stats('test', '127.0.0.1');

  test.each(VENDORS.map((v) => [v.id, v.samples] as const))('%s has samples it parses', (id, samples) => {
    expect(samples.length).toBeGreaterThan(0);
    for (const line of samples) {
      const doc = p.process({ data: Buffer.from(line), senderIp: '127.0.0.1', senderPort: 514, listener: 'test', receivedAt: Date.parse('2024-03-14T08:00:00Z'), truncated: false }, stats);
      expect([line, doc.syslog_ecs.family, doc.syslog_ecs.parse.status]).toEqual([line, id, 'parsed']);
    }
  });
});
