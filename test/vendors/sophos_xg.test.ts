import { vendorRunner } from '../helpers/vendor.js';
import { parser } from '../../vendors/sophos_xg/index.js';
import { splitSophos } from '../../vendors/sophos_xg/split.js';
import { bestMs } from '../helpers/timing.js';

const runner = vendorRunner(parser);

function run(line: string): ReturnType<typeof runner.run> & { detected: boolean } {
  return { ...runner.run(line), detected: runner.detect(line) };
}

const FW =
  '<30>device="SFW" date=2024-03-14 time=09:20:11 timezone="CET" device_name="XG135" device_id=X13100 P29 ' +
  'log_id=010101600001 log_type="Firewall" log_component="Firewall Rule" log_subtype="Allowed" status="Allow" ' +
  'priority=Information duration=45 fw_rule_id=4 policy_type=1 user_name="bob" user_gp="Staff" application="HTTPS" ' +
  'ether_type=IPv4 (0x0800) in_interface="Port1" out_interface="Port2" src_mac=00:1a:2b:3c:4d:5e src_ip=192.168.1.20 ' +
  'dst_ip=203.0.113.10 protocol="TCP" src_port=50432 dst_port=443 sent_pkts=12 recv_pkts=15 sent_bytes=2345 recv_bytes=9876 ' +
  'tran_src_ip=198.51.100.5 tran_src_port=50432 tran_dst_ip= srczonetype="LAN" srczone="LAN" dstzonetype="WAN" dstzone="WAN" ' +
  'connevent="Stop" message=""';

describe('sophos_xg', () => {
  test('detects SFOS logs only', () => {
    expect(run(FW).detected).toBe(true);
    expect(run('<30>device_name="SFW" timestamp="2024-03-14T16:20:30+0100" log_id="010101600001" log_type="Firewall"').detected).toBe(true);
    expect(run('<189>date=2024-03-14 time=09:12:44 devid="FG1" logid="0000000013" type="traffic"').detected).toBe(false);
  });

  test('splitter keeps unquoted values with spaces and lower-cases keys', () => {
    const kv = splitSophos('a=1 device_id=C443 P29 ether_type=Unknown (0x0000) Configuration=13.00% q="x y" e=');
    expect(kv.device_id).toBe('C443 P29');
    expect(kv.ether_type).toBe('Unknown (0x0000)');
    expect(kv.configuration).toBe('13.00%');
    expect(kv.q).toBe('x y');
    expect(kv.e).toBe('');
  });

  test('firewall log: endpoints, NAT, zones, severity, duration', () => {
    const { doc, step } = run(FW);
    expect(step).toBeNull();
    expect(doc['@timestamp']).toBe('2024-03-14T09:20:11.000Z');
    expect(doc.event).toMatchObject({ code: '00001', severity: 6, action: 'allowed', kind: 'event', duration: 45e9, end: '2024-03-14T09:20:56.000Z' });
    expect(doc.event.type).toEqual(['end', 'allowed', 'connection']);
    expect(doc.log.level).toBe('informational');
    expect(doc.observer).toMatchObject({ serial_number: 'X13100 P29', ingress: { zone: 'LAN', interface: { name: 'Port1' } }, egress: { zone: 'WAN' } });
    expect(doc.source).toMatchObject({ ip: '192.168.1.20', mac: '00-1A-2B-3C-4D-5E', bytes: 2345, nat: { ip: '198.51.100.5', port: 50432 } });
    expect(doc.network).toMatchObject({ transport: 'tcp', protocol: 'https', direction: 'outbound', bytes: 12221, packets: 27 });
    expect(doc.network.community_id).toMatch(/^1:/);
    expect(doc.sophos.xg).toMatchObject({ log_id: '010101600001', src_zone_type: 'LAN', ether_type: 'IPv4 (0x0800)' });
    expect(doc.sophos.xg.message).toBeUndefined();
    expect(doc.sophos.xg.date).toBeUndefined();
  });

  test('system health values become numbers', () => {
    const { doc } = run('<30>device="SFW" date=2024-03-14 time=15:10:00 log_id=127826618031 log_type="System Health" log_component="Disk" log_subtype="Usage" priority=Information Configuration=13.00% Reports=11.00% Signature=11.00% Temp=4.00%');
    expect(doc.sophos.xg).toMatchObject({ configuration: 13, reports: 11, signature: 11, temp: 4, priority: 'Information' });
  });

  test('a relay\'s repeated-message wrapper does not end up in the last value', () => {
    const { doc } = run('Mar 15 10:00:01 relay01 message repeated 2 times: [ device="SFW" date=2024-03-15 time=10:00:00 log_id=010101600001 log_type="Firewall" log_subtype="Allowed" src_ip=192.0.2.1 dst_ip=198.51.100.1]');
    expect(doc.destination.ip).toBe('198.51.100.1');
  });

  test('a log type with a wire name of an Object property is just unknown', () => {
    const r = run('<30>device="SFW" date=2024-03-14 time=15:10:00 log_id=999999999999 log_type="constructor" x=1');
    expect(r.step).toBe('unknown_log_type');
    expect(r.doc.event.code).toBe('99999');
  });

  test('unknown log type and garbage return a step, never throw', () => {
    expect(run('<30>device="SFW" date=2024-03-14 time=15:10:00 log_id=999999999999 log_type="Mystery" x=1').step).toBe('unknown_log_type');
    const bad = run('<30>device="SFW" just words');
    expect(bad.step).toBe('parse_kv');
    expect(bad.doc.observer.vendor).toBe('Sophos');
  });

  test('64 KiB adversarial line parses quickly', () => {
    const line = ('<30>device="SFW" log_id=1 log_type="Firewall" m=' + 'a b c d '.repeat(9000) + 'k '.repeat(4000)).slice(0, 65536);
    expect(bestMs(() => {
      run(line);
      run('<30>device="SFW" ' + 'k=v '.repeat(16000));
    })).toBeLessThan(50);
  });
});
