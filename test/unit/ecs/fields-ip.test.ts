import { isIP } from 'node:net';
import { isIp, relatedIp } from '../../../src/ecs/fields.js';
import { seededRandom } from '../../helpers/random.js';

// isIp reads dotted quads by charCodeAt (src/core/ip.ts) and leaves IPv6 to node's isIP: on any text
// it must say what isIP says
describe('isIp agrees with node:net isIP', () => {
  const fixed = [
    '0.0.0.0', '1.2.3.4', '10.0.0.1', '192.168.100.200', '255.255.255.255', '8.8.8.8',
    '256.1.1.1', '1.2.3.256', '1.2.3', '1.2.3.4.5', '1..2.3', '.1.2.3', '1.2.3.', '01.2.3.4', '1.2.3.04', '1.2.3.0',
    '1.2.3.4 ', ' 1.2.3.4', '1.2.3.4/24', '1.2.3.-4', '1.2.3.a', '1234.1.1.1', '', '.', '....', '999.999.999.999',
    '::', '::1', '2001:db8::1', 'fe80::1%eth0', '::ffff:1.2.3.4', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:8::',
    '[::1]', '2001:db8::g', '00:11:22:33:44:55', 'host.example.com', '1.2.3.4:80', 'abc',
  ];
  test.each(fixed)('%j', (s) => {
    expect(isIp(s)).toBe(isIP(s) !== 0);
  });

  test('random texts of digits and dots, and random quads', () => {
    const rnd = seededRandom(12345);
    const chars = '0123456789.';
    let valid = 0;
    for (let i = 0; i < 20000; i++) {
      let s = '';
      if (i % 2 === 0) {
        const len = 1 + rnd(16);
        for (let k = 0; k < len; k++) s += chars[rnd(chars.length)];
      } else {
        s = [rnd(300), rnd(300), rnd(300), rnd(300)].map((x) => (rnd(10) === 0 ? '0' + x : String(x))).join('.');
      }
      const want = isIP(s) !== 0;
      if (want) valid++;
      if (isIp(s) !== want) throw new Error(`isIp(${JSON.stringify(s)}) = ${!want}, isIP says ${want}`);
    }
    // both kinds were drawn
    expect(valid).toBeGreaterThan(1000);
    expect(valid).toBeLessThan(19000);
  });

  test('relatedIp adds addresses only', () => {
    const doc: Record<string, any> = {};
    relatedIp(doc, '10.0.0.1');
    relatedIp(doc, '010.0.0.1');
    relatedIp(doc, '2001:db8::1');
    relatedIp(doc, '00:11:22:33:44:55');
    relatedIp(doc, '10.0.0.1');
    expect(doc.related.ip).toEqual(['10.0.0.1', '2001:db8::1']);
  });
});
