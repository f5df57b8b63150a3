import { jest } from '@jest/globals';
import { Batcher, type Batch, type Item } from '../../../src/sinks/elasticsearch/batcher.js';

function item(bytes: number): Item {
  return { entry: { line: 'x'.repeat(bytes), actionLength: 1, bytes, index: 'i', id: 'a' }, stats: null, ticket: null };
}

describe('batcher', () => {
  afterEach(() => jest.useRealTimers());

  test('seals a batch when it reaches flush_bytes', () => {
    const out: Batch[] = [];
    const b = new Batcher(1000, 60_000, (x) => out.push(x));
    for (let i = 0; i < 9; i++) b.add(item(100));
    expect(out).toHaveLength(0);
    b.add(item(100));
    expect(out).toHaveLength(1);
    expect(out[0]!.items).toHaveLength(10);
    expect(out[0]!.bytes).toBe(1000);
    expect(b.size).toBe(0);
    b.close();
  });

  test('seals a batch at maxItems entries', () => {
    const out: Batch[] = [];
    const b = new Batcher(1 << 20, 60_000, (x) => out.push(x), 3);
    for (let i = 0; i < 7; i++) b.add(item(1));
    expect(out.map((x) => x.items.length)).toEqual([3, 3]);
    b.close();
  });

  test('seals a batch after flush_interval_ms from its first entry', () => {
    jest.useFakeTimers();
    const out: Batch[] = [];
    const b = new Batcher(1 << 20, 500, (x) => out.push(x));
    b.add(item(10));
    jest.advanceTimersByTime(300);
    b.add(item(10));
    expect(out).toHaveLength(0);
    jest.advanceTimersByTime(200);
    expect(out).toHaveLength(1);
    expect(out[0]!.items).toHaveLength(2);
    jest.advanceTimersByTime(5000);
    expect(out).toHaveLength(1); // no empty batches
    b.close();
  });

  test('flush() seals now; drainItems() takes the open batch back', () => {
    const out: Batch[] = [];
    const b = new Batcher(1 << 20, 60_000, (x) => out.push(x));
    b.flush();
    expect(out).toHaveLength(0);
    b.add(item(5));
    b.flush();
    expect(out).toHaveLength(1);
    b.add(item(5));
    expect(b.drainItems()).toHaveLength(1);
    expect(b.pendingBytes).toBe(0);
    b.close();
  });
});
