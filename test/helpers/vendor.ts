/**
 * Test helper: runs one vendor parser the way the Processor does (syslog header, base document,
 * then the family's parse) at a fixed clock, and its detect.
 */
import { parseSyslog } from '../../src/syslog/parse.js';
import { baseDocument } from '../../src/ecs/base.js';
import type { EcsDoc } from '../../src/core/types.js';
import type { VendorParser } from '../../src/core/stages.js';

export const NOW = Date.parse('2024-03-15T12:00:00Z');

export function vendorRunner(parser: VendorParser): {
  run(line: string, tz?: string): { doc: EcsDoc; step: string | null };
  detect(line: string): boolean;
} {
  return {
    run(line: string, tz = 'UTC') {
      const msg = parseSyslog(line, 0, tz, NOW);
      const doc = baseDocument(msg, { data: Buffer.from(line), senderIp: '', senderPort: 0, listener: 'test', receivedAt: NOW, truncated: false }, tz);
      return { doc, step: parser.parse(msg, doc, { timezone: tz, receivedAt: NOW }) };
    },
    detect: (line: string) => parser.detect(parseSyslog(line, 0, 'UTC', NOW)),
  };
}
