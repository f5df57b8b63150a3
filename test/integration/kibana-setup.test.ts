/**
 * `syslog-ecs setup --kibana URL` against a local HTTP stub that records the request (Kibana itself
 * cannot run here): the exact method, path, headers and multipart body Kibana's saved-objects import
 * API receives; basic auth with the password from a file; a failed import is an error.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, tempDir } from '../helpers/collector.js';

interface Recorded { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer }

function stub(answer: (r: Recorded) => { status: number; body: unknown }): Promise<{ server: Server; port: number; requests: Recorded[] }> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(r);
      const a = answer(r);
      res.writeHead(a.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(a.body));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port, requests })));
}

function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

test('setup --kibana sends the saved objects to the import API', async () => {
  const s = await stub(() => ({ status: 200, body: { success: true, successCount: 10, successResults: [] } }));
  const dir = tempDir('syslog-ecs-kbn-');
  const pw = join(dir, 'password');
  writeFileSync(pw, 's3cret\n');
  try {
    const r = await runCli(['setup', '--kibana', `http://127.0.0.1:${s.port}`, '--kibana-user', 'elastic', '--kibana-password-file', pw]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('10 saved objects imported');
    expect(s.requests).toHaveLength(1);
    const q = s.requests[0]!;
    expect(q.method).toBe('POST');
    expect(q.url).toBe('/api/saved_objects/_import?overwrite=true');
    expect(q.headers['kbn-xsrf']).toBeTruthy();
    expect(q.headers.authorization).toBe('Basic ' + Buffer.from('elastic:s3cret').toString('base64'));
    const ct = q.headers['content-type']!;
    const m = /^multipart\/form-data; boundary=(.+)$/.exec(ct);
    expect(m).not.toBeNull();
    const boundary = m![1]!;
    const body = q.body.toString('utf8');
    const parts = body.split(`--${boundary}`);
    expect(parts[0]).toBe('');
    expect(parts[parts.length - 1]).toBe('--\r\n');
    expect(parts).toHaveLength(3);
    const [head, content] = parts[1]!.split('\r\n\r\n', 2) as [string, string];
    expect(head).toContain('Content-Disposition: form-data; name="file"; filename="syslog-ecs.ndjson"');
    expect(content.slice(0, -2)).toBe(readFileSync(join(ROOT, 'kibana', 'syslog-ecs.ndjson'), 'utf8'));
  } finally {
    s.server.close();
  }
});

test('API key from the environment and a space; a failed import exits non-zero with the reasons', async () => {
  const s = await stub(() => ({
    status: 200,
    body: { success: false, successCount: 9, errors: [{ id: 'syslog-ecs-source-countries', type: 'map', title: 'Source countries', error: { type: 'missing_references' } }] },
  }));
  try {
    const r = await runCli(['setup', '--kibana', `http://127.0.0.1:${s.port}`, '--kibana-space', 'netops'], { KIBANA_API_KEY: 'a2V5OnNlY3JldA==' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('missing_references');
    expect(s.requests[0]!.url).toBe('/s/netops/api/saved_objects/_import?overwrite=true');
    expect(s.requests[0]!.headers.authorization).toBe('ApiKey a2V5OnNlY3JldA==');
  } finally {
    s.server.close();
  }
});
