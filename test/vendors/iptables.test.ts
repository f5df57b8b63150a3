import { parser } from '../../vendors/iptables/index.js';
import { parseSyslog } from '../../src/syslog/parse.js';
import { baseDocument } from '../../src/ecs/base.js';
import type { EcsDoc, Frame } from '../../src/core/types.js';
import { bestMs } from '../helpers/timing.js';

const NOW = Date.parse('2024-03-15T12:00:00Z');

function run(line: string): { doc: EcsDoc; step: string | null; detected: boolean } {
  const msg = parseSyslog(line, 0, 'UTC', NOW);
  const frame: Frame = { data: Buffer.from(line), senderIp: '', senderPort: 0, listener: 'test', receivedAt: NOW, truncated: false };
  const doc = baseDocument(msg, frame, 'UTC');
  const detected = parser.detect(msg);
  const step = parser.parse(msg, doc, { timezone: 'UTC', receivedAt: NOW });
  return { doc, step, detected };
}

describe('iptables', () => {
  test('detect', () => {
    expect(run('<4>Mar 11 08:00:01 gw kernel: IN=eth0 OUT= SRC=1.2.3.4 DST=5.6.7.8 LEN=40 PROTO=TCP').detected).toBe(true);
    expect(run('<4>Mar 11 08:00:01 gw app: LOGIN=ok user=bob').detected).toBe(false);
  });

  test('TCP drop with MAC, flags and hex fields', () => {
    const { doc, step } = run('<4>Mar 11 08:00:02 gw01 kernel: iptables DROP_INPUT: IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:ab:cd:ef:08:00 SRC=198.51.100.15 DST=192.0.2.5 LEN=40 TOS=0x1C PREC=0xE0 TTL=240 ID=100 DF PROTO=TCP SPT=40000 DPT=23 WINDOW=1024 RES=0x00 ACK PSH URGP=0');
    expect(step).toBeNull();
    expect(doc.event).toMatchObject({ action: 'drop_input', type: ['denied', 'connection'], kind: 'event' });
    expect(doc.observer.name).toBe('gw01');
    expect(doc.source).toMatchObject({ ip: '198.51.100.15', port: 40000, mac: '52-54-00-AB-CD-EF' });
    expect(doc.destination).toMatchObject({ ip: '192.0.2.5', port: 23, mac: '52-54-00-12-34-56' });
    expect(doc.iptables).toMatchObject({ tos: 28, precedence_bits: 224, ether_type: 2048, fragment_flags: ['DF'], tcp: { flags: ['ACK', 'PSH'], window: 1024, reserved_bits: 0 } });
    expect(doc.network).toMatchObject({ transport: 'tcp', type: 'ipv4' });
  });

  test('UniFi label, UDP length, quoted ICMP packet ignored', () => {
    const u = run('<4>Mar 11 08:10:01 edge kernel: [lan-wan-2000-A]IN=eth1 OUT=eth0 SRC=10.0.0.20 DST=198.51.100.80 LEN=76 TOS=0x00 PREC=0x00 TTL=63 ID=22 PROTO=UDP SPT=123 DPT=123 LEN=56');
    expect(u.doc.rule).toEqual({ id: '2000', name: 'lan-wan' });
    expect(u.doc.observer).toMatchObject({ ingress: { zone: 'lan' }, egress: { zone: 'wan' } });
    expect(u.doc.iptables.udp.length).toBe(56);
    expect(u.doc.iptables.length).toBe(76);
    const i = run('Jan  8 03:37:09 DENY: IN=eth0 OUT= SRC=192.168.2.71 DST=192.168.2.83 LEN=88 TOS=0x00 PREC=0x00 TTL=118 ID=21684 PROTO=ICMP TYPE=3 CODE=3 [SRC=192.168.2.83 DST=10.9.9.9 LEN=60 PROTO=UDP SPT=1 DPT=2 ]');
    expect(i.doc.event.action).toBe('deny');
    expect(i.doc.destination.ip).toBe('192.168.2.83');
    expect(i.doc.source.port).toBeUndefined();
    expect(i.doc.iptables.icmp).toEqual({ type: 3, code: 3 });
  });

  test('broken text returns a step', () => {
    const { step } = run('<4>Mar 11 08:30:00 h kernel: IN=eth0 OUT= SRC=notanip DST= PROTO=TCP');
    expect(step).toBe('parse_log_text');
  });

  test('64 KiB adversarial lines parse quickly', () => {
    for (const l of ['<4>IN=' + 'a'.repeat(65536) + ' SRC=1', '<4>IN= SRC=' + 'X=1 '.repeat(16000), '<4>' + 'IN='.repeat(20000) + ' SRC=']) {
      expect(() => run(l)).not.toThrow();
      expect(bestMs(() => run(l))).toBeLessThan(50);
    }
  });
});
