#!/usr/bin/env node
/**
 * `npm run bench [-- --quick] [-- --json FILE] [-- --only parse,tcp,udp,e2e,...]`
 *
 * Scenarios (issue 7):
 *   parse  parse + normalize on a mixed corpus of all families, one core, no I/O (per family too)
 *   tcp    the same loggen load over TCP into syslog-ecs (file output; also with one parser
 *          worker), rsyslog (imtcp -> omfile) and syslog-ng (network() -> file): messages/s, CPU
 *          seconds per 1M messages, peak RSS
 *   udp    rising rates into each (syslog-ecs also with one parser worker), each rate into a
 *          fresh process after an untimed warm-up at 10k/s: received ratio and, for syslog-ecs,
 *          unaccounted (sent - received - counted drops, kernel drops included)
 *   e2e    loggen into Elasticsearch (a node started by scripts/elasticsearch) through syslog-ecs and through
 *          syslog-ng (syslog-parser + the http() bulk destination elasticsearch-http() expands to): docs/s, CPU
 *   kafka  the same load through collector -> Kafka and Kafka -> indexer -> Elasticsearch beside the
 *          direct path, round by round (bench/kafka-tiers.mjs)
 *   faults Elasticsearch down under 5k events/s (with and without a disk buffer), disk full,
 *          SIGKILL and restart, SIGHUP under load (bench/faults.mjs; raw rows also in
 *          bench/results/faults.json, or faults-quick.json with --quick)
 *   plus the benches the other parts bring (dist/bench/*.bench.js: enrichment, Elasticsearch)
 * Writes bench/results/latest.json (and --json FILE), bench/results/table.md and bench/results/chart.svg.
 * Installs the peers (rsyslog, syslog-ng's loggen) through scripts/install-peers when missing.
 */
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { scenarioKafka } from './kafka-tiers.mjs';
import { scenarioFaults } from './faults.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
const want = (s) => !only || only.includes(s);
const ROOT = process.cwd();
const LOGGEN = join(ROOT, '.peers/bin/loggen');
const SYSLOGNG = join(ROOT, '.peers/bin/syslog-ng');
const results = [];
const notes = [];
/**
 * Messages each system gets, untimed, in the same process before its measured messages (tcp, e2e):
 * a collector runs for weeks, so what counts is its steady state. For syslog-ecs that is its JIT
 * (optimizing compiles on the compile thread count as the process's CPU) and its pools; measured
 * with the e2e loggen load, 200k messages into a fresh collector took 12.7-13.65 CPU s per 1M at
 * 26.9-30.0k docs/s, into one that had just handled 50k: 10.4-11.65 s at 30.1-34.5k. The C peers
 * get the same warm-up (their first messages fault in their buffers).
 */
const WARM_IN_PROCESS = quick ? 20_000 : 50_000;
/** messages/s of the udp scenario's warm-up: below the lowest measured rate, taken in full by every system */
const UDP_WARM_RATE = 10_000;

function log(s) {
  process.stderr.write(`[bench] ${s}\n`);
}

/**
 * UDP receivers need a kernel receive buffer larger than Linux's default cap (net.core.rmem_max,
 * often 208 KiB-4 MiB) to ride out bursts: raise the cap as a syslog host would be tuned (root
 * only; noted when it cannot be done). Every system under test then asks for 64 MiB.
 */
function tuneUdp() {
  const want = 67108864;
  try {
    const cur = Number(readFileSync('/proc/sys/net/core/rmem_max', 'utf8'));
    if (cur < want) writeFileSync('/proc/sys/net/core/rmem_max', String(want));
    notes.push(`udp: net.core.rmem_max=${readFileSync('/proc/sys/net/core/rmem_max', 'utf8').trim()}; each receiver asks for a 64 MiB socket buffer (syslog-ecs's default; rsyslog rcvbufSize, syslog-ng so_rcvbuf set to the same)`);
  } catch (e) {
    notes.push(`udp: could not raise net.core.rmem_max (${e.message}); receivers get the kernel's cap`);
  }
}

function ensurePeers() {
  if (existsSync(LOGGEN) && spawnSync('which', ['rsyslogd']).status === 0) return;
  log('installing peers (scripts/install-peers)');
  execFileSync('bash', ['scripts/install-peers'], { stdio: 'inherit' });
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
}

/** CPU seconds (user+system) and peak RSS (MB) of a live process, from /proc. */
function procUsage(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(f[11]) + Number(f[12]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    // stime apart: the kernel's share (socket reads, and above all page cache for the file writes)
    return { cpu_s: ticks / 100, sys_s: Number(f[12]) / 100, rss_mb: hwm ? Number(hwm[1]) / 1024 : 0 };
  } catch {
    return null;
  }
}

/** Total bytes of the files in dir (cheap: one stat per file). */
function dirBytes(dir) {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const f of readdirSync(dir)) {
    try {
      n += statSync(join(dir, f)).size;
    } catch { /* rotated away */ }
  }
  return n;
}

/**
 * Waits until the output stops growing (no change for quietMs) and returns the time of its last
 * change: the moment the last event was written. Polls sizes, not contents, so it costs the system
 * under test nothing.
 */
async function waitSettled(dir, quietMs) {
  let last = -1, changedAt = Date.now();
  for (;;) {
    await sleep(100);
    const b = dirBytes(dir);
    if (b !== last) {
      last = b;
      changedAt = Date.now();
    } else if (Date.now() - changedAt >= quietMs) return changedAt;
  }
}

function countLines(dir) {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (!statSync(p).isFile()) continue;
    const r = spawnSync('wc', ['-l', p], { encoding: 'utf8' });
    n += Number(r.stdout.trim().split(/\s+/)[0] || 0);
  }
  return n;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitReady(proc, pattern, ms) {
  let err = '';
  proc.stderr?.on('data', (d) => (err += d));
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (pattern.test(err)) return () => err;
    if (proc.exitCode !== null) throw new Error('exited: ' + err);
    await sleep(50);
  }
  throw new Error('not ready: ' + err);
}

// ---------------------------------------------------------------- systems under test

async function startSyslogEcs(proto, port, out) {
  const p = spawn(process.execPath, ['dist/cli.js', 'run', '--listen', `${proto}://127.0.0.1:${port}`, '--output', `file:${out}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  const err = await waitReady(p, /syslog-ecs: ready/, 20000);
  return { name: 'syslog-ecs', proc: p, pid: p.pid, stderr: err, note: 'parses to ECS (syslog + vendor + JSON documents)' };
}

/** syslog-ecs with `pipeline.workers: 1`: the main thread keeps the socket and the file, a worker parses. */
async function startSyslogEcsWorker(proto, port, out) {
  const cfgDir = mkdtempSync(join(tmpdir(), 'bench-cfg-'));
  const cfg = join(cfgDir, 'syslog-ecs.yml');
  writeFileSync(cfg, `listeners: [{url: "${proto}://127.0.0.1:${port}"}]\noutputs: [{url: "file:${out}"}]\npipeline: {workers: 1}\nhttp: {listen: ""}\n`);
  const p = spawn(process.execPath, ['dist/cli.js', 'run', '--config', cfg], { stdio: ['ignore', 'ignore', 'pipe'] });
  p.on('exit', () => rmSync(cfgDir, { recursive: true, force: true }));
  const err = await waitReady(p, /syslog-ecs: ready/, 20000);
  return { name: 'syslog-ecs, 1 parser worker', proc: p, pid: p.pid, stderr: err, note: 'as syslog-ecs, parsing on a worker thread (pipeline.workers: 1)' };
}

async function startRsyslog(proto, port, out) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-rsyslog-'));
  mkdirSync(out, { recursive: true });
  const mod = proto === 'tcp' ? 'imtcp' : 'imudp';
  writeFileSync(join(dir, 'r.conf'), [
    `global(workDirectory="${dir}")`,
    `module(load="${mod}")`,
    proto === 'udp' ? `input(type="imudp" port="${port}" address="127.0.0.1" rcvbufSize="64m")` : `input(type="${mod}" port="${port}" address="127.0.0.1")`,
    `action(type="omfile" file="${out}/messages.log" asyncWriting="on" ioBufferSize="256k" flushOnTXEnd="off")`,
    '',
  ].join('\n'));
  const p = spawn('rsyslogd', ['-n', '-f', join(dir, 'r.conf'), '-i', join(dir, 'pid')], { stdio: ['ignore', 'ignore', 'pipe'] });
  await sleep(1000);
  return { name: 'rsyslog', proc: p, pid: p.pid, note: 'writes the line (no parsing to JSON)' };
}

async function startSyslogNg(proto, port, out) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sng-'));
  mkdirSync(out, { recursive: true });
  writeFileSync(join(dir, 's.conf'), [
    '@version: 3.38',
    'options { flush_lines(1000); log_fifo_size(100000); };',
    `source s_net { network(ip("127.0.0.1") port(${port}) transport("${proto}") flags(no-parse) log_iw_size(100000) max_connections(10)${proto === 'udp' ? ' so_rcvbuf(67108864)' : ''}); };`,
    `destination d_file { file("${out}/messages.log"); };`,
    'log { source(s_net); destination(d_file); };',
    '',
  ].join('\n'));
  const p = spawn(SYSLOGNG, ['-F', '-f', join(dir, 's.conf'), '-R', join(dir, 'persist'), '-p', join(dir, 'pid'), '-c', join(dir, 'ctl'), '--no-caps'], { stdio: ['ignore', 'ignore', 'pipe'] });
  await sleep(1000);
  if (p.exitCode !== null) throw new Error('syslog-ng did not start');
  return { name: 'syslog-ng', proc: p, pid: p.pid, note: 'writes the line (no parsing to JSON)' };
}

function stopProc(p) {
  return new Promise((resolve) => {
    if (p.exitCode !== null) return resolve();
    p.once('exit', () => resolve());
    p.kill('SIGTERM');
    setTimeout(() => p.kill('SIGKILL'), 15000).unref();
  });
}

function ledgerOf(stderr) {
  const m = /ledger: (.*?) \|/.exec(stderr);
  const out = {};
  if (m) for (const kv of m[1].matchAll(/(\w+)=(\d+)/g)) out[kv[1]] = Number(kv[2]);
  return out;
}

// ---------------------------------------------------------------- scenarios

async function scenarioParse() {
  const r = spawnSync(process.execPath, ['dist/bench/parse.bench.js', '--seconds', quick ? '1' : '3'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const j = JSON.parse(r.stdout.trim().split('\n').pop());
  results.push({ scenario: 'parse', system: 'syslog-ecs', events_per_s: j.events_per_s, per_family: j.per_family_events_per_s,
    header_rfc5424_per_s: j.header_rfc5424_per_s, header_rfc3164_per_s: j.header_rfc3164_per_s,
    note: 'mixed corpus of all families, one event at a time (pipeline.workers: 0, the default); target >= 150k' });
  results.push({ scenario: 'parse', system: 'syslog-ecs, batches', events_per_s: j.batched_events_per_s,
    note: `the same corpus in batches of ${j.batch_events} grouped by parser, as a parser worker runs a full batch (pipeline.workers >= 1)` });
}

/** A system listening on a free port and writing under a fresh directory; null (noted) when it did not start. */
async function startOn(proto, start) {
  const port = await freePort();
  const out = mkdtempSync(join(tmpdir(), 'bench-out-'));
  try {
    return { sys: await start(proto, port, out), port, out };
  } catch (e) {
    notes.push(`${proto}: ${start.name} did not start: ${e.message}`);
    return null;
  }
}

/** One loggen run over TCP into one system; null when it did not start. */
async function tcpOnce(start, n) {
  const started = await startOn('tcp', start);
  if (started === null) return null;
  const { sys, port, out } = started;
  // the untimed warm-up in the same process (WARM_IN_PROCESS), until its lines are written
  const warm = WARM_IN_PROCESS;
  spawnSync(LOGGEN, ['-i', '-S', '-Q', '-I', '600', '-n', String(warm), '-r', '10000000', '127.0.0.1', String(port)], { encoding: 'utf8', timeout: 600000 });
  const warmUntil = Date.now() + 60000;
  while (countLines(out) < warm && Date.now() < warmUntil) await sleep(100);
  const warmGot = countLines(out);
  const warmBytes = dirBytes(out);
  if (warmGot < warm) notes.push(`tcp ${sys.name}: ${warmGot} of the ${warm} warm-up messages written`);
  const t0 = Date.now();
  const cpu0 = procUsage(sys.pid);
  const gen = spawnSync(LOGGEN, ['-i', '-S', '-Q', '-I', '600', '-n', String(n), '-r', '10000000', '127.0.0.1', String(port)], { encoding: 'utf8', timeout: 600000 });
  if (gen.status !== 0) notes.push(`tcp ${sys.name}: loggen exited ${gen.status}: ${gen.stderr.slice(-200)}`);
  // done when the output stops growing: rate = events / (last write - start)
  const doneAt = await waitSettled(out, 3000);
  const got = countLines(out) - warmGot;
  const outBytes = dirBytes(out) - warmBytes;
  const elapsed = (doneAt - t0) / 1000;
  const u = procUsage(sys.pid);
  await stopProc(sys.proc);
  const written = countLines(out);
  const final = written - warmGot;
  const row = {
    scenario: 'tcp', system: sys.name, messages: n, events: final, events_per_s: Math.round(got / elapsed),
    cpu_s_per_1m: u && cpu0 ? +(((u.cpu_s - cpu0.cpu_s) / Math.max(got, 1)) * 1e6).toFixed(2) : null,
    // of which in the kernel; and what each message became in the file (the peers write the line)
    sys_s_per_1m: u && cpu0 ? +(((u.sys_s - cpu0.sys_s) / Math.max(got, 1)) * 1e6).toFixed(2) : null,
    out_bytes_per_msg: got > 0 ? Math.round(outBytes / got) : null,
    rss_mb: u ? +u.rss_mb.toFixed(1) : null, note: sys.note,
  };
  if (sys.name.startsWith('syslog-ecs')) {
    // over the warm-up and the measured messages: every one sent is received and written
    const l = ledgerOf(sys.stderr());
    row.unaccounted = n + warm - (l.received ?? 0);
    row.lost = n + warm - written;
  }
  rmSync(out, { recursive: true, force: true });
  return row;
}

const median = (xs) => {
  const a = xs.filter((x) => typeof x === 'number').sort((x, y) => x - y);
  if (a.length === 0) return null;
  return a.length % 2 ? a[(a.length - 1) >> 1] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
};

/**
 * The systems in turn (syslog-ecs also with one parser worker), for several rounds (the order
 * rotating: this 2-vCPU machine's speed drifts by a quarter within minutes, which a single run per
 * system mistakes for a difference); each system's row gives the medians and its rounds, and
 * syslog-ecs's the per-round ratios to rsyslog (rate and CPU per message), the issue's two targets.
 */
async function scenarioTcp() {
  const n = quick ? 200_000 : 1_000_000;
  const rounds = quick ? 1 : 3;
  const starts = [startSyslogEcs, startRsyslog, startSyslogNg, startSyslogEcsWorker];
  const byName = new Map();
  const perRound = [];
  for (let r = 0; r < rounds; r++) {
    const order = [...starts.slice(r % starts.length), ...starts.slice(0, r % starts.length)];
    const round = {};
    for (const start of order) {
      const row = await tcpOnce(start, n);
      if (row === null) continue;
      log(`tcp round ${r + 1}/${rounds} ${JSON.stringify(row)}`);
      round[row.system] = row;
      if (!byName.has(row.system)) byName.set(row.system, []);
      byName.get(row.system).push(row);
    }
    perRound.push(round);
  }
  for (const start of starts) {
    const name = { startSyslogEcs: 'syslog-ecs', startRsyslog: 'rsyslog', startSyslogNg: 'syslog-ng', startSyslogEcsWorker: 'syslog-ecs, 1 parser worker' }[start.name];
    const rows = byName.get(name);
    if (!rows) continue;
    const row = {
      ...rows[0],
      events: Math.min(...rows.map((x) => x.events)),
      events_per_s: Math.round(median(rows.map((x) => x.events_per_s))),
      cpu_s_per_1m: median(rows.map((x) => x.cpu_s_per_1m)),
      sys_s_per_1m: median(rows.map((x) => x.sys_s_per_1m)),
      out_bytes_per_msg: median(rows.map((x) => x.out_bytes_per_msg)),
      rss_mb: Math.max(...rows.map((x) => x.rss_mb ?? 0)),
      rounds: rows.map((x) => ({ events_per_s: x.events_per_s, cpu_s_per_1m: x.cpu_s_per_1m, sys_s_per_1m: x.sys_s_per_1m, rss_mb: x.rss_mb })),
    };
    if (row.sys_s_per_1m !== null && row.out_bytes_per_msg !== null) row.note += `; ${row.sys_s_per_1m} of the CPU s in the kernel, ${row.out_bytes_per_msg} bytes written per message`;
    if (name.startsWith('syslog-ecs')) {
      row.unaccounted = Math.max(...rows.map((x) => x.unaccounted));
      row.lost = Math.max(...rows.map((x) => x.lost));
      const ratios = perRound.filter((p) => p[name] && p.rsyslog).map((p) => ({
        rate: +(p[name].events_per_s / p.rsyslog.events_per_s).toFixed(2),
        cpu: p.rsyslog.cpu_s_per_1m ? +(p[name].cpu_s_per_1m / p.rsyslog.cpu_s_per_1m).toFixed(2) : null,
      }));
      if (ratios.length) {
        row.vs_rsyslog = ratios;
        row.note += `; vs rsyslog per round: ${ratios.map((x) => `${x.rate}x rate, ${x.cpu}x CPU`).join('; ')} (targets >= 0.5x rate, <= 3x CPU)`;
      }
    }
    if (rounds > 1) row.note += `; median of ${rows.length} rounds`;
    results.push(row);
  }
}

async function scenarioUdp() {
  tuneUdp();
  const rates = [10_000, 25_000, 50_000, 100_000];
  const secs = quick ? 2 : 5;
  for (const start of [startSyslogEcs, startRsyslog, startSyslogNg, startSyslogEcsWorker]) {
    for (const rate of rates) {
      const started = await startOn('udp', start);
      if (started === null) break;
      const { sys, port, out } = started;
      const sentOf = (gen, asked) => {
        const sent = /count=(\d+)/.exec(gen.stderr + gen.stdout)?.[1];
        return sent ? Number(sent) : asked;
      };
      // the untimed warm-up in the same process, as in the tcp scenario (WARM_IN_PROCESS), at a
      // rate every system takes in full; what it wrote is not counted below
      const warmGen = spawnSync(LOGGEN, ['-i', '-D', '-Q', '-I', '600', '-n', String(WARM_IN_PROCESS), '-r', String(UDP_WARM_RATE), '127.0.0.1', String(port)], { encoding: 'utf8', timeout: 600000 });
      const warmSent = sentOf(warmGen, WARM_IN_PROCESS);
      await waitSettled(out, 2000);
      const warmGot = countLines(out);
      const n = rate * secs;
      const gen = spawnSync(LOGGEN, ['-i', '-D', '-Q', '-I', '600', '-n', String(n), '-r', String(rate), '127.0.0.1', String(port)], { encoding: 'utf8', timeout: 600000 });
      const sentN = sentOf(gen, n);
      await waitSettled(out, 2000);
      const u = procUsage(sys.pid);
      await stopProc(sys.proc);
      const got = countLines(out) - warmGot;
      const row = { scenario: 'udp', system: sys.name, rate, sent: sentN, received: got, received_ratio: +(got / sentN).toFixed(5), rss_mb: u ? +u.rss_mb.toFixed(1) : null, warm_up: { sent: warmSent, written: warmGot } };
      if (sys.name.startsWith('syslog-ecs')) {
        const l = ledgerOf(sys.stderr());
        // every datagram sent (warm-up included) is either received (written or dropped with a
        // reason) or unaccounted
        row.counted_drops = l.dropped ?? 0;
        row.unaccounted = warmSent + sentN - (l.received ?? 0);
      }
      results.push(row);
      log(`udp ${JSON.stringify(row)}`);
      rmSync(out, { recursive: true, force: true });
    }
  }
}

// ---------------------------------------------------------------- e2e into Elasticsearch

async function esCount(url, index) {
  await fetch(`${url}/${index}/_refresh`, { method: 'POST' }).catch(() => undefined);
  const r = await fetch(`${url}/${index}/_count`).catch(() => null);
  if (!r || !r.ok) return 0;
  return (await r.json()).count ?? 0;
}

/** Index operations done on the primaries of `index` (no refresh needed: counted as they complete). */
async function esIndexed(url, index) {
  const r = await fetch(`${url}/${index}/_stats/indexing?filter_path=_all.primaries.indexing.index_total`).catch(() => null);
  if (!r || !r.ok) return 0;
  return (await r.json())?._all?.primaries?.indexing?.index_total ?? 0;
}

/**
 * Waits until `index` has indexed n documents (or stops growing for 15 s); returns the time it got
 * there and the documents it then holds. Polls the indexing stats rather than refreshing and
 * counting: a refresh every poll would make many small segments for the node to merge (a load of
 * the bench, not of the systems measured), and a document is done when it is indexed.
 */
async function waitCount(url, index, n) {
  let last = -1, changedAt = Date.now();
  for (;;) {
    await sleep(100);
    const c = await esIndexed(url, index);
    if (c >= n) return { at: Date.now(), count: await esCount(url, index) };
    if (c !== last) { last = c; changedAt = Date.now(); }
    else if (Date.now() - changedAt > 15000) return { at: changedAt, count: await esCount(url, index) };
  }
}

/**
 * The ceiling of the e2e scenario: the documents syslog-ecs indexed (read back with their ids), sent
 * straight to `_bulk` by a minimal client (5 MB bodies, 2 at a time, `create` with the same ids)
 * into indices the same templates map (`syslog-ecs-ceiling.*`); only the documents received since
 * `sinceIso` (the round just measured). Returns documents/s.
 */
async function bulkCeiling(url, pattern, sinceIso) {
  const bodies = [];
  let cur = '';
  // the documents received since sinceIso (this round's), by event.created
  const query = { sort: ['_doc'], query: { range: { 'event.created': { gte: sinceIso } } } };
  let r = await fetch(`${url}/${pattern}/_search?scroll=2m&size=5000`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(query) });
  let page = await r.json();
  const scrollId = () => page._scroll_id;
  while (page.hits?.hits?.length) {
    for (const h of page.hits.hits) {
      cur += `{"create":{"_index":${JSON.stringify(h._index.replace(/^syslog-ecs-/, 'syslog-ecs-ceiling.'))},"_id":${JSON.stringify(h._id)}}}\n${JSON.stringify(h._source)}\n`;
      if (cur.length >= 5 * 1024 * 1024) {
        bodies.push(cur);
        cur = '';
      }
    }
    r = await fetch(`${url}/_search/scroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scroll: '2m', scroll_id: scrollId() }) });
    page = await r.json();
  }
  if (cur) bodies.push(cur);
  // the indices exist before the clock starts, as the measured side's did
  const names = new Set();
  for (const b of bodies) for (const m of b.matchAll(/^\{"create":\{"_index":"([^"]+)"/gm)) names.add(m[1]);
  for (const name of names) await fetch(`${url}/${name}`, { method: 'PUT' });
  let docs = 0;
  const t0 = process.hrtime.bigint();
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const res = await fetch(`${url}/_bulk?filter_path=errors`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
      const text = await res.text();
      if (!res.ok || text.includes('"errors":true')) throw new Error(`ceiling bulk failed: ${res.status} ${text.slice(0, 300)}`);
    }
  };
  await Promise.all([worker(), worker()]);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  for (const b of bodies) docs += b.split('\n').length >> 1;
  await deleteIndices(url, 'syslog-ecs-ceiling.*');
  return { docs, rate: docs / secs };
}

/** Deletes the indices a pattern matches (wildcard deletes are refused by default). */
async function deleteIndices(url, pattern) {
  const r = await fetch(`${url}/_cat/indices/${pattern}?h=index&format=json&expand_wildcards=open`).catch(() => null);
  const names = r && r.ok ? (await r.json()).map((x) => x.index) : [];
  if (names.length > 0) await fetch(`${url}/${names.join(',')}`, { method: 'DELETE' }).catch(() => undefined);
}

async function scenarioE2e() {
  const measuredN = quick ? 50_000 : 200_000;
  const esPort = await freePort();
  const start = spawnSync('bash', ['scripts/elasticsearch', 'start'], { encoding: 'utf8', env: { ...process.env, ES_PORT: String(esPort) }, timeout: 600000 });
  if (start.status !== 0) throw new Error('elasticsearch did not start: ' + start.stderr.slice(-300));
  const url = start.stdout.trim().split('\n').pop();
  // A fresh node is a cold JVM: whoever went first was slower. A warm-up round of each system
  // (untimed) comes first, then the measured round, into the same indices: creating an
  // index (once a day in production) is not counted in either side's rate.
  // as many as the measured round: the node's JIT needs a few hundred thousand documents to settle
  // (a quarter of them left the first measured system on a colder node than the others)
  const warmN = measuredN;
  /** n loggen messages into a started system, until its index holds base + n documents; stops it */
  async function measureInto(p, system, port, index, n, base, note) {
    // the untimed warm-up in the same process (WARM_IN_PROCESS), until ES has indexed it
    spawnSync(LOGGEN, ['-i', '-S', '-Q', '-I', '600', '-n', String(WARM_IN_PROCESS), '-r', '10000000', '127.0.0.1', String(port)], { timeout: 600000 });
    const warmed = await waitCount(url, index, base + WARM_IN_PROCESS);
    if (warmed.count < base + WARM_IN_PROCESS) notes.push(`e2e ${system}: ${warmed.count - base} of the ${WARM_IN_PROCESS} warm-up messages indexed`);
    base += WARM_IN_PROCESS;
    const cpu0 = procUsage(p.pid);
    const t0 = Date.now();
    spawnSync(LOGGEN, ['-i', '-S', '-Q', '-I', '600', '-n', String(n), '-r', '10000000', '127.0.0.1', String(port)], { timeout: 600000 });
    const done = await waitCount(url, index, base + n);
    done.count -= base;
    const u = procUsage(p.pid);
    await stopProc(p);
    const row = { scenario: 'e2e', system, messages: n, documents: done.count, events_per_s: Math.round(done.count / ((done.at - t0) / 1000)),
      cpu_s_per_1m: u && cpu0 ? +(((u.cpu_s - cpu0.cpu_s) / Math.max(done.count, 1)) * 1e6).toFixed(2) : null, rss_mb: u ? +u.rss_mb.toFixed(1) : null, note };
    return { row, t0 };
  }
  // syslog-ecs: parse + ECS + bulk into daily indices
  async function runEcs(n, base, measured) {
    const port = await freePort();
    const p = spawn(process.execPath, ['dist/cli.js', 'run', '--listen', `tcp://127.0.0.1:${port}`, '--output', url, '--http', ''], { stdio: ['ignore', 'ignore', 'pipe'] });
    const err = await waitReady(p, /syslog-ecs: ready/, 60000);
    const { row, t0 } = await measureInto(p, 'syslog-ecs', port, 'syslog-ecs-syslog-*', n, base, 'syslog + vendor parsing to ECS, bulk with deterministic ids');
    row.unaccounted = n + WARM_IN_PROCESS - (ledgerOf(err()).received ?? 0);
    if (measured) {
      // the same documents straight to _bulk, in the same run (issue 3: at least 0.8 of it)
      const c = await bulkCeiling(url, 'syslog-ecs-syslog-*', new Date(t0).toISOString());
      row.ceiling_docs_per_s = Math.round(c.rate);
      row.ceiling_documents = c.docs;
      row.ratio_to_ceiling = +(row.events_per_s / c.rate).toFixed(3);
      log(`e2e ${JSON.stringify(row)}`);
    }
    return row;
  }
  // syslog-ng: syslog-parser and the http() destination that elasticsearch-http() expands to
  async function runSyslogNg(n, base, measured) {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'bench-sng-es-'));
    writeFileSync(join(dir, 's.conf'), [
      '@version: 3.38',
      'options { log_fifo_size(100000); };',
      `source s_net { network(ip("127.0.0.1") port(${port}) transport("tcp") log_iw_size(100000)); };`,
      'destination d_es {',
      `  http(url("${url}/_bulk") method("POST") headers("Content-Type: application/x-ndjson")`,
      '    body-suffix("\\n") batch-lines(1000) batch-bytes(5MB) batch-timeout(1000) workers(2)',
      '    body("{ \\"index\\": { \\"_index\\": \\"sng-bench\\" } }\\n$(format-json --scope rfc5424 --scope nv-pairs --key ISODATE)"));',
      '};',
      'log { source(s_net); destination(d_es); };',
      '',
    ].join('\n'));
    const p = spawn(SYSLOGNG, ['-F', '-f', join(dir, 's.conf'), '-R', join(dir, 'persist'), '-p', join(dir, 'pid'), '-c', join(dir, 'ctl'), '--no-caps'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    await sleep(1500);
    if (p.exitCode !== null) throw new Error('syslog-ng (http) did not start: ' + err.slice(-300));
    const { row } = await measureInto(p, 'syslog-ng', port, 'sng-bench', n, base, 'syslog-parser + http() to _bulk (what elasticsearch-http() expands to)');
    if (measured) log(`e2e ${JSON.stringify(row)}`);
    return row;
  }
  // rsyslog: RFC 3164 parsing and omelasticsearch in bulk mode
  async function runRsyslog(n, base, measured) {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'bench-rsyslog-es-'));
    const u = new URL(url);
    writeFileSync(join(dir, 'r.conf'), [
      `global(workDirectory="${dir}")`,
      'module(load="imtcp")',
      'module(load="omelasticsearch")',
      `input(type="imtcp" port="${port}" address="127.0.0.1")`,
      'template(name="esdoc" type="list" option.jsonf="on") {',
      '  property(outname="@timestamp" name="timereported" dateFormat="rfc3339" format="jsonf")',
      '  property(outname="host" name="hostname" format="jsonf")',
      '  property(outname="severity" name="syslogseverity-text" format="jsonf")',
      '  property(outname="facility" name="syslogfacility-text" format="jsonf")',
      '  property(outname="program" name="programname" format="jsonf")',
      '  property(outname="message" name="msg" format="jsonf")',
      '}',
      `action(type="omelasticsearch" server="${u.hostname}" serverport="${u.port}" template="esdoc" searchIndex="rs-bench" esVersion.major="8" bulkmode="on" errorfile="${dir}/es-errors.json" maxbytes="5m" queue.type="linkedlist" queue.size="100000" queue.dequeuebatchsize="1000" action.resumeretrycount="-1")`,
      '',
    ].join('\n'));
    const p = spawn('rsyslogd', ['-n', '-f', join(dir, 'r.conf'), '-i', join(dir, 'pid')], { stdio: ['ignore', 'ignore', 'pipe'] });
    await sleep(1500);
    if (p.exitCode !== null) {
      if (!measured) notes.push('e2e: rsyslog with omelasticsearch did not start (Debian package rsyslog-elasticsearch)');
      return null;
    }
    const { row } = await measureInto(p, 'rsyslog', port, 'rs-bench', n, base, 'RFC 3164 properties + omelasticsearch bulk mode');
    if (measured) log(`e2e ${JSON.stringify(row)}`);
    return row;
  }

  // warm-up (round 0, untimed), then measured rounds, the order of the systems rotating (this
  // machine's speed drifts; one run per system mistook the drift for differences)
  const rounds = quick ? 1 : 3;
  const systems = [runEcs, runSyslogNg, runRsyslog];
  const rows = new Map();
  const perRound = [];
  try {
    for (let round = 0; round <= rounds; round++) {
      const measured = round > 0;
      const order = [...systems.slice(round % 3), ...systems.slice(0, round % 3)];
      const got = {};
      for (const run of order) {
        // each round adds its messages and the in-process warm-up to every index
        const row = await run(measured ? measuredN : warmN, round * (measuredN + WARM_IN_PROCESS), measured);
        if (row === null || !measured) continue;
        got[row.system] = row;
        if (!rows.has(row.system)) rows.set(row.system, []);
        rows.get(row.system).push(row);
      }
      if (measured) perRound.push(got);
    }
  } finally {
    spawnSync('bash', ['scripts/elasticsearch', 'stop'], { env: { ...process.env, ES_PORT: String(esPort) } });
  }
  const summary = (list) => ({
    ...list[0],
    documents: Math.min(...list.map((x) => x.documents)),
    events_per_s: Math.round(median(list.map((x) => x.events_per_s))),
    cpu_s_per_1m: median(list.map((x) => x.cpu_s_per_1m)),
    rss_mb: Math.max(...list.map((x) => x.rss_mb ?? 0)),
    rounds: list.map((x) => ({ events_per_s: x.events_per_s, cpu_s_per_1m: x.cpu_s_per_1m, rss_mb: x.rss_mb, ...(x.ceiling_docs_per_s ? { ceiling_docs_per_s: x.ceiling_docs_per_s, ratio_to_ceiling: x.ratio_to_ceiling } : {}) })),
  });
  const ecsRows = rows.get('syslog-ecs');
  if (ecsRows) {
    const row = summary(ecsRows);
    row.unaccounted = Math.max(...ecsRows.map((x) => x.unaccounted));
    row.ceiling_docs_per_s = Math.round(median(ecsRows.map((x) => x.ceiling_docs_per_s)));
    row.ratio_to_ceiling = +median(ecsRows.map((x) => x.ratio_to_ceiling)).toFixed(3);
    row.note = `syslog + vendor parsing to ECS, bulk with deterministic ids; of the ceiling per round: ${ecsRows.map((x) => x.ratio_to_ceiling).join(', ')} (target >= 0.8)`;
    const vs = perRound.filter((p) => p['syslog-ecs'] && p['syslog-ng']).map((p) => +(p['syslog-ecs'].events_per_s / p['syslog-ng'].events_per_s).toFixed(2));
    if (vs.length) {
      row.vs_syslog_ng = vs;
      row.note += `; vs syslog-ng per round: ${vs.map((x) => x + 'x').join(', ')} (target >= 1x)`;
    }
    if (rounds > 1) row.note += `; median of ${ecsRows.length} rounds`;
    results.push(row);
    results.push({ scenario: 'e2e', system: 'ceiling: the same documents to _bulk', events_per_s: row.ceiling_docs_per_s,
      note: 'syslog-ecs documents read back, sent by a minimal client (5 MB bodies, 2 in flight, create with the same ids)' + (rounds > 1 ? '; median of the rounds' : '') });
  }
  for (const name of ['syslog-ng', 'rsyslog']) {
    const list = rows.get(name);
    if (!list) continue;
    const row = summary(list);
    if (rounds > 1) row.note += `; median of ${list.length} rounds`;
    results.push(row);
  }
}

async function scenarioExtraBenches() {
  const dir = join(ROOT, 'dist/bench');
  if (!existsSync(dir)) return;
  // the scenario benches of the other parts; parse/family/intake are helpers of the scenarios above
  const helpers = new Set(['parse.bench.js', 'family.bench.js', 'intake.bench.js']);
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.bench.js') && !helpers.has(x)).sort()) {
    const name = f.replace('.bench.js', '');
    if (!want(name)) continue;
    log(`running ${f}`);
    const r = spawnSync(process.execPath, [join(dir, f), ...(quick ? ['--quick'] : [])], { encoding: 'utf8', timeout: 900000, env: process.env });
    if (r.status !== 0) {
      notes.push(`${name}: exited ${r.status}: ${(r.stderr || '').slice(-300)}`);
      continue;
    }
    for (const line of r.stdout.trim().split('\n')) {
      try {
        const j = JSON.parse(line);
        // the common columns, named as the other scenarios name them
        const row = { scenario: j.scenario ?? name, system: j.system ?? 'syslog-ecs', ...j };
        if (row.events_per_s === undefined && j.output_docs_per_s !== undefined) row.events_per_s = j.output_docs_per_s;
        if (row.rss_mb === undefined && j.peak_rss_mb !== undefined) row.rss_mb = j.peak_rss_mb;
        if (row.cpu_s_per_1m === undefined && j.cpu_s_per_100k !== undefined) row.cpu_s_per_1m = +(j.cpu_s_per_100k * 10).toFixed(2);
        if (row.note === undefined && j.ratio !== undefined && j.ceiling_docs_per_s !== undefined) row.note = `ratio to the _bulk ceiling ${j.ratio} (ceiling ${j.ceiling_docs_per_s} docs/s, same run)`;
        results.push(row);
      } catch { /* not a result line */ }
    }
  }
}

// ---------------------------------------------------------------- report

function table() {
  const lines = ['| scenario | system | events/s | CPU s / 1M | peak RSS MB | rate | received ratio | unaccounted | note |', '|---|---|---|---|---|---|---|---|---|'];
  for (const r of results) {
    lines.push(`| ${r.scenario} | ${r.system} | ${r.events_per_s ?? ''} | ${r.cpu_s_per_1m ?? ''} | ${r.rss_mb ?? ''} | ${r.rate ?? ''} | ${r.received_ratio ?? ''} | ${r.unaccounted ?? ''} | ${r.note ?? ''} |`);
  }
  const parse = results.find((r) => r.scenario === 'parse');
  if (parse?.per_family) {
    lines.push('', '| family | events/s (parse + normalize, one core) |', '|---|---|');
    for (const [k, v] of Object.entries(parse.per_family)) lines.push(`| ${k} | ${v} |`);
  }
  if (notes.length) lines.push('', ...notes.map((n) => `- ${n}`));
  return lines.join('\n') + '\n';
}

function chart() {
  const rows = results.filter((r) => r.events_per_s && (r.scenario === 'tcp' || r.scenario === 'parse' || r.scenario === 'e2e' || r.scenario === 'kafka'));
  const max = Math.max(1, ...rows.map((r) => r.events_per_s));
  const h = 30 * rows.length + 40;
  const bars = rows.map((r, i) => {
    const w = Math.round((r.events_per_s / max) * 500);
    return `<text x="5" y="${35 + i * 30}" font-size="12">${r.scenario} ${r.system}</text><rect x="200" y="${22 + i * 30}" width="${w}" height="18" fill="${r.system === 'syslog-ecs' ? '#1f77b4' : '#aaa'}"/><text x="${205 + w}" y="${35 + i * 30}" font-size="12">${r.events_per_s.toLocaleString('en')}/s</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="820" height="${h}"><text x="5" y="15" font-size="13" font-weight="bold">syslog-ecs benchmarks (events/s)</text>${bars.join('')}</svg>\n`;
}

const t0 = Date.now();
ensurePeers();
if (!existsSync('dist/cli.js')) execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
// collector -> Kafka and Kafka -> indexer -> Elasticsearch beside the direct path (bench/kafka-tiers.mjs)
const scenarioKafkaTiers = () => scenarioKafka({ quick, log, notes, results, procUsage, freePort, waitReady, stopProc, waitCount, median, sleep, LOGGEN, WARM: WARM_IN_PROCESS });
const faults = async () => {
  const from = results.length;
  await scenarioFaults({ quick, log, notes, results, freePort, procUsage, ledgerOf, tuneUdp, LOGGEN });
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/faults${quick ? '-quick' : ''}.json`, JSON.stringify({ date: new Date().toISOString(), quick, results: results.slice(from) }, null, 1) + '\n');
};
// faults only when asked for: its outages take minutes and it mounts a filesystem
for (const [name, fn] of [['parse', scenarioParse], ['tcp', scenarioTcp], ['udp', scenarioUdp], ['e2e', scenarioE2e], ['kafka', scenarioKafkaTiers], ['faults', faults]]) {
  if (name === 'faults' && !only?.includes('faults')) continue;
  if (!want(name)) continue;
  log(`scenario ${name}`);
  try {
    await fn();
  } catch (e) {
    notes.push(`${name}: ${e.message}`);
    log(`${name} failed: ${e.message}`);
  }
}
await scenarioExtraBenches();
mkdirSync('bench/results', { recursive: true });
const doc = { date: new Date().toISOString(), quick, seconds: Math.round((Date.now() - t0) / 1000), results, notes };
writeFileSync('bench/results/latest.json', JSON.stringify(doc, null, 1) + '\n');
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(doc, null, 1) + '\n');
writeFileSync('bench/results/table.md', table());
writeFileSync('bench/results/chart.svg', chart());
process.stdout.write(table());
