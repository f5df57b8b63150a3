/**
 * `pipeline.event_original`: `always` keeps the raw line on every document; `on_failure` only where
 * no vendor parser read the event in full (unknown, parser error, plain syslog), as Elastic's
 * integrations do without `preserve_original_event`.
 */
import { Processor } from '../../../src/pipeline/process.js';
import { Telemetry } from '../../../src/core/telemetry.js';
import { serialize } from '../../../src/ecs/serialize.js';
import { validateConfigText, defaultConfig } from '../../../src/config/load.js';
import type { Frame } from '../../../src/core/types.js';

const PARSED = '<166>Jul 16 2024 12:00:00 asa-1 : %ASA-6-302013: Built inbound TCP connection 1234 for outside:203.0.113.5/51000 (203.0.113.5/51000) to inside:10.0.0.10/443 (10.0.0.10/443)';
const UNKNOWN = '<166>Jul 16 2024 12:00:00 asa-1 : %ASA-6-999999: a message id the parser does not know';
const PLAIN = '<13>Jul 16 12:00:00 host1 app[42]: plain syslog text';

function run(mode: 'always' | 'on_failure' | undefined, line: string): Record<string, any> {
  const telemetry = new Telemetry();
  const p = new Processor({ timezone: 'UTC', senders: [], enrichers: [], telemetry, ...(mode !== undefined ? { eventOriginal: mode } : {}) });
  const frame: Frame = { data: Buffer.from(line), senderIp: '10.0.0.1', senderPort: 514, listener: 'test', receivedAt: Date.UTC(2024, 6, 16, 12), truncated: false };
  // what the outputs write
  return JSON.parse(serialize(p.process(frame, telemetry.stats('test', '10.0.0.1'))));
}

test('always (the default): every document has event.original', () => {
  for (const line of [PARSED, UNKNOWN, PLAIN]) {
    expect(run(undefined, line).event.original).toBe(line);
    expect(run('always', line).event.original).toBe(line);
  }
  expect(defaultConfig().pipeline.event_original).toBe('always');
});

test('on_failure: parsed events leave it out; unknown and plain syslog keep it', () => {
  const parsed = run('on_failure', PARSED);
  expect(parsed.syslog_ecs.parse.status).toBe('parsed');
  expect(parsed.event).not.toHaveProperty('original');
  expect(parsed.event.code).toBe('302013'); // the rest is all there
  expect(parsed.source.ip).toBe('203.0.113.5');
  const withOriginal = run('always', PARSED);
  expect(JSON.stringify(parsed).length).toBeLessThan(JSON.stringify(withOriginal).length - PARSED.length);

  const unknown = run('on_failure', UNKNOWN);
  expect(unknown.syslog_ecs.parse.status).toBe('unknown');
  expect(unknown.event.original).toBe(UNKNOWN);

  const plain = run('on_failure', PLAIN);
  expect(plain.syslog_ecs.parse.status).toBe('syslog_only');
  expect(plain.event.original).toBe(PLAIN);
});

test('config: pipeline.event_original takes always or on_failure; anything else is named', () => {
  expect(validateConfigText('pipeline:\n  event_original: on_failure\n').issues).toEqual([]);
  expect(validateConfigText('pipeline:\n  event_original: never\n').issues).toEqual([
    { path: 'pipeline.event_original', line: 2, message: 'must be one of always, on_failure' },
  ]);
});
