/** The loss ledger as text: printed at shutdown, one line of totals then one line per sender. */
import { DROP_REASONS, type Telemetry } from '../core/telemetry.js';

export function formatLedger(t: Telemetry): string {
  const tot = t.totals();
  const dropped = DROP_REASONS.filter((r) => tot.dropped[r] > 0).map((r) => `${r}=${tot.dropped[r]}`).join(' ');
  const lines = [
    `ledger: received=${tot.received} written=${tot.written} dead_lettered=${tot.deadLettered} dropped=${DROP_REASONS.reduce((a, r) => a + tot.dropped[r], 0)}${dropped ? ` (${dropped})` : ''} in_flight=${tot.inFlight}` +
      ` | parsed=${tot.parsed} unknown=${tot.unknown} syslog_only=${tot.syslogOnly} parser_errors=${tot.failed} truncated=${tot.truncated}`,
  ];
  for (const s of t.senders.values()) {
    const d = DROP_REASONS.filter((r) => s.dropped[r] > 0).map((r) => `${r}=${s.dropped[r]}`).join(' ');
    lines.push(`  ${s.listener} ${s.sender} family=${s.family || '-'} received=${s.received} written=${s.written} parsed=${s.parsed} unknown=${s.unknown}${d ? ' dropped: ' + d : ''}`);
  }
  return lines.join('\n');
}
