/**
 * `npm run bench -- --only faults [--quick]`: syslog-ecs on bad days, each case against a real
 * collector process.
 *
 *   es-down        Elasticsearch unreachable for OUTAGE seconds (300; --quick 30) while loggen sends
 *                  5k events/s over UDP, with default settings and again with a disk buffer: peak
 *                  RSS, CPU while input goes on, CPU with no input and Elasticsearch still down,
 *                  events lost (sent - indexed), what the ledger counted, time from SIGTERM to exit
 *   disk-full      the file output on a 2 MB tmpfs (root only): 20,000 events, lines in the file
 *                  against the ledger's written, torn lines, and whole lines once there is room
 *   sigkill        SIGKILL mid-stream with a disk buffer, restart on the same buffer: sent, indexed
 *   sighup         SIGHUP with the files renamed away, every second under a TCP load: lines in
 *                  all files against what was sent, the ledger
 *
 * Elasticsearch is a node of scripts/elasticsearch (ES_PORT when set, else a free port) behind an
 * in-process proxy (fault-proxy.mjs) that the outage switches off and on.
 */
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FaultProxy } from './fault-proxy.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const RATE = 5000;

/** `h`: the harness's helpers (run.mjs): log, notes, results, freePort, procUsage, ledgerOf, tuneUdp, LOGGEN, quick */
export async function scenarioFaults(h) {
  const outage = h.quick ? 30 : 300;
  // a syslog host's UDP tuning (net.core.rmem_max), as the udp scenario does
  h.tuneUdp();
  const es = await startEs(h);
  try {
    for (const disk of [false, true]) {
      try {
        h.results.push(await esDown(h, es.url, outage, disk));
      } catch (e) {
        h.notes.push(`faults es-down${disk ? ' (disk buffer)' : ''}: ${e.message}`);
      }
    }
    try {
      h.results.push(await sigtermWhileDown(h, es.url, h.quick ? 30 : 60));
    } catch (e) {
      h.notes.push(`faults sigterm while down: ${e.message}`);
    }
    try {
      h.results.push(await sigkillRestart(h, es.url));
    } catch (e) {
      h.notes.push(`faults sigkill: ${e.message}`);
    }
  } finally {
    if (es.started) spawnSync('bash', ['scripts/elasticsearch', 'stop'], { env: { ...process.env, ES_PORT: String(es.port) } });
  }
  for (const [name, fn] of [['disk-full', diskFull], ['sighup', sighupUnderLoad]]) {
    try {
      h.results.push(await fn(h));
    } catch (e) {
      h.notes.push(`faults ${name}: ${e.message}`);
    }
  }
}

async function startEs(h) {
  const port = process.env.ES_PORT ? Number(process.env.ES_PORT) : await h.freePort();
  const env = { ...process.env, ES_PORT: String(port) };
  const status = spawnSync('bash', ['scripts/elasticsearch', 'status'], { encoding: 'utf8', env });
  if (status.status === 0) return { url: status.stdout.trim().split('\n').pop(), port, started: false };
  const r = spawnSync('bash', ['scripts/elasticsearch', 'start'], { encoding: 'utf8', env, timeout: 600_000 });
  if (r.status !== 0) throw new Error('elasticsearch did not start: ' + r.stderr.slice(-300));
  return { url: r.stdout.trim().split('\n').pop(), port, started: true };
}

/** A collector process on a config file; `http` is its /health and /metrics base URL. */
async function startCollector(cfgText) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-faults-'));
  const cfg = join(dir, 'c.yaml');
  writeFileSync(cfg, cfgText);
  const proc = spawn(process.execPath, ['dist/cli.js', 'run', '--config', cfg], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (d) => (err += d));
  const exited = new Promise((r) => proc.on('exit', (code, signal) => r({ code, signal })));
  const end = Date.now() + 60_000;
  while (!err.includes('syslog-ecs: ready')) {
    if (proc.exitCode !== null || Date.now() > end) {
      proc.kill('SIGKILL');
      throw new Error('collector did not start: ' + err.slice(-500));
    }
    await sleep(50);
  }
  const http = /http on (http:\/\/\S+)/.exec(err)?.[1] ?? null;
  const port = (proto) => Number(new RegExp(`listening on ${proto}://[^\\s]*:(\\d+)`).exec(err)?.[1]);
  return { proc, dir, http, port, stderr: () => err, exited };
}

async function metric(http, re) {
  const r = await fetch(http + '/metrics').catch(() => null);
  if (!r) return 0;
  const m = re.exec(await r.text());
  return m ? Number(m[1]) : 0;
}

async function esIndexed(url, pattern) {
  await fetch(`${url}/${pattern}/_refresh`, { method: 'POST' }).catch(() => undefined);
  const r = await fetch(`${url}/${pattern}/_count`).catch(() => null);
  return r && r.ok ? (await r.json()).count ?? 0 : 0;
}

async function stopTimed(c, signal = 'SIGTERM') {
  const t0 = Date.now();
  c.proc.kill(signal);
  const { code } = await c.exited;
  return { code, ms: Date.now() - t0 };
}

function loggenUdp(h, port, seconds) {
  return spawn(h.LOGGEN, ['-i', '-D', '-Q', '-r', String(RATE), '-s', '600', '-I', String(seconds), '127.0.0.1', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function loggenSent(out) {
  const m = /count=(\d+)/.exec(out);
  return m ? Number(m[1]) : null;
}

/** Elasticsearch down for `outage` s under 5k events/s of UDP; back up at the end. */
async function esDown(h, esUrl, outage, withDisk) {
  const prefix = `bench-faults-${withDisk ? 'disk' : 'mem'}-${Date.now().toString(36)}`;
  const proxy = new FaultProxy(new URL(esUrl).hostname, Number(new URL(esUrl).port));
  const proxyPort = await proxy.up();
  const diskDir = withDisk ? mkdtempSync(join(tmpdir(), 'bench-faults-buffer-')) : null;
  const c = await startCollector([
    'listeners:',
    '  - url: udp://127.0.0.1:0',
    'outputs:',
    `  - url: http://127.0.0.1:${proxyPort}`,
    '    elasticsearch:',
    `      index_template: "${prefix}-{dataset}-{yyyy.MM.dd}"`,
    `      template_name: ${prefix}`,
    `      dead_letter: { index: ${prefix}-dead-letter }`,
    ...(withDisk ? ['      disk_buffer:', `        path: ${diskDir}`, `        max_bytes: ${8 * 1024 ** 3}`] : []),
    'http:',
    '  listen: 127.0.0.1:0',
  ].join('\n') + '\n');
  const pid = c.proc.pid;
  let peak = 0;
  const sampler = setInterval(() => {
    const u = h.procUsage(pid);
    if (u) peak = Math.max(peak, u.rss_mb);
  }, 1000);
  const label = withDisk ? 'es-down, disk buffer' : 'es-down, default settings';
  h.log(`faults ${label}: ${outage} s outage at ${RATE}/s`);
  // 5 s with Elasticsearch up (templates in, first bulks), then the outage, the input going on
  const gen = loggenUdp(h, c.port('udp'), 5 + outage);
  let genOut = '';
  gen.stdout.on('data', (d) => (genOut += d));
  gen.stderr.on('data', (d) => (genOut += d));
  const genDone = new Promise((r) => gen.on('exit', r));
  await sleep(5000);
  await proxy.down();
  const cpuOutage0 = h.procUsage(pid);
  await genDone;
  const cpuOutage1 = h.procUsage(pid);
  const sent = loggenSent(genOut) ?? RATE * (5 + outage);
  // no input, Elasticsearch still down: what does it cost to wait?
  const idleS = h.quick ? 10 : 30;
  const idle0 = h.procUsage(pid);
  await sleep(idleS * 1000);
  const idle1 = h.procUsage(pid);
  const pendingDown = await metric(c.http, /^syslog_ecs_output_pending_events\{[^}]*\} (\d+)/m);
  // back up: everything held is delivered
  await proxy.up();
  const backAt = Date.now();
  let pending = pendingDown;
  while (Date.now() - backAt < 600_000) {
    pending = await metric(c.http, /^syslog_ecs_output_pending_events\{[^}]*\} (\d+)/m);
    if (pending === 0) break;
    await sleep(500);
  }
  const drainS = (Date.now() - backAt) / 1000;
  const stop = await stopTimed(c);
  clearInterval(sampler);
  await proxy.down();
  const l = h.ledgerOf(c.stderr());
  const indexed = await esIndexed(esUrl, `${prefix}-*`);
  const dropped = l.dropped ?? 0;
  const row = {
    scenario: 'faults', system: label, outage_s: outage, rate: RATE, sent, received: l.received, indexed,
    lost: sent - indexed, counted_drops: dropped, unaccounted: sent - indexed - dropped - (l.dead_lettered ?? 0),
    rss_mb: +peak.toFixed(1),
    cpu_pct_outage: cpuOutage0 && cpuOutage1 ? +((100 * (cpuOutage1.cpu_s - cpuOutage0.cpu_s)) / outage).toFixed(1) : null,
    cpu_pct_idle: idle0 && idle1 ? +((100 * (idle1.cpu_s - idle0.cpu_s)) / idleS).toFixed(2) : null,
    pending_at_end_of_outage: pendingDown, drain_s: +drainS.toFixed(1), pending_after: pending,
    sigterm_ms: stop.ms, exit_code: stop.code, ledger: l,
  };
  const reasons = Object.entries(l).filter(([k, v]) => !['received', 'written', 'dead_lettered', 'dropped', 'in_flight'].includes(k) && v > 0).map(([k, v]) => `${k}=${v}`).join(' ');
  row.note = `${sent} sent, ${indexed} indexed, lost ${row.lost} (counted drops ${dropped}${reasons ? ': ' + reasons : ''}); CPU ${row.cpu_pct_outage}% of a core during the outage, ${row.cpu_pct_idle}% with no input; ${pendingDown} held at the end of the outage, delivered in ${row.drain_s} s; SIGTERM to exit ${stop.ms} ms (code ${stop.code})`;
  h.log(`faults ${JSON.stringify(row)}`);
  if (diskDir) rmSync(diskDir, { recursive: true, force: true });
  rmSync(c.dir, { recursive: true, force: true });
  return row;
}

/** SIGTERM while Elasticsearch is still down after `outage` s under 5k events/s (default settings). */
async function sigtermWhileDown(h, esUrl, outage) {
  const prefix = `bench-faults-term-${Date.now().toString(36)}`;
  const proxy = new FaultProxy(new URL(esUrl).hostname, Number(new URL(esUrl).port));
  const proxyPort = await proxy.up();
  const c = await startCollector([
    'listeners:', '  - url: udp://127.0.0.1:0', 'outputs:', `  - url: http://127.0.0.1:${proxyPort}`, '    elasticsearch:',
    `      index_template: "${prefix}-{dataset}-{yyyy.MM.dd}"`, `      template_name: ${prefix}`, `      dead_letter: { index: ${prefix}-dead-letter }`,
    'http:', '  listen: 127.0.0.1:0',
  ].join('\n') + '\n');
  const grace = 2000;
  const gen = loggenUdp(h, c.port('udp'), 5 + outage + 30);
  await sleep(5000);
  await proxy.down();
  await sleep(outage * 1000);
  const held = await metric(c.http, /^syslog_ecs_output_pending_events\{[^}]*\} (\d+)/m);
  const stop = await stopTimed(c);
  gen.kill();
  const l = h.ledgerOf(c.stderr());
  rmSync(c.dir, { recursive: true, force: true });
  const row = {
    scenario: 'faults', system: 'sigterm while Elasticsearch is down', outage_s: outage, rate: RATE, held_at_sigterm: held,
    sigterm_ms: stop.ms, bound_ms: grace + 5000, exit_code: stop.code, ledger: l, unaccounted: (l.in_flight ?? 0),
    note: `input at ${RATE}/s and Elasticsearch down for ${outage} s, ${held} events held: SIGTERM to exit ${stop.ms} ms (bound: shutdown_grace_ms ${grace} + 5000), exit ${stop.code}, ledger printed: ${l.shutdown ?? 0} dropped (shutdown), in flight ${l.in_flight}`,
  };
  h.log(`faults ${JSON.stringify(row)}`);
  return row;
}

/** SIGKILL mid-stream (disk buffer, Elasticsearch reachable), restart on the same buffer. */
async function sigkillRestart(h, esUrl) {
  const n = h.quick ? 50_000 : 200_000;
  const prefix = `bench-faults-kill-${Date.now().toString(36)}`;
  const diskDir = mkdtempSync(join(tmpdir(), 'bench-faults-buffer-'));
  const cfg = (port) => [
    'listeners:',
    `  - url: tcp://127.0.0.1:${port}`,
    'outputs:',
    `  - url: ${esUrl}`,
    '    elasticsearch:',
    `      index_template: "${prefix}-{dataset}-{yyyy.MM.dd}"`,
    `      template_name: ${prefix}`,
    `      dead_letter: { index: ${prefix}-dead-letter }`,
    '      disk_buffer:',
    `        path: ${diskDir}`,
    'http:',
    '  listen: 127.0.0.1:0',
  ].join('\n') + '\n';
  const port = await h.freePort();
  const first = await startCollector(cfg(port));
  // loggen over TCP at 20k/s; the collector is killed once half is received
  const gen = spawn(h.LOGGEN, ['-i', '-S', '-Q', '--reconnect', '-r', '20000', '-s', '300', '-n', String(n), '127.0.0.1', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let genOut = '';
  gen.stdout.on('data', (d) => (genOut += d));
  gen.stderr.on('data', (d) => (genOut += d));
  const genDone = new Promise((r) => gen.on('exit', r));
  while ((await metric(first.http, /^syslog_ecs_ledger_in_total (\d+)/m)) < n / 2) await sleep(100);
  const receivedBeforeKill = await metric(first.http, /^syslog_ecs_ledger_in_total (\d+)/m);
  await stopTimed(first, 'SIGKILL');
  const second = await startCollector(cfg(port));
  await Promise.race([genDone, sleep(120_000)]);
  gen.kill();
  const sent = loggenSent(genOut) ?? n;
  let indexed = 0;
  let last = -1, stableSince = Date.now();
  while (Date.now() - stableSince < 10_000) {
    await sleep(1000);
    indexed = await esIndexed(esUrl, `${prefix}-*`);
    if (indexed !== last) {
      last = indexed;
      stableSince = Date.now();
    }
    if (indexed >= sent) break;
  }
  const stop = await stopTimed(second);
  const l = h.ledgerOf(second.stderr());
  rmSync(diskDir, { recursive: true, force: true });
  const row = {
    scenario: 'faults', system: 'sigkill and restart, disk buffer', sent, received_before_kill: receivedBeforeKill, indexed,
    lost: sent - indexed, ledger_after_restart: l, exit_code: stop.code,
    note: `${sent} sent over TCP (loggen --reconnect), SIGKILL after ${receivedBeforeKill} received, restart on the same disk buffer: ${indexed} indexed (ids are deterministic: a replay does not duplicate); ${sent - indexed} lost: what the killed process held in memory and had not spilled`,
  };
  h.log(`faults ${JSON.stringify(row)}`);
  return row;
}

/** The file output on a 2 MB tmpfs. */
async function diskFull(h) {
  if (process.getuid?.() !== 0) throw new Error('needs root (mounts a tmpfs)');
  const n = 20_000;
  const mnt = mkdtempSync(join(tmpdir(), 'bench-faults-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mnt]);
  try {
    const out = join(mnt, 'out');
    const c = await startCollector(['listeners:', '  - url: tcp://127.0.0.1:0', 'outputs:', `  - url: file:${out}`, '    flush_interval_ms: 100', 'http:', '  listen: 127.0.0.1:0'].join('\n') + '\n');
    const port = c.port('tcp');
    const settled = async (want) => {
      for (;;) {
        const w = await metric(c.http, /^syslog_ecs_ledger_written_total (\d+)/m);
        const e = await metric(c.http, /^syslog_ecs_ledger_dropped_total\{reason="output_error"\} (\d+)/m);
        if (w + e >= want) return { written: w, errors: e };
        await sleep(100);
      }
    };
    spawnSync(h.LOGGEN, ['-i', '-S', '-Q', '-r', '100000', '-s', '300', '-n', String(n), '127.0.0.1', String(port)], { timeout: 120_000 });
    const full = await settled(n);
    const scan = () => {
      let lines = 0, torn = 0;
      for (const f of readdirSync(out)) {
        const text = readFileSync(join(out, f), 'utf8');
        for (const line of text.split('\n')) {
          if (line === '') continue;
          try {
            JSON.parse(line);
            lines++;
          } catch {
            torn++;
          }
        }
      }
      return { lines, torn };
    };
    const atFull = scan();
    execFileSync('mount', ['-o', 'remount,size=64m', mnt]);
    spawnSync(h.LOGGEN, ['-i', '-S', '-Q', '-r', '100000', '-s', '300', '-n', '1000', '127.0.0.1', String(port)], { timeout: 60_000 });
    const after = await settled(n + 1000);
    const atRoom = scan();
    const stop = await stopTimed(c);
    const l = h.ledgerOf(c.stderr());
    const row = {
      scenario: 'faults', system: 'disk full, file output', sent: n + 1000, written: l.written, output_error: l.output_error ?? 0,
      lines_at_full: atFull.lines, written_at_full: full.written, torn_lines: atFull.torn + atRoom.torn,
      lines_after_room: atRoom.lines, written_after_room: after.written, exit_code: stop.code,
      unaccounted: n + 1000 - (l.received ?? 0),
      note: `2 MB tmpfs, ${n} events: ${full.written} written = ${atFull.lines} whole lines in the file, ${full.errors} counted output_error, ${atFull.torn} torn lines; room again, 1000 more: ${atRoom.lines} lines = ${after.written} written, ${atRoom.torn} torn`,
    };
    h.log(`faults ${JSON.stringify(row)}`);
    return row;
  } finally {
    execFileSync('umount', [mnt]);
    rmSync(mnt, { recursive: true, force: true });
  }
}

/** SIGHUP every second with the output files renamed away, under a TCP load. */
async function sighupUnderLoad(h) {
  const n = h.quick ? 100_000 : 400_000;
  const base = mkdtempSync(join(tmpdir(), 'bench-faults-hup-'));
  const out = join(base, 'out');
  mkdirSync(out);
  const c = await startCollector(['listeners:', '  - url: tcp://127.0.0.1:0', 'outputs:', `  - url: file:${out}`, 'http:', '  listen: 127.0.0.1:0'].join('\n') + '\n');
  const gen = spawn(h.LOGGEN, ['-i', '-S', '-Q', '-r', '20000', '-s', '300', '-n', String(n), '127.0.0.1', String(c.port('tcp'))], { stdio: ['ignore', 'pipe', 'pipe'] });
  let genOut = '';
  gen.stdout.on('data', (d) => (genOut += d));
  gen.stderr.on('data', (d) => (genOut += d));
  let running = true;
  gen.on('exit', () => (running = false));
  let hups = 0;
  while (running) {
    await sleep(1000);
    for (const f of readdirSync(out)) if (f.endsWith('.ndjson')) renameSync(join(out, f), join(out, `${f}.${hups}`));
    c.proc.kill('SIGHUP');
    hups++;
  }
  const sent = loggenSent(genOut) ?? n;
  while ((await metric(c.http, /^syslog_ecs_ledger_written_total (\d+)/m)) < sent && c.proc.exitCode === null) await sleep(200);
  const alive = c.proc.exitCode === null;
  const stop = await stopTimed(c);
  const l = h.ledgerOf(c.stderr());
  let lines = 0;
  for (const f of readdirSync(out)) {
    const b = readFileSync(join(out, f));
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++;
  }
  rmSync(base, { recursive: true, force: true });
  const row = {
    scenario: 'faults', system: 'sighup under load, file output', sent, hups, lines, ledger: l, exit_code: stop.code, alive_after_hups: alive,
    unaccounted: sent - (l.received ?? 0), lost: sent - lines,
    note: `${sent} sent over TCP at 20k/s, ${hups} SIGHUPs with the files renamed away: ${lines} lines in the rotated and new files, ledger written ${l.written}, in flight ${l.in_flight}; ${alive ? 'running' : 'ended'} after them, exit ${stop.code}`,
  };
  h.log(`faults ${JSON.stringify(row)}`);
  return row;
}
