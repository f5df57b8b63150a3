import { vendorRunner, NOW } from '../helpers/vendor.js';
import { bestMs } from '../helpers/timing.js';
import { parser } from '../../vendors/cef/index.js';
import { decodeCef } from '../../vendors/cef/decode.js';

const { run, detect } = vendorRunner(parser);

describe('cef detect', () => {
  test('CEF with and without syslog header', () => {
    expect(detect('CEF:0|V|P|1|2|n|3|src=1.2.3.4')).toBe(true);
    expect(detect('<134>Mar 14 08:00:00 h CEF:0|V|P|1|2|n|3|')).toBe(true);
    expect(detect('<134>Mar 14 08:00:00 h sshd[1]: Accepted password')).toBe(false);
  });
});

describe('cef decoder', () => {
  test('header escapes and extension values with spaces and escapes', () => {
    const ev = decodeCef('CEF:0|A\\|B|C\\\\D|1.0|id|name|5| msg=hello world a\\=b\\nline2 cs1=x  src=10.0.0.1 ', 0, 'UTC', NOW)!;
    expect(ev.vendor).toBe('A|B');
    expect(ev.product).toBe('C\\D');
    expect(ev.ext.message).toBe('hello world a=b\nline2');
    expect(ev.ext.deviceCustomString1).toBe('x');
    expect(ev.ext.sourceAddress).toBe('10.0.0.1');
  });

  test('typed keys; bad values dropped with an error; unknown keys kept as written', () => {
    const ev = decodeCef('CEF:0|V|P|1|2|n|3|spt=abc dpt=0x50 src=not-an-ip cn1=12 smac=001122334455 rt=Mar 14 2024 08:00:00 custom_key=v', 0, 'UTC', NOW)!;
    expect(ev.ext.sourcePort).toBeUndefined();
    expect(ev.ext.destinationPort).toBe(80);
    expect(ev.ext.sourceAddress).toBeUndefined();
    expect(ev.ext.deviceCustomNumber1).toBe(12);
    expect(ev.ext.sourceMacAddress).toBe('00:11:22:33:44:55');
    expect(ev.ext.deviceReceiptTime).toBe('2024-03-14T08:00:00.000Z');
    expect(ev.ext.custom_key).toBe('v');
    expect(ev.errors).toHaveLength(2);
  });
});

describe('cef parse', () => {
  test('ECS mapping as Elastic: severity words, related, community id, MAC format', () => {
    const { doc, step } = run('CEF:0|Vendor|IDS|3.1|sig|Bad thing|High|src=203.0.113.5 dst=10.1.1.20 spt=60110 dpt=8080 proto=TCP suser=Bob duser=alice dmac=00:11:22:33:44:66 dvchost=ids1 dvc=10.1.1.1 act=alert categoryOutcome=/Success eventId=77');
    expect(step).toBeNull();
    expect(doc.event).toMatchObject({ severity: 7, code: 'sig', action: 'alert', outcome: 'success', id: '77' });
    expect(doc.network.transport).toBe('tcp');
    expect(doc.network.community_id).toMatch(/^1:/);
    expect(doc.destination.mac).toBe('00-11-22-33-44-66');
    expect(doc.observer).toMatchObject({ hostname: 'ids1', ip: ['10.1.1.1'], vendor: 'Vendor', product: 'IDS' });
    expect(doc.related.user).toEqual(['alice', 'Bob']);
    expect(doc.message).toBe('Bad thing');
  });

  test('truncated header: step, no throw', () => {
    const { doc, step } = run('CEF:0|V|P|1');
    expect(step).toBe('parse_header');
    expect(doc.observer.vendor).toBe('V');
  });

  test('64 KiB adversarial lines parse quickly', () => {
    const lines = [
      'CEF:0|V|P|1|2|n|3|' + 'a'.repeat(65536),
      'CEF:0|V|P|1|2|n|3|k=' + ' x'.repeat(32000),
      'CEF:0|V|P|1|2|n|3|' + 'k=v '.repeat(16000),
      'CEF:0|' + '\\|'.repeat(32000),
      'CEF:0|V|P|1|2|n|3|k=' + '\\'.repeat(65536),
    ];
    // CPU time, best of three after a warm-up call (test/helpers/timing.ts)
    for (const l of lines) expect(bestMs(() => run(l))).toBeLessThan(50);
  });
});

describe('cef repeated-message wrapper', () => {
  test('the wrapper\'s closing bracket is not part of the last value', () => {
    const { doc, step } = run('<134>Mar 14 08:00:00 host message repeated 2 times: [ CEF:0|V|P|1|100|name|5|src=192.0.2.10 dst=198.51.100.20]');
    expect(step).toBeNull();
    expect(doc.destination.ip).toBe('198.51.100.20');
    expect(doc.error).toBeUndefined();
  });
});
