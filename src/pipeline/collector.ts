/**
 * The wiring, in the order data flows: enrichment and outputs first (what the stages hand to),
 * then the pipeline and its processors (syslog header, dispatch, vendor parser, enrichers), the
 * parser workers, the sources last; the HTTP endpoint reads them all. `stop()` undoes it in the
 * reverse order: no more input, drain, flush.
 */
import { Telemetry } from '../core/telemetry.js';
import type { Output, Source } from '../core/stages.js';
import { parseListenUrl, type Config } from '../config/load.js';
import { buildEnrichment, type EnrichSettings } from '../enrich/build.js';
import { UdpSource } from '../sources/udp.js';
import { TcpSource } from '../sources/tcp.js';
import { JsonLinesProcessor } from '../sources/json-lines.js';
import { startHttpServer, type HttpServer } from '../http/server.js';
import { Processor } from './process.js';
import { warmUp } from './warm-up.js';
import { Pipeline } from './pipeline.js';
import { createOutput } from './create-output.js';
import { ParserPool } from './worker-pool.js';
import { createKafkaSource } from './kafka-client.js';
import { loadParserSet } from '../config/parsers.js';
import { ParserHolder } from '../parsers/parser-set.js';
import { ParserReloader } from './parser-reload.js';

export interface RunningCollector {
  sources: Source[];
  outputs: Output[];
  telemetry: Telemetry;
  pipeline: Pipeline;
  config: Config;
  /** the /health, /metrics and status page endpoint; null when disabled or its address was taken */
  http: HttpServer | null;
  /** the parser files: reload() reads them again (on SIGHUP; the directory is watched too) */
  parsers: ParserReloader;
  stop(): Promise<void>;
  /**
   * SIGHUP: applies what can change while running (`senders` when parsing on the main thread),
   * names what needs a restart, reloads the inventory, users and GeoIP databases, and has the
   * outputs reopen their files. `next`: the configuration read again (null: it could not be read).
   */
  reload(next: Config | null): void;
}

/** The sections a reload cannot apply to a running collector. */
const RESTART_SECTIONS = ['timezone', 'listeners', 'outputs', 'pipeline', 'enrich', 'http'] as const;

/** After the grace period, how long the outputs may still flush before what is left is spilled or counted. */
export const SHUTDOWN_FLUSH_MS = 5000;

export async function startCollector(config: Config): Promise<RunningCollector> {
  // what has been started, stopped in reverse order when a later step fails
  const undo: (() => Promise<void> | void)[] = [];
  try {
    return await build(config, undo);
  } catch (e) {
    for (const u of undo.reverse()) {
      try {
        await u();
      } catch {
        /* the start error is the one to report */
      }
    }
    throw e;
  }
}

async function build(config: Config, undo: (() => Promise<void> | void)[]): Promise<RunningCollector> {
  const telemetry = new Telemetry();
  // families of parser files (shipped and parsers_dir), before anything opens: a bad file stops the start
  const parsers = new ParserHolder(loadParserSet(config.parsers_dir ?? null));
  const g = config.enrich.geoip;
  const enrichSettings: EnrichSettings = {
    geoipDir: g?.directory ?? null,
    geoipCity: g?.city_database ?? null,
    geoipAsn: g?.asn_database ?? null,
    geoipCacheEntries: g?.cache_entries,
    assets: config.enrich.assets?.file ?? null,
    users: config.enrich.users?.file ?? null,
    watch: true,
  };
  const enrichment = await buildEnrichment(enrichSettings);
  undo.push(() => enrichment.close());
  const enrichers = enrichment.enrichers;
  const processors = new Map<string, Processor>();
  const processorFor = (tz: string): Processor => {
    let p = processors.get(tz);
    if (p === undefined) {
      p = new Processor({ timezone: tz, senders: config.senders, enrichers, telemetry, deviceTimezone: enrichment.deviceTimezone, eventOriginal: config.pipeline.event_original, parsers });
      processors.set(tz, p);
    }
    return p;
  };
  const processor = processorFor(config.timezone);
  const outputs: Output[] = [];
  for (const [i, oc] of config.outputs.entries()) outputs.push(await createOutput(oc, i, parsers.current));
  for (const o of outputs) {
    undo.push(() => o.close(Date.now()));
    await o.start();
  }
  const pipeline = new Pipeline(telemetry, processor, outputs);
  // parsing on worker threads (the main thread keeps sockets and outputs), else inline
  let pool: ParserPool | null = null;
  if (config.pipeline.workers > 0) {
    const p = new ParserPool(pipeline, {
      workers: config.pipeline.workers,
      senders: config.senders,
      eventOriginal: config.pipeline.event_original,
      enrich: enrichSettings,
      workerFile: new URL('./parse-worker.js', import.meta.url),
      parsers: parsers.current.sources,
    });
    pool = p;
    undo.push(() => p.close(1000));
    await p.start();
  }
  // the parsing code compiled before the first burst meets it (workers warm up their own)
  if (pool === null) warmUp(parsers);
  const reloader = new ParserReloader(config.parsers_dir ?? null, { holder: parsers, workers: pool, outputs, log: (l) => process.stderr.write(l + '\n') }, true);
  undo.push(() => reloader.close());
  if (parsers.current.families.length > 0) process.stderr.write(`syslog-ecs: parser files: ${parsers.current.describe()}\n`);
  const sources: Source[] = [];
  const jsonLines = new JsonLinesProcessor({ telemetry, enrichers }); // json+tcp:// listeners (JSON lines from applications)
  for (const l of config.listeners) {
    // an indexer tier: documents a collector tier finished, straight to the outputs
    if (l.url.startsWith('kafka:')) {
      sources.push(createKafkaSource(l, pipeline));
      continue;
    }
    const u = parseListenUrl(l.url);
    const name = l.name ?? l.url;
    // a listener zone gets its own processor: decided at start, not per message
    const tz = l.timezone ?? config.timezone;
    const handler = pool !== null ? pool.handler(tz, u.protocol === 'udp') : pipeline.handlerFor(processorFor(tz));
    if (u.protocol === 'udp') {
      sources.push(new UdpSource({
        name, host: u.host, port: u.port, maxMessageBytes: l.max_message_bytes,
        receiveBufferBytes: l.receive_buffer_bytes, allow: l.allow, rateLimit: l.rate_limit,
      }, handler));
    } else {
      const t = l.tls;
      sources.push(new TcpSource({
        name, host: u.host, port: u.port, maxMessageBytes: l.max_message_bytes, maxConnections: l.max_connections,
        idleTimeoutMs: l.idle_timeout_ms, framing: u.protocol === 'json+tcp' ? 'lf' : l.framing, allow: l.allow, rateLimit: l.rate_limit,
        tls: u.protocol === 'tls' && t ? {
          certFile: t.cert_file!, keyFile: t.key_file!, caFile: t.ca_file, minVersion: t.min_version as 'TLSv1.2' | 'TLSv1.3',
          ciphers: t.ciphers, clientAuth: t.client_auth, handshakeTimeoutMs: t.handshake_timeout_ms,
        } : undefined,
      }, u.protocol === 'json+tcp' ? pipeline.handlerFor(jsonLines) : handler));
    }
  }
  for (const s of sources) {
    undo.push(() => s.stop(0));
    await s.start();
    process.stderr.write(`syslog-ecs: listening on ${s.boundUrl} (${s.name})\n`);
  }
  for (const o of outputs) process.stderr.write(`syslog-ecs: output ${o.name}\n`);
  // /health, /metrics and the status page (src/http): after the sources, stopped first
  const http: HttpServer | null = await startHttpServer({
    listen: config.http.listen, telemetry, sources, outputs, secondaryStats: pipeline.secondaryStats,
    maxSenders: config.http.metrics_max_senders,
  });
  let stopping: Promise<void> | null = null;
  /**
   * Stops within shutdown_grace_ms + SHUTDOWN_FLUSH_MS: open connections deliver during the grace
   * period, the outputs flush until the deadline, then spill to their disk buffer or count what
   * is left as dropped (`shutdown`).
   */
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const grace = config.pipeline.shutdown_grace_ms;
      const deadline = Date.now() + grace + SHUTDOWN_FLUSH_MS;
      reloader.close();
      await http?.stop();
      await Promise.all(sources.map((s) => s.stop(grace)));
      if (pool !== null) await pool.close(Math.max(0, deadline - Date.now()));
      await Promise.all(outputs.map((o) => o.close(deadline)));
      // a Kafka listener commits the offsets of what the outputs finished with
      await Promise.all(sources.map((s) => s.finish?.()));
      enrichment.close();
    })();
    return stopping;
  };
  let running = config;
  const reload = (next: Config | null): void => {
    if (next !== null) {
      const changed: string[] = RESTART_SECTIONS.filter((k) => JSON.stringify(next[k]) !== JSON.stringify(running[k]));
      if (JSON.stringify(next.senders) !== JSON.stringify(running.senders)) {
        if (pool === null) {
          for (const p of processors.values()) p.setSenders(next.senders);
          running = { ...running, senders: next.senders };
          process.stderr.write('syslog-ecs: reload: senders applied\n');
        } else changed.push('senders');
      }
      if (changed.length > 0) process.stderr.write(`syslog-ecs: reload: ${changed.join(', ')} changed: a restart applies them\n`);
    }
    enrichment.reload();
    reloader.reload('SIGHUP');
    for (const o of outputs) o.reopen?.();
    process.stderr.write('syslog-ecs: reload: enrichment data read again, output files reopened\n');
  };
  return { sources, outputs, telemetry, pipeline, config, http, parsers: reloader, stop, reload };
}
