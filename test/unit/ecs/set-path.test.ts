/**
 * The document setters with names from the wire: `__proto__`, `constructor` and the rest of
 * Object.prototype's names are written and read as the document's own fields, and never reach
 * Object.prototype.
 */
import { setField, setParts, getField, appendUnique, deleteField, ianaNumber, transportName } from '../../../src/ecs/fields.js';
import { set2, set3 } from '../../../src/ecs/set-path.js';
import { globalsChanged, inheritedJunk, snapshotGlobals } from '../../helpers/hostile.js';

describe('paths with prototype names', () => {
  test('__proto__ on the way and at the end is an own field; Object.prototype is untouched', () => {
    const before = snapshotGlobals();
    const doc: Record<string, any> = {};
    setField(doc, '__proto__.polluted', 'yes');
    setField(doc, 'a.__proto__', { polluted: 'yes' });
    setParts(doc, ['b', '__proto__', 'c'], 1);
    set2(doc, '__proto__', 'x', 2);
    set3(doc, 'constructor', 'prototype', 'polluted', 'yes');
    appendUnique(doc, 'related.__proto__', 'v');
    appendUnique(doc, 'x.y.__proto__', 'w');
    expect(globalsChanged(before)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(doc.a)).toBe(Object.prototype);
    expect(inheritedJunk(doc)).toEqual([]);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(JSON.parse(
      '{"__proto__":{"polluted":"yes","x":2},"a":{"__proto__":{"polluted":"yes"}},"b":{"__proto__":{"c":1}},' +
      '"constructor":{"prototype":{"polluted":"yes"}},"related":{"__proto__":["v"]},"x":{"y":{"__proto__":["w"]}}}'));
    expect(getField(doc, '__proto__.polluted')).toBe('yes');
    deleteField(doc, '__proto__.polluted');
    expect(getField(doc, '__proto__.x')).toBe(2);
  });

  test('reading a name the document does not have gives nothing, not what Object.prototype has', () => {
    const doc = { event: {} };
    for (const p of ['constructor', 'event.toString', 'event.__proto__', '__proto__.hasOwnProperty', 'event.constructor.name']) {
      expect(getField(doc, p)).toBeUndefined();
    }
    appendUnique(doc, 'event.constructor', 'x');
    expect(doc).toEqual({ event: { constructor: ['x'] } });
  });

  test('protocol tables answer only their own names', () => {
    for (const k of ['constructor', 'CONSTRUCTOR', '__proto__', 'toString', 'valueOf', 'hasOwnProperty']) {
      expect(ianaNumber(k)).toBeUndefined();
    }
    expect(ianaNumber('TCP')).toBe(6);
    expect(transportName(17)).toBe('udp');
  });
});
