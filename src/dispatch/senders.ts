/**
 * Per-sender settings from the config (IP or CIDR -> family, timezone), resolved once per sender
 * address and cached: the message path does one Map lookup.
 */
import { BlockList, isIPv6 } from 'node:net';

export interface SenderRule {
  /** IP or CIDR */
  match: string;
  family?: string;
  timezone?: string;
}

export interface SenderSettings {
  family: string | null;
  timezone: string | null;
}

const NONE: SenderSettings = Object.freeze({ family: null, timezone: null });

export class SenderResolver {
  private readonly rules: { list: BlockList; prefix: number; rule: SenderRule }[];
  private readonly cache = new Map<string, SenderSettings>();

  constructor(rules: readonly SenderRule[]) {
    this.rules = rules.map((rule) => {
      const list = new BlockList();
      const [addr, bits] = rule.match.split('/') as [string, string | undefined];
      const type = isIPv6(addr) ? 'ipv6' : 'ipv4';
      const prefix = bits === undefined ? (type === 'ipv6' ? 128 : 32) : Number(bits);
      list.addSubnet(addr, prefix, type);
      return { list, prefix, rule };
    });
    // most specific network first
    this.rules.sort((a, b) => b.prefix - a.prefix);
  }

  resolve(ip: string): SenderSettings {
    if (this.rules.length === 0) return NONE;
    let s = this.cache.get(ip);
    if (s !== undefined) return s;
    s = NONE;
    const type = isIPv6(ip) ? 'ipv6' : 'ipv4';
    let family: string | null = null;
    let timezone: string | null = null;
    for (const r of this.rules) {
      try {
        if (!r.list.check(ip, type)) continue;
      } catch {
        continue;
      }
      if (family === null && r.rule.family) family = r.rule.family;
      if (timezone === null && r.rule.timezone) timezone = r.rule.timezone;
    }
    if (family !== null || timezone !== null) s = { family, timezone };
    if (this.cache.size >= 65_536) this.cache.clear();
    this.cache.set(ip, s);
    return s;
  }
}
