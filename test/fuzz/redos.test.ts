/**
 * Catastrophic backtracking: 64 KiB adversarial inputs (long runs of the characters parsers split
 * on, unterminated quotes, nested brackets, `key=` repeated, digits...) through every vendor parser,
 * called directly with the message forced to its family, and through the syslog header parser.
 * Each input is cut into the family's own real messages (the golden fixtures) at several points, so
 * the parser is deep in its grammar when the adversarial run starts. Every call must finish in
 * under 50 ms of CPU time (the best of three runs, so that a GC pause is not mistaken for
 * backtracking, which costs seconds), and no call may grow faster than its input: one that takes
 * 10 ms or more at 64 KiB must not take more than 8 times what a quarter of the input takes (best
 * of three each; flagged when so in each of three measurements; linear work is 4 times; the
 * quadratic split of LEEF attributes on tabs was 12-16 times, 27 ms at 64 KiB: under the time
 * limit on a fast day).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VENDORS } from '../../vendors/index.js';
import { decode, parseSyslog } from '../../src/syslog/parse.js';
import { baseDocument } from '../../src/ecs/base.js';
import type { Frame } from '../../src/core/types.js';
import { cpuMs } from '../helpers/timing.js';
import type { VendorContext } from '../../src/core/stages.js';

const SIZE = 64 * 1024;
const LIMIT_MS = 50;
/** a call this slow at 64 KiB is timed at 16 KiB too */
const GROWTH_CHECK_MS = 10;
/** at most this times the 16 KiB time at 64 KiB */
const MAX_GROWTH = 8;

function run(unit: string): string {
  return unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
}

/** The adversarial bodies. */
const PATTERNS: [string, string][] = [
  ...[' ', ',', '=', '|', ';', ':', '"', "'", '\\', '[', ']', '{', '}', '<', '>', '/', '\t', '^', '-', '.', '%', '(', ')', '#', '@', '\n']
    .map((c): [string, string] => [`run of ${JSON.stringify(c)}`, run(c)]),
  ['key= repeated', run('key=')],
  ['key=" unterminated', 'key="' + run('a ')],
  ['key="value repeated', run('k="v ')],
  ['nested brackets', run('[')+ run(']').slice(0, 10)],
  ['nested sd', run('[a b="')],
  ['nested parens', run('(a')],
  ['digits', run('1')],
  ['ip-like', run('1.')],
  ['port-like', run('1:')],
  ['ipv6-like', run('ff:')],
  ['escapes', run('\\"')],
  ['cef escapes', run('a\\=')],
  ['key value pairs', run('a=b ')],
  ['pipes and equals', run('|a=')],
  ['spaces and tabs', run(' \t')],
  ['words', run('word ')],
  ['asa-like', run('%ASA-6-')],
  ['commas with quotes', run(',"')],
  ['leef tabs', run('\ta=\t')],
  ['urls', run('http://a/')],
  ['date-like', run('2024-03-10T')],
  ['name value with colon', run('a: ')],
  ['nul and bytes', run('\u0000\u00ff')],
];

const FALLBACK_SEEDS = ['<134>1 2024-03-10T08:00:00Z host app - - - ', '<134>Mar 10 08:00:00 host app: '];

/** Up to three of the family's own golden messages. */
function seeds(family: string): string[] {
  const dir = join(process.cwd(), 'fixtures', family);
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.log')).sort();
  } catch {
    /* no fixtures */
  }
  const out: string[] = [];
  for (const f of files.slice(0, 3)) {
    const line = readFileSync(join(dir, f), 'utf8').split('\n').find((l) => l.trim() !== '');
    if (line) out.push(line);
  }
  return out.length > 0 ? out : FALLBACK_SEEDS;
}

/** Cut points in a seed: after its header, at each third, and at the end. */
function cuts(seed: string): number[] {
  const pts = new Set<number>([0, seed.length]);
  for (const frac of [0.25, 0.5, 0.75]) pts.add(Math.floor(seed.length * frac));
  // just after the first occurrence of each delimiter
  for (const d of [': ', '=', '|', ',', ' ', '[', '"']) {
    const i = seed.indexOf(d, 5);
    if (i >= 0) pts.add(i + d.length);
  }
  return [...pts].sort((a, b) => a - b);
}

const ctx: VendorContext = { timezone: 'UTC', receivedAt: Date.UTC(2024, 2, 10) };

function timeOnce(vendorIndex: number, text: string): number {
  const vendor = VENDORS[vendorIndex]!;
  const data = Buffer.from(text);
  const t0 = cpuMs();
  const { text: t, flags } = decode(data);
  const msg = parseSyslog(t, flags, 'UTC', ctx.receivedAt);
  const frame: Frame = { data, senderIp: '192.0.2.1', senderPort: 514, listener: 'redos', receivedAt: ctx.receivedAt, truncated: false };
  const doc = baseDocument(msg, frame, 'UTC');
  try {
    vendor.parse(msg, doc, ctx);
  } catch {
    /* a throw is the pipeline's concern (flagged parser_error); here only time counts */
  }
  return cpuMs() - t0;
}

/**
 * The growth of a call from a quarter of its input to all of it: the best of three runs of each,
 * interleaved so that both see the same state of the machine.
 */
function growth(vendorIndex: number, full: string, quarter: string): { full: number; quarter: number } {
  let f = Infinity;
  let q = Infinity;
  for (let i = 0; i < 3; i++) {
    q = Math.min(q, timeOnce(vendorIndex, quarter));
    f = Math.min(f, timeOnce(vendorIndex, full));
  }
  return { full: f, quarter: q };
}

/**
 * Growth past MAX_GROWTH in each of three measurements (null when one of them stays under it). A
 * loaded machine can stall a whole measurement (in CI, beside Elasticsearch and the other test
 * files: leef at 8.8 ms for 64 KiB against 0.4 ms for 16 KiB, where it takes 0.6-1.3 ms and 0.2-0.5
 * ms alone); work that really grows faster than its input does so every time.
 */
function superLinear(vendorIndex: number, full: string, quarter: string): { full: number; quarter: number } | null {
  let g = growth(vendorIndex, full, quarter);
  for (let attempt = 1; g.full > MAX_GROWTH * Math.max(g.quarter, 0.05); attempt++) {
    if (attempt === 3) return g;
    g = growth(vendorIndex, full, quarter);
  }
  return null;
}

function bestOf3(vendorIndex: number, text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const ms = timeOnce(vendorIndex, text);
    if (ms < best) best = ms;
    if (best < LIMIT_MS) break;
  }
  return best;
}

describe.each(VENDORS.map((v, i) => [v.id, i] as const))('ReDoS: %s', (family, index) => {
  test(`64 KiB adversarial inputs, each under ${LIMIT_MS} ms`, () => {
    const slow: string[] = [];
    let runs = 0;
    let worst = 0;
    for (const seed of seeds(family)) {
      for (const at of cuts(seed)) {
        for (const [name, body] of PATTERNS) {
          const text = seed.slice(0, at) + body;
          const ms = bestOf3(index, text);
          runs++;
          if (ms > worst) worst = ms;
          const where = `${name} after ${JSON.stringify(seed.slice(Math.max(0, at - 40), at))}`;
          if (ms >= LIMIT_MS) slow.push(`${where}: ${ms.toFixed(1)} ms`);
          else if (ms >= GROWTH_CHECK_MS) {
            const g = superLinear(index, text, seed.slice(0, at) + body.slice(0, SIZE / 4));
            if (g !== null) slow.push(`${where}: ${g.full.toFixed(1)} ms at 64 KiB, ${g.quarter.toFixed(1)} ms at 16 KiB (three times)`);
          }
        }
        // and the adversarial run inside the message, the rest of the message after it
        const text = seed.slice(0, at) + run('="|, ').slice(0, SIZE / 2) + seed.slice(at);
        const ms = bestOf3(index, text);
        runs++;
        if (ms >= LIMIT_MS) slow.push(`inserted run at ${at}: ${ms.toFixed(1)} ms`);
      }
    }
    expect(runs).toBeGreaterThan(PATTERNS.length);
    expect(slow).toEqual([]);
    expect(worst).toBeLessThan(LIMIT_MS);
  }, 120_000);
});
