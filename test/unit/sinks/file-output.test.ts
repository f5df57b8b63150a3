import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileOutput } from '../../../src/sinks/file/file-output.js';
import { SenderStats } from '../../../src/core/telemetry.js';
import { WriteResult } from '../../../src/sinks/output.js';

const DAY = Date.UTC(2024, 2, 15, 12);

describe('file output', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'file-output-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('lines written over many flushes (as text and as bytes), with the 1 MiB blocks reused, come out whole and in order', async () => {
    const out = new FileOutput({ directory: dir, flushIntervalMs: 60_000, flushBytes: 1 << 30, maxBufferedBytes: 1 << 30 });
    await out.start();
    const stats = new SenderStats('test', '10.0.0.1');
    const expected: string[] = [];
    const scratch = Buffer.alloc(8192);
    // 12 rounds of ~2.3 MiB each: every round fills three blocks, later rounds take them from the pool
    for (let round = 0; round < 12; round++) {
      for (let i = 0; i < 3000; i++) {
        // lengths vary so that block boundaries fall at different places each round; some non-ASCII
        const json = JSON.stringify({ round, i, pad: 'x'.repeat((i * 37 + round * 11) % 1500), u: i % 100 === 0 ? 'é–ü' : '' });
        expected.push(json);
        if (i % 2 === 0) expect(out.writeEncoded({ json, bytes: null, dataset: 'syslog', timeMs: DAY }, stats)).toBe(WriteResult.Ok);
        else {
          // as a parser worker hands it over: UTF-8 in a buffer that is reused right after the call
          const bytes = scratch.subarray(0, scratch.write(json));
          expect(out.writeEncoded({ json: null, bytes, dataset: 'syslog', timeMs: DAY }, stats)).toBe(WriteResult.Ok);
          scratch.fill(0x21);
        }
      }
      await out.flush();
    }
    // a line larger than a block goes through as well
    const big = JSON.stringify({ big: 'y'.repeat(1_200_000) });
    expected.push(big);
    out.writeEncoded({ json: big, bytes: null, dataset: 'syslog', timeMs: DAY }, stats);
    expected.push(big);
    out.writeEncoded({ json: null, bytes: Buffer.from(big), dataset: 'syslog', timeMs: DAY }, stats);
    await out.close();
    const files = readdirSync(dir);
    expect(files).toEqual(['syslog-ecs-syslog-2024.03.15.ndjson']);
    const text = readFileSync(join(dir, files[0]!), 'utf8');
    expect(text).toBe(expected.join('\n') + '\n');
    expect(stats.written).toBe(expected.length);
  });
});
