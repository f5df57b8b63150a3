/**
 * dispatch: the character hints (`%`, `=`) only spare detect() calls that would have said no.
 * Over every line we have (the shared Elastic corpus, the RFC corpus, our fixtures, made-up
 * lines), detectVendor picks the same parser as trying every detect() in order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode, parseSyslog } from '../../../src/syslog/parse.js';
import { detectVendor } from '../../../src/dispatch/dispatch.js';
import { VENDORS } from '../../../vendors/index.js';
import { type SyslogMessage } from '../../../src/core/types.js';
import { DetectHint } from '../../../src/core/stages.js';

/** every parser's detect() in registry order, without the hints */
const unfiltered = (msg: SyslogMessage) => VENDORS.find((v) => v.detect(msg)) ?? null;

const SHARED = '../shared';

function logLines(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.log')) continue;
    for (const l of readFileSync(join(dir, f), 'utf8').split('\n')) if (l) out.push(l);
  }
  return out;
}

function allLines(): string[] {
  const out: string[] = [];
  const corpus = join(SHARED, 'corpus/elastic-integrations');
  for (const pkg of readdirSync(corpus, { withFileTypes: true })) if (pkg.isDirectory()) out.push(...logLines(join(corpus, pkg.name)));
  for (const l of readFileSync(join(SHARED, 'corpus/syslog-rfc/cases.jsonl'), 'utf8').split('\n')) {
    if (l.trim()) out.push((JSON.parse(l) as { input: string }).input);
  }
  for (const fam of readdirSync('fixtures')) if (!fam.includes('.')) out.push(...logLines(join('fixtures', fam)));
  out.push(
    '<13>Feb  5 17:32:18 host sshd[1]: Accepted password for root from 192.0.2.1 port 22 ssh2',
    '<13>Feb  5 17:32:18 host app: 100% done, key=value',
    '<13>Feb  5 17:32:18 host app: IN= OUT= SRC=',
    '<13>Feb  5 17:32:18 host app: %LINK-3-UPDOWN: Interface Gi0/1, changed state to down',
  );
  return out;
}

describe('vendor detection', () => {
  const lines = allLines();

  test('with the hints, every line gets the same parser as without', () => {
    expect(lines.length).toBeGreaterThan(700);
    let vendorLines = 0;
    const now = Date.UTC(2024, 2, 15);
    for (const line of lines) {
      const { text, flags } = decode(Buffer.from(line));
      const msg = parseSyslog(text, flags, 'UTC', now);
      const want = unfiltered(msg);
      if (want !== null) vendorLines++;
      expect([line, detectVendor(msg)?.id ?? null]).toEqual([line, want?.id ?? null]);
    }
    expect(vendorLines).toBeGreaterThan(300);
  });

  test('a parser that declares a hint never detects a line without that character', () => {
    const now = Date.UTC(2024, 2, 15);
    const chars: [number, string][] = [[DetectHint.percent, '%'], [DetectHint.equals, '=']];
    let checked = 0;
    for (const line of lines) {
      const { text, flags } = decode(Buffer.from(line));
      for (const [bit, ch] of chars) {
        if (!text.includes(ch)) continue;
        // the same line with the character taken out
        const msg = parseSyslog(text.split(ch).join(' '), flags, 'UTC', now);
        for (const v of VENDORS) {
          if (((v.requires ?? 0) & bit) === 0) continue;
          checked++;
          expect([line, v.id, v.detect(msg)]).toEqual([line, v.id, false]);
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});
