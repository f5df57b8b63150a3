import type { KafkaMessage } from 'kafkajs';
import { RecordReader, KAFKA_INVALID_DATASET, parseTimeMs, validDataset, validId } from '../../../src/sources/kafka/record-reader.js';
import { KAFKA_HEADER } from '../../../src/core/kafka-record.js';

function record(value: string | null, headers: Record<string, Buffer | string | (Buffer | string)[]> = {}, key: string | null = '10.0.0.1'): KafkaMessage {
  return { key: key === null ? null : Buffer.from(key), value: value === null ? null : Buffer.from(value), timestamp: '0', attributes: 0, offset: '41', headers };
}

/** the collector tier's header, `ID TIME_MS DATASET`, its parts replaced as given */
const ours = (over: { id?: string; time?: string; dataset?: string } = {}): Record<string, Buffer> => ({
  [KAFKA_HEADER]: Buffer.from(`${over.id ?? 'AbC-_123xyzAbC-_123xyz'} ${over.time ?? '1733565600123'} ${over.dataset ?? 'cisco_asa.log'}`),
});

describe('Kafka record reader', () => {
  const reader = new RecordReader('kafka://b:9092/t?group=g');

  test('a collector tier record becomes an encoded event over its bytes, with its id, dataset and time', () => {
    const m = record('{"message":"x"}', ours());
    const ev = reader.encoded(m)!;
    expect(ev).toEqual({ json: null, bytes: m.value, ascii: false, dataset: 'cisco_asa.log', timeMs: 1733565600123, id: 'AbC-_123xyzAbC-_123xyz' });
    expect(ev.bytes).toBe(m.value); // not copied: the outputs copy during their write call
  });

  test.each([
    ['no id', { id: '' }],
    ['an id with a quote', { id: 'ab"c' }],
    ['an id of 65 characters', { id: 'a'.repeat(65) }],
    ['a dataset naming another path', { dataset: '../_all' }],
    ['an upper-case dataset', { dataset: 'Cisco' }],
    ['a dataset starting with a dot', { dataset: '.security' }],
    ['a dataset with a space', { dataset: 'a b' }],
    ['no dataset', { dataset: '' }],
    ['a time with a letter', { time: '17e12' }],
    ['a time past Date\'s range', { time: '99999999999999999' }],
  ])('a header with %s: not taken as a collector record', (_what, over) => {
    expect(reader.encoded(record('{}', ours(over)))).toBeNull();
  });

  test.each([
    ['repeated', { [KAFKA_HEADER]: [Buffer.from('a 1 syslog'), Buffer.from('b 2 syslog')] }],
    ['with two parts', { [KAFKA_HEADER]: Buffer.from('AbC 1733565600123') }],
    ['with one part', { [KAFKA_HEADER]: Buffer.from('AbC') }],
    ['absent', {}],
  ])('a header %s: not taken as a collector record', (_what, headers) => {
    expect(reader.encoded(record('{}', headers))).toBeNull();
  });

  test('a header named like an Object.prototype member is not read from the prototype', () => {
    const h = Object.create(null) as Record<string, Buffer>;
    h['constructor'] = Buffer.from('x 1 syslog');
    expect(reader.encoded(record('{}', h))).toBeNull();
    // and one named like our header on the prototype is not ours either
    const inherited = Object.create({ [KAFKA_HEADER]: Buffer.from('AbC 1 syslog') }) as Record<string, Buffer>;
    expect(reader.encoded(record('{}', inherited))).toBeNull();
  });

  test('any other JSON object is a document as it is', () => {
    const r = reader.document(record('{"message":"from elsewhere","event":{"dataset":"app.log"}}'), 't', 2, Date.UTC(2026, 0, 1));
    expect(r.step).toBeNull();
    expect(r.doc).toEqual({ message: 'from elsewhere', event: { dataset: 'app.log' } });
  });

  test.each([
    ['not JSON', 'hello <13>', 'invalid_json'],
    ['a JSON array', '[1,2]', 'not_an_object'],
    ['a JSON string', '"x"', 'not_an_object'],
    ['no value (a tombstone)', null, 'no_value'],
  ])('%s: a flagged event that keeps the bytes and where the record was', (_what, value, step) => {
    const r = reader.document(record(value), 'syslog', 3, Date.UTC(2026, 0, 1));
    expect(r.step).toBe(step);
    expect(r.doc).toEqual({
      '@timestamp': '2026-01-01T00:00:00.000Z',
      message: value ?? '',
      event: { original: value ?? '', created: '2026-01-01T00:00:00.000Z', dataset: KAFKA_INVALID_DATASET },
      kafka: { topic: 'syslog', partition: 3, offset: '41', key: '10.0.0.1' },
      syslog_ecs: { family: null, parse: { status: 'unknown', step }, listener: 'kafka://b:9092/t?group=g' },
    });
  });

  test('a huge invalid record is cut and tagged, not dropped', () => {
    const r = reader.document(record('x'.repeat(200_000)), 't', 0, 0);
    expect(r.doc.message).toHaveLength(64 * 1024);
    expect(r.doc.tags).toEqual(['truncated']);
  });

  test('validators', () => {
    expect(validId('abc_-09XZ')).toBe(true);
    expect(validId('')).toBe(false);
    expect(validDataset('fortinet_fortigate.log')).toBe(true);
    expect(validDataset('json_lines')).toBe(true);
    expect(validDataset('a b')).toBe(false);
    expect(validDataset('_x')).toBe(false);
    expect(parseTimeMs('0')).toBe(0);
    expect(parseTimeMs('-86400000')).toBe(-86_400_000);
    expect(parseTimeMs('')).toBeNaN();
    expect(parseTimeMs('-')).toBeNaN();
    expect(parseTimeMs('12 ')).toBeNaN();
  });
});
