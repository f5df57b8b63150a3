import { validateConfigText, parseKafkaUrl } from '../../../src/config/load.js';
import { mergeFlags } from '../../../src/cli/run-command.js';

describe('Kafka outputs and listeners in the configuration', () => {
  test('kafka:// URLs: brokers, topic, group', () => {
    expect(parseKafkaUrl('kafka://k1:9092,[::1]:9093/syslog?group=indexers')).toEqual({ brokers: ['k1:9092', '[::1]:9093'], topic: 'syslog', group: 'indexers' });
    expect(parseKafkaUrl('kafka://k1:9092')).toEqual({ brokers: ['k1:9092'], topic: null, group: null });
    expect(() => parseKafkaUrl('kafka://k1/syslog')).toThrow(/not HOST:PORT/);
    expect(() => parseKafkaUrl('kafka://k1:99999/t')).toThrow(/not HOST:PORT/);
    expect(() => parseKafkaUrl('kafka://k1:9092/t?grp=x')).toThrow(/unknown parameter "grp"/);
  });

  test('a --output or --listen URL alone gets the section\'s defaults', () => {
    const c = mergeFlags(null, ['kafka://k1:9092/syslog?group=idx'], ['kafka://k1:9092/syslog'], '');
    expect(c.outputs[0]!.kafka).toMatchObject({ compression: 'none', batch_bytes: 512 << 10, linger_ms: 5, max_buffered_bytes: 32 << 20, client_id: 'syslog-ecs' });
    expect(c.listeners[0]!.kafka).toMatchObject({ commit_interval_ms: 1000, from_beginning: true, session_timeout_ms: 30_000 });
  });

  test('each error names its key and line', () => {
    const { issues } = validateConfigText([
      'listeners:',                                   // 1
      '  - url: kafka://k1:9092/syslog',              // 2 no group
      '  - url: kafka://k1:9092/t?group=g',           // 3
      '    kafka: { commit_interval_ms: 1 }',         // 4
      'outputs:',                                     // 5
      '  - url: kafka://k1:9092',                     // 6 no topic
      '  - url: kafka://k1:9092/bad topic',           // 7
      '  - url: kafka://k1:9092/t',                   // 8
      '    kafka:',                                   // 9
      '      compression: lz77',                      // 10
      '  - url: kafka://k1:9092/t',                   // 11
      '    kafka:',                                   // 12
      '      sasl: { username: u, password: secret }', // 13
      '  - url: kafka://k1:9092/t',                   // 14
      '    kafka:',                                   // 15
      '      sasl: { username: u }',                  // 16
      '      tls: { cert_file: c.pem }',              // 17
      '      brokers: [k2]',                          // 18
    ].join('\n'));
    // one run reports every error, of the shape and of the meaning, in line order
    expect(issues).toEqual([
      { path: 'listeners[0].url', line: 2, message: 'no consumer group: give kafka://HOST:PORT/TOPIC?group=NAME or kafka.group' },
      { path: 'listeners[1].kafka.commit_interval_ms', line: 4, message: 'must be at least 10' },
      { path: 'outputs[0].url', line: 6, message: 'no topic: give kafka://HOST:PORT/TOPIC or kafka.topic' },
      { path: 'outputs[1].url', line: 7, message: 'not a Kafka topic name (letters, digits, ".", "_", "-"; at most 249): "bad topic"' },
      { path: 'outputs[2].kafka.compression', line: 10, message: 'must be one of none, gzip' },
      { path: 'outputs[3].kafka.sasl.password', line: 13, message: 'unknown key' },
      { path: 'outputs[3].kafka.sasl', line: 13, message: 'sasl needs one of password_env and password_file' },
      { path: 'outputs[4].kafka.sasl', line: 16, message: 'sasl needs one of password_env and password_file' },
      { path: 'outputs[4].kafka.tls', line: 17, message: 'cert_file and key_file go together' },
      { path: 'outputs[4].kafka.brokers[0]', line: 18, message: 'not HOST:PORT: "k2"' },
    ]);
    const semantic = validateConfigText([
      'listeners:',
      '  - url: kafka://k1:9092/syslog',
      'outputs:',
      '  - url: kafka://k1:9092',
      '  - url: kafka://k1:9092/bad topic',
      '  - url: kafka://k1:9092/t',
      '    kafka:',
      '      sasl: { username: u }',
      '      tls: { cert_file: c.pem }',
      '      brokers: [k2]',
    ].join('\n')).issues;
    expect(semantic).toEqual([
      { path: 'listeners[0].url', line: 2, message: 'no consumer group: give kafka://HOST:PORT/TOPIC?group=NAME or kafka.group' },
      { path: 'outputs[0].url', line: 4, message: 'no topic: give kafka://HOST:PORT/TOPIC or kafka.topic' },
      { path: 'outputs[1].url', line: 5, message: 'not a Kafka topic name (letters, digits, ".", "_", "-"; at most 249): "bad topic"' },
      { path: 'outputs[2].kafka.sasl', line: 8, message: 'sasl needs one of password_env and password_file' },
      { path: 'outputs[2].kafka.tls', line: 9, message: 'cert_file and key_file go together' },
      { path: 'outputs[2].kafka.brokers[0]', line: 10, message: 'not HOST:PORT: "k2"' },
    ]);
  });
});
