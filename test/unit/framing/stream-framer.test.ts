import { StreamFramer, type Framing } from '../../../src/framing/stream-framer.js';

function frames(mode: Framing, input: string | Buffer | Buffer[], max = 1024): { s: string; t: boolean }[] {
  const out: { s: string; t: boolean }[] = [];
  const f = new StreamFramer(mode, max, (d, t) => out.push({ s: d.toString(), t }));
  const chunks = Array.isArray(input) ? input : [Buffer.from(input)];
  for (const c of chunks) f.push(c);
  f.end();
  return out;
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

  test('over-long frames are truncated and flagged, never dropped', () => {
    const long = 'x'.repeat(3000);
    expect(frames('lf', `<13>${long}\n<13>next\n`, 1000)).toEqual([
      { s: ('<13>' + long).slice(0, 1000), t: true }, { s: '<13>next', t: false },
    ]);
    const msg = '<13>' + long;
    expect(frames('octet-counting', `${msg.length} ${msg}5 <13>z`, 1000)).toEqual([
      { s: msg.slice(0, 1000), t: true }, { s: '<13>z', t: false },
    ]);
    allSplits('octet-counting', `${msg.length} ${msg}5 <13>z`, 1000);
  });

  test('an incomplete last frame is delivered at end of stream, flagged', () => {
    expect(frames('octet-counting', '20 <13>short')).toEqual([{ s: '<13>short', t: true }]);
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
