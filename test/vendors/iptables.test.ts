import { vendorRunner } from '../helpers/vendor.js';
import { parser } from '../../vendors/iptables/index.js';
import { bestMs } from '../helpers/timing.js';

const runner = vendorRunner(parser);

function run(line: string): ReturnType<typeof runner.run> & { detected: boolean } {
  return { ...runner.run(line), detected: runner.detect(line) };
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

  test('front-end prefixes: detected, no action where Elastic reads none, the bridge ports kept in OUT as its grok does', () => {
    for (const l of [
      '<4>Mar 15 10:00:10 u kernel: [ 4566.123456] [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.9 DST=192.0.2.10 LEN=40 TOS=0x00 PREC=0x00 TTL=244 ID=5 PROTO=TCP SPT=49877 DPT=3389 WINDOW=65535 RES=0x00 SYN URGP=0',
      '<4>Mar 15 10:00:11 c kernel: filter_IN_public_REJECT: IN=ens3 OUT= SRC=198.51.100.9 DST=192.0.2.11 LEN=60 TOS=0x00 PREC=0x00 TTL=52 ID=2 DF PROTO=TCP SPT=40002 DPT=8443 WINDOW=29200 RES=0x00 SYN URGP=0',
      '<4>Mar 15 10:00:12 s kernel: Shorewall:net2fw:DROP:IN=eth0 OUT= SRC=198.51.100.9 DST=192.0.2.12 LEN=44 TOS=0x00 PREC=0x00 TTL=242 ID=6 PROTO=TCP SPT=51123 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0',
      '<4>Mar 15 10:00:13 s kernel: SFW2-INext-DROP-DEFLT IN=eth0 OUT= SRC=198.51.100.9 DST=192.0.2.13 LEN=48 TOS=0x00 PREC=0x00 TTL=113 ID=7 DF PROTO=TCP SPT=3456 DPT=135 WINDOW=64240 RES=0x00 SYN URGP=0',
    ]) {
      const r = run(l);
      expect(r.detected).toBe(true);
      expect(r.step).toBeNull();
      expect(r.doc.event.action).toBeUndefined();
      expect(r.doc.event.type).toEqual(['connection']);
      expect(r.doc.iptables.input_device).toMatch(/^(eth0|ens3)$/);
    }
    const b = run('<4>Mar 15 10:00:07 br kernel: IN=br0 OUT=br0 PHYSIN=eth1 PHYSOUT=eth2 SRC=192.168.1.20 DST=192.168.1.30 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=4321 DF PROTO=TCP SPT=50000 DPT=445 WINDOW=64240 RES=0x00 SYN URGP=0');
    expect(b.doc.iptables.output_device).toBe('br0 PHYSIN=eth1 PHYSOUT=eth2');
    expect(b.doc.destination.port).toBe(445);
  });

  test('UniFi Dream Machine text without addresses', () => {
    const r = run('<4>Mar 15 10:00:17 UDM-Pro kernel: 63 L=64 PROTO=UDP SPT=53 DPT=51000 LEN=60');
    expect(r.detected).toBe(true);
    expect(r.step).toBeNull();
    expect(r.doc.iptables).toMatchObject({ ttl: 64, udp: { length: 60 } });
    expect(r.doc.destination.port).toBe(51000);
    expect(r.doc.event.type).toBeUndefined();
    expect(run('<4>Mar 15 10:00:17 h app: PROTO=TCP without a ttl').detected).toBe(false);
  });

  test('wire words that are Object.prototype keys are only words', () => {
    const r = run('<4>Mar 11 08:00:02 gw kernel: iptables constructor: IN=eth0 OUT= SRC=198.51.100.15 DST=192.0.2.5 LEN=40 TOS=0x00 PREC=0x00 TTL=240 ID=100 PROTO=toString SPT=1 DPT=2 __proto__=1 constructor=2');
    expect(r.doc.event.action).toBe('constructor');
    expect(r.doc.event.type).toEqual(['connection']);
    expect(r.doc.network.transport).toBe('tostring');
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
