import { mkdtempSync, readdirSync, statSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskBuffer } from '../../../src/sinks/elasticsearch/disk-buffer.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'es-disk-'));
const rec = (i: number) => `{"create":{"_index":"i","_id":"${i}"}}\n{"n":${i},"s":"${'x'.repeat(i % 50)}"}\n`;

describe('disk buffer', () => {
  test('records come back in order, across segments', () => {
    const d = DiskBuffer.open(tmp(), 10 << 20, 1 << 16);
    for (let i = 0; i < 5000; i++) expect(d.append(rec(i))).toBe(true);
    d.sync();
    expect(d.unreadCount).toBe(5000);
    const got: string[] = [];
    for (;;) {
      const r = d.read(777);
      if (r.length === 0) break;
      for (const x of r) {
        got.push(x.payload);
        d.ack(x.ticket);
      }
    }
    expect(got).toHaveLength(5000);
    expect(got.every((p, i) => p === rec(i))).toBe(true);
    expect(d.isEmpty()).toBe(true);
    d.close();
  });

  test('bounded by max_bytes; acknowledged segments free space', () => {
    const dir = tmp();
    const d = DiskBuffer.open(dir, 1 << 20, 1 << 16);
    let n = 0;
    while (d.append(rec(n))) n++;
    expect(n).toBeGreaterThan(5000);
    expect(d.bytes).toBeLessThanOrEqual(1 << 20);
    d.sync();
    const size = readdirSync(dir).filter((f) => f.endsWith('.seg')).reduce((a, f) => a + statSync(join(dir, f)).size, 0);
    expect(size).toBeLessThanOrEqual(1 << 20);
    for (const r of d.read(n / 2)) d.ack(r.ticket);
    expect(d.bytes).toBeLessThan(0.6 * (1 << 20));
    expect(d.append(rec(1))).toBe(true);
    d.close();
  });

  test('survives a restart: unacknowledged records are read again, acknowledged ones are not', () => {
    const dir = tmp();
    let d = DiskBuffer.open(dir, 10 << 20, 1 << 16);
    for (let i = 0; i < 3000; i++) d.append(rec(i));
    d.sync();
    const first = d.read(1000);
    // acknowledge out of order: 0..499 and 600..999; 500..599 stay in flight
    first.forEach((r, i) => {
      if (i < 500 || i >= 600) d.ack(r.ticket);
    });
    d.sync();
    // a crash: no close()
    d = DiskBuffer.open(dir, 10 << 20, 1 << 16);
    expect(d.unreadCount).toBe(2500);
    const again = d.read(10_000);
    expect(again).toHaveLength(2500);
    expect(again[0]!.payload).toBe(rec(500));
    expect(again[again.length - 1]!.payload).toBe(rec(2999));
    for (const r of again) d.ack(r.ticket);
    d.close();
    d = DiskBuffer.open(dir, 10 << 20, 1 << 16);
    expect(d.unreadCount).toBe(0);
    expect(d.isEmpty()).toBe(true);
    d.close();
  });

  test('a torn record at the tail is cut off at open', () => {
    const dir = tmp();
    let d = DiskBuffer.open(dir, 10 << 20);
    for (let i = 0; i < 10; i++) d.append(rec(i));
    d.sync();
    d.close();
    const seg = readdirSync(dir).find((f) => f.endsWith('.seg'))!;
    const fd = openSync(join(dir, seg), 'a');
    const torn = Buffer.alloc(12);
    torn.writeUInt32LE(500, 0);
    torn.writeUInt32LE((500 ^ 0x5359534c) >>> 0, 4);
    writeSync(fd, torn);
    closeSync(fd);
    d = DiskBuffer.open(dir, 10 << 20);
    expect(d.unreadCount).toBe(10);
    d.append(rec(10));
    const all = d.read(100).map((r) => r.payload);
    expect(all).toEqual(Array.from({ length: 11 }, (_, i) => rec(i)));
    d.close();
  });

  test('appends are visible to read before sync (buffered write-out)', () => {
    const d = DiskBuffer.open(tmp(), 1 << 20);
    d.append(rec(1));
    expect(d.read(10).map((r) => r.payload)).toEqual([rec(1)]);
    d.close();
  });
});
