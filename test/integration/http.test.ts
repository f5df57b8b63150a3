/**
 * The HTTP endpoint of a running collector (`dist/cli.js run --http 127.0.0.1:0`): /health,
 * /metrics (Prometheus text, the loss ledger adds up) and the status page, rendered by headless
 * Chromium (Debian's, driven by playwright-core): the page shows the senders, their detected
 * family, the unparsed samples beside what was extracted, output health; a message carrying HTML
 * and script is shown as text and never run. The screenshot is saved and checked to be a real
 * rendering (not blank).
 */
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { existsSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { startCollector, tempDir, waitFor, ledger, type Collector } from '../helpers/collector.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];
export const SCREENSHOT = '/tmp/syslog-ecs-status-page.png';

const ASA_OK = '<166>Jan 22 2024 10:00:01: %ASA-6-302013: Built outbound TCP connection 123 for outside:8.8.8.8/53 (8.8.8.8/53) to inside:10.0.0.1/5353 (10.0.0.1/5353)';
const ASA_UNKNOWN = '<166>Jan 22 2024 10:00:02: %ASA-6-999999: a message id nobody knows about';
const HOSTILE = '<13>Feb  5 17:32:18 evil-host app: <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> "quoted" & done';

function sendUdp(port: number, msgs: string[]): Promise<void> {
  const s = createSocket('udp4');
  return new Promise((resolve, reject) => {
    let left = msgs.length;
    for (const m of msgs) {
      s.send(Buffer.from(m), port, '127.0.0.1', (err) => {
        if (err) reject(err);
        if (--left === 0) {
          s.close();
          resolve();
        }
      });
    }
  });
}

function sendTcp(port: number, msgs: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const c = connect(port, '127.0.0.1', () => {
      c.end(msgs.map((m) => m + '\n').join(''));
    });
    c.on('close', () => resolve());
    c.on('error', reject);
  });
}

/** Parses Prometheus text exposition: `name{labels}` -> value. */
function parseMetrics(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const sp = line.lastIndexOf(' ');
    m.set(line.slice(0, sp), Number(line.slice(sp + 1)));
  }
  return m;
}

/** Decodes a PNG's pixel rows (8-bit RGB/RGBA, as Chromium writes) enough to tell a blank image. */
function pngStats(png: Buffer): { width: number; height: number; distinctColours: number; darkShare: number } {
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  let off = 8;
  let width = 0, height = 0, colourType = 0;
  const idat: Buffer[] = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.subarray(off + 4, off + 8).toString();
    const data = png.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      colourType = data[9]!;
    } else if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const bpp = colourType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const cur = Buffer.alloc(stride);
  const prev = Buffer.alloc(stride);
  const colours = new Set<number>();
  let dark = 0;
  for (let y = 0; y < height; y++) {
    const base = y * (stride + 1);
    const filter = raw[base]!;
    for (let x = 0; x < stride; x++) {
      const r = raw[base + 1 + x]!;
      const a = x >= bpp ? cur[x - bpp]! : 0;
      const b = prev[x]!;
      const c = x >= bpp ? prev[x - bpp]! : 0;
      let v: number;
      if (filter === 0) v = r;
      else if (filter === 1) v = r + a;
      else if (filter === 2) v = r + b;
      else if (filter === 3) v = r + ((a + b) >> 1);
      else {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v = r + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      cur[x] = v & 0xff;
    }
    for (let x = 0; x < stride; x += bpp) {
      const rgb = (cur[x]! << 16) | (cur[x + 1]! << 8) | cur[x + 2]!;
      if (colours.size < 10_000) colours.add(rgb);
      if (cur[x]! + cur[x + 1]! + cur[x + 2]! < 200) dark++;
    }
    cur.copy(prev);
  }
  return { width, height, distinctColours: colours.size, darkShare: dark / (width * height) };
}

describe('HTTP endpoint: health, metrics, status page', () => {
  let col: Collector;
  let base: string;
  const out = tempDir('syslog-ecs-http-');

  beforeAll(async () => {
    col = await startCollector([
      '--listen', 'udp://127.0.0.1:0', '--listen', 'tcp://127.0.0.1:0', '--output', `file:${out}`, '--http', '127.0.0.1:0',
    ]);
    const m = /http on (http:\/\/\S+)/.exec(col.stderr());
    if (!m) throw new Error('no http line in:\n' + col.stderr());
    base = m[1]!;
    await sendUdp(col.port('udp'), [ASA_OK, ASA_OK, ASA_UNKNOWN]);
    await sendTcp(col.port('tcp'), [HOSTILE, HOSTILE]);
    await waitFor(() => col.stderr().includes('ready'), 1000, 'ready');
  });

  afterAll(async () => {
    if (col) await col.stop();
  });

  async function received(): Promise<number> {
    const r = await fetch(base + '/metrics');
    const m = parseMetrics(await r.text());
    return m.get('syslog_ecs_ledger_in_total') ?? 0;
  }

  test('/health answers 200 with the listeners and outputs', async () => {
    const r = await fetch(base + '/health');
    expect(r.status).toBe(200);
    const h = (await r.json()) as { status: string; listeners: { up: boolean; url: string }[]; outputs: { name: string; ok: boolean }[] };
    expect(h.status).toBe('ok');
    expect(h.listeners).toHaveLength(2);
    expect(h.listeners.every((l) => l.up)).toBe(true);
    expect(h.outputs).toEqual([expect.objectContaining({ name: `file:${out}`, ok: true })]);
    const post = await fetch(base + '/health', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect((await fetch(base + '/nope')).status).toBe(404);
  });

  test('/metrics: per sender counts and a ledger that adds up', async () => {
    const deadline = Date.now() + 10_000;
    while ((await received()) < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const r = await fetch(base + '/metrics');
    expect(r.headers.get('content-type')).toContain('text/plain');
    const text = await r.text();
    const m = parseMetrics(text);
    const udp = col.bound[0]!.replace(/:\d+$/, ':0');
    expect(m.get(`syslog_ecs_received_total{listener="${udp}",sender="127.0.0.1"}`)).toBe(3);
    expect(m.get(`syslog_ecs_parsed_total{listener="${udp}",sender="127.0.0.1"}`)).toBe(2);
    expect(m.get(`syslog_ecs_unknown_total{listener="${udp}",sender="127.0.0.1"}`)).toBe(1);
    expect(m.get(`syslog_ecs_syslog_only_total{listener="tcp://127.0.0.1:0",sender="127.0.0.1"}`)).toBe(2);
    expect(text).toContain('# TYPE syslog_ecs_dropped_total counter');
    expect(m.get('syslog_ecs_ledger_dropped_total{reason="rate_limited"}')).toBe(0);
    expect(m.get(`syslog_ecs_output_pending_events{output="file:${out}"}`)).toBeGreaterThanOrEqual(0);
    expect(m.get('syslog_ecs_listener_up{listener="udp://127.0.0.1:0",url="' + col.bound[0] + '"}')).toBe(1);
    expect(m.get('syslog_ecs_coverage_total{family="cisco_asa",message_id="302013",result="parsed"}')).toBe(2);
    // in = written + dead-lettered + dropped + in flight
    const inTotal = m.get('syslog_ecs_ledger_in_total')!;
    const dropped = [...m].filter(([k]) => k.startsWith('syslog_ecs_ledger_dropped_total{')).reduce((a, [, v]) => a + v, 0);
    expect(inTotal).toBe(5);
    expect(m.get('syslog_ecs_ledger_written_total')! + m.get('syslog_ecs_ledger_dead_lettered_total')! + dropped + m.get('syslog_ecs_ledger_in_flight')!).toBe(inTotal);
    expect(m.has('process_resident_memory_bytes')).toBe(true);
  });

  test('status page in headless Chromium: senders, family, samples beside the extraction, escaped', async () => {
    expect(existsSync(CHROMIUM)).toBe(true);
    const r = await fetch(base + '/');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(base + '/', { waitUntil: 'load' });
      const text = await page.innerText('body');
      expect(text).toContain('syslog-ecs');
      expect(text).toContain('healthy');
      expect(text).toContain('127.0.0.1');
      expect(text).toContain('cisco_asa');
      expect(text).toContain('Latest unparsed messages');
      // the unknown ASA message and what was extracted from it, side by side
      expect(text).toContain('%ASA-6-999999: a message id nobody knows about');
      expect(text).toMatch(/unknown \(step [^)]+\)/);
      expect(text).toContain('"priority": 166'); // the extracted document, pretty-printed
      // the hostile message is shown as text, nothing in it ran or became an element
      expect(text).toContain('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">');
      expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('body script, body img').count()).toBe(0);
      expect(text).toContain('file:' + out);
      // parse success: 2 of 3 on the UDP sender
      expect(text).toContain('66.7 %');
      const rows = await page.locator('table').nth(1).locator('tr').count();
      expect(rows).toBe(3); // header + one row per listener (same sender address)
      const png = await page.screenshot({ fullPage: false });
      writeFileSync(SCREENSHOT, png);
      const st = pngStats(png);
      expect(st.width).toBe(1280);
      expect(st.distinctColours).toBeGreaterThan(20); // text, tables, coloured banner: not a blank page
      expect(st.darkShare).toBeGreaterThan(0.005); // glyphs were drawn
      expect(st.darkShare).toBeLessThan(0.5);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  test('events/s appears once the rate sampler has run, and /?sender= filters', async () => {
    const r = await fetch(base + '/?sender=' + encodeURIComponent('10.9.9.9'));
    const html = await r.text();
    expect(html).toContain('matching “10.9.9.9”');
    expect(html).not.toContain('<td class="addr"><a href="?sender=127.0.0.1">');
  });

  test('shutdown: the HTTP endpoint goes first, the ledger is printed', async () => {
    const { code, stderr } = await col.stop();
    expect(code).toBe(0);
    expect(ledger(stderr).received).toBe(5);
    await expect(fetch(base + '/health')).rejects.toThrow();
  });
});
