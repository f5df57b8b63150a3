/**
 * The status page (`/`): what an engineer onboarding a device looks at. Senders seen (address,
 * detected family, events/s, last seen, parse success rate), the latest unparsed samples per sender
 * beside what was extracted, listeners and output health, the loss ledger.
 *
 * Server-rendered HTML with no script at all: every value that comes from a message or a sender is
 * escaped, nothing is evaluated; the page reloads itself with `<meta http-equiv="refresh">`.
 */
import { DROP_REASONS, type SenderStats, type Telemetry } from '../core/telemetry.js';

export function escapeHtml(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | null = null;
    if (c === 38) rep = '&amp;';
    else if (c === 60) rep = '&lt;';
    else if (c === 62) rep = '&gt;';
    else if (c === 34) rep = '&quot;';
    else if (c === 39) rep = '&#39;';
    else if (c < 32 && c !== 9 && c !== 10 && c !== 13) rep = '\uFFFD'; // control characters shown as �
    if (rep !== null) {
      out += s.slice(last, i) + rep;
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Events per second per sender, from snapshots of `received` taken every few seconds. */
export class RateTracker {
  private prev = new Map<SenderStats, number>();
  private prevAt = 0;
  private rates = new Map<SenderStats, number>();

  constructor(private readonly telemetry: Telemetry) {}

  sample(now = Date.now()): void {
    const next = new Map<SenderStats, number>();
    const dt = (now - this.prevAt) / 1000;
    const rates = new Map<SenderStats, number>();
    for (const s of this.telemetry.senders.values()) {
      next.set(s, s.received);
      if (this.prevAt > 0 && dt > 0) rates.set(s, (s.received - (this.prev.get(s) ?? 0)) / dt);
    }
    if (this.prevAt > 0) this.rates = rates;
    this.prev = next;
    this.prevAt = now;
  }

  rate(s: SenderStats): number | null {
    return this.rates.get(s) ?? null;
  }
}

export interface StatusView {
  telemetry: Telemetry;
  rates: RateTracker;
  health: { ok: boolean; reasons: string[] };
  listeners: { name: string; url: string; up: boolean }[];
  outputs: { name: string; ok: boolean; reason?: string; pending: number }[];
  startedAt: number;
  refreshSeconds: number;
  /** only senders whose address contains this */
  filter?: string;
}

const MAX_ROWS = 500;
const MAX_SAMPLE_SENDERS = 50;

function ago(ms: number, now: number): string {
  if (ms <= 0) return '-';
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

function pct(n: number, d: number): string {
  return d === 0 ? '-' : `${((100 * n) / d).toFixed(1)} %`;
}

function prettyDoc(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json; // cut at the sample bound: shown as kept
  }
}

export function renderStatusPage(v: StatusView, now = Date.now()): string {
  const e = escapeHtml;
  const t = v.telemetry.totals();
  const dropped = DROP_REASONS.reduce((a, r) => a + t.dropped[r], 0);
  const droppedBy = DROP_REASONS.filter((r) => t.dropped[r] > 0).map((r) => `${r} ${t.dropped[r]}`).join(', ');
  let senders = [...v.telemetry.senders.values()];
  if (v.filter) senders = senders.filter((s) => s.sender.includes(v.filter!));
  senders.sort((a, b) => b.lastSeen - a.lastSeen);
  const shown = senders.slice(0, MAX_ROWS);

  const rows = shown.map((s) => {
    const processed = s.parsed + s.unknown + s.syslogOnly + s.failed;
    const rate = v.rates.rate(s);
    const d = DROP_REASONS.filter((r) => s.dropped[r] > 0).map((r) => `${r} ${s.dropped[r]}`).join(', ');
    const ok = processed === 0 ? '' : s.parsed === processed ? ' class="good"' : s.parsed === 0 ? ' class="bad"' : ' class="warn"';
    return `<tr><td>${e(s.listener)}</td><td class="addr"><a href="?sender=${e(encodeURIComponent(s.sender))}">${e(s.sender)}</a></td>` +
      `<td>${s.family ? e(s.family) : '<span class="muted">none detected</span>'}</td>` +
      `<td class="num">${rate === null ? '-' : rate.toFixed(1)}</td><td class="num">${s.received}</td>` +
      `<td${ok}>${pct(s.parsed, processed)}</td><td class="num">${s.unknown}</td><td class="num">${s.syslogOnly}</td>` +
      `<td class="num">${s.failed}</td><td>${d ? e(d) : '-'}</td>` +
      `<td title="${s.lastSeen > 0 ? new Date(s.lastSeen).toISOString() : ''}">${ago(s.lastSeen, now)}</td></tr>`;
  }).join('\n');

  const sampleBlocks: string[] = [];
  for (const s of shown) {
    if (sampleBlocks.length >= MAX_SAMPLE_SENDERS) break;
    const ring = v.telemetry.samples.get(s);
    if (!ring || ring.length === 0) continue;
    const items = [...ring].reverse().map((x) => {
      let status = '';
      try {
        const p = (JSON.parse(x.doc) as { syslog_ecs?: { parse?: { status?: string; step?: string } } }).syslog_ecs?.parse;
        if (p) status = (p.status ?? '') + (p.step ? ` (step ${p.step})` : '');
      } catch {
        /* cut document */
      }
      return `<div class="sample"><div class="meta">${new Date(x.at).toISOString()} · ${e(status)}</div>` +
        `<div class="pair"><div><h4>Received</h4><pre class="raw">${e(x.raw)}</pre></div>` +
        `<div><h4>Extracted</h4><pre class="doc">${e(prettyDoc(x.doc))}</pre></div></div></div>`;
    }).join('\n');
    sampleBlocks.push(`<section class="sender-samples"><h3>${e(s.sender)} <span class="muted">on ${e(s.listener)}` +
      `${s.family ? ' · ' + e(s.family) : ''}</span></h3>${items}</section>`);
  }

  const listenerRows = v.listeners.map((l) =>
    `<tr><td>${e(l.name)}</td><td>${e(l.url)}</td><td class="${l.up ? 'good' : 'bad'}">${l.up ? 'up' : 'down'}</td></tr>`).join('\n');
  const outputRows = v.outputs.map((o) =>
    `<tr><td>${e(o.name)}</td><td class="${o.ok ? 'good' : 'bad'}">${o.ok ? 'ok' : 'failing'}</td>` +
    `<td class="num">${o.pending}</td><td>${o.reason ? e(o.reason) : ''}</td></tr>`).join('\n');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="${v.refreshSeconds}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>syslog-ecs status</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222;background:#fafafa}
h1{font-size:1.4em;margin:0 0 .3em}h2{font-size:1.15em;margin:1.4em 0 .4em}h3{font-size:1em;margin:1em 0 .3em}h4{margin:.2em 0;font-size:.85em;color:#555}
table{border-collapse:collapse;background:#fff}th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#eee}.num{text-align:right;font-variant-numeric:tabular-nums}
.good{color:#176b2c}.bad{color:#b00020;font-weight:bold}.warn{color:#9a6700}.muted{color:#777;font-weight:normal}
.banner{padding:.5em 1em;border-radius:4px;display:inline-block;font-weight:bold}
.banner.good{background:#e3f4e6}.banner.bad{background:#fde7ea}
pre{margin:0;padding:6px;background:#f3f3f3;border:1px solid #ddd;white-space:pre-wrap;word-break:break-all;max-height:22em;overflow:auto;font-size:12px}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:8px}.sample{margin:.4em 0 .8em}.meta{font-size:.8em;color:#555}
.addr{font-family:ui-monospace,monospace}
</style></head>
<body>
<h1>syslog-ecs</h1>
<div class="banner ${v.health.ok ? 'good' : 'bad'}">${v.health.ok ? 'healthy' : 'unhealthy: ' + e(v.health.reasons.join('; '))}</div>
<p class="muted">up since ${new Date(v.startedAt).toISOString()} · page refreshes every ${v.refreshSeconds} s · <a href="/metrics">metrics</a> · <a href="/health">health</a></p>
<h2>Loss ledger</h2>
<table><tr><th>in</th><th>written</th><th>dead-lettered</th><th>dropped</th><th>in flight</th><th>parsed</th><th>unknown</th><th>syslog only</th><th>parser errors</th><th>truncated</th></tr>
<tr><td class="num">${t.received}</td><td class="num">${t.written}</td><td class="num">${t.deadLettered}</td><td class="num">${dropped}${droppedBy ? ` (${e(droppedBy)})` : ''}</td>
<td class="num">${t.inFlight}</td><td class="num">${t.parsed}</td><td class="num">${t.unknown}</td><td class="num">${t.syslogOnly}</td><td class="num">${t.failed}</td><td class="num">${t.truncated}</td></tr></table>
<h2>Senders${v.filter ? ` matching “${e(v.filter)}” <a href="/">(all)</a>` : ''}</h2>
${shown.length === 0 ? '<p class="muted">No sender seen yet. Point a device at one of the listeners below.</p>' : `<table>
<tr><th>listener</th><th>address</th><th>detected family</th><th>events/s</th><th>received</th><th>parse success</th><th>unknown</th><th>syslog only</th><th>parser errors</th><th>dropped</th><th>last seen</th></tr>
${rows}
</table>${senders.length > shown.length ? `<p class="muted">${senders.length - shown.length} more senders not shown.</p>` : ''}`}
<h2>Latest unparsed messages</h2>
${sampleBlocks.length === 0 ? '<p class="muted">None: every message was parsed.</p>' : sampleBlocks.join('\n')}
<h2>Listeners</h2>
<table><tr><th>name</th><th>bound</th><th>state</th></tr>
${listenerRows}
</table>
<h2>Outputs</h2>
<table><tr><th>output</th><th>health</th><th>pending events</th><th>detail</th></tr>
${outputRows}
</table>
</body></html>
`;
}
