/**
 * JIT warm-up at start: a few thousand sample messages (plain syslog and each family's `samples`)
 * through a scratch processor and JSON, before the listeners open. Cold, the pipeline runs several
 * times slower while V8 still interprets it; a burst right after a start (UDP senders that never
 * stop, TCP senders reconnecting with a backlog) would otherwise meet that slow phase and overflow
 * the socket buffer. The scratch processor has its own telemetry and no enrichers, so nothing of
 * this shows in counters, caches or outputs.
 */
import { Processor } from './process.js';
import { Telemetry } from '../core/telemetry.js';
import type { Frame } from '../core/types.js';
import { encodeDoc } from '../sinks/encode.js';
import { familySamples } from '../dispatch/dispatch.js';
import type { ParserHolder } from '../parsers/parser-set.js';

/** plain syslog in the three shapes senders use; each family brings its own samples (VendorParser.samples) */
const PLAIN: readonly string[] = [
  '<38>2024-03-14T08:00:00+00:00 host1 app[1234]: seq: 0000000001, thread: 0000, runid: 1710403200, stamp: 2024-03-14T08:00:00 PADDPADDPADD',
  '<34>1 2024-03-14T08:00:00.123Z host2 sshd 99 ID47 [exampleSDID@32473 iut="3" eventSource="Application"] Accepted password for alice from 10.0.0.9 port 50022 ssh2',
  '<13>Mar 14 08:00:00 host3 CRON[42]: (root) CMD (run-parts /etc/cron.hourly)',
];

/** Runs the samples until `rounds` passes or `budgetMs` elapsed; returns the passes made. */
export function warmUp(parsers?: ParserHolder, rounds = 300, budgetMs = 400): number {
  const p = new Processor({ timezone: 'UTC', senders: [], enrichers: [], telemetry: new Telemetry(), parsers });
  const stats = new Telemetry().stats('warm-up', '127.0.0.1');
  const userSamples = parsers === undefined ? [] : parsers.current.families.flatMap((f) => f.samples);
  const frames = [...PLAIN, ...familySamples(), ...userSamples].map((s): Frame => ({ data: Buffer.from(s), senderIp: '127.0.0.1', senderPort: 514, listener: 'warm-up', receivedAt: 0, truncated: false }));
  const end = Date.now() + budgetMs;
  let r = 0;
  let sink = 0;
  for (; r < rounds && Date.now() < end; r++) {
    for (const f of frames) {
      f.receivedAt = 1710403200000 + r;
      sink += encodeDoc(p.process(f, stats)).json!.length;
    }
  }
  return sink > 0 ? r : 0;
}
