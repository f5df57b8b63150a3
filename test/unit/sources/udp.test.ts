import { jest } from '@jest/globals';
import { createSocket } from 'node:dgram';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UdpSource } from '../../../src/sources/udp.js';
import { Telemetry } from '../../../src/core/telemetry.js';
import { WriteResult } from '../../../src/core/stages.js';
import type { Frame } from '../../../src/core/types.js';
import type { FrameHandler } from '../../../src/core/stages.js';

function handler(frames: Frame[]): FrameHandler {
  return {
    telemetry: new Telemetry(),
    paused: false,
    onResume: () => undefined,
    accept(frame: Frame) {
      frames.push({ ...frame, data: Buffer.from(frame.data) });
      return WriteResult.Ok;
    },
  };
}

describe('udp source', () => {
  afterEach(() => jest.restoreAllMocks());

  test('asks for its receive buffer and says at start when the kernel grants less', async () => {
    const rmemMax = Number(readFileSync('/proc/sys/net/core/rmem_max', 'utf8'));
    const want = 2 * rmemMax + (1 << 20); // more than any kernel setting here allows
    const lines: string[] = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
      lines.push(String(s));
      return true;
    });
    const frames: Frame[] = [];
    const src = new UdpSource({ name: 'u', host: '127.0.0.1', port: 0, maxMessageBytes: 1024, receiveBufferBytes: want }, handler(frames));
    await src.start();
    try {
      expect(src.receiveBufferBytes).toBe(2 * rmemMax); // Linux grants rmem_max and books twice that
      expect(lines.join('')).toContain(`UDP receive buffer is ${2 * rmemMax} bytes (asked ${want})`);
      expect(lines.join('')).toContain(`sysctl -w net.core.rmem_max=${want}`);
      // the listener works all the same
      const port = Number(src.boundUrl.slice(src.boundUrl.lastIndexOf(':') + 1));
      const c = createSocket('udp4');
      await new Promise<void>((r) => c.send('<13>hello', port, '127.0.0.1', () => r()));
      c.close();
      for (let i = 0; i < 100 && frames.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(frames.map((f) => f.data.toString())).toEqual(['<13>hello']);
    } finally {
      await src.stop();
    }
  });

  test('no warning when the buffer asked is granted', async () => {
    const rmemMax = Number(readFileSync('/proc/sys/net/core/rmem_max', 'utf8'));
    const lines: string[] = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
      lines.push(String(s));
      return true;
    });
    const src = new UdpSource({ name: 'u', host: '127.0.0.1', port: 0, maxMessageBytes: 1024, receiveBufferBytes: Math.min(rmemMax, 65536) }, handler([]));
    await src.start();
    try {
      expect(src.receiveBufferBytes).toBe(2 * Math.min(rmemMax, 65536));
      expect(lines.join('')).not.toContain('UDP receive buffer');
    } finally {
      await src.stop();
    }
  });

  /**
   * `logger` sends while this process's event loop is blocked (execFileSync), so every datagram is
   * still in the kernel's queue when stop() begins, as on a SIGTERM during a burst.
   */
  function queueDatagrams(port: number, n: number): void {
    const file = join(mkdtempSync(join(tmpdir(), 'udp-queue-')), 'lines');
    writeFileSync(file, Array.from({ length: n }, (_, i) => `queued ${i}`).join('\n') + '\n');
    execFileSync('logger', ['-d', '-n', '127.0.0.1', '-P', String(port), '-t', 'app', '-f', file]);
  }

  test('stop reads what the kernel still holds before closing: every datagram sent is received', async () => {
    const frames: Frame[] = [];
    const h = handler(frames);
    const src = new UdpSource({ name: 'u', host: '127.0.0.1', port: 0, maxMessageBytes: 1024, receiveBufferBytes: 4 << 20 }, h);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await src.start();
    const port = Number(src.boundUrl.slice(src.boundUrl.lastIndexOf(':') + 1));
    queueDatagrams(port, 3000);
    await src.stop(30_000);
    const t = h.telemetry.totals();
    // read, or dropped by the kernel and counted so: nothing left unaccounted
    expect(frames.length + t.dropped.kernel).toBe(3000);
    expect(t.dropped.shutdown).toBe(0);
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.at(-1)!.data.toString()).toMatch(/queued \d+$/);
  });

  test('what is still queued when the grace period runs out is counted as dropped (shutdown)', async () => {
    const frames: Frame[] = [];
    const h = handler(frames);
    const src = new UdpSource({ name: 'u', host: '127.0.0.1', port: 0, maxMessageBytes: 1024, receiveBufferBytes: 4 << 20 }, h);
    const lines: string[] = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
      lines.push(String(s));
      return true;
    });
    await src.start();
    const port = Number(src.boundUrl.slice(src.boundUrl.lastIndexOf(':') + 1));
    queueDatagrams(port, 2000);
    await src.stop(0);
    const unknown = h.telemetry.stats('u', 'unknown');
    expect(frames).toHaveLength(0);
    // the kernel counts bytes, not datagrams: the number is an estimate (of what it kept), and not nothing
    const queued = 2000 - unknown.dropped.kernel;
    expect(src.shutdownDrops).toBeGreaterThan(queued / 2);
    expect(src.shutdownDrops).toBeLessThan(queued * 1.5);
    expect(unknown.dropped.shutdown).toBe(src.shutdownDrops);
    expect(unknown.received).toBe(src.shutdownDrops + unknown.dropped.kernel);
    expect(lines.join('')).toMatch(/still in the UDP receive queue at the end of the grace period: about \d+ datagrams counted as dropped \(shutdown\)/);
  });
});
