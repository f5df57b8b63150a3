/** indexOfFrom: a marker found from a rarer character inside it gives indexOf's answer. */
import { indexOfFrom } from '../../../src/core/marker.js';
import { seededRandom } from '../../helpers/random.js';

describe('indexOfFrom', () => {
  const cases: [string, string, number][] = [
    ['fpc0 PFE_FW_SYSLOG_IP: FW: ge-0/0/0.0', 'PFE_FW_SYSLOG_IP: ', 3],
    ['x_FW_SYSLOG_IP: FW PFE_FW_SYSLOG_IP: ', 'PFE_FW_SYSLOG_IP: ', 3],
    ['_FW_SYSLOG_IP: at the start', 'PFE_FW_SYSLOG_IP: ', 3],
    ['PFE_FW_SYSLOG_IP:no space', 'PFE_FW_SYSLOG_IP: ', 3],
    ['[1:2:3] a [Priority: 2] {TCP}', ' [Priority: ', 1],
    ['[Priority: 1] at the start, then x[Priority: 2] and  [Priority: 3]', ' [Priority: ', 1],
    ['', ' [Priority: ', 1],
  ];
  test.each(cases)('%s', (s, pattern, k) => {
    expect(indexOfFrom(s, pattern, k)).toBe(s.indexOf(pattern));
  });

  test('agrees with indexOf on random text over a small alphabet', () => {
    const rnd = seededRandom(3);
    const alphabet = ' P[_FEab';
    for (let i = 0; i < 5000; i++) {
      let s = '';
      const n = rnd(40);
      for (let j = 0; j < n; j++) s += alphabet[rnd(alphabet.length)];
      const pattern = ' [P_E'.slice(0, 2 + rnd(3));
      const k = rnd(pattern.length);
      expect(indexOfFrom(s, pattern, k)).toBe(s.indexOf(pattern));
    }
  });
});
