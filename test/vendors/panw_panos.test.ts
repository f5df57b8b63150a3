import { parser } from '../../vendors/panw_panos/index.js';
import { splitCsv } from '../../vendors/panw_panos/csv.js';
import { splitUser } from '../../vendors/panw_panos/convert.js';
import { vendorRunner } from '../helpers/vendor.js';
import { bestMs } from '../helpers/timing.js';

const { run: runLine, detect } = vendorRunner(parser);

function run(line: string, tz = 'UTC'): ReturnType<typeof runLine> & { detected: boolean } {
  return { ...runLine(line, tz), detected: detect(line) };
}

const TRAFFIC = '<14>Mar 12 09:15:02 fw 1,2024/03/12 09:15:02,0072001,TRAFFIC,end,2561,2024/03/12 09:15:01,10.1.20.15,'
  + '203.0.113.80,198.51.100.4,203.0.113.80,allow-web,corp\\jdoe,,ssl,vsys1,inside,outside,ethernet1/2,ethernet1/1,fwd,'
  + '2024/03/12 09:15:02,48211,1,51544,443,33012,443,0x40001c,tcp,allow,9402,1820,7582,24,2024/03/12 09:14:40,21,'
  + 'computer-and-internet-info,0,7300012345,0x0,10.0.0.0-10.255.255.255,United States,0,11,13,tcp-fin,0,0,0,0,,fw';

describe('panw_panos', () => {
  test('detects the PAN-OS CSV shape and nothing else', () => {
    expect(run(TRAFFIC).detected).toBe(true);
    expect(run('<14>Mar 12 09:15:02 host sshd[1]: Accepted password for root').detected).toBe(false);
    expect(run('<14>Mar 12 09:15:02 host a,2024/03/12 09:15:02,x,NOTATYPE,y').detected).toBe(false);
    expect(run('<134>1 1710241200.123 MX67 flows allow src=1.2.3.4 dst=5.6.7.8 protocol=tcp').detected).toBe(false);
  });

  test('TRAFFIC end: ECS fields, units, device-local time', () => {
    const { doc, step } = run(TRAFFIC, '-05:00');
    expect(step).toBeNull();
    expect(doc['@timestamp']).toBe('2024-03-12T14:15:01.000Z');
    expect(doc.event.timezone).toBe('-05:00');
    expect(doc.source).toMatchObject({ ip: '10.1.20.15', port: 51544, bytes: 1820, packets: 11, nat: { ip: '198.51.100.4', port: 33012 } });
    expect(doc.source.user).toEqual({ name: 'jdoe', domain: 'corp' });
    expect(doc.destination).toMatchObject({ ip: '203.0.113.80', port: 443, bytes: 7582 });
    expect(doc.event).toMatchObject({ action: 'flow_terminated', outcome: 'success', kind: 'event', duration: 21e9 });
    expect(doc.event.type).toEqual(['allowed', 'end', 'connection']);
    expect(doc.event.end).toBe('2024-03-12T14:15:01.000Z');
    expect(doc.network.transport).toBe('tcp');
    expect(typeof doc.network.community_id[0]).toBe('string');
    expect(doc.labels).toEqual({ nat_translated: true });
    expect(doc.observer).toMatchObject({ hostname: 'fw', serial_number: '0072001', ingress: { zone: 'inside' } });
    expect(doc.rule.name).toBe('allow-web');
    expect(doc.panw.panos.source).toBeUndefined();
  });

  test('CSV: quoted fields with commas and doubled quotes', () => {
    expect(splitCsv('a,"b, c","say ""hi""",,d', 0, 100)).toEqual(['a', 'b, c', 'say "hi"', '', 'd']);
    expect(splitCsv('x,y', 0, 100)).toEqual(['x', 'y']);
  });

  test('user domain splitting', () => {
    expect(splitUser('corp\\jdoe')).toEqual({ name: 'jdoe', domain: 'corp' });
    expect(splitUser('corp\\\\jdoe')).toEqual({ name: 'jdoe', domain: 'corp' });
    expect(splitUser('jdoe@corp.example')).toEqual({ name: 'jdoe', domain: 'corp.example' });
    expect(splitUser('pre-logon')).toEqual({ name: 'pre-logon' });
  });

  test('IPTAG: tag registration with its source, event id and timeout', () => {
    const { doc, step, detected } = run('<14>Mar 12 14:00:00 fw 1,2024/03/12 14:00:00,0072001,IPTAG,0,2561,2024/03/12 14:00:00,'
      + 'vsys1,192.0.2.10,quarantine,register,1,3600,lab-dc,xml-api,,88121,0x0,0,0,0,0,,fw,0,2024-03-12T14:00:00.120+00:00');
    expect(detected).toBe(true);
    expect(step).toBeNull();
    expect(doc.event).toMatchObject({ code: 'register', kind: 'event', category: ['network'] });
    expect(doc.source.ip).toBe('192.0.2.10');
    expect(doc.panw.panos).toMatchObject({ type: 'IPTAG', tag: { name: 'quarantine' }, timeout: 3600, datasource_type: 'xml-api' });
    expect(doc.related.ip).toEqual(['192.0.2.10']);
  });

  test('a log type without a table keeps the header fields and returns a step', () => {
    const line = '<14>Mar 12 14:00:00 fw 1,2024/03/12 14:00:00,0072001,FUTURETYPE,0,2561,2024/03/12 14:00:00,vsys1';
    expect(detect(line)).toBe(false);
    const { doc, step } = runLine(line);
    expect(step).toBe('unsupported_log_type');
    expect(doc.observer.vendor).toBe('Palo Alto Networks');
    expect(doc.panw.panos.type).toBe('FUTURETYPE');
  });

  test('garbage does not throw', () => {
    expect(() => runLine('<14>Mar 12 14:00:00 fw 1,2024/')).not.toThrow();
  });

  test('64 KiB adversarial line parses quickly', () => {
    const body = '"'.repeat(8000) + ','.repeat(20000) + '\\'.repeat(20000) + 'a"b,'.repeat(4000);
    const line = '<14>Mar 12 09:15:02 fw 1,2024/03/12 09:15:02,0072001,THREAT,url,2561,2024/03/12 09:15:01,' + body;
    const { step } = run(line.slice(0, 65536));
    expect(bestMs(() => run(line.slice(0, 65536)))).toBeLessThan(50);
    expect(step === null || typeof step === 'string').toBe(true);
  });
});

describe('panw_panos repeated-message wrapper', () => {
  test('the wrapper\'s closing bracket is not part of the last column', () => {
    const { doc, step } = run(TRAFFIC.replace('fw 1,', 'fw message repeated 2 times: [ 1,') + ']');
    expect(step).toBeNull();
    expect(doc.observer.hostname).toBe('fw');
    expect(doc.source.ip).toBe('10.1.20.15');
  });
});
