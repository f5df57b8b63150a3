import { Telemetry } from '../../../src/core/telemetry.js';

describe('Telemetry senders', () => {
  test('the 10,000-sender cap is per listener: a flood on one leaves the others their own senders', () => {
    const t = new Telemetry();
    for (let i = 0; i < 10_000; i++) t.stats('udp://[::]:5514', `10.0.${i >> 8}.${i & 255}`).received++;
    const late = t.stats('udp://[::]:5514', '192.0.2.99');
    expect(late.sender).toBe('other');
    late.received++;
    // another listener, after the flood: its sender is counted under its own address
    const tcp = t.stats('tcp://[::]:5514', '192.0.2.7');
    expect(tcp.sender).toBe('192.0.2.7');
    expect(t.stats('tcp://[::]:5514', '192.0.2.7')).toBe(tcp);
    // a sender seen before the cap keeps its own counters
    expect(t.stats('udp://[::]:5514', '10.0.0.5').sender).toBe('10.0.0.5');
    expect(t.totals().received).toBe(10_001);
  });
});
