import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeadLetterStore, deadLetterJson } from '../../../src/sinks/elasticsearch/dead-letter.js';
import { Encoder } from '../../../src/sinks/elasticsearch/encoder.js';

const enc = new Encoder({ indexTemplate: 'syslog-ecs-{dataset}-{yyyy.MM.dd}', dataStream: { enabled: false, namespace: 'default' } });

describe('dead letter', () => {
  const entry = enc.encode({ '@timestamp': '2024-01-01T00:00:00Z', message: 'm', source: { port: 'not-a-number' }, event: { original: 'raw', created: '2024-01-01T00:00:00Z' } });

  test('file: one NDJSON line per event, with the reason and the original event', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dl-')), 'sub', 'dead.ndjson');
    const store = new DeadLetterStore({ index: null, file }, null);
    const ok = await store.store([{ entry, status: 400, type: 'document_parsing_exception', reason: 'failed to parse field [source.port]', attempts: 1 }]);
    expect(ok).toEqual([true]);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const r = JSON.parse(lines[0]!);
    expect(r.error).toEqual({ type: 'document_parsing_exception', message: 'failed to parse field [source.port]' });
    expect(r.dead_letter).toMatchObject({ index: entry.index, id: entry.id, status: 400, attempts: 1 });
    expect(r.event.original.source.port).toBe('not-a-number');
    expect(r.event.original.event.original).toBe('raw');
  });

  test('index form keeps the original event as a string nothing indexes', () => {
    const r = JSON.parse(deadLetterJson({ entry, status: 400, type: 't', reason: 'r', attempts: 2 }, '2024-01-01T00:00:00.000Z', false));
    expect(typeof r.event.original).toBe('string');
    expect(JSON.parse(r.event.original).message).toBe('m');
    expect(r.message).toBe('t: r');
  });

  test('no store reachable: reported as not stored', async () => {
    const store = new DeadLetterStore({ index: 'dl', file: null }, null);
    const write = process.stderr.write;
    process.stderr.write = () => true;
    try {
      expect(await store.store([{ entry, status: 0, type: 'x', reason: 'y', attempts: 1 }])).toEqual([false]);
    } finally {
      process.stderr.write = write;
    }
  });
});
