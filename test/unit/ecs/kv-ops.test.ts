import { parseKv } from '../../../src/ecs/kv.js';
import { append, copy, copyLong, drop, move, moveLong, take } from '../../../src/ecs/kv-ops.js';
import { toInt } from '../../../src/ecs/fields.js';

describe('kv-ops', () => {
  test('rename moves the key out; copy and convert in place keep it', () => {
    const kv = parseKv('srcip=10.0.0.1 srcport=0x1bb user="" policyid=12 extra=keep');
    const doc: Record<string, any> = {};
    move(doc, kv, 'srcip', 'source.ip');
    moveLong(doc, kv, 'srcport', 'source.port');
    copy(doc, kv, 'policyid', 'rule.id');
    copyLong(doc, kv, 'policyid', 'rule.ruleset_id');
    move(doc, kv, 'user', 'user.name');
    expect(doc).toEqual({ source: { ip: '10.0.0.1', port: 443 }, rule: { id: '12', ruleset_id: 12 } });
    expect({ ...kv }).toEqual({ policyid: '12', extra: 'keep' });
    expect(take(kv, 'extra')).toBe('keep');
    drop(kv, ['policyid']);
    expect(Object.keys(kv)).toEqual([]);
  });

  test('ifAbsent leaves a set path and the key alone', () => {
    const kv = parseKv('devname=fw2');
    const doc: Record<string, any> = { observer: { name: 'fw1' } };
    move(doc, kv, 'devname', 'observer.name', true);
    expect(doc.observer.name).toBe('fw1');
    expect(kv.devname).toBe('fw2');
  });

  test('append keeps duplicates unless told not to', () => {
    const doc: Record<string, any> = {};
    append(doc, 'related.ip', '10.0.0.1');
    append(doc, 'related.ip', '10.0.0.1');
    append(doc, 'related.hosts', 'a', false);
    append(doc, 'related.hosts', 'a', false);
    expect(doc.related).toEqual({ ip: ['10.0.0.1', '10.0.0.1'], hosts: ['a'] });
  });

  test('toInt reads integers as the convert processor does', () => {
    expect([toInt('42'), toInt('-7'), toInt('+7'), toInt('0x1F'), toInt('#ff'), toInt('007')]).toEqual([42, -7, 7, 31, 255, 7]);
    for (const bad of ['', ' 1', '1 ', '1e3', '1.5', '0x', 'abc', '9'.repeat(21), '99999999999999999']) expect([bad, toInt(bad)]).toEqual([bad, undefined]);
  });
});
