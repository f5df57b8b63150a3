import { jest } from '@jest/globals';
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
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
});
