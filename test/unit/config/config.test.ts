import { readFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateConfigText, defaultConfig, parseListenUrl } from '../../../src/config/load.js';
import { configReference } from '../../../src/config/reference.js';

describe('configuration', () => {
  test('embedded defaults: UDP and TCP on 5514, files under ./data', () => {
    const c = defaultConfig();
    expect(c.listeners.map((l) => l.url)).toEqual(['udp://[::]:5514', 'tcp://[::]:5514']);
    expect(c.outputs.map((o) => o.url)).toEqual(['file:./data']);
    expect(c.outputs[0]!.flush_interval_ms).toBeLessThanOrEqual(1000);
    expect(c.timezone).toBe('UTC');
  });

  test('each error names its key and line', () => {
    const text = [
      'timezone: UTC',            // 1
      'listeners:',               // 2
      '  - url: udp://0.0.0.0:514', // 3
      '    max_message_bytes: 10',  // 4
      '  - url: tcp://0.0.0.0:514', // 5
      '    framing: bogus',         // 6
      'outputs:',                 // 7
      '  - url: file:./data',      // 8
      '    flush_intervall_ms: 5',  // 9
    ].join('\n');
    const { issues } = validateConfigText(text);
    expect(issues).toEqual([
      { path: 'listeners[0].max_message_bytes', line: 4, message: 'must be at least 480' },
      { path: 'listeners[1].framing', line: 6, message: 'must be one of auto, lf, octet-counting' },
      { path: 'outputs[0].flush_intervall_ms', line: 9, message: 'unknown key' },
    ]);
  });

  test('Object.prototype\'s names as keys are unknown keys, on their lines', () => {
    const text = [
      '__proto__: { x: 1 }',       // 1
      'constructor: 5',            // 2
      'listeners:',                // 3
      '  - url: udp://0.0.0.0:514', // 4
      '    toString: 3',            // 5
      'pipeline:',                 // 6
      '  hasOwnProperty: 1',        // 7
    ].join('\n');
    const { issues } = validateConfigText(text);
    expect(issues).toEqual([
      { path: '__proto__', line: 1, message: 'unknown key' },
      { path: 'constructor', line: 2, message: 'unknown key' },
      { path: 'listeners[0].toString', line: 5, message: 'unknown key' },
      { path: 'pipeline.hasOwnProperty', line: 7, message: 'unknown key' },
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test('semantic checks: zones, CIDRs, families, TLS files', () => {
    const { issues } = validateConfigText([
      'timezone: Mars/Olympus',
      'listeners:',
      '  - url: tls://0.0.0.0:6514',
      'senders:',
      '  - match: 10.0.0.0/33',
      '    family: not_a_vendor',
    ].join('\n'));
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
    expect(byPath.timezone!.message).toMatch(/unknown zone/);
    expect(byPath.timezone!.line).toBe(1);
    expect(byPath['listeners[0].tls']!.message).toMatch(/cert_file/);
    expect(byPath['senders[0].match']!.line).toBe(5);
    expect(byPath['senders[0].family']!.message).toMatch(/unknown family/);
  });

  test('every error of a file, the Elasticsearch section and timezone: 5 included', () => {
    const { issues } = validateConfigText([
      'timezone: 5',                      // 1
      'http:',                            // 2
      '  listen: localhost',              // 3
      'outputs:',                         // 4
      '  - url: http://127.0.0.1:9200',   // 5
      '    elasticsearch:',               // 6
      '      flush_bytes: big',           // 7
      '      concurrency: 0',             // 8
      '      bogus: 1',                   // 9
      '      api_key_env: NOT_SET_HERE',  // 10
      '      disk_buffer:',               // 11
      '        max_bytes: 2097152',       // 12
    ].join('\n'), {});
    expect(issues.map((i) => `${i.line}: ${i.path}: ${i.message}`)).toEqual([
      '1: timezone: unknown zone "5"',
      '3: http.listen: not HOST:PORT: "localhost" (empty to disable)',
      '7: outputs[0].elasticsearch.flush_bytes: must be an integer',
      '8: outputs[0].elasticsearch.concurrency: must be at least 1',
      '9: outputs[0].elasticsearch.bogus: unknown key',
      '10: outputs[0].elasticsearch.api_key_env: environment variable NOT_SET_HERE is unset or empty',
      '12: outputs[0].elasticsearch.disk_buffer.path: required',
    ]);
  });

  test('YAML syntax errors name their line', () => {
    const tab = validateConfigText('listeners:\n  - url: udp://0.0.0.0:514\n\tname: x\n').issues;
    expect(tab).toEqual([{ path: '(yaml)', line: 3, message: 'Tabs are not allowed as indentation' }]);
    const dup = validateConfigText('timezone: UTC\nhttp:\n  listen: 127.0.0.1:9102\ntimezone: UTC\n').issues;
    expect(dup).toEqual([{ path: '(yaml)', line: 4, message: 'Map keys must be unique' }]);
  });

  test('listener URLs', () => {
    expect(parseListenUrl('udp://[::]:5514')).toEqual({ protocol: 'udp', host: '::', port: 5514 });
    expect(parseListenUrl('tls://127.0.0.1:6514')).toEqual({ protocol: 'tls', host: '127.0.0.1', port: 6514 });
    expect(() => parseListenUrl('http://x:1')).toThrow(/not a listener URL/);
    expect(() => parseListenUrl('tcp://x:70000')).toThrow(/out of range/);
  });

  test('check-config exits 1 and prints file:line: key: message; 0 on a good file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'listeners:\n  - url: udp://0.0.0.0:99999\n');
    const r = spawnSync('node', ['dist/cli.js', 'check-config', bad], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:2: listeners[0].url: port out of range`);
    const good = join(dir, 'good.yaml');
    writeFileSync(good, 'listeners:\n  - url: udp://127.0.0.1:5514\n    timezone: Europe/Paris\n');
    expect(execFileSync('node', ['dist/cli.js', 'check-config', good], { encoding: 'utf8' })).toContain('OK');
  });

  test('docs/configuration.md is the generated reference', () => {
    expect(readFileSync('docs/configuration.md', 'utf8')).toBe(configReference());
  });
});
