import { communityId } from '../../../src/ecs/community-id.js';
import { isoTime } from '../../../src/ecs/base.js';

// reference values from the Community ID spec's baseline and, for IPv6, an independent Python computation (hashlib over ipaddress.packed)
describe('community id', () => {
  test('tcp, both directions hash alike', () => {
    expect(communityId('128.232.110.120', '66.35.250.204', 6, 34855, 80)).toBe('1:LQU9qZlK+B5F3KDmev6m5PMibrg=');
    expect(communityId('66.35.250.204', '128.232.110.120', 6, 80, 34855)).toBe('1:LQU9qZlK+B5F3KDmev6m5PMibrg=');
  });
  test('udp and icmp', () => {
    expect(communityId('192.168.1.52', '8.8.8.8', 17, 54585, 53)).toBe('1:d/FP5EW3wiY1vCndhwleRRKHowQ=');
    expect(communityId('192.168.0.89', '192.168.0.1', 1, 8, 0)).toBe('1:X0snYXpgwiv9TZtqg64sgzUn6Dk=');
    expect(communityId('192.168.0.1', '192.168.0.89', 1, 0, 0)).toBe('1:X0snYXpgwiv9TZtqg64sgzUn6Dk=');
  });
  test('ipv6', () => {
    expect(communityId('fe80::200:86ff:fe05:80da', 'fe80::260:97ff:fe07:69ea', 58, 135, 0)).toBe('1:dGHyGvjMfljg6Bppwm3bg0LO8TY=');
    expect(communityId('3ffe:507:0:1:200:86ff:fe05:80da', '3ffe:501:4819::42', 6, 1022, 22)).toBe('1:xKnf281Asa1fKXx170r3ARHQU3I=');
    expect(communityId('::ffff:1.2.3.4', '2001:db8::1', 6, 1, 2)).toBe('1:mknovlwIqCk01+9AzYsrtZfB2dQ=');
    // a zone index names an interface, not part of the address
    expect(communityId('fe80::200:86ff:fe05:80da%eth0', 'fe80::260:97ff:fe07:69ea', 58, 135, 0)).toBe('1:dGHyGvjMfljg6Bppwm3bg0LO8TY=');
  });
  test('not addresses or missing ports: undefined', () => {
    expect(communityId('host', '1.2.3.4', 6, 1, 2)).toBeUndefined();
    expect(communityId('1.2.3.4', '::1', 6, 1, 2)).toBeUndefined();
    expect(communityId('1.2.3.4', '5.6.7.8', 6, undefined, 2)).toBeUndefined();
    expect(communityId('1.2.3.256', '5.6.7.8', 6, 1, 2)).toBeUndefined();
    // read as every other address in the collector: a leading zero is ambiguous (octal?), refused
    expect(communityId('010.1.1.1', '5.6.7.8', 6, 1, 2)).toBeUndefined();
  });
});

describe('isoTime', () => {
  test('matches toISOString, alternating between two seconds', () => {
    const times = [0, 999, 1000, 1_700_000_000_123, 1_700_000_000_007, 1_600_000_000_050, 1_700_000_000_999, 1_600_000_000_000];
    for (const t of times) expect(isoTime(t)).toBe(new Date(t).toISOString());
  });
});
