import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileOutput } from '../../../src/sinks/file/file-output.js';
import { SenderStats } from '../../../src/core/telemetry.js';
import { WriteResult } from '../../../src/core/stages.js';

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
        // text marked ASCII is written as latin1 and sized by its length: the block boundaries must hold
        if (i % 2 === 0) expect(out.writeEncoded({ json, bytes: null, ascii: !/[^\u0000-\u007f]/.test(json), dataset: 'syslog', timeMs: DAY, id: null }, stats)).toBe(WriteResult.Ok);
        else {
          // as a parser worker hands it over: UTF-8 in a buffer that is reused right after the call
          const bytes = scratch.subarray(0, scratch.write(json));
          expect(out.writeEncoded({ json: null, bytes, ascii: false, dataset: 'syslog', timeMs: DAY, id: null }, stats)).toBe(WriteResult.Ok);
          scratch.fill(0x21);
        }
      }
      await out.flush();
    }
    // a line larger than a block goes through as well
    const big = JSON.stringify({ big: 'y'.repeat(1_200_000) });
    expected.push(big);
    out.writeEncoded({ json: big, bytes: null, ascii: true, dataset: 'syslog', timeMs: DAY, id: null }, stats);
    expected.push(big);
    out.writeEncoded({ json: null, bytes: Buffer.from(big), ascii: false, dataset: 'syslog', timeMs: DAY, id: null }, stats);
    await out.close();
    const files = readdirSync(dir);
    expect(files).toEqual(['syslog-ecs-syslog-2024.03.15.ndjson']);
    const text = readFileSync(join(dir, files[0]!), 'utf8');
    expect(text).toBe(expected.join('\n') + '\n');
    expect(stats.written).toBe(expected.length);
  });

  test('a burst of many blocks between two writes reuses them: the next burst allocates none, and the pool stays bounded', async () => {
    // 32 MiB may be buffered: up to 34 blocks come back to the pool (a pool of 8 ran dry in fast streams)
    const out = new FileOutput({ directory: dir, flushIntervalMs: 60_000, flushBytes: 1 << 30, maxBufferedBytes: 32 << 20 });
    await out.start();
    const stats = new SenderStats('test', '10.0.0.1');
    const line = JSON.stringify({ pad: 'z'.repeat(1000) });
    const burst = (): void => {
      // 20,000 lines of 1 KB: 20 blocks
      for (let i = 0; i < 20_000; i++) expect(out.writeEncoded({ json: line, bytes: null, ascii: true, dataset: 'syslog', timeMs: DAY, id: null }, stats)).toBe(WriteResult.Ok);
    };
    burst();
    await out.flush();
    const first = out.blocks;
    expect(first.allocated).toBeGreaterThanOrEqual(20);
    expect(first.free).toBe(first.allocated);
    for (let round = 0; round < 3; round++) {
      burst();
      await out.flush();
    }
    expect(out.blocks).toEqual(first);
    // a minute without writes: the pool goes back to 8 blocks (the flush timer's empty flush trims it)
    await out.flush();
    expect(out.blocks.free).toBe(first.free);
    jest.useFakeTimers({ doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'hrtime', 'performance'] });
    try {
      jest.setSystemTime(Date.now() + 61_000);
      await out.flush();
    } finally {
      jest.useRealTimers();
    }
    expect(out.blocks).toEqual({ allocated: first.allocated, free: 8 });
    await out.close();
    expect(stats.written).toBe(80_000);

    // a small max_buffered_bytes keeps a small pool: 12 files in one flush hold a block each, 8 are kept
    const small = new FileOutput({ directory: dir, flushIntervalMs: 60_000, flushBytes: 1 << 30, maxBufferedBytes: 1 << 20 });
    await small.start();
    for (let i = 0; i < 12; i++) expect(small.writeEncoded({ json: line, bytes: null, ascii: true, dataset: `d${i}`, timeMs: DAY, id: null }, stats)).toBe(WriteResult.Ok);
    await small.close();
    expect(small.blocks).toEqual({ allocated: 12, free: 8 });
  });
});
