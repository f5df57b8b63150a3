/**
 * The syslog parser and every registered vendor parser (vendors/index.ts) under generated hostile
 * input (fast-check): each family's own lines with control bytes, NUL, invalid UTF-8, huge
 * numbers, deep nesting, long fields and prototype keys spliced in, and raw bytes. Through the
 * Processor, detected and with the family forced: nothing throws, no parser fails (parser_error),
 * no global object changes, the document is data that serializes, every line is counted once
 * (received = parsed + unknown + syslog only + failed), and CPU time grows with the bytes.
 */
import fc from 'fast-check';
import { VENDORS } from '../../vendors/index.js';
import { Processor } from '../../src/pipeline/process.js';
import { Telemetry } from '../../src/core/telemetry.js';
import { decode, parseSyslog } from '../../src/syslog/parse.js';
import type { Frame } from '../../src/core/types.js';
import { cpuMs, bestMs } from '../helpers/timing.js';
import { PROTO_KEYS, familySeeds, fuzzRuns, fuzzSeed, globalsChanged, globalsSignature, documentProblems, inheritedJunk, snapshotGlobals } from '../helpers/hostile.js';

const NOW = Date.parse('2024-03-15T12:00:00Z');

/** What an attacker splices into a line. */
const fragment: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constantFrom(...PROTO_KEYS).map((k) => Buffer.from(k)),
  fc.constantFrom(...PROTO_KEYS).map((k) => Buffer.from(` ${k}=${k} `)),
  fc.uint8Array({ minLength: 1, maxLength: 8 }).map((b) => Buffer.from(b.map((x) => x & 0x1f))), // control bytes, NUL
  fc.constantFrom(Buffer.from([0xc3]), Buffer.from([0xe2, 0x82]), Buffer.from([0xff, 0xfe]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf4, 0x90, 0x80, 0x80])),
  fc.constantFrom('99999999999999999999', '-1', '1e308', 'NaN', '0x7fffffff', '4294967296', '9007199254740993').map((s) => Buffer.from(s)),
  fc.tuple(fc.constantFrom('[', '{', '(', '"', '<', '[a b="', '|', '\\'), fc.integer({ min: 1, max: 2000 })).map(([c, n]) => Buffer.from(c.repeat(n))),
  fc.integer({ min: 100, max: 20_000 }).map((n) => Buffer.from('a'.repeat(n))),
  fc.constantFrom('%s%n%x', '${jndi:ldap://x}', '{{7*7}}', '\u202e', '\ufeff', '</script>').map((s) => Buffer.from(s)),
);

const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 20 }), bytes: fragment });

function splice(line: Buffer, edits: readonly { at: number; cut: number; bytes: Buffer }[]): Buffer {
  let b = line;
  for (const e of edits) {
    const at = e.at % (b.length + 1);
    b = Buffer.concat([b.subarray(0, at), e.bytes, b.subarray(Math.min(b.length, at + e.cut))]);
  }
  return b;
}

/** A run's work and its findings. */
class Harness {
  readonly telemetry = new Telemetry();
  readonly detected = new Processor({ timezone: 'UTC', senders: [], enrichers: [], telemetry: this.telemetry });
  readonly forced = new Map(VENDORS.map((v) => [v.id, new Processor({
    timezone: 'Europe/Paris', senders: [{ match: '0.0.0.0/0', family: v.id }], enrichers: [], telemetry: this.telemetry,
  })]));
  readonly signature = globalsSignature();

  problems(p: Processor, data: Buffer): string[] {
    const frame: Frame = { data, senderIp: '192.0.2.1', senderPort: 514, listener: 'fuzz', receivedAt: NOW, truncated: false };
    const found: string[] = [];
    let doc: Record<string, any> | null = null;
    const before = this.telemetry.totals();
    const t0 = cpuMs();
    try {
      doc = p.process(frame, this.telemetry.stats('fuzz', '192.0.2.1'));
    } catch (e) {
      found.push(`threw: ${(e as Error).message}`);
    }
    let ms = cpuMs() - t0;
    // the line is counted once, in one outcome
    const after = this.telemetry.totals();
    const outcomes = (t: typeof after): number => t.parsed + t.unknown + t.syslogOnly + t.failed;
    if (after.received - before.received !== 1 || outcomes(after) - outcomes(before) !== 1) found.push('not counted once in the ledger');
    // under jest's vm a message costs tens of µs (ms for the first of a family); backtracking on
    // 20 KiB costs seconds
    const limit = 50 + data.length * 0.005;
    if (ms > limit) ms = bestMs(() => p.process(frame, this.telemetry.stats('fuzz', '192.0.2.1')), 3);
    if (ms > limit) found.push(`${ms.toFixed(1)} ms of CPU for ${data.length} bytes`);
    if (globalsSignature() !== this.signature) found.push('a global object changed');
    if (doc !== null) found.push(...documentProblems(doc));
    return found;
  }
}

const h = new Harness();
const CLEAN = snapshotGlobals();

afterAll(() => {
  expect(globalsChanged(CLEAN)).toEqual([]);
});

describe('syslog parser', () => {
  test('any bytes: decoded and parsed without a throw, every flag and field of the right kind', () => {
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
      fc.tuple(fc.constantFrom('<13>1 ', '<165>1 2003-10-11T22:14:15.003Z host app - ID [a b="c"] ', '<13>Oct 11 22:14:15 host app: ', '<999>', '<13>'),
        fc.array(edit, { maxLength: 5 })).map(([head, edits]) => splice(Buffer.from(head + 'message'), edits))), (data) => {
      const { text, flags } = decode(data);
      const m = parseSyslog(text, flags, 'UTC', NOW);
      expect(typeof m.message).toBe('string');
      expect(m.priority === -1 || (m.priority >= 0 && m.priority <= 191)).toBe(true);
      expect(m.structuredData === null || inheritedJunk(m.structuredData).length === 0).toBe(true);
    }), { seed: fuzzSeed(), numRuns: fuzzRuns(400) });
  });
});

describe.each(VENDORS.map((v) => [v.id, v] as const))('hostile lines: %s', (family, vendor) => {
  const seeds = familySeeds(family, vendor.samples).map((s) => Buffer.from(s));
  test('spliced with control bytes, invalid UTF-8, huge numbers, nesting, long fields: no throw, no failure, data only', () => {
    fc.assert(fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 4 }), (i, edits) => {
      const line = splice(seeds[i % seeds.length]!, edits);
      const found = [...h.problems(h.detected, line), ...h.problems(h.forced.get(family)!, line).map((p) => `forced: ${p}`)];
      if (found.length > 0) throw new Error(`${JSON.stringify(line.toString('latin1').slice(0, 300))}:\n  ${found.join('\n  ')}`);
    }), { seed: fuzzSeed(), numRuns: fuzzRuns(25) });
  });
});
