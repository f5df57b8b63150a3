/**
 * The framer under generated hostile streams (fast-check): well-formed LF and octet-counted frames
 * mixed with counts that lie, huge digit runs, control bytes, NUL, invalid UTF-8 and over-long
 * lines, cut into chunks anywhere (single bytes included). Properties: nothing throws; no frame
 * is longer than the limit and no more than one frame is held; the frames, refusals and skipped
 * bytes do not depend on how the stream is chunked; frames after a lying count come out intact;
 * CPU time grows with the bytes, not faster; and through a real TCP listener, every frame and
 * every refusal lands in the ledger.
 */
import fc from 'fast-check';
import { StreamFramer, type Framing } from '../../src/framing/stream-framer.js';
import { TcpSource } from '../../src/sources/tcp.js';
import { Telemetry, DROP_REASONS } from '../../src/core/telemetry.js';
import { WriteResult, type FrameHandler } from '../../src/core/stages.js';
import { connect } from 'node:net';
import { cpuMs, bestMs } from '../helpers/timing.js';
import { fuzzRuns, fuzzSeed } from '../helpers/hostile.js';

const MAX = 2048;
/** what a framer may hold beyond one frame of MAX: a count header (digits and a space) and the `<` */
const HEADER = 12;

/** Pieces a stream is made of. */
const pri = fc.integer({ min: 0, max: 191 }).map((p) => `<${p}>`);
const text = fc.string({ unit: 'grapheme-ascii', maxLength: 120 }).map((s) => s.replace(/[\r\n]/g, ' '));
const lfFrame = fc.tuple(pri, text).map(([p, t]) => Buffer.from(`${p}${t}\n`));
const octetFrame = fc.tuple(pri, fc.string({ maxLength: 200 })).map(([p, t]) => {
  const body = Buffer.from(p + t);
  return Buffer.concat([Buffer.from(`${body.length} `), body]);
});
const lyingCount = fc.tuple(fc.integer({ min: MAX + 1, max: 2 ** 31 }), pri, fc.uint8Array({ maxLength: 300 }))
  .map(([n, p, body]) => Buffer.concat([Buffer.from(`${n} ${p}`), Buffer.from(body)]));
const hostileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
  fc.constantFrom(Buffer.from([0]), Buffer.from([0xc3, 0x28]), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from('\r\r\n\n'), Buffer.from('\u001b[2J')),
  fc.integer({ min: 1, max: 40 }).map((n) => Buffer.from('9'.repeat(n))),
  fc.integer({ min: MAX - 2, max: 3 * MAX }).map((n) => Buffer.from('<13>' + 'x'.repeat(n) + '\n')),
  fc.integer({ min: 1, max: 3 * MAX }).map((n) => Buffer.from('['.repeat(n))),
);
const stream = fc.array(fc.oneof({ weight: 3, arbitrary: lfFrame }, { weight: 3, arbitrary: octetFrame }, lyingCount, hostileBytes), { maxLength: 30 })
  .map((parts) => Buffer.concat(parts));
/** where to cut: chunk sizes, taken in turn (1-byte chunks among them) */
const cuts = fc.array(fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 4096 })), { minLength: 1, maxLength: 20 });
const mode = fc.constantFrom<Framing>('auto', 'lf', 'octet-counting');

interface Outcome { frames: string[]; refused: number[]; refusedBytes: number; maxHeld: number }

function frame(m: Framing, input: Buffer, sizes: readonly number[], cut = false, max = MAX): Outcome {
  const out: Outcome = { frames: [], refused: [], refusedBytes: 0, maxHeld: 0 };
  const f = new StreamFramer(m, max, (d, t) => {
    if (d.length > max) throw new Error(`a frame of ${d.length} bytes`);
    out.frames.push((t ? 'T:' : 'F:') + d.toString('latin1'));
  }, (count) => out.refused.push(count));
  let pos = 0;
  for (let i = 0; pos < input.length; i++) {
    const n = sizes[i % sizes.length]!;
    f.push(input.subarray(pos, pos + n));
    pos += n;
    out.maxHeld = Math.max(out.maxHeld, f.bufferedBytes);
  }
  f.end(cut);
  out.refusedBytes = f.refusedBytes;
  return out;
}

const opts = { seed: fuzzSeed(), numRuns: fuzzRuns(300) };

describe('framer fuzz', () => {
  test('any stream, any chunking: no throw, bounded, the same frames as in one piece', () => {
    fc.assert(fc.property(mode, stream, cuts, fc.boolean(), (m, input, sizes, cut) => {
      const whole = frame(m, input, [input.length || 1], cut);
      const chunked = frame(m, input, sizes, cut);
      expect(chunked.frames).toEqual(whole.frames);
      expect(chunked.refused).toEqual(whole.refused);
      expect(chunked.refusedBytes).toBe(whole.refusedBytes);
      expect(chunked.maxHeld).toBeLessThanOrEqual(MAX + HEADER);
    }), opts);
  });

  test('a lying count, anything after it but a frame start, then lines: every line comes out intact', () => {
    const noFrameStart = fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b).toString('latin1').replace(/\n(?=[<1-9])/g, '\n.'));
    fc.assert(fc.property(fc.constantFrom<Framing>('auto', 'octet-counting'), fc.integer({ min: MAX + 1, max: 2 ** 31 }), noFrameStart,
      fc.array(fc.tuple(pri, text).map(([p, t]) => p + t), { minLength: 1, maxLength: 40 }), cuts,
      (m, n, junk, lines, sizes) => {
        const head = Buffer.from(`${n} <13>${junk}\n`, 'latin1');
        if (head.length - `${n} `.length > n) return; // the count ends inside the junk: not a lie
        const input = Buffer.concat([head, Buffer.from(lines.join('\n') + '\n')]);
        const r = frame(m, input, sizes);
        expect(r.refused).toEqual([n]);
        expect(r.refusedBytes).toBe(head.length);
        expect(r.frames).toEqual(lines.map((l) => 'F:' + Buffer.from(l).toString('latin1')));
      }), opts);
  });

  test('CPU time grows with the bytes: frames of up to 64 KiB fed a byte at a time, or whole', () => {
    const max = 65_536;
    const large = fc.integer({ min: 1000, max: max - 16 });
    const piece = fc.oneof(
      large.map((n) => Buffer.from(`${n + 4} <13>` + 'x'.repeat(n))),
      large.map((n) => Buffer.from('<13>' + 'y'.repeat(n) + '\n')),
      lyingCount, hostileBytes, lfFrame,
    );
    fc.assert(fc.property(mode, fc.array(piece, { minLength: 1, maxLength: 6 }), fc.constantFrom([1], [7, 1, 64], [65536]), (m, parts, sizes) => {
      const input = Buffer.concat(parts);
      const t0 = cpuMs();
      frame(m, input, sizes, false, max);
      let ms = cpuMs() - t0;
      // a few µs a byte fed one at a time under jest's vm; joining the held bytes on every push
      // (the square of the frame's size) took over a second for one 64 KiB frame
      const limit = 20 + input.length * 0.01;
      if (ms > limit) ms = bestMs(() => frame(m, input, sizes, false, max));
      expect(ms).toBeLessThan(limit);
    }), { seed: fuzzSeed(), numRuns: fuzzRuns(12) });
  });

  test('through a TCP listener, every frame and every refusal is in the ledger', async () => {
    const telemetry = new Telemetry();
    let accepted = 0;
    const handler: FrameHandler = {
      telemetry,
      paused: false,
      onResume: () => undefined,
      // what the pipeline does with a frame: received, then written by the output
      accept(_frame, stats) {
        stats.received++;
        stats.written++;
        accepted++;
        return WriteResult.Ok;
      },
    };
    const src = new TcpSource({ name: 'fuzz', host: '127.0.0.1', port: 0, maxMessageBytes: MAX, maxConnections: 16, idleTimeoutMs: 0, framing: 'auto' }, handler);
    await src.start();
    const port = Number(src.boundUrl.slice(src.boundUrl.lastIndexOf(':') + 1));
    try {
      await fc.assert(fc.asyncProperty(stream, async (input) => {
        const before = accepted;
        const expected = frame('auto', input, [input.length || 1]);
        const refusedBefore = telemetry.totals().dropped.oversize;
        await new Promise<void>((resolve, reject) => {
          const s = connect(port, '127.0.0.1', () => s.end(input));
          s.on('error', reject);
          s.on('close', () => resolve());
          s.resume();
        });
        // the listener has framed what the client sent once it sees the client's end
        while (src.connections > 0) await new Promise((r) => setImmediate(r));
        expect(accepted - before).toBe(expected.frames.length);
        expect(telemetry.totals().dropped.oversize - refusedBefore).toBe(expected.refused.length);
      }), { seed: fuzzSeed(), numRuns: fuzzRuns(25) });
    } finally {
      await src.stop(0);
    }
    const t = telemetry.totals();
    expect(t.received).toBe(t.written + DROP_REASONS.reduce((a, r) => a + t.dropped[r], 0));
    expect(t.inFlight).toBe(0);
  });
});
