/**
 * BatchRunner (what a parser worker runs on a batch): the documents are those of one-at-a-time
 * processing, each handed back with its frame's index, made parser by parser in arrival order within
 * a parser; the ledgers count the same.
 */
import { Processor } from '../../../src/pipeline/process.js';
import { BatchRunner, type BatchFrames } from '../../../src/pipeline/batch.js';
import { Telemetry, type SenderStats } from '../../../src/core/telemetry.js';
import { parserSlot, detectFamily, PARSER_SLOTS } from '../../../src/dispatch/dispatch.js';
import { loadParserSet } from '../../../src/config/parsers.js';
import { ParserHolder } from '../../../src/parsers/parser-set.js';
import { parseSyslog } from '../../../src/syslog/parse.js';
import { serialize } from '../../../src/ecs/serialize.js';
import type { EcsDoc, Frame } from '../../../src/core/types.js';
import { interleavedFixtureLines } from '../../helpers/fixture-lines.js';

/** Every family's fixture lines taking turns, with plain syslog and junk among them. */
function mixedLines(): string[] {
  // 20 rounds: every fixture line of every family at least once (no family has more than 16 yet)
  return interleavedFixtureLines(20, ['<13>Jul 16 12:00:00 host1 app[42]: plain syslog text', 'not syslog at all', '<166>Jul 16 2024 12:00:00 asa-1 : %ASA-6-999999: unknown id']);
}

const RECEIVED = Date.UTC(2024, 6, 16, 12);
const SENDERS = ['10.0.0.1', '10.0.0.2', '192.0.2.7'];

function frameOf(line: string, i: number): Frame {
  return { data: Buffer.from(line), senderIp: SENDERS[i % SENDERS.length]!, senderPort: 514, listener: 'test', receivedAt: RECEIVED + i, truncated: false };
}

function ledger(s: SenderStats): number[] {
  return [s.received, s.parsed, s.unknown, s.syslogOnly, s.failed, s.truncated];
}

test('a batch gives the documents of one-at-a-time processing, each at its frame index, grouped by parser', () => {
  const lines = mixedLines();
  expect(lines.length).toBeGreaterThan(100);

  // the shipped parser files too: their families share one slot
  const parsers = new ParserHolder(loadParserSet(null));
  const t1 = new Telemetry();
  const p1 = new Processor({ timezone: 'Europe/Paris', senders: [], enrichers: [], telemetry: t1, parsers });
  const single = lines.map((l, i) => serialize(p1.process(frameOf(l, i), t1.stats('test', SENDERS[i % SENDERS.length]!))));

  const t2 = new Telemetry();
  const p2 = new Processor({ timezone: 'Europe/Paris', senders: [], enrichers: [], telemetry: t2, parsers });
  const frames: BatchFrames = {
    frame: frameOf(lines[0]!, 0),
    load(i: number): void {
      const f = frameOf(lines[i]!, i);
      Object.assign(this.frame, f);
    },
    processor: () => p2,
    stats: (i: number) => t2.stats('test', SENDERS[i % SENDERS.length]!),
  };
  const got: string[] = new Array(lines.length);
  const calls: number[] = [];
  new BatchRunner().run(frames, lines.length, (doc: EcsDoc, i: number) => {
    expect(got[i]).toBeUndefined();
    got[i] = serialize(doc);
    calls.push(i);
  });

  expect(got).toEqual(single);
  for (const ip of SENDERS) expect(ledger(t2.stats('test', ip))).toEqual(ledger(t1.stats('test', ip)));
  expect([...t2.coverage]).toEqual(expect.arrayContaining([...t1.coverage]));

  // the order of work: parser slots never go down, frame indexes rise within a slot
  const slotOf = (i: number): number => parserSlot(detectFamily(parseSyslog(lines[i]!, 0, 'UTC', RECEIVED), SENDERS[i % SENDERS.length]!, parsers.current));
  const slots = calls.map(slotOf);
  for (let k = 1; k < calls.length; k++) {
    expect(slots[k]!).toBeGreaterThanOrEqual(slots[k - 1]!);
    if (slots[k] === slots[k - 1]) expect(calls[k]!).toBeGreaterThan(calls[k - 1]!);
  }
  // the corpus holds every family, so the batch ran in as many groups as there are parsers (+ plain syslog, + the parser files' families)
  expect(new Set(slots).size).toBe(PARSER_SLOTS);
});

test('a runner takes batches of any size one after the other', () => {
  const t = new Telemetry();
  const p = new Processor({ timezone: 'UTC', senders: [], enrichers: [], telemetry: t });
  const runner = new BatchRunner();
  const lines = mixedLines();
  for (const n of [0, 1, 7, lines.length, 3]) {
    const frames: BatchFrames = {
      frame: frameOf(lines[0]!, 0),
      load(i: number): void {
        Object.assign(this.frame, frameOf(lines[i]!, i));
      },
      processor: () => p,
      stats: () => t.stats('test', '10.0.0.1'),
    };
    const seen: number[] = [];
    runner.run(frames, n, (_doc, i) => seen.push(i));
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
  }
  expect(t.stats('test', '10.0.0.1').received).toBe(1 + 7 + lines.length + 3);
});
