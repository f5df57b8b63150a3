import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esSettingsFromConfig } from '../../../src/config/elasticsearch.js';

const K = 'outputs.elasticsearch';
const bad = (o: unknown, msg: RegExp) => expect(() => esSettingsFromConfig(o, K, {})).toThrow(msg);

describe('Elasticsearch settings', () => {
  test('defaults', () => {
    const s = esSettingsFromConfig({ url: 'http://127.0.0.1:9200/' }, K, {});
    expect(s.urls).toEqual(['http://127.0.0.1:9200']);
    expect(s.indexTemplate).toBe('syslog-ecs-{dataset}-{yyyy.MM.dd}');
    expect(s.dataStream).toEqual({ enabled: false, namespace: 'default' });
    expect(s.deadLetter).toEqual({ index: 'syslog-ecs-dead-letter', file: null });
    expect(s.diskBuffer).toBeNull();
    expect(s.setupTemplates).toBe(true);
  });

  test('errors name the key', () => {
    bad({ url: 'ftp://x' }, /outputs\.elasticsearch\.url: must be http/);
    bad({ url: 'http://x', flush_bytes: 'big' }, /outputs\.elasticsearch\.flush_bytes: must be an integer/);
    bad({ url: 'http://x', concurrency: 0 }, /outputs\.elasticsearch\.concurrency: must be at least 1/);
    bad({ url: 'http://x', bogus: 1 }, /outputs\.elasticsearch\.bogus: unknown key/);
    bad({ url: 'http://x', disk_buffer: { max_bytes: 1 << 30 } }, /outputs\.elasticsearch\.disk_buffer\.path: required/);
    bad({ url: 'http://x', data_stream: { namespace: 'Bad-NS' } }, /data_stream\.namespace/);
    bad({ url: 'http://x', index_template: 'x-{nope}' }, /index_template: unknown placeholder/);
    bad({ url: 'http://x', index_template: 'logs-{dataset}-x' }, /index_template: .*data streams/);
    bad({ url: 'http://x', username: 'u' }, /outputs\.elasticsearch\.password: required/);
    bad({ url: 'http://x', api_key_env: 'NOPE_UNSET' }, /api_key_env: environment variable NOPE_UNSET/);
    bad({ url: 'http://x', ca_fingerprint: 'abc' }, /ca_fingerprint: must be a SHA-256/);
    bad({ url: 'http://x', dead_letter: {} }, /dead_letter: give index or file/);
    bad({}, /outputs\.elasticsearch\.url: required/);
  });

  test('secrets from env and files; TLS', () => {
    const dir = mkdtempSync(join(tmpdir(), 'es-cfg-'));
    writeFileSync(join(dir, 'pw'), 's3cret\n');
    writeFileSync(join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const s = esSettingsFromConfig({
      url: 'https://es:9200', username: 'elastic', password_file: join(dir, 'pw'), ca_file: join(dir, 'ca.pem'),
      ca_fingerprint: 'aa'.repeat(32),
    }, K, {});
    expect(s.auth).toEqual({ username: 'elastic', password: 's3cret' });
    expect(s.tls.ca).toContain('BEGIN CERTIFICATE');
    expect(s.tls.caFingerprint).toBe(Array(32).fill('AA').join(':'));
    expect(esSettingsFromConfig({ url: 'http://x', api_key_env: 'K' }, K, { K: 'abc' }).auth).toEqual({ apiKey: 'abc' });
    expect(esSettingsFromConfig({ url: 'http://x' }, K, { ES_API_KEY: 'k2' }).auth).toEqual({ apiKey: 'k2' });
    const c = esSettingsFromConfig({ cloud_id: 'name:abc' }, K, {});
    expect(c.cloudId).toBe('name:abc');
    expect(c.urls).toEqual([]);
  });

  test('disk buffer and data streams', () => {
    const s = esSettingsFromConfig({ url: 'http://x', disk_buffer: { path: '/tmp/q', max_bytes: 64 << 20 }, data_stream: { enabled: true, namespace: 'prod' } }, K, {});
    expect(s.diskBuffer).toEqual({ path: '/tmp/q', maxBytes: 64 << 20, segmentBytes: 8 << 20 });
    expect(s.dataStream).toEqual({ enabled: true, namespace: 'prod' });
  });
});
