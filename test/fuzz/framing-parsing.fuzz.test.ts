/**
 * Fuzzing: random and mutated inputs through framing, the syslog parser and every vendor parser
 * (the whole Processor). No exception may escape, nothing may hang, memory stays bounded, and every
 * frame gives exactly one document.
 */
import { StreamFramer, type Framing } from '../../src/framing/stream-framer.js';
import { Processor } from '../../src/pipeline/process.js';
import { Telemetry } from '../../src/core/telemetry.js';
import type { Frame } from '../../src/core/types.js';

// a deterministic PRNG, so a failure can be replayed
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS = [
  '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application"] An application event',
  '<13>Feb  5 17:32:18 10.0.0.99 sshd[123]: Accepted password for root',
  '<166>Jan 22 2024 10:00:01: %ASA-6-302013: Built outbound TCP connection 123 for outside:8.8.8.8/53 (8.8.8.8/53) to inside:10.0.0.1/5353 (10.0.0.1/5353)',
  '<189>000123: *Mar  1 18:46:11.123: %SYS-5-CONFIG_I: Configured from console by vty0',
  '<134>date=2024-03-10 time=08:00:00 devname="FG100" devid="FG100E" logid="0000000013" type="traffic" subtype="forward" srcip=10.1.1.1 dstip=8.8.8.8',
  'CEF:0|Vendor|Product|1.0|100|Name|5|src=10.0.0.1 dst=10.0.0.2 msg=hello world',
  '<14>1,2024/03/10 08:00:00,0123456789,TRAFFIC,end,2049,2024/03/10 08:00:00,10.0.0.1,8.8.8.8,,,rule1,,,dns,vsys1,trust,untrust',
  'LEEF:2.0|Vendor|Product|1.0|Event|^|src=10.0.0.1^dst=10.0.0.2',
  '<4>kernel: IN=eth0 OUT= MAC=00:11 SRC=10.0.0.1 DST=10.0.0.2 LEN=60 PROTO=TCP SPT=1 DPT=2',
  '<134>filterlog[123]: 5,,,1000000103,igb0,match,block,in,4,0x0,,64,0,0,DF,6,tcp,60,10.0.0.1,10.0.0.2,1234,80,0,S,1,,,,',
];

function mutate(s: string, r: () => number): string {
  const b = Buffer.from(s);
  const n = 1 + Math.floor(r() * 8);
  let out = b;
  for (let i = 0; i < n; i++) {
    const op = Math.floor(r() * 5);
    const pos = Math.floor(r() * (out.length + 1));
    if (op === 0) out = Buffer.concat([out.subarray(0, pos), out.subarray(pos + 1 + Math.floor(r() * 10))]);
    else if (op === 1) out = Buffer.concat([out.subarray(0, pos), Buffer.from([Math.floor(r() * 256)]), out.subarray(pos)]);
    else if (op === 2) out = Buffer.concat([out.subarray(0, pos), out.subarray(Math.floor(r() * out.length))]);
    else if (op === 3) out = Buffer.concat([out.subarray(0, pos), Buffer.from('"[]=|,:<>\\'.charAt(Math.floor(r() * 10))), out.subarray(pos)]);
    else out = Buffer.concat([out, out.subarray(0, pos)]);
  }
  return out.toString('latin1');
}

function processAll(inputs: Buffer[], mode: Framing): { frames: number; docs: number } {
  const telemetry = new Telemetry();
  const p = new Processor({ timezone: 'UTC', senders: [], enrichers: [], telemetry });
  const stats = telemetry.stats('fuzz', '127.0.0.1');
  let frames = 0, docs = 0;
  const f = new StreamFramer(mode, 65536, (data, truncated) => {
    frames++;
    const frame: Frame = { data, senderIp: '127.0.0.1', senderPort: 1, listener: 'fuzz', receivedAt: Date.now(), truncated };
    const doc = p.process(frame, stats);
    JSON.stringify(doc);
    docs++;
  });
  for (const b of inputs) f.push(b);
  f.end();
  return { frames, docs };
}

describe('fuzz', () => {
  test('mutated device lines: no exception, one document per frame', () => {
    const r = rng(42);
    const inputs: Buffer[] = [];
    for (let i = 0; i < 20_000; i++) {
      const line = mutate(SEEDS[i % SEEDS.length]!, r).replace(/\n/g, ' ');
      inputs.push(Buffer.from(line + '\n', 'latin1'));
    }
    const { frames, docs } = processAll(inputs, 'lf');
    expect(docs).toBe(frames);
    expect(frames).toBeGreaterThan(19_000);
  });

  test('random bytes in every framing: no exception, no hang', () => {
    const r = rng(7);
    for (const mode of ['auto', 'lf', 'octet-counting'] as Framing[]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < 2000; i++) {
        const len = Math.floor(r() * 300);
        const b = Buffer.alloc(len);
        for (let j = 0; j < len; j++) b[j] = r() < 0.1 ? 10 : r() < 0.1 ? 60 : Math.floor(r() * 256);
        chunks.push(b);
      }
      const { frames, docs } = processAll(chunks, mode);
      expect(docs).toBe(frames);
    }
  });

  test('pathological shapes finish quickly', () => {
    const shapes = [
      '<13>1 - - - - - ' + '['.repeat(100_000),
      '<13>1 - - - - - [a ' + 'b="c" '.repeat(20_000) + ']',
      '9'.repeat(1 << 20),
      '<13>' + 'x'.repeat(1 << 20),
      '<13>Jan  1 00:00:00 ' + '%A-1-B: '.repeat(50_000),
      'CEF:0|' + '\\|'.repeat(100_000),
      '<13>' + 'a=b '.repeat(100_000),
    ];
    for (const s of shapes) {
      const t0 = Date.now();
      const { docs } = processAll([Buffer.from(s + '\n')], 'auto');
      expect(docs).toBeGreaterThanOrEqual(1);
      expect(Date.now() - t0).toBeLessThan(2000);
    }
  });
});
