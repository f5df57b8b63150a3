/**
 * `pipeline.event_original: on_failure` in the running collector, inline and on parser workers:
 * the parsed event is written without event.original, the unknown one with it.
 */
import { connect } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCollector, tempDir, readOutput, waitFor } from '../helpers/collector.js';

const PARSED = '<166>Jul 16 2024 12:00:00 asa-1 : %ASA-6-302013: Built inbound TCP connection 1234 for outside:203.0.113.5/51000 (203.0.113.5/51000) to inside:10.0.0.10/443 (10.0.0.10/443)';
const UNKNOWN = '<166>Jul 16 2024 12:00:01 asa-1 : %ASA-6-999999: a message id the parser does not know';

for (const workers of [0, 1]) {
  test(`on_failure with ${workers} parser worker(s)`, async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const cfg = join(dir, 'c.yaml');
    writeFileSync(cfg, [
      'listeners:',
      '  - url: tcp://127.0.0.1:0',
      'outputs:',
      `  - url: file:${out}`,
      '    flush_interval_ms: 100',
      'pipeline:',
      `  workers: ${workers}`,
      '  event_original: on_failure',
      'http:',
      '  listen: ""',
    ].join('\n'));
    const c = await startCollector(['--config', cfg]);
    try {
      const s = connect(c.port('tcp'), '127.0.0.1');
      await new Promise((r) => s.once('connect', r));
      s.end(PARSED + '\n' + UNKNOWN + '\n');
      await waitFor(() => readOutput(out).length === 2, 15_000, 'two documents');
      const docs = readOutput(out).sort((a, b) => String(a.event.code).localeCompare(String(b.event.code)));
      expect(docs[0]!.syslog_ecs.parse.status).toBe('parsed');
      expect(docs[0]!.event.original).toBeUndefined();
      expect(docs[0]!.source.ip).toBe('203.0.113.5');
      expect(docs[1]!.syslog_ecs.parse.status).toBe('unknown');
      expect(docs[1]!.event.original).toBe(UNKNOWN);
    } finally {
      expect((await c.stop()).code).toBe(0);
    }
  });
}
