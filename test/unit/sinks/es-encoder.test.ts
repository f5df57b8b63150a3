import { Encoder, eventId, lineOf, entryFromLine, bulkBody, dataStreamName } from '../../../src/sinks/elasticsearch/encoder.js';

function doc(over: Record<string, unknown> = {}) {
  return {
    '@timestamp': '2024-03-15T23:59:59.500Z',
    message: 'hello',
    event: { original: '<134>hello', created: '2024-03-16T00:00:01.000Z', dataset: 'cisco_asa.log' },
    log: { source: { address: '10.0.0.1:514' } },
    ...over,
  };
}

describe('encoder', () => {
  const enc = () => new Encoder({ indexTemplate: 'syslog-ecs-{dataset}-{yyyy.MM.dd}', dataStream: { enabled: false, namespace: 'default' } });

  test('action line and document, serialized once, NDJSON', () => {
    const e = enc().encode(doc());
    const [action, body, rest] = lineOf(e).split('\n');
    expect(rest).toBe('');
    expect(JSON.parse(action!)).toEqual({ create: { _index: 'syslog-ecs-cisco_asa.log-2024.03.15', _id: e.id } });
    expect(JSON.parse(body!).message).toBe('hello');
    expect(e.json).toBe(body);
    expect(e.head).toBe(action + '\n');
    expect(e.index).toBe('syslog-ecs-cisco_asa.log-2024.03.15');
  });

  test('index from @timestamp in UTC; missing @timestamp filled from event.created', () => {
    const d = doc();
    delete (d as Record<string, unknown>)['@timestamp'];
    const e = enc().encode(d);
    expect(e.index).toBe('syslog-ecs-cisco_asa.log-2024.03.16');
    expect(JSON.parse(e.json as string)['@timestamp']).toBe('2024-03-16T00:00:01.000Z');
  });

  test('an entry read back from its text (disk buffer, failed batch items) is the same entry', () => {
    const e = enc().encode(doc({ message: 'héllo – ünïcode' }));
    expect(entryFromLine(lineOf(e))).toEqual(e);
  });

  test('id: deterministic, 128 bits base64url, from sender + receive time + raw bytes', () => {
    const a = eventId(doc());
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(eventId(doc())).toBe(a);
    expect(eventId(doc({ message: 'parsed differently' }))).toBe(a); // parsing does not change identity
    expect(eventId(doc({ log: { source: { address: '10.0.0.2:514' } } }))).not.toBe(a);
    expect(eventId(doc({ event: { original: '<134>hello!', created: '2024-03-16T00:00:01.000Z' } }))).not.toBe(a);
    expect(eventId(doc({ event: { original: '<134>hello', created: '2024-03-16T00:00:01.001Z' } }))).not.toBe(a);
    // two encoders (a restart) give the same id
    expect(enc().encode(doc()).id).toBe(enc().encode(doc()).id);
  });

  test('id of a document without the raw bytes (event_original: on_failure): from its JSON, deterministic', () => {
    const bare = () => doc({ event: { created: '2024-03-16T00:00:01.000Z', dataset: 'cisco_asa.log', code: '302013' } });
    const a = enc().encode(bare());
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(enc().encode(bare()).id).toBe(a.id);
    expect(a.id).toBe(eventId(bare(), 0, a.json as string));
    expect(eventId(bare())).toBe(a.id); // without the JSON at hand, it is serialized the same way
    expect(enc().encode(doc({ event: { created: '2024-03-16T00:00:01.000Z', dataset: 'cisco_asa.log', code: '302014' } })).id).not.toBe(a.id);
    // repeats in the same millisecond are still told apart
    const e = enc();
    expect(new Set([e.encode(bare()).id, e.encode(bare()).id]).size).toBe(2);
  });

  test('identical messages in the same millisecond from one sender get distinct ids', () => {
    const e = enc();
    const ids = [e.encode(doc()).id, e.encode(doc()).id, e.encode(doc()).id];
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe(eventId(doc()));
  });

  test('data streams: logs-{dataset}-{namespace}', () => {
    const e = new Encoder({ indexTemplate: 'x', dataStream: { enabled: true, namespace: 'prod' } }).encode(doc());
    expect(e.index).toBe('logs-cisco_asa.log-prod');
    expect(dataStreamName('Weird Set!', 'default')).toBe('logs-weird_set_-default');
    expect(JSON.parse(e.head).create).toBeDefined();
  });

  test('bulk body is the concatenation of the entries', () => {
    const e = enc();
    const a = e.encode(doc());
    const b = e.encode(doc({ message: 'x' }));
    expect(bulkBody([a, b])).toBe(lineOf(a) + lineOf(b));
  });

  test('serialized documents (parser workers): no re-serialization, deterministic ids, repeats told apart', () => {
    const json = JSON.stringify(doc());
    const a = enc().encodeJson(json, 'cisco_asa.log', Date.parse('2024-03-15T23:59:59.500Z'));
    expect(a.json).toBe(json);
    expect(a.index).toBe('syslog-ecs-cisco_asa.log-2024.03.15');
    expect(enc().encodeJson(json, 'cisco_asa.log', 0).id).toBe(a.id);
    const e = enc();
    expect(new Set([e.encodeJson(json, 'x', 0).id, e.encodeJson(json, 'x', 0).id]).size).toBe(2);
  });

  test('a document as UTF-8 bytes (from a parser worker) gets the id and the line its text would', () => {
    const json = JSON.stringify(doc({ message: 'héllo – ünïcode' }));
    const t = enc();
    const b = enc();
    for (let k = 0; k < 3; k++) { // the repeats too: occurrence numbers hash the same way
      const fromText = t.encodeJson(json, 'cisco_asa.log', 0);
      const fromBytes = b.encodeJson(Buffer.from(json), 'cisco_asa.log', 0);
      expect(fromBytes.id).toBe(fromText.id);
      expect(fromBytes.head).toBe(fromText.head);
      expect(lineOf(fromBytes)).toBe(lineOf(fromText));
    }
  });
});
