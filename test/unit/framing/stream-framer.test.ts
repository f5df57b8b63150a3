import { StreamFramer, type Framing } from '../../../src/framing/stream-framer.js';

function frames(mode: Framing, input: string | Buffer | Buffer[], max = 1024): { s: string; t: boolean }[] {
  const out: { s: string; t: boolean }[] = [];
  const f = new StreamFramer(mode, max, (d, t) => out.push({ s: d.toString(), t }));
  const chunks = Array.isArray(input) ? input : [Buffer.from(input)];
  for (const c of chunks) f.push(c);
  f.end();
  return out;
}

/** Frames, refused counts and skipped bytes of an input. */
function refusals(mode: Framing, input: string, max: number): { frames: { s: string; t: boolean }[]; refused: number[]; refusedBytes: number } {
  const out: { s: string; t: boolean }[] = [];
  const refused: number[] = [];
  const f = new StreamFramer(mode, max, (d, t) => out.push({ s: d.toString(), t }), (count) => refused.push(count));
  f.push(Buffer.from(input));
  f.end();
  return { frames: out, refused, refusedBytes: f.refusedBytes };
}

/** Feeds the same bytes split at every position: framing must not depend on chunking. */
function allSplits(mode: Framing, input: string, max = 1024): void {
  const whole = frames(mode, input, max);
  const b = Buffer.from(input);
  for (let i = 1; i < b.length; i++) {
    expect(frames(mode, [b.subarray(0, i), b.subarray(i)], max)).toEqual(whole);
  }
}

describe('StreamFramer', () => {
  test('LF framing, CRLF tolerated, empty lines skipped', () => {
    expect(frames('lf', '<13>a\n<13>b\r\n\n<13>c')).toEqual([
      { s: '<13>a', t: false }, { s: '<13>b', t: false }, { s: '<13>c', t: false },
    ]);
  });

  test('octet counting, messages may hold newlines', () => {
    expect(frames('octet-counting', '9 <13>a\nb c5 <13>d')).toEqual([{ s: '<13>a\nb c', t: false }, { s: '<13>d', t: false }]);
  });

  test('auto: both framings on one connection, decided per frame', () => {
    expect(frames('auto', '5 <13>a<13>line one\n7 <14>b c')).toEqual([
      { s: '<13>a', t: false }, { s: '<13>line one', t: false }, { s: '<14>b c', t: false },
    ]);
  });

  test('auto: a message that starts with digits is not an octet count', () => {
    // no `<` after the count: the line is a message (no PRI), not a frame length
    expect(frames('auto', '2024 is the year\n12 monkeys\n')).toEqual([
      { s: '2024 is the year', t: false }, { s: '12 monkeys', t: false },
    ]);
  });

  test('framing does not depend on how bytes are chunked', () => {
    allSplits('auto', '5 <13>a<13>line one\n7 <14>b c12 monkeys\n');
    allSplits('octet-counting', '9 <13>a\nb c5 <13>d');
    allSplits('lf', '<13>a\n<13>b\r\n\n<13>c');
  });

  test('over-long lines are truncated and flagged, never dropped', () => {
    const long = 'x'.repeat(3000);
    expect(frames('lf', `<13>${long}\n<13>next\n`, 1000)).toEqual([
      { s: ('<13>' + long).slice(0, 1000), t: true }, { s: '<13>next', t: false },
    ]);
    allSplits('lf', `<13>${long.slice(0, 1100)}\n<13>next\n`, 1000);
  });

  test('a count over the limit is refused and its bytes skipped; the frame after it is kept', () => {
    const msg = '<13>' + 'x'.repeat(1200);
    const r = refusals('octet-counting', `${msg.length} ${msg}5 <13>z`, 1000);
    expect(r.frames).toEqual([{ s: '<13>z', t: false }]);
    expect(r.refused).toEqual([msg.length]);
    expect(r.refusedBytes).toBe(`${msg.length} ${msg}`.length);
    allSplits('octet-counting', `${msg.length} ${msg}5 <13>z`, 1000);
    allSplits('auto', `${msg.length} ${msg}5 <13>z`, 1000);
  });

  test('a lying count does not swallow what follows: framing goes on at the next line that starts a frame', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `<13>line ${i}`);
    const input = `999999999 <13>first\n${lines.join('\n')}\n`;
    const r = refusals('auto', input, 1000);
    expect(r.frames.map((f) => f.s)).toEqual(lines);
    expect(r.refused).toEqual([999999999]);
    expect(r.refusedBytes).toBe('999999999 <13>first\n'.length);
    allSplits('auto', input, 1000);
    // an octet-counted frame after the newline, and a line that does not start a frame (skipped with the refused one)
    const mixed = '99999 <13>a\nno frame here\n11 <14>counted<13>lf\n';
    expect(refusals('octet-counting', mixed, 1000).frames.map((f) => f.s)).toEqual(['<14>counted', '<13>lf']);
    expect(refusals('auto', mixed, 1000).frames.map((f) => f.s)).toEqual(['<14>counted', '<13>lf']);
    allSplits('auto', mixed, 1000);
    allSplits('octet-counting', mixed, 1000);
  });

  test('skipping a refused frame holds nothing', () => {
    const f = new StreamFramer('auto', 4096, () => undefined, () => undefined);
    f.push(Buffer.from('999999999 <13>'));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    for (let i = 0; i < 32; i++) f.push(chunk);
    expect(f.bufferedBytes).toBe(0);
    expect(f.refusedBytes).toBe(11 + 32 * 64 * 1024 + 3);
  });

  test('an incomplete last frame is delivered at end of stream, flagged, without its count', () => {
    expect(frames('octet-counting', '20 <13>short')).toEqual([{ s: '<13>short', t: true }]);
    expect(frames('auto', '<13>done\n50 <13>short')).toEqual([{ s: '<13>done', t: false }, { s: '<13>short', t: true }]);
  });

  test('a line cut by the collector (end with cut) is flagged; one the sender ended is not', () => {
    const cutAt = (input: string): { s: string; t: boolean }[] => {
      const out: { s: string; t: boolean }[] = [];
      const f = new StreamFramer('auto', 1024, (d, t) => out.push({ s: d.toString(), t }));
      f.push(Buffer.from(input));
      f.end(true);
      return out;
    };
    expect(cutAt('<13>a\n<13>partial')).toEqual([{ s: '<13>a', t: false }, { s: '<13>partial', t: true }]);
    expect(frames('auto', '<13>a\n<13>last')).toEqual([{ s: '<13>a', t: false }, { s: '<13>last', t: false }]);
  });

  test('empty octet-counted frame', () => {
    expect(frames('octet-counting', '0 5 <13>a')).toEqual([{ s: '', t: false }, { s: '<13>a', t: false }]);
  });

  test('memory stays bounded on a 1 MiB line without newline and endless digits', () => {
    const f = new StreamFramer('auto', 4096, () => undefined);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    for (let i = 0; i < 16; i++) f.push(chunk);
    expect(f.bufferedBytes).toBeLessThanOrEqual(4096 + 64 * 1024);
    const g = new StreamFramer('auto', 4096, () => undefined);
    const digits = Buffer.alloc(64 * 1024, '7');
    for (let i = 0; i < 16; i++) g.push(digits);
    expect(g.bufferedBytes).toBeLessThanOrEqual(4096 + 64 * 1024);
  });
});
