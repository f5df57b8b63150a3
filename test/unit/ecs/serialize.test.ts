/**
 * ecs/serialize: the base-shape serializer writes exactly what JSON.stringify writes, for every
 * syslog line of the shared RFC corpus, our fixtures and hand-made edge cases, and it is used for
 * plain syslog only (vendor-parsed or enriched documents go to JSON.stringify).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Processor } from '../../../src/pipeline/process.js';
import { Telemetry } from '../../../src/core/telemetry.js';
import { serialize, serializeDoc, usesBaseShape } from '../../../src/ecs/serialize.js';

/** the JSON text and the ASCII verdict serializeDoc gives with it */
function ser(doc: EcsDoc): [string, boolean] {
  const t = serializeDoc(doc, { json: '', ascii: false });
  return [t.json, t.ascii];
}
import { eventTime } from '../../../src/sinks/index-name.js';
import type { EcsDoc, Frame } from '../../../src/core/types.js';
import type { Enricher } from '../../../src/core/stages.js';

const SHARED = '../shared';

function lines(): Buffer[] {
  const out: Buffer[] = [];
  for (const l of readFileSync(join(SHARED, 'corpus/syslog-rfc/cases.jsonl'), 'utf8').split('\n')) {
    if (l.trim()) out.push(Buffer.from((JSON.parse(l) as { input: string }).input));
  }
  for (const fam of readdirSync('fixtures')) {
    if (fam.includes('.')) continue;
    for (const f of readdirSync(join('fixtures', fam))) {
      if (!f.endsWith('.log')) continue;
      for (const l of readFileSync(join('fixtures', fam, f), 'utf8').split('\n')) if (l) out.push(Buffer.from(l));
    }
  }
  out.push(
    Buffer.from('no header at all, "quoted" and back\\slash\ttab'),
    Buffer.from('<13>Feb  5 17:32:18 host app[42]: control \u0001 chars \u001f and unicode é ✓ 😀'),
    Buffer.from([0x3c, 0x31, 0x33, 0x3e, 0x68, 0x69, 0x20, 0xff, 0xfe, 0x20, 0xed, 0xa0, 0x80]), // invalid UTF-8, an encoded surrogate
    Buffer.from('<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"][b@1 x="\\"q\\""] An application event'),
    Buffer.from('<34>1 - - - - - -'),
    // ASCII lines with something to escape in the message, the host or the tag
    Buffer.from('<13>Feb  5 17:32:18 host app[42]: tab\there "quoted" back\\slash'),
    Buffer.from('<13>Feb  5 17:32:18 ho"st ap\\p[4\t2]: x'),
    Buffer.from('<165>1 2003-10-11T22:14:15.003Z host\u0007 app - ID47 [sd@1] plain ASCII with an SD element without params'),
    Buffer.from('<0>1 2003-10-11T22:14:15Z h a p m - x'),
    Buffer.from('<191>Oct 11 22:14:15 h a: x'),
    Buffer.from('<999>bad pri'),
    Buffer.from(''),
  );
  return out;
}

describe('serialize', () => {
  test('the same text as JSON.stringify, with and without a sender, before and after an output sets @timestamp', () => {
    const telemetry = new Telemetry();
    const p = new Processor({ timezone: 'Europe/Berlin', senders: [], enrichers: [], telemetry });
    const stats = telemetry.stats('t', '192.0.2.1');
    let base = 0, total = 0, ascii = 0;
    const check = (doc: EcsDoc): void => {
      const [json, serializedAscii] = ser(doc);
      expect(json).toBe(JSON.stringify(doc));
      // told ASCII only when it is (outputs then write it as latin1)
      if (serializedAscii) {
        ascii++;
        expect(/[^\u0000-\u007f]/.test(json)).toBe(false);
      }
    };
    for (const data of lines()) {
      for (const senderIp of ['192.0.2.1', '']) {
        for (const truncated of [false, true]) {
          const frame: Frame = { data, senderIp, senderPort: 514, listener: 'test', receivedAt: 1_733_000_000_123, truncated };
          const doc = p.process(frame, stats);
          total++;
          if (usesBaseShape(doc)) base++;
          check(doc);
          eventTime(doc); // sets a missing @timestamp, as the outputs do before serializing
          check(doc);
        }
      }
    }
    // the corpus holds both plain syslog and vendor messages: both paths were taken
    expect(base).toBeGreaterThan(500);
    expect(total - base).toBeGreaterThan(500);
    expect(ascii).toBeGreaterThan(500);
  });

  test('a listener name or a zone that is not ASCII makes the text not ASCII; a vendor document is never told ASCII', () => {
    const telemetry = new Telemetry();
    const stats = telemetry.stats('t', '192.0.2.1');
    const line = Buffer.from('<13>Feb  5 17:32:18 host app: hello');
    const run = (tz: string, listener: string): [string, boolean] => {
      const p = new Processor({ timezone: tz, senders: [], enrichers: [], telemetry });
      const doc = p.process({ data: line, senderIp: '192.0.2.1', senderPort: 514, listener, receivedAt: 1_733_000_000_000, truncated: false }, stats);
      const [json, serializedAscii] = ser(doc);
      expect(json).toBe(JSON.stringify(doc));
      return [json, serializedAscii];
    };
    expect(run('UTC', 'udp://0.0.0.0:514')[1]).toBe(true);
    expect(run('UTC', 'pare-feu-é')[1]).toBe(false);
    expect(run('UTC', 'udp://0.0.0.0:514')[1]).toBe(true);
    expect(run('+01:00', 'udp://0.0.0.0:514')[1]).toBe(true);
    // lines with and without something to escape, from listeners with and without ASCII names, in
    // turns: a text is never told ASCII when it is not, and one of a clean line exactly when it is
    const lines = [Buffer.from('<13>Feb  5 17:32:18 host app: hello'), Buffer.from('<13>Feb  5 17:32:18 host app: "quoted"')];
    for (let k = 0; k < 16; k++) {
      const listener = k % 3 === 0 ? 'pare-feu-é' : 'udp://0.0.0.0:514';
      const p = new Processor({ timezone: k % 5 === 0 ? 'Europe/Zürich-not-a-zone' : 'UTC', senders: [], enrichers: [], telemetry });
      const doc = p.process({ data: lines[k % 2]!, senderIp: '192.0.2.1', senderPort: 514, listener, receivedAt: 1_733_000_000_000, truncated: false }, stats);
      const [json, serializedAscii] = ser(doc);
      expect(json).toBe(JSON.stringify(doc));
      const isAscii = !/[^\u0000-\u007f]/.test(json);
      if (serializedAscii) expect([k, isAscii]).toEqual([k, true]);
      if (k % 2 === 0) expect([k, serializedAscii]).toEqual([k, isAscii]);
    }
    const [json, ascii] = run('UTC', 'line "quoted"');
    expect(ascii).toBe(true);
    expect(JSON.parse(json).syslog_ecs.listener).toBe('line "quoted"');
    const p = new Processor({ timezone: 'UTC', senders: [], enrichers: [], telemetry });
    expect(ser(p.process({ data: line, senderIp: '192.0.2.1', senderPort: 514, listener: 'l', receivedAt: 1_733_000_000_000, truncated: false }, stats))[1]).toBe(true);
    const asa = p.process({ data: Buffer.from('<166>Jan 22 2024 10:00:01 fw-1 : %ASA-6-106015: Deny TCP (no connection) from 10.0.0.1/1 to 10.0.0.2/2 flags RST on interface inside'), senderIp: '192.0.2.1', senderPort: 514, listener: 'l', receivedAt: 1_733_000_000_000, truncated: false }, stats);
    expect(ser(asa)[1]).toBe(false);
  });

  test('vendor-parsed and enriched documents are not taken for the base shape', () => {
    const telemetry = new Telemetry();
    const stats = telemetry.stats('t', '192.0.2.1');
    const frame = (s: string): Frame => ({ data: Buffer.from(s), senderIp: '192.0.2.1', senderPort: 514, listener: 't', receivedAt: 1_733_000_000_000, truncated: false });
    const plain = new Processor({ timezone: 'UTC', senders: [], enrichers: [], telemetry });
    const asa = plain.process(frame('<166>Jan 22 2024 10:00:01 fw-1 : %ASA-6-302013: Built outbound TCP connection 1234 for outside:8.8.8.8/53 (8.8.8.8/53) to inside:10.0.0.1/5353 (10.0.0.1/5353)'), stats);
    expect(usesBaseShape(asa)).toBe(false);
    const tagger: Enricher = { name: 'tagger', enrich: (d: EcsDoc) => { d.observer = { name: 'added' }; } };
    const enriched = new Processor({ timezone: 'UTC', senders: [], enrichers: [tagger], telemetry });
    const doc = enriched.process(frame('<13>Feb  5 17:32:18 host app: hello'), stats);
    expect(usesBaseShape(doc)).toBe(false);
    expect(JSON.parse(serialize(doc)).observer).toEqual({ name: 'added' });
    // the mark travels with each document, whatever was processed after it; a copy is not marked
    const a = plain.process(frame('<13>Feb  5 17:32:18 host app: first'), stats);
    const b = plain.process(frame('<13>Feb  5 17:32:19 host app: second'), stats);
    expect(usesBaseShape(a)).toBe(true);
    expect(usesBaseShape(b)).toBe(true);
    expect(serialize(a)).toBe(JSON.stringify(a));
    const copy = structuredClone(a);
    expect(usesBaseShape(copy)).toBe(false);
    expect(serialize(copy)).toBe(serialize(a));
  });
});
