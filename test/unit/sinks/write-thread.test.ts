import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WRITE_PIECE_BYTES, WriteThread } from '../../../src/sinks/file/write-thread.js';
import { seededRandom } from '../../helpers/random.js';

describe('file writer thread', () => {
  let dir: string;
  let thread: WriteThread;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'write-thread-'));
    thread = new WriteThread();
  });
  afterEach(async () => {
    await thread.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('appends shared and ordinary buffers in order, across pieces and requests in flight at once', async () => {
    const file = join(dir, 'out.ndjson');
    const fd = openSync(file, 'a+');
    const rnd = seededRandom(7);
    const expected: Buffer[] = [];
    const pending: Promise<{ bytes: number; error: string | null }>[] = [];
    const sizes: number[] = [];
    for (let req = 0; req < 12; req++) {
      const blocks: Buffer[] = [];
      let size = 0;
      for (let k = 0; k < 3; k++) {
        // lengths around the piece size and well past it; one empty part
        const len = k === 1 && req % 4 === 0 ? 0 : rnd(3 * WRITE_PIECE_BYTES) + 1;
        const shared = Buffer.from(new SharedArrayBuffer(len + 64));
        const b = (req + k) % 2 === 0 ? shared.subarray(32, 32 + len) : Buffer.alloc(len);
        for (let i = 0; i < len; i++) b[i] = 97 + ((req * 7 + k * 3 + i) % 26);
        // each request ends in a whole line (a flush holds whole lines)
        if (k === 2) b[len - 1] = 10;
        blocks.push(b);
        expected.push(Buffer.from(b));
        size += len;
      }
      sizes.push(size);
      // not awaited: the requests queue up in the thread and are written in the order given
      pending.push(thread.write(fd, blocks));
    }
    const outcomes = await Promise.all(pending);
    closeSync(fd);
    expect(outcomes).toEqual(sizes.map((bytes) => ({ bytes, lines: -1, error: null })));
    expect(readFileSync(file).equals(Buffer.concat(expected))).toBe(true);
  });

  test('a failed write comes back as an error naming the cause; the thread goes on with the next', async () => {
    const file = join(dir, 'ro.ndjson');
    writeFileSync(file, '');
    const ro = openSync(file, 'r');
    const bad = await thread.write(ro, [Buffer.from('line\n')]);
    closeSync(ro);
    expect(bad.bytes).toBe(0);
    expect(bad.error).toMatch(/EBADF/);
    const fd = openSync(file, 'a+');
    expect(await thread.write(fd, [Buffer.from('after\n')])).toEqual({ bytes: 6, lines: -1, error: null });
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe('after\n');
  });

  test('close waits for what was handed over', async () => {
    const file = join(dir, 'close.ndjson');
    const fd = openSync(file, 'a+');
    const big = Buffer.alloc(8 * WRITE_PIECE_BYTES + 5, 0x78);
    big[big.length - 1] = 10;
    const done = thread.write(fd, [big]);
    await thread.close();
    expect(await done).toEqual({ bytes: big.length, lines: -1, error: null });
    closeSync(fd);
    expect(readFileSync(file).length).toBe(big.length);
  });

  test('a torn line at the end of the file is cut off before new lines are appended', async () => {
    const file = join(dir, 'torn.ndjson');
    writeFileSync(file, '{"a":1}\n{"a":2}\n{"a":3, "cut off he');
    const fd = openSync(file, 'a+');
    expect(await thread.write(fd, [Buffer.from('{"a":4}\n')])).toEqual({ bytes: 8, lines: -1, error: null });
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n{"a":2}\n{"a":4}\n');
  });
});
