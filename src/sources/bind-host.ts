/**
 * Binding a listener: `::` (every interface, the default) on a host without IPv6 falls back to
 * every IPv4 interface; any other failure is the listener's error.
 */
import type { CollectorError } from '../core/errors.js';

export async function bindHost(host: string, bind: (host: string) => Promise<void>): Promise<void> {
  try {
    await bind(host);
  } catch (e) {
    const code = ((e as CollectorError).cause as NodeJS.ErrnoException | undefined)?.code;
    if (host !== '::' || (code !== 'EAFNOSUPPORT' && code !== 'EADDRNOTAVAIL')) throw e;
    await bind('0.0.0.0');
  }
}
