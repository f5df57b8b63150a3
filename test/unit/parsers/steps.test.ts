/**
 * What the steps of a parser file do to a line, through the whole Processor: splitters (dissect and
 * its modifiers, kv with short and long separators, csv, regex), typed writes, moves, dates,
 * constants and templates, lookups, switch, conditions, optional steps, related.*, and the parse
 * status and step of a failure.
 */
import { one, run, set } from '../../helpers/parser-files.js';

const HEAD = `family: acme
match:
  markers: ['ACME']
fields:
  acme.rule: keyword
  acme.count: long
  acme.ratio: double
  acme.ok: boolean
  acme.tags: keyword
  acme.extra: flattened
  acme.when: date
`;

function family(steps: string): ReturnType<typeof set> {
  return set(HEAD + 'steps:\n' + steps);
}

describe('parser file steps', () => {
  test('dissect: skip, append, padding, typed keys, ECS types converted, trailing literal anchored', () => {
    const s = family(`  - dissect: 'ACME %{?ver} %{+acme.tags} %{+acme.tags} %{source.ip}:%{source.port} n=%{acme.count->} %{acme.ratio:double} [%{acme.rule}]'\n`);
    const d = one(s, '<134>Mar 15 10:00:00 fw1 app: ACME v2 red blue 192.0.2.1:51000 n=7    0.25 [r-1]');
    expect(d.syslog_ecs.parse).toEqual({ status: 'parsed' });
    expect(d.source).toEqual({ ip: '192.0.2.1', port: 51000 });
    expect(d.acme).toEqual({ tags: 'red blue', count: 7, ratio: 0.25, rule: 'r-1' });
    // the trailing `]` must end the text
    expect(one(s, '<134>Mar 15 10:00:00 fw1 app: ACME v2 red blue 192.0.2.1:51000 n=7 0.25 [r-1] more').syslog_ecs.parse).toEqual({ status: 'unknown', step: 'dissect (acme.yml:13)' });
  });

  test('a value that does not convert fails its step: unknown, the step named, nothing of the step written', () => {
    const s = family(`  - dissect: 'ACME %{acme.rule} %{source.port}'\n`);
    const d = one(s, '<134>Mar 15 10:00:00 fw1 app: ACME r1 http');
    expect(d.syslog_ecs).toMatchObject({ family: 'acme', parse: { status: 'unknown', step: 'dissect (acme.yml:13)' } });
    expect(d.acme).toBeUndefined();
    expect(d.event.dataset).toBe('acme.log');
    expect(d.event.original).toBe('<134>Mar 15 10:00:00 fw1 app: ACME r1 http');
  });

  test('kv: one-character separators, quoted values, a target object without a prototype for the other keys', () => {
    const s = family(`  - dissect: 'ACME %{_kv}'
  - kv: { field: _kv, fields: { src: source.ip, n: acme.count }, target: acme.extra, max_keys: 3 }
`);
    const d = one(s, '<134>Mar 15 10:00:00 fw1 app: ACME src=192.0.2.7 n=3 msg="a b=c" __proto__=x constructor=y k1=1 k2=2');
    expect(d.source.ip).toBe('192.0.2.7');
    expect(d.acme.count).toBe(3);
    expect(Object.getPrototypeOf(d.acme.extra)).toBeNull();
    expect({ ...d.acme.extra }).toEqual({ msg: 'a b=c', k1: '1', k2: '2' });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test('kv: separators of several characters, keys and values trimmed', () => {
    const s = family(`  - dissect: 'ACME : %{_kv}'
  - kv: { field: _kv, separator: ' - ', value_separator: ' ', trim_key: ':', trim_value: '"', fields: { User: user.name, SessionId: acme.count, Group(s): acme.tags } }
`);
    const d = one(s, '<134>Mar 15 10:00:00 ns1 app: ACME : User alice - SessionId: 5 - Group(s) "net ops - staff" - Other thing');
    expect(d.user.name).toBe('alice');
    expect(d.acme).toEqual({ count: 5, tags: 'net ops - staff' });
  });

  test('csv: quoted values, skipped columns, too few columns fail', () => {
    const s = family(`  - dissect: 'ACME %{_csv}'
  - csv: { field: _csv, columns: [acme.rule, ~, source.ip, acme.count, acme.tags], min_columns: 4 }
`);
    expect(one(s, '<134>Mar 15 10:00:00 fw1 app: ACME "r,1",x,192.0.2.9,12,"say ""hi"""').acme).toEqual({ rule: 'r,1', count: 12, tags: 'say "hi"' });
    expect(one(s, '<134>Mar 15 10:00:00 fw1 app: ACME r,x,192.0.2.9').syslog_ecs.parse.status).toBe('unknown');
  });

  test('regex: dotted group names, ignore_case, input longer than max_input_chars fails', () => {
    const s = family(`  - regex: { field: message, pattern: '^acme user=(?<user.name>[^ ]+) from (?<source.ip>[0-9.]+)$', ignore_case: true, max_input_chars: 64 }\n`);
    expect(one(s, '<134>Mar 15 10:00:00 fw1 app: ACME USER=bob from 192.0.2.3')).toMatchObject({ user: { name: 'bob' }, source: { ip: '192.0.2.3' } });
    const long = one(s, '<134>Mar 15 10:00:00 fw1 app: ACME user=' + 'x'.repeat(100) + ' from 192.0.2.3');
    expect(long.syslog_ecs.parse).toEqual({ status: 'unknown', step: 'regex (acme.yml:13)' });
  });

  test('rename, copy, convert, lowercase, remove, date with formats and zones', () => {
    const s = family(`  - dissect: 'ACME %{_n} %{_ok} %{_proto}'
  - convert: { _n: long }
  - rename: { _n: acme.count }
  - copy: { _ok: acme.ok, _proto: network.transport }
  - lowercase: [network.transport]
  - remove: [_proto]
  - set: { acme.rule: 'proto={{_proto}}' }
`);
    const d = one(s, '<134>Mar 15 10:00:00 fw1 app: ACME 0x10 yes TCP');
    expect(d.syslog_ecs.parse.status).toBe('parsed');
    expect(d.acme).toEqual({ count: 16, ok: true });
    expect(d.network.transport).toBe('tcp');
    expect(one(s, '<134>Mar 15 10:00:00 fw1 app: ACME ten yes TCP').syslog_ecs.parse).toEqual({ status: 'unknown', step: 'convert (acme.yml:14)' });
    const d2 = one(set(HEAD + `steps:
  - dissect: 'ACME %{_when}'
  - date: { field: _when, formats: ['yyyy-MM-dd HH:mm:ss', 'dd/MMM/yyyy:HH:mm:ss Z', UNIX_MS], target: acme.when, timezone: Europe/Paris }
`), '<134>Mar 15 10:00:00 fw1 app: ACME 15/Mar/2024:10:00:00 +0100');
    expect(d2.acme.when).toBe('2024-03-15T09:00:00.000Z');
    const d3 = one(set(HEAD + `steps:
  - dissect: 'ACME %{_d} %{_t}'
  - date: { field: _d, formats: ['yyyy-MM-dd'], target: acme.when }
    optional: true
  - set: { _when: '{{_d}} {{_t}}' }
  - date: { field: _when, formats: ['yyyy-MM-dd HH:mm:ss'], timezone: Europe/Paris }
`), '<134>Mar 15 10:00:00 fw1 app: ACME 2024-07-01 12:00:00');
    expect(d3['@timestamp']).toBe('2024-07-01T10:00:00.000Z');
    expect(d3.syslog_ecs.parse.status).toBe('parsed');
  });

  test('set with templates and lists, append, lookup with a default, related', () => {
    const s = family(`  - dissect: 'ACME %{_sev} %{source.ip} %{destination.ip} %{user.name}'
  - set: { event.kind: event, event.category: [network], event.type: [connection], event.action: 'deny-{{_sev}}', acme.rule: '{{_absent}}' }
  - append: { event.type: [denied, connection] }
  - lookup: { field: _sev, target: log.level, table: { '1': alert, '2': critical }, default: unknown }
  - related: { ip: [source.ip, destination.ip, user.name], user: [user.name] }
`);
    const d = one(s, '<134>Mar 15 10:00:00 fw1 app: ACME 2 192.0.2.1 198.51.100.2 alice');
    expect(d.event).toMatchObject({ kind: 'event', category: ['network'], type: ['connection', 'denied'], action: 'deny-2' });
    expect(d.acme).toBeUndefined();
    expect(d.log.level).toBe('critical');
    expect(d.related).toEqual({ ip: ['192.0.2.1', '198.51.100.2'], user: ['alice'] });
    expect(one(s, '<134>Mar 15 10:00:00 fw1 app: ACME 9 192.0.2.1 198.51.100.2 alice').log.level).toBe('unknown');
  });

  test('switch on a message id: the case steps, the default, no case and no default fails, fail names the step', () => {
    const s = family(`  - dissect: 'ACME %{event.code}: %{_text}'
  - switch:
      field: event.code
      cases:
        '100':
          - dissect: { field: _text, pattern: 'login %{user.name}' }
        '200':
          - fail: unknown_message_id
`);
    expect(one(s, '<134>Mar 15 10:00:00 fw1 app: ACME 100: login carol').user.name).toBe('carol');
    expect(one(s, '<134>Mar 15 10:00:00 fw1 app: ACME 200: x').syslog_ecs.parse).toEqual({ status: 'unknown', step: 'unknown_message_id' });
    expect(one(s, '<134>Mar 15 10:00:00 fw1 app: ACME 300: x').syslog_ecs.parse).toEqual({ status: 'unknown', step: 'switch (acme.yml:14)' });
    expect(one(s, '<134>Mar 15 10:00:00 fw1 app: ACME 100: logout carol').syslog_ecs.parse).toEqual({ status: 'unknown', step: 'dissect (acme.yml:18)' });
  });

  test('conditions (equals, in, starts_with, contains, exists, all, any, not), names and optional steps', () => {
    const s = family(`  - dissect: 'ACME %{_a} %{_b}'
  - name: when_equals
    if: { all: [ { field: _a, equals: x }, { not: { field: _b, in: [p, q] } } ] }
    set: { acme.rule: all }
  - if: { any: [ { field: _b, starts_with: 'p' }, { field: _b, contains: 'zz' } ] }
    set: { acme.tags: any }
  - if: { field: _nothing, exists: false }
    set: { acme.ok: true }
  - name: may_fail
    optional: true
    dissect: { field: _b, pattern: '%{acme.count}-%{}' }
`);
    expect(one(s, '<134>Mar 15 10:00:00 fw1 app: ACME x azzb').acme).toEqual({ rule: 'all', tags: 'any', ok: true });
    const d = one(s, '<134>Mar 15 10:00:00 fw1 app: ACME y p');
    expect(d.acme).toEqual({ tags: 'any', ok: true });
    expect(d.syslog_ecs.parse.status).toBe('parsed');
  });

  test('recognition: programs with wildcards, starts_with, senders; lines no family takes stay syslog_only', () => {
    const s = set({
      'a.yml': `family: by_program\nmatch:\n  programs: ['acme-*', '*d', exact]\nsteps: []\n`,
      'b.yml': `family: by_start\nmatch:\n  starts_with: ['HELLO ']\nsteps: []\n`,
      'c.yml': `family: by_sender\nmatch:\n  senders: [10.9.0.0/16, '2001:db8::/32']\nsteps: []\n`,
    });
    const fam = (line: string, ip?: string): unknown => one(s, line, ip).syslog_ecs.family;
    expect(fam('<134>Mar 15 10:00:00 h acme-x: y')).toBe('by_program');
    expect(fam('<134>Mar 15 10:00:00 h food: y')).toBe('by_program');
    expect(fam('<134>Mar 15 10:00:00 h exact: y')).toBe('by_program');
    expect(fam('<134>Mar 15 10:00:00 h other: HELLO y')).toBe('by_start');
    expect(fam('<134>Mar 15 10:00:00 h other: y', '10.9.8.7')).toBe('by_sender');
    expect(fam('<134>Mar 15 10:00:00 h other: y', '2001:db8::5')).toBe('by_sender');
    expect(fam('<134>Mar 15 10:00:00 h other: y', '10.10.0.1')).toBeNull();
  });

  test('families are tried after the built-in markers, or before them when the file says so', () => {
    const asa = '<166>Mar 15 2024 10:00:00 fw : %ASA-6-302013: Built inbound TCP connection 1 for outside:192.0.2.1/1 (192.0.2.1/1) to inside:10.0.0.1/2 (10.0.0.1/2)';
    const after = set(`family: mine\nmatch:\n  markers: ['%ASA-']\nsteps: []\n`);
    expect(one(after, asa).syslog_ecs.family).toBe('cisco_asa');
    const before = set(`family: mine\nbefore_builtin: true\nmatch:\n  senders: [192.0.2.0/24]\nsteps: []\n`);
    expect(one(before, asa, '192.0.2.44').syslog_ecs.family).toBe('mine');
    expect(one(before, asa, '198.51.100.1').syslog_ecs.family).toBe('cisco_asa');
  });

  test('counters: parsed and unknown per family and message id', () => {
    const s = family(`  - dissect: 'ACME %{event.code} %{source.port}'\n`);
    const docs = run(s, ['<134>Mar 15 10:00:00 fw1 app: ACME 7 80', '<134>Mar 15 10:00:00 fw1 app: ACME 7 eighty', '<134>Mar 15 10:00:00 fw1 nothing']);
    expect(docs.map((d) => d.syslog_ecs.parse.status)).toEqual(['parsed', 'unknown', 'syslog_only']);
  });
});
