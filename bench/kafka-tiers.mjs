/**
 * Scenario `kafka` of `npm run bench` (bench/run.mjs passes its helpers in): the same loggen load
 * over TCP through the three paths of docs/kafka.md, side by side in each round, the order
 * rotating (this machine's speed drifts):
 *   direct    syslog-ecs -> Elasticsearch (one process, as the e2e scenario)
 *   collector syslog-ecs -> Kafka (the collector tier): until the brokers acknowledged every event
 *   indexer   Kafka -> syslog-ecs -> Elasticsearch (the indexer tier), reading what the collector
 *             tier of the same round wrote: from its WARM-th document to the last
 * Each process first takes WARM_IN_PROCESS messages untimed (its JIT and pools), as in e2e. A
 * broker (scripts/kafka, KAFKA_PORT or a free port) and a node (scripts/elasticsearch on a free
 * port) are started for the scenario and stopped after it, unless they were running already.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

/** `syslog_ecs_written_total` summed over listeners and senders, from /metrics */
async function written(httpUrl) {
  const r = await fetch(httpUrl + '/metrics').catch(() => null);
  if (!r || !r.ok) return 0;
  let n = 0;
  for (const m of (await r.text()).matchAll(/^syslog_ecs_written_total\{[^}]*\} (\S+)$/gm)) n += Number(m[1]);
  return n;
}

export async function scenarioKafka(h) {
  const { quick, log, notes, results, procUsage, freePort, waitReady, stopProc, waitCount, median, sleep, LOGGEN, WARM } = h;
  const n = quick ? 50_000 : 200_000;
  const rounds = quick ? 1 : 3;
  const env = { ...process.env };
  const kafkaPort = Number(process.env.KAFKA_PORT ?? (await freePort()));
  const kafkaWasUp = spawnSync('bash', ['scripts/kafka', 'status'], { env: { ...env, KAFKA_PORT: String(kafkaPort) } }).status === 0;
  const k = spawnSync('bash', ['scripts/kafka', 'start'], { encoding: 'utf8', env: { ...env, KAFKA_PORT: String(kafkaPort) }, timeout: 600000 });
  if (k.status !== 0) throw new Error('kafka did not start: ' + k.stderr.slice(-300));
  const brokers = k.stdout.trim().split('\n').pop();
  const esPort = await freePort();
  const e = spawnSync('bash', ['scripts/elasticsearch', 'start'], { encoding: 'utf8', env: { ...env, ES_PORT: String(esPort) }, timeout: 600000 });
  if (e.status !== 0) throw new Error('elasticsearch did not start: ' + e.stderr.slice(-300));
  const es = e.stdout.trim().split('\n').pop();
  const dir = mkdtempSync(join(tmpdir(), 'bench-kafka-'));
  const admin = new Kafka({ brokers: [brokers], clientId: 'bench', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();

  const loggen = (port, count) => spawnSync(LOGGEN, ['-i', '-S', '-Q', '-I', '600', '-n', String(count), '-r', '10000000', '127.0.0.1', String(port)], { timeout: 600000 });
  const start = async (name, yaml) => {
    const cfg = join(dir, name + '.yaml');
    writeFileSync(cfg, yaml);
    const p = spawn(process.execPath, ['dist/cli.js', 'run', '--config', cfg], { stdio: ['ignore', 'ignore', 'pipe'] });
    await waitReady(p, /syslog-ecs: ready/, 60000);
    return p;
  };
  /** `events` done between t0 and at */
  const row = (system, events, t0, at, u0, u1, extra = {}) => ({
    scenario: 'kafka', system, messages: n, events_per_s: Math.round(events / ((at - t0) / 1000)),
    cpu_s_per_1m: u0 && u1 ? +(((u1.cpu_s - u0.cpu_s) / events) * 1e6).toFixed(2) : null, rss_mb: u1 ? +u1.rss_mb.toFixed(1) : null, ...extra,
  });
  const deleteIndices = (pattern) => fetch(`${es}/${pattern}?expand_wildcards=all`, { method: 'DELETE' }).catch(() => undefined);

  async function direct(round) {
    const port = await freePort();
    const index = `kbench-direct-${round}`;
    const p = await start('direct', [
      `listeners: [{ url: "tcp://127.0.0.1:${port}" }]`,
      `outputs: [{ url: "${es}", index_template: "${index}-{dataset}-{yyyy.MM.dd}" }]`,
      'http: { listen: "" }', '',
    ].join('\n'));
    loggen(port, WARM);
    await waitCount(es, `${index}-*`, WARM);
    const u0 = procUsage(p.pid), t0 = Date.now();
    loggen(port, n);
    const done = await waitCount(es, `${index}-*`, WARM + n);
    const u1 = procUsage(p.pid);
    await stopProc(p);
    await deleteIndices(`${index}-*`);
    if (done.count < WARM + n) notes.push(`kafka round ${round + 1}: direct indexed ${done.count - WARM} of ${n}`);
    return row('syslog-ecs -> Elasticsearch (direct)', n, t0, done.at, u0, u1, { note: 'one process: TCP in, parse to ECS, bulk into Elasticsearch' });
  }

  async function collector(round, topic) {
    const port = await freePort();
    const http = `http://127.0.0.1:${await freePort()}`;
    const p = await start('collector', [
      `listeners: [{ url: "tcp://127.0.0.1:${port}" }]`,
      `outputs: [{ url: "kafka://${brokers}/${topic}" }]`,
      `http: { listen: "${http.slice(7)}" }`, '',
    ].join('\n'));
    loggen(port, WARM);
    for (let end = Date.now() + 60000; (await written(http)) < WARM && Date.now() < end;) await sleep(100);
    const u0 = procUsage(p.pid), t0 = Date.now();
    loggen(port, n);
    let at = Date.now(), got = 0, last = -1, changedAt = Date.now();
    for (;;) {
      await sleep(100);
      got = await written(http);
      if (got >= WARM + n) { at = Date.now(); break; }
      if (got !== last) { last = got; changedAt = Date.now(); } else if (Date.now() - changedAt > 15000) { at = changedAt; break; }
    }
    const u1 = procUsage(p.pid);
    await stopProc(p);
    if (got < WARM + n) notes.push(`kafka round ${round + 1}: the collector tier wrote ${got - WARM} of ${n} to Kafka`);
    return row('syslog-ecs -> Kafka (collector tier)', n, t0, at, u0, u1, { note: 'TCP in, parse to ECS, idempotent producer with acks=all; done when the brokers acknowledged every event' });
  }

  async function indexer(round, topic) {
    const index = `kbench-kafka-${round}`;
    const p = await start('indexer', [
      `listeners: [{ url: "kafka://${brokers}/${topic}?group=${topic}-indexers" }]`,
      `outputs: [{ url: "${es}", index_template: "${index}-{dataset}-{yyyy.MM.dd}" }]`,
      'http: { listen: "" }', '',
    ].join('\n'));
    // its warm-up is the first WARM records of the topic; the clock starts past them
    const warm = await waitCount(es, `${index}-*`, WARM);
    const u0 = procUsage(p.pid), t0 = warm.at;
    const done = await waitCount(es, `${index}-*`, WARM + n);
    const u1 = procUsage(p.pid);
    await stopProc(p);
    await deleteIndices(`${index}-*`);
    if (done.count < WARM + n) notes.push(`kafka round ${round + 1}: the indexer tier indexed ${done.count - WARM} of ${n}`);
    return row('Kafka -> syslog-ecs -> Elasticsearch (indexer tier)', WARM + n - warm.count, t0, done.at, u0, u1, { note: 'consumer group, documents as the collector tier made them (no parsing), bulk with the ids they carry; offsets committed past what Elasticsearch acknowledged' });
  }

  const rows = new Map();
  try {
    for (let round = 0; round < rounds; round++) {
      const topic = `kbench-${Date.now().toString(36)}-${round}`;
      await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
      // the Kafka path's two tiers run one after the other (the indexer reads what the collector wrote)
      const kafkaPath = async () => [await collector(round, topic), await indexer(round, topic)];
      const order = round % 2 === 0 ? [async () => [await direct(round)], kafkaPath] : [kafkaPath, async () => [await direct(round)]];
      for (const run of order) {
        for (const r of await run()) {
          log(`kafka round ${round + 1}/${rounds} ${JSON.stringify(r)}`);
          if (!rows.has(r.system)) rows.set(r.system, []);
          rows.get(r.system).push(r);
        }
      }
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    }
  } finally {
    await admin.disconnect();
    rmSync(dir, { recursive: true, force: true });
    spawnSync('bash', ['scripts/elasticsearch', 'stop'], { env: { ...env, ES_PORT: String(esPort) } });
    if (!kafkaWasUp) spawnSync('bash', ['scripts/kafka', 'stop'], { env: { ...env, KAFKA_PORT: String(kafkaPort) } });
  }
  const directRates = rows.get('syslog-ecs -> Elasticsearch (direct)')?.map((r) => r.events_per_s) ?? [];
  for (const [system, list] of rows) {
    const r = {
      ...list[0],
      events_per_s: Math.round(median(list.map((x) => x.events_per_s))),
      cpu_s_per_1m: median(list.map((x) => x.cpu_s_per_1m)),
      rss_mb: Math.max(...list.map((x) => x.rss_mb ?? 0)),
      rounds: list.map((x) => ({ events_per_s: x.events_per_s, cpu_s_per_1m: x.cpu_s_per_1m, rss_mb: x.rss_mb })),
    };
    if (!system.includes('direct') && directRates.length === list.length) {
      r.vs_direct = list.map((x, i) => +(x.events_per_s / directRates[i]).toFixed(2));
      r.note += `; to the direct path per round: ${r.vs_direct.map((x) => x + 'x').join(', ')}`;
    }
    if (rounds > 1) r.note += `; median of ${list.length} rounds`;
    results.push(r);
  }
}
