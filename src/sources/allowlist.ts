/** A listener's sender allowlist (IPs/CIDRs), answered once per address and cached. */
import { BlockList, isIPv6 } from 'node:net';

export class Allowlist {
  private readonly list: BlockList | null;
  private readonly cache = new Map<string, boolean>();

  constructor(entries: readonly string[] | undefined) {
    if (!entries || entries.length === 0) {
      this.list = null;
      return;
    }
    this.list = new BlockList();
    for (const e of entries) {
      const [addr, bits] = e.split('/') as [string, string | undefined];
      const type = isIPv6(addr) ? 'ipv6' : 'ipv4';
      this.list.addSubnet(addr, bits === undefined ? (type === 'ipv6' ? 128 : 32) : Number(bits), type);
    }
  }

  allows(ip: string): boolean {
    if (this.list === null) return true;
    let ok = this.cache.get(ip);
    if (ok === undefined) {
      try {
        ok = this.list.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4');
      } catch {
        ok = false;
      }
      if (this.cache.size >= 65_536) this.cache.clear();
      this.cache.set(ip, ok);
    }
    return ok;
  }
}
