/**
 * `/metrics` in the Prometheus text format (prom-client). Every metric is collected when it is
 * scraped, from the Telemetry objects, the sources and the outputs: nothing is done per message.
 *
 * Names (all prefixed `syslog_ecs_`): per listener and sender `received_total`, `parsed_total`,
 * `unknown_total`, `syslog_only_total`, `parser_errors_total`, `truncated_total`, `written_total`,
 * `dead_lettered_total`, `dropped_total{reason}`, `sender_last_seen_seconds`; the loss ledger
 * `ledger_*` (in = written + dead-lettered + dropped + in flight); per output `output_up`,
 * `output_pending_events` (queue depth) and, for Elasticsearch, `elasticsearch_*`; per listener
 * `listener_up`, `listener_errors_total`, `listener_connections`, `listener_connections_refused_total`,
 * `listener_tls_failures_total`, `listener_oversize_bytes_total`, `listener_rate_limit_pauses_total`; parser coverage per family and message id; the usual process_* and nodejs_* metrics.
 */
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { DROP_REASONS, MAX_LABEL_CHARS, OTHER, SenderStats, addStats, type Telemetry } from '../core/telemetry.js';
import type { Output } from '../core/stages.js';
import type { Source } from '../core/stages.js';

export interface MetricsSources {
  telemetry: Telemetry;
  sources: readonly Source[];
  outputs: readonly Output[];
  /** ledgers of the secondary outputs (Pipeline.secondaryStats), parallel to outputs[1..] */
  secondaryStats?: readonly SenderStats[];
  /** whether a listener is up (bound and not stopped) */
  listenerUp(s: Source): boolean;
  /** senders per listener with series of their own; the others are summed under sender="other" */
  maxSenders?: number;
}

/** Default of `http.metrics_max_senders`. */
export const METRICS_MAX_SENDERS = 1000;

/** A label value from configuration or the wire, cut to a bounded length. */
function label(v: string): string {
  return v.length > MAX_LABEL_CHARS ? v.slice(0, MAX_LABEL_CHARS) : v;
}

/**
 * The senders as /metrics shows them: the first `max` of each listener (in the order they were
 * first seen, so a sender keeps its series from scrape to scrape), the rest summed into one
 * `other` row per listener.
 */
export function boundedSenders(senders: Iterable<SenderStats>, max: number): SenderStats[] {
  const kept = new Map<string, number>();
  const folded = new Map<string, SenderStats>();
  const out: SenderStats[] = [];
  for (const s of senders) {
    const n = kept.get(s.listener) ?? 0;
    if (n < max && s.sender !== OTHER) {
      kept.set(s.listener, n + 1);
      out.push(s);
      continue;
    }
    let o = folded.get(s.listener);
    if (o === undefined) {
      o = new SenderStats(s.listener, OTHER);
      folded.set(s.listener, o);
      out.push(o);
    }
    addStats(o, s);
  }
  return out;
}

/** What the Elasticsearch output exposes (read by duck typing: the output module is optional). */
interface EsCountersLike {
  written: number; duplicates: number; deadLettered: number; failed: number;
  bulkRequests: number; retries: number; spilledToDisk: number; replayedFromDisk: number;
}
interface OutputExtras {
  counters?: EsCountersLike;
  /** bytes held in an on-disk buffer, when the output has one */
  diskBufferBytes?: () => number;
  /** bulk request latency: count and sum of seconds so far */
  bulkLatency?: () => { count: number; sumSeconds: number };
}

type Set = (labels: Record<string, string>, value: number) => void;

export function createMetricsRegistry(m: MetricsSources): Registry {
  const register = new Registry();
  collectDefaultMetrics({ register }); // process_* and nodejs_* under their usual names

  const counter = (name: string, help: string, labelNames: string[], fill: (set: Set) => void): void => {
    new Counter({
      name, help, labelNames, registers: [register],
      collect(this: Counter<string>) {
        this.reset();
        fill((labels, value) => this.inc(labels, value));
      },
    });
  };
  const gauge = (name: string, help: string, labelNames: string[], fill: (set: Set) => void): void => {
    new Gauge({
      name, help, labelNames, registers: [register],
      collect(this: Gauge<string>) {
        this.reset();
        fill((labels, value) => this.set(labels, value));
      },
    });
  };

  const maxSenders = m.maxSenders ?? METRICS_MAX_SENDERS;
  const senders = (): SenderStats[] => boundedSenders(m.telemetry.senders.values(), maxSenders);
  const perSender = (field: keyof Pick<SenderStats, 'received' | 'parsed' | 'unknown' | 'syslogOnly' | 'failed' | 'truncated' | 'written' | 'deadLettered'>) =>
    (set: Set): void => {
      for (const s of senders()) set({ listener: label(s.listener), sender: s.sender }, s[field]);
    };
  const LS = ['listener', 'sender'];
  counter('syslog_ecs_received_total', 'Messages received, per listener and sender.', LS, perSender('received'));
  counter('syslog_ecs_parsed_total', 'Messages a vendor parser read (parse.status parsed).', LS, perSender('parsed'));
  counter('syslog_ecs_unknown_total', 'Messages of a recognised family that the parser did not understand (parse.status unknown).', LS, perSender('unknown'));
  counter('syslog_ecs_syslog_only_total', 'Messages of no known vendor family (parse.status syslog_only).', LS, perSender('syslogOnly'));
  counter('syslog_ecs_parser_errors_total', 'Messages whose parser threw (parse.status parser_error; still written).', LS, perSender('failed'));
  counter('syslog_ecs_truncated_total', 'Messages cut at the listener\'s max_message_bytes (still written, flagged).', LS, perSender('truncated'));
  counter('syslog_ecs_written_total', 'Events the primary output wrote.', LS, perSender('written'));
  counter('syslog_ecs_dead_lettered_total', 'Events the primary output rejected into the dead-letter store.', LS, perSender('deadLettered'));
  counter('syslog_ecs_dropped_total', 'Events dropped, by reason (only reasons that occurred are listed per sender).', [...LS, 'reason'], (set) => {
    for (const s of senders()) {
      for (const r of DROP_REASONS) if (s.dropped[r] > 0) set({ listener: label(s.listener), sender: s.sender, reason: r }, s.dropped[r]);
    }
  });
  gauge('syslog_ecs_sender_last_seen_seconds', 'Unix time of the sender\'s last message.', [...LS, 'family'], (set) => {
    for (const s of senders()) {
      if (s.lastSeen > 0) set({ listener: label(s.listener), sender: s.sender, family: s.family }, s.lastSeen / 1000);
    }
  });

  // the loss ledger: in = written + dead_lettered + dropped + in_flight
  counter('syslog_ecs_ledger_in_total', 'Loss ledger: every event in (all listeners and senders).', [], (set) => set({}, m.telemetry.totals().received));
  counter('syslog_ecs_ledger_written_total', 'Loss ledger: events written by the primary output.', [], (set) => set({}, m.telemetry.totals().written));
  counter('syslog_ecs_ledger_dead_lettered_total', 'Loss ledger: events dead-lettered.', [], (set) => set({}, m.telemetry.totals().deadLettered));
  counter('syslog_ecs_ledger_dropped_total', 'Loss ledger: events dropped, by reason (every reason listed).', ['reason'], (set) => {
    const t = m.telemetry.totals();
    for (const r of DROP_REASONS) set({ reason: r }, t.dropped[r]);
  });
  gauge('syslog_ecs_ledger_in_flight', 'Loss ledger: events received and not yet written, dead-lettered or dropped.', [], (set) => set({}, m.telemetry.totals().inFlight));

  counter('syslog_ecs_coverage_total', 'Parser coverage per family and message id: parsed or unknown.', ['family', 'message_id', 'result'], (set) => {
    for (const [key, c] of m.telemetry.coverage) {
      const sp = key.indexOf(' ');
      const labels = { family: key.slice(0, sp), message_id: key.slice(sp + 1) };
      set({ ...labels, result: 'parsed' }, c.parsed);
      set({ ...labels, result: 'unknown' }, c.unknown);
    }
  });

  // listeners
  gauge('syslog_ecs_listener_up', '1 while the listener is bound.', ['listener', 'url'], (set) => {
    for (const s of m.sources) set({ listener: label(s.name), url: s.boundUrl }, m.listenerUp(s) ? 1 : 0);
  });
  const sourceNumber = (key: string) => (set: Set): void => {
    for (const s of m.sources) {
      const v = (s as unknown as Record<string, unknown>)[key];
      if (typeof v === 'number') set({ listener: label(s.name) }, v);
    }
  };
  gauge('syslog_ecs_listener_connections', 'TCP/TLS: open connections.', ['listener'], sourceNumber('connections'));
  counter('syslog_ecs_listener_connections_refused_total', 'TCP/TLS: connections refused (limit, allowlist).', ['listener'], sourceNumber('connectionsRefused'));
  counter('syslog_ecs_listener_errors_total', 'Socket errors of a bound listener (an error in the last minute makes /health 503; running out of file descriptors shows in process_open_fds instead).', ['listener'], (set) => {
    for (const s of m.sources) if (s.faults !== undefined) set({ listener: label(s.name) }, s.faults.errors);
  });
  counter('syslog_ecs_listener_tls_failures_total', 'TLS: failed handshakes.', ['listener'], sourceNumber('tlsFailures'));
  counter('syslog_ecs_listener_oversize_bytes_total', 'TCP/TLS: bytes of octet-counted frames refused for a count over max_message_bytes (each frame is also a drop, reason oversize).', ['listener'], sourceNumber('oversizeBytes'));
  counter('syslog_ecs_listener_rate_limit_pauses_total', 'TCP/TLS: times a connection stopped reading because its sender was over rate_limit (tcp_action pause).', ['listener'], sourceNumber('rateLimitPauses'));

  // outputs
  gauge('syslog_ecs_output_up', '1 while the output reports itself healthy.', ['output'], (set) => {
    for (const o of m.outputs) set({ output: o.name }, safeHealth(o).ok ? 1 : 0);
  });
  gauge('syslog_ecs_output_pending_events', 'Queue depth: events accepted by the output and not yet written (memory and disk).', ['output'], (set) => {
    for (const o of m.outputs) set({ output: o.name }, o.pending());
  });
  counter('syslog_ecs_secondary_output_events_total', 'Secondary outputs\' own ledgers: received, written, dead_lettered, dropped.', ['output', 'outcome'], (set) => {
    const sec = m.secondaryStats ?? [];
    sec.forEach((s, i) => {
      const output = m.outputs[i + 1]?.name ?? s.sender;
      set({ output, outcome: 'received' }, s.received);
      set({ output, outcome: 'written' }, s.written);
      set({ output, outcome: 'dead_lettered' }, s.deadLettered);
      set({ output, outcome: 'dropped' }, DROP_REASONS.reduce((a, r) => a + s.dropped[r], 0));
    });
  });
  const esOutputs = (): [Output, EsCountersLike][] =>
    m.outputs.flatMap((o) => {
      const c = (o as Output & OutputExtras).counters;
      return c !== undefined && typeof c.bulkRequests === 'number' ? [[o, c] as [Output, EsCountersLike]] : [];
    });
  counter('syslog_ecs_elasticsearch_bulk_requests_total', 'Elasticsearch: bulk requests sent.', ['output'], (set) => {
    for (const [o, c] of esOutputs()) set({ output: o.name }, c.bulkRequests);
  });
  counter('syslog_ecs_elasticsearch_bulk_retries_total', 'Elasticsearch: bulk requests or items retried.', ['output'], (set) => {
    for (const [o, c] of esOutputs()) set({ output: o.name }, c.retries);
  });
  counter('syslog_ecs_elasticsearch_bulk_items_total', 'Elasticsearch: bulk item outcomes (written, duplicate, dead_lettered, failed).', ['output', 'outcome'], (set) => {
    for (const [o, c] of esOutputs()) {
      set({ output: o.name, outcome: 'written' }, c.written);
      set({ output: o.name, outcome: 'duplicate' }, c.duplicates);
      set({ output: o.name, outcome: 'dead_lettered' }, c.deadLettered);
      set({ output: o.name, outcome: 'failed' }, c.failed);
    }
  });
  counter('syslog_ecs_elasticsearch_disk_buffer_events_total', 'Elasticsearch: events spilled to and replayed from the disk buffer.', ['output', 'direction'], (set) => {
    for (const [o, c] of esOutputs()) {
      set({ output: o.name, direction: 'spilled' }, c.spilledToDisk);
      set({ output: o.name, direction: 'replayed' }, c.replayedFromDisk);
    }
  });
  gauge('syslog_ecs_output_disk_buffer_bytes', 'Bytes in the output\'s on-disk buffer (outputs that expose it).', ['output'], (set) => {
    for (const o of m.outputs) {
      const f = (o as Output & OutputExtras).diskBufferBytes;
      if (typeof f === 'function') set({ output: o.name }, f.call(o));
    }
  });
  counter('syslog_ecs_elasticsearch_bulk_latency_seconds_sum', 'Elasticsearch: total seconds spent in bulk requests (outputs that expose it).', ['output'], (set) => {
    for (const o of m.outputs) {
      const f = (o as Output & OutputExtras).bulkLatency;
      if (typeof f === 'function') set({ output: o.name }, f.call(o).sumSeconds);
    }
  });
  counter('syslog_ecs_elasticsearch_bulk_latency_seconds_count', 'Elasticsearch: bulk requests timed (outputs that expose it).', ['output'], (set) => {
    for (const o of m.outputs) {
      const f = (o as Output & OutputExtras).bulkLatency;
      if (typeof f === 'function') set({ output: o.name }, f.call(o).count);
    }
  });
  return register;
}

export function safeHealth(o: Output): { ok: boolean; reason?: string } {
  try {
    return o.health();
  } catch (e) {
    return { ok: false, reason: 'health check failed: ' + (e as Error).message };
  }
}
