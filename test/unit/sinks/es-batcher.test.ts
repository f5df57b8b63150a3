import { jest } from '@jest/globals';
import { Batcher, bodyOf, lineOf, type Batch } from '../../../src/sinks/elasticsearch/batcher.js';

/** an entry of `bytes` bytes in all: a 2-byte head, the document, the newline */
function add(b: Batcher, bytes: number, doc = 'x'.repeat(bytes - 3)): void {
  b.add('h\n', doc, null, null);
}

describe('batcher', () => {
  afterEach(() => jest.useRealTimers());

  test('seals a batch when it reaches flush_bytes', () => {
    const out: Batch[] = [];
    const b = new Batcher(1000, 60_000, (x) => out.push(x));
    for (let i = 0; i < 9; i++) add(b, 100);
    expect(out).toHaveLength(0);
    add(b, 100);
    expect(out).toHaveLength(1);
    expect(out[0]!.items).toHaveLength(10);
    expect(out[0]!.bytes).toBe(1000);
    expect(b.size).toBe(0);
    b.close();
  });

  test('the body is the NDJSON of the entries, in order; each item knows its span', () => {
    const out: Batch[] = [];
    const b = new Batcher(1 << 20, 60_000, (x) => out.push(x));
    b.add('{"create":{}}\n', '{"a":"é – ü"}', null, null);
    // as UTF-8 bytes (a parser worker's), copied at once: the buffer is reused after the call
    const scratch = Buffer.from('{"b":1}');
    b.add('{"create":{"_index":"journal-événements"}}\n', scratch, null, null);
    scratch.fill(0x21);
    b.flush();
    const batch = out[0]!;
    const text = '{"create":{}}\n{"a":"é – ü"}\n{"create":{"_index":"journal-événements"}}\n{"b":1}\n';
    expect(batch.body.subarray(0, batch.bytes).toString('utf8')).toBe(text);
    expect(batch.bytes).toBe(Buffer.byteLength(text)); // bytes, not UTF-16 units
    expect(lineOf(batch, batch.items[0]!)).toBe('{"create":{}}\n{"a":"é – ü"}\n');
    expect(lineOf(batch, batch.items[1]!)).toBe('{"create":{"_index":"journal-événements"}}\n{"b":1}\n');
    // all items: the body itself, no copy; some: their bytes joined
    expect(bodyOf(batch, batch.items).buffer).toBe(batch.body.buffer);
    expect(bodyOf(batch, [batch.items[1]!]).toString()).toBe('{"create":{"_index":"journal-événements"}}\n{"b":1}\n');
    b.close();
  });

  test('an entry that does not fit after the open batch starts a new one; one larger than a body gets its own', () => {
    const out: Batch[] = [];
    const b = new Batcher(1024, 60_000, (x) => out.push(x));
    add(b, 1000);
    add(b, 300 * 1024); // does not fit after the first one (1 KiB + 256 KiB of headroom)
    expect(out.map((x) => x.items.length)).toEqual([1, 1]);
    expect(out[1]!.bytes).toBe(300 * 1024);
    add(b, 10);
    b.flush();
    expect(out.map((x) => x.bytes)).toEqual([1000, 300 * 1024, 10]);
    expect(lineOf(out[1]!, out[1]!.items[0]!)).toHaveLength(300 * 1024);
    b.close();
  });

  test('bodies given back are reused', () => {
    const out: Batch[] = [];
    const b = new Batcher(1024, 60_000, (x) => out.push(x));
    add(b, 2000);
    b.release(out[0]!);
    add(b, 2000);
    expect(out[1]!.body).toBe(out[0]!.body);
    b.close();
  });

  test('seals a batch at maxItems entries', () => {
    const out: Batch[] = [];
    const b = new Batcher(1 << 20, 60_000, (x) => out.push(x), 3);
    for (let i = 0; i < 7; i++) add(b, 4);
    expect(out.map((x) => x.items.length)).toEqual([3, 3]);
    b.close();
  });

  test('seals a batch after flush_interval_ms from its first entry', () => {
    jest.useFakeTimers();
    const out: Batch[] = [];
    const b = new Batcher(1 << 20, 500, (x) => out.push(x));
    add(b, 10);
    jest.advanceTimersByTime(300);
    add(b, 10);
    expect(out).toHaveLength(0);
    jest.advanceTimersByTime(200);
    expect(out).toHaveLength(1);
    expect(out[0]!.items).toHaveLength(2);
    jest.advanceTimersByTime(5000);
    expect(out).toHaveLength(1); // no empty batches
    b.close();
  });

  test('flush() seals now, and is a no-op when empty', () => {
    const out: Batch[] = [];
    const b = new Batcher(1 << 20, 60_000, (x) => out.push(x));
    b.flush();
    expect(out).toHaveLength(0);
    add(b, 5);
    expect(b.pendingBytes).toBe(5);
    b.flush();
    expect(out).toHaveLength(1);
    expect(b.pendingBytes).toBe(0);
    b.close();
  });
});
