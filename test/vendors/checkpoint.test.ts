import { vendorRunner, NOW } from '../helpers/vendor.js';
import { parser } from '../../vendors/checkpoint/index.js';
import { parser as cefParser } from '../../vendors/cef/index.js';
import { parseSyslog } from '../../src/syslog/parse.js';
import { bestMs } from '../helpers/timing.js';

const { run, detect } = vendorRunner(parser);

const HDR = '<134>1 2024-03-14T08:15:02Z gw1 CheckPoint 2210 - ';

describe('checkpoint detect', () => {
  test('Log Exporter syslog and Check Point CEF; not generic CEF or other lines', () => {
    expect(detect(HDR + '[action:"Accept"; src:"10.0.0.1"]')).toBe(true);
    expect(detect('<134>Mar 14 08:15:02 gw1 CheckPoint[2210]: [action:"Drop"]')).toBe(true);
    expect(detect('CEF:0|Check Point|VPN-1 & FireWall-1|Check Point|Log|https|Unknown|act=Accept')).toBe(true);
    expect(detect('CEF:0|Security|threatmanager|1.0|100|worm|10|src=10.0.0.1')).toBe(false);
    expect(detect('<30>Mar 14 08:15:02 host sshd[3]: Accepted password for bob from CheckPointless')).toBe(false);
  });
});

describe('checkpoint syslog form', () => {
  test('accept with NAT: ECS fields, numbers, leftovers under checkpoint.*', () => {
    const { doc, step } = run(HDR + '[action:"Accept"; flags:"411908"; ifdir:"inbound"; ifname:"eth1"; loguid:"{0x1,0x2}"; origin:"10.0.10.1"; sequencenum:"4"; time:"1710404102"; version:"5"; src:"198.51.100.23"; dst:"10.0.20.15"; proto:"6"; s_port:"51514"; service:"443"; xlatedst:"10.0.20.16"; xlatedport:"8443"; xlatesrc:"0.0.0.0"; rule_action:"Accept"; match_id:"3"; product:"VPN-1 & FireWall-1"]');
    expect(step).toBeNull();
    expect(doc['@timestamp']).toBe('2024-03-14T08:15:02.000Z');
    expect(doc.source).toEqual({ ip: '198.51.100.23', port: 51514 });
    expect(doc.destination).toEqual({ ip: '10.0.20.15', port: 443, nat: { ip: '10.0.20.16', port: 8443 } });
    expect(doc.network).toMatchObject({ transport: 'tcp', iana_number: '6', direction: 'inbound' });
    expect(doc.observer).toMatchObject({ vendor: 'Checkpoint', type: 'firewall', name: '10.0.10.1', product: 'VPN-1 & FireWall-1' });
    expect(doc.observer.ingress.interface.name).toBe('eth1');
    expect(doc.event).toMatchObject({ action: 'Accept', outcome: 'success', kind: 'event', sequence: 4, id: '{0x1,0x2}' });
    expect(doc.event.type).toEqual(['allowed', 'connection']);
    expect(doc.checkpoint).toEqual({ match_id: '3', rule_action: 'Accept' });
    expect(doc.tags).toBeUndefined();
  });

  test('double-colon keys and the `key="value"` variant', () => {
    const a = run(HDR + '[flags:"133440"; ifdir:"inbound"; origin:"10.0.0.1"; product:"System Monitor"; sys_message::"installed Standard"]');
    expect(a.doc.checkpoint.sys_message).toBe('installed Standard');
    const b = run(HDR + '[Fields@1.3.6.1.4.1.2620 action="Drop" src="192.0.2.1" dst="192.0.2.2" rule_action="Drop" ProductName="x"]');
    expect(b.doc.source.ip).toBe('192.0.2.1');
    expect(b.doc.event.type).toEqual(['connection', 'denied']);
    expect(b.doc.checkpoint.productname).toBeUndefined();
  });

  test('header without zone uses the configured zone; event.timezone normalised', () => {
    const { doc } = run('<134>1 2024-03-14T08:15:02 gw1 CheckPoint 1 - [action:"Drop"; src:"10.0.0.1"]', '+0500');
    expect(doc['@timestamp']).toBe('2024-03-14T03:15:02.000Z');
    expect(doc.event.timezone).toBe('+05:00');
  });

  test('repeated time keeps all and takes the earliest', () => {
    const { doc } = run(HDR + '[time:"1710404200"; time:"1710404100"; src:"10.0.0.1"]');
    expect(doc['@timestamp']).toBe('2024-03-14T08:15:00.000Z');
    expect(doc.checkpoint.time).toEqual(['2024-03-14T08:16:40.000Z', '2024-03-14T08:15:00.000Z']);
  });

  test('administrator login / logout', () => {
    const { doc } = run(HDR + '[action:"Accept"; administrator:"Admin"; client_ip:"10.0.0.9"; machine:"ws1"; operation:"Log Out"; subject:"Administrator Logout"]');
    expect(doc.event).toMatchObject({ action: 'logged-out', outcome: 'success', category: ['authentication'], type: ['end'] });
    expect(doc.user.name).toBe('admin');
    expect(doc.source).toEqual({ ip: '10.0.0.9', domain: 'ws1', user: { name: 'Admin' } });
    expect(doc.message).toBe('Administrator Logout');
  });

  test('line without a body: observer fields and a step, no throw', () => {
    const { doc, step } = run(HDR + 'nothing here');
    expect(step).toBe('no_body');
    expect(doc.observer.vendor).toBe('Checkpoint');
  });

  test('64 KiB adversarial lines parse quickly', () => {
    const lines = [
      HDR + '[' + 'a:"'.repeat(22000) + ']',
      HDR + '[' + 'k:"v"; '.repeat(9000) + ']',
      HDR + '[x:"' + ' <1,2,3,4,5'.repeat(6000) + '"]',
      'CEF:0|Check Point|x|y|z|n|1|' + 'a=b '.repeat(16000),
    ];
    // CPU time, best of three after a warm-up call (test/helpers/timing.ts)
    for (const l of lines) expect(bestMs(() => run(l))).toBeLessThan(50);
  });
});

describe('checkpoint CEF form', () => {
  test('Check Point sub-pipeline: labels, risk, facility', () => {
    const line = 'CEF:0|Check Point|Anti-Virus|Check Point|Log|Infected|Medium|src=10.0.0.5 dst=198.51.100.9 spt=50000 dpt=80 proto=6 deviceFacility=3 cp_app_risk=High cp_severity=High cs4Label=Protection Name cs4=EICAR cs2Label=Protection ID cs2=0011AA fileHash=44d88612fea8a8f36de82e1278abb02f cs1Label=Threat Prevention Rule Name cs1=TP rule';
    const { doc, step } = run(line);
    expect(step).toBeNull();
    expect(doc.observer.type).toBe('Threat');
    expect(doc.event).toMatchObject({ risk_score: 4, severity: 3, kind: 'alert', category: 'malware' });
    expect(doc.rule.name).toBe('TP rule');
    expect(doc.checkpoint).toMatchObject({ protection_name: 'EICAR', protection_id: '0011AA', app_risk: 'High' });
    expect(doc.file.hash.md5).toBe('44d88612fea8a8f36de82e1278abb02f');
    expect(doc.cef.device.vendor).toBe('Check Point');
    // the generic CEF parser would also take it, but the registry asks checkpoint first
    expect(cefParser.detect(parseSyslog(line, 0, 'UTC', NOW))).toBe(true);
  });
});

describe('checkpoint through relays', () => {
  test('the bare Log Exporter body a relay leaves is still Check Point', () => {
    const body = '[action:"Drop"; ifdir:"inbound"; loguid:"{0x1,0x2}"; origin:"192.0.2.1"; time:"1710404102"; src:"198.51.100.23"; dst:"10.0.20.15"; proto:"17"; s_port:"5353"; service:"53"; rule_action:"Drop"; product:"VPN-1 & FireWall-1"]';
    expect(detect(body)).toBe(true);
    expect(detect('Mar 14 08:15:03 relay01 ' + body)).toBe(true);
    const { doc, step } = run(body);
    expect(step).toBeNull();
    expect(doc.source).toEqual({ ip: '198.51.100.23', port: 5353 });
    expect(doc.event).toMatchObject({ action: 'Drop', outcome: 'success' });
    expect(doc['@timestamp']).toBe('2024-03-14T08:15:02.000Z');
    expect(detect('<30>Mar 14 08:15:02 host app: [origin:"x"; note:"no loguid here"]')).toBe(false);
  });
});

describe('checkpoint splunk form', () => {
  test('pipe-separated pairs with escapes, with and without a header', () => {
    const body = 'time=1710404102|hostname=gw1|product=Firewall|action=Drop|ifdir=inbound|loguid={0x1,0x2}|origin=192.0.2.1|originsicname=cn\\=cp_mgmt,o\\=gw1|src=198.51.100.23|dst=10.0.20.15|proto=17|s_port=5353|service=53|rule_action=Drop|';
    for (const line of [body, HDR + body]) {
      expect(detect(line)).toBe(true);
      const { doc, step } = run(line);
      expect(step).toBeNull();
      expect(doc.source).toEqual({ ip: '198.51.100.23', port: 5353 });
      expect(doc.network).toMatchObject({ transport: 'udp', direction: 'inbound' });
      expect(doc.checkpoint).toMatchObject({ hostname: 'gw1', origin_sic_name: 'cn=cp_mgmt,o=gw1' });
      expect(doc.tags).toBeUndefined();
    }
    expect(detect('<30>Mar 14 08:15:02 host app: a=1|b=2|c=3')).toBe(false);
  });
});

describe('checkpoint header time with a space', () => {
  test('`2018-03-21 17:25:25` is read as the header time (TIMESTAMP_ISO8601 allows the space)', () => {
    const { doc, step } = run('<134>1 2024-03-14 08:15:02 gw1 CheckPoint 13752 - [action:"Update"; ifdir:"inbound"; loguid:"{0x1,0x2}"; origin:"192.0.2.1"]');
    expect(step).toBeNull();
    expect(doc['@timestamp']).toBe('2024-03-14T08:15:02.000Z');
    expect(doc.log.syslog.hostname).toBe('gw1');
    expect(doc.tags).toBeUndefined();
    expect(doc.event.action).toBe('Update');
  });
});

describe('checkpoint repeated-message wrapper', () => {
  test('`message repeated N times: [ [...]]` reads the inner body', () => {
    const { doc, step } = run('<134>Mar 14 08:15:02 gw1 CheckPoint[2210]: message repeated 3 times: [ [action:"Drop"; loguid:"{0x1,0x2}"; origin:"192.0.2.1"; src:"198.51.100.23"; service:"53"]]');
    expect(step).toBeNull();
    expect(doc.event.action).toBe('Drop');
    expect(doc.source.ip).toBe('198.51.100.23');
    expect(doc.destination.port).toBe(53);
    expect(doc.checkpoint).toBeUndefined();
  });
});
