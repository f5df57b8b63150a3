import { vendorRunner } from '../helpers/vendor.js';
import { parser } from '../../vendors/fortinet_fortigate/index.js';
import { bestMs } from '../helpers/timing.js';

const runner = vendorRunner(parser);

function run(line: string): ReturnType<typeof runner.run> & { detected: boolean } {
  return { ...runner.run(line), detected: runner.detect(line) };
}

const TRAFFIC =
  '<189>date=2024-03-14 time=09:12:44 devname="fw1" devid="FG100FTK20001234" eventtime=1710403964123456789 tz="+0100" ' +
  'logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=192.168.10.23 srcport=51544 ' +
  'srcintf="internal" dstip=203.0.113.80 dstport=443 dstintf="wan1" proto=6 action="close" policyid=12 service="HTTPS" ' +
  'transip=198.51.100.7 transport=51544 duration=62 sentbyte=4821 rcvdbyte=19873 sentpkt=21 rcvdpkt=25 user="N/A"';

describe('fortinet_fortigate', () => {
  test('detects FortiOS key=value and not other kv families', () => {
    expect(run(TRAFFIC).detected).toBe(true);
    expect(run('<30>device="SFW" date=2024-03-14 time=09:20:11 log_id=010101600001 log_type="Firewall"').detected).toBe(false);
    expect(run('<13>Mar 14 10:00:00 host sshd[1]: Accepted password for bob').detected).toBe(false);
  });

  test('traffic log: endpoints, NAT, counters, times', () => {
    const { doc, step } = run(TRAFFIC);
    expect(step).toBeNull();
    expect(doc['@timestamp']).toBe('2024-03-14T08:12:44.000Z');
    expect(doc.event.start).toBe('2024-03-14T08:12:44.123Z');
    expect(doc.event.timezone).toBe('+0100');
    expect(doc.event.duration).toBe(62e9);
    expect(doc.event.type).toEqual(['connection', 'end', 'allowed']);
    expect(doc.source).toMatchObject({ ip: '192.168.10.23', port: 51544, bytes: 4821, packets: 21, nat: { ip: '198.51.100.7', port: 51544 } });
    expect(doc.destination).toMatchObject({ ip: '203.0.113.80', port: 443, bytes: 19873, packets: 25 });
    expect(doc.network).toMatchObject({ bytes: 24694, packets: 46, transport: 'tcp', iana_number: '6', protocol: 'https', direction: 'outbound' });
    expect(doc.observer.serial_number).toBe('FG100FTK20001234');
    expect(doc.observer.ingress.interface.name).toBe('internal');
    expect(doc.source.user).toBeUndefined(); // N/A values are dropped
    expect(doc.fortinet.firewall).toMatchObject({ type: 'traffic', subtype: 'forward', vd: 'root' });
    expect(doc.fortinet.firewall.sentbyte).toBeUndefined();
  });

  test('escaped quotes stay as written and do not end a value', () => {
    const { doc } = run('<185>date=2024-03-14 time=10:00:00 devid="FG1" logid="0419016384" type="utm" subtype="ips" forwardedfor="a\\"b c" crscore=30');
    expect(doc.fortinet.firewall.forwardedfor).toBe('a\\"b c');
    expect(doc.fortinet.firewall.crscore).toBe('30');
  });

  test('admin login failure: user, role and outcome from the message', () => {
    const { doc } = run('<187>date=2024-03-14 time=08:31:10 devname="fw1" devid="FG1" logid="0100032002" type="event" subtype="system" level="alert" user="root" srcip=203.0.113.9 dstip=198.51.100.2 action="login" status="failed" msg="Administrator root login failed from https(203.0.113.9) because of invalid user name"');
    expect(doc.event.action).toBe('login');
    expect(doc.event.outcome).toBe('failure');
    expect(doc.event.category).toEqual(['authentication']);
    expect(doc.user).toEqual({ name: 'root', roles: ['Administrator'] });
    expect(doc.log.level).toBe('alert');
  });

  test('vpn event: peer becomes the source, log id gives the action', () => {
    const { doc } = run('<189>date=2024-03-14 time=13:05:41 devid="FG1" logid="0101037141" type="event" subtype="vpn" action="tunnel-stats" remip=203.0.113.77 locip=198.51.100.2 remport=500 locport=500 user="alice" sentbyte=10 rcvdbyte=20 advpnsc=0');
    expect(doc.source).toMatchObject({ ip: '203.0.113.77', port: 500, bytes: 20, user: { name: 'alice' } });
    expect(doc.destination).toMatchObject({ ip: '198.51.100.2', port: 500, bytes: 10 });
    expect(doc.event.action).toBe('FortiGate-event-conn-stats');
    expect(doc.fortinet.firewall.advpnsc).toBe(false);
  });

  test('detects bodies without date=, without a header, behind a relay, and not CEF keys', () => {
    expect(runner.detect('time=10:00:00 devname="fw1" devid="FG1" logid="0000000013" type="traffic" subtype="forward"')).toBe(true);
    expect(runner.detect('<189>date=2024-03-14 time=10:00:00 logid="0000000013" type="traffic" subtype="forward" srcip=192.0.2.1')).toBe(true);
    expect(runner.detect('Mar 14 10:00:01 relay fw1 logid="0100032001" type="event" devid="FG1"')).toBe(true);
    expect(runner.detect('<189>CEF:0|Fortinet|Fortigate|7.4|00013|traffic:forward close|3|FTNTFGTlogid=0000000013 FTNTFGTdevid=FG1')).toBe(false);
    expect(runner.detect('<189>date=2013-02-25 time=07:01:34 devname=fgt-old device_id=FGT60C0000000001 log_id=0021000002 type=traffic subtype=allowed pri=notice status=accept src=192.0.2.1')).toBe(true);
    expect(runner.detect('<30>device="SFW" date=2024-03-14 time=09:20:11 device_name="XG" device_id=X1 log_id=010101600001 log_type="Firewall" log_subtype="Allowed"')).toBe(false);
    expect(runner.detect('<134>date=2024-03-14 time=09:20:11 device_id=FE100C0000000001 log_id=0001001623 type=event subtype=admin pri=information user=admin')).toBe(false);
  });

  test('a relay\'s repeated-message wrapper does not end up in the last value', () => {
    const { doc } = run('<189>Mar 14 10:00:00 fw1 message repeated 3 times: [ date=2024-03-14 time=10:00:00 devid="FG1" logid="0000000013" type="traffic" subtype="forward" srcip=192.0.2.1 dstip=198.51.100.1 crscore=30]');
    expect(doc.source.ip).toBe('192.0.2.1');
    expect(doc.fortinet.firewall.crscore).toBe('30');
  });

  test('a raw line that says login without a msg= is not a login', () => {
    const { doc } = run('<189>date=2024-03-14 time=10:00:00 devid="FG1" logid="1600061002" type="utm" subtype="ssh" eventtype="ssh-command" action="blocked" login="root" srcip=192.0.2.1');
    expect(doc.event.action).toBe('ssh-command');
    expect(doc.user).toBeUndefined();
  });

  test('unknown type and unparseable lines return a step, never throw', () => {
    const unknown = run('<189>date=2024-03-14 time=13:05:41 devid="FG1" logid="9999999999" type="mystery" level="notice" msg="future" foo=bar');
    expect(unknown.step).toBe('unknown_type');
    expect(unknown.doc.event.code).toBe('9999999999');
    expect(unknown.doc.log.level).toBe('notice');
    expect(unknown.doc.message).toBe('future');
    expect(unknown.doc.observer.serial_number).toBe('FG1');
    const bad = run('<189>Mar 14 15:00:00 fw garbage logid= devid=');
    expect(bad.step).toBe('parse_kv');
    expect(bad.doc.observer.vendor).toBe('Fortinet');
    expect(run('<189>date=2024-99-99 time=xx eventtime=abc tz="Mars/Base" devid=FG logid="0000000013" type="traffic"').step).toBeNull();
  });

  test('64 KiB adversarial line parses quickly', () => {
    const parts = ['<189>devid="FG1" logid="0000000013" type="traffic" msg="'];
    for (let i = 0; i < 8000; i++) parts.push('a\\"b=');
    const line = (parts.join('') + ' x=' + '"'.repeat(5000) + ' '.repeat(5000) + '=').slice(0, 65536);
    expect(bestMs(() => {
      run(line);
      run('<189>devid=FG logid=1 ' + 'k=v '.repeat(16000));
    })).toBeLessThan(50);
  });
});
