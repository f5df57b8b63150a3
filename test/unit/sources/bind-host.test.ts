import { bindHost } from '../../../src/sources/bind-host.js';
import { CollectorError } from '../../../src/core/errors.js';

/** a bind that fails for the hosts given, with the errno code, as the listeners' bind does */
function fakeBind(fail: Record<string, string>) {
  const calls: string[] = [];
  const bind = async (host: string): Promise<void> => {
    calls.push(host);
    const code = fail[host];
    if (code !== undefined) {
      const cause = Object.assign(new Error(`bind ${code} ${host}`), { code });
      throw new CollectorError('COL_ERR_LISTEN', `udp://${host}:5514: ${cause.message}`, { cause });
    }
  };
  return { bind, calls };
}

describe('bindHost', () => {
  test('`::` on a host without IPv6 binds every IPv4 interface instead', async () => {
    for (const code of ['EAFNOSUPPORT', 'EADDRNOTAVAIL']) {
      const f = fakeBind({ '::': code });
      await bindHost('::', f.bind);
      expect(f.calls).toEqual(['::', '0.0.0.0']);
    }
  });

  test('other failures, and failures on other hosts, are the listener error', async () => {
    const inUse = fakeBind({ '::': 'EADDRINUSE' });
    await expect(bindHost('::', inUse.bind)).rejects.toThrow('EADDRINUSE');
    expect(inUse.calls).toEqual(['::']);
    const v6 = fakeBind({ '2001:db8::1': 'EADDRNOTAVAIL' });
    await expect(bindHost('2001:db8::1', v6.bind)).rejects.toThrow(CollectorError);
    expect(v6.calls).toEqual(['2001:db8::1']);
  });

  test('a host that binds is bound once', async () => {
    const ok = fakeBind({});
    await bindHost('127.0.0.1', ok.bind);
    expect(ok.calls).toEqual(['127.0.0.1']);
  });
});
