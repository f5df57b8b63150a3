/**
 * pfSense and OPNsense: pf `filterlog` plus the programs Elastic's pfsense integration reads
 * (OpenVPN, charon/IPsec, dhcpd, unbound, php-fpm logins, squid). Dispatch is on the syslog program
 * name, as Elastic's pipeline does with `event.provider`.
 */
import type { EcsDoc, SyslogMessage } from '../../src/core/types.js';
import { appendUnique, ianaNumber, isIp, relatedHost, relatedIp, relatedUser, setField, toInt } from '../../src/ecs/fields.js';
import { communityId } from '../../src/ecs/community-id.js';
import { parseFilterlog } from './filterlog.js';
import { parseSquid } from './squid.js';
import { parseCharon, parseDhcp, parseOpenvpn, parsePhpFpm, parseUnbound } from './programs.js';
import { set2 } from '../../src/ecs/set-path.js';
import type { VendorContext, VendorParser } from '../../src/core/stages.js';

type ProgramParser = (s: string, doc: EcsDoc) => string | null;

const PROGRAMS: ReadonlyMap<string, ProgramParser> = new Map<string, ProgramParser>([
  ['filterlog', parseFilterlog],
  ['openvpn', parseOpenvpn],
  ['charon', parseCharon],
  ['dhcpd', parseDhcp],
  ['dhclient', parseDhcp],
  ['dhcp6c', parseDhcp],
  ['unbound', parseUnbound],
  ['php-fpm', parsePhpFpm],
  ['squid', parseSquid],
]);

/** `(squid-1)` -> `squid-1`; `/usr/local/sbin/openvpn` -> `openvpn` */
function processName(app: string): string {
  let a = app;
  if (a.charCodeAt(0) === 40 && a.charCodeAt(a.length - 1) === 41) a = a.slice(1, -1);
  const slash = a.lastIndexOf('/');
  return slash >= 0 ? a.slice(slash + 1) : a;
}

/** Elastic's provider: the leading word plus `-word` parts without digits (`squid-1` -> `squid`, `php-fpm`). */
function provider(name: string): string {
  let end = 0;
  const n = name.length;
  while (end < n) {
    const c = name.charCodeAt(end);
    if ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95) end++;
    else break;
  }
  while (end < n && name.charCodeAt(end) === 45) {
    let q = end + 1;
    while (q < n) {
      const c = name.charCodeAt(q);
      if (((c | 32) >= 97 && (c | 32) <= 122) || c === 95) q++;
      else break;
    }
    if (q === end + 1 || (q < n && name.charCodeAt(q) !== 45)) break;
    end = q;
  }
  return name.slice(0, end);
}

function finish(doc: EcsDoc): void {
  if (doc.network !== undefined) appendUnique(doc, 'event.category', 'network');
  const src = doc.source?.ip as string | undefined, dst = doc.destination?.ip as string | undefined;
  if (src !== undefined) set2(doc, 'network', 'type', src.indexOf('.') >= 0 ? 'ipv4' : 'ipv6');
  const transport = doc.network?.transport as string | undefined;
  const proto = toInt(doc.network?.iana_number) ?? (transport === undefined ? undefined : ianaNumber(transport));
  if (src !== undefined && dst !== undefined && proto !== undefined) {
    let sp = doc.source?.port as number | undefined, dp = doc.destination?.port as number | undefined;
    // pf logs ICMP type names, not numbers: like Elastic's community_id processor, type and code count as 0
    if (proto === 1 || proto === 58) { sp = 0; dp = 0; }
    set2(doc, 'network', 'community_id', communityId(src, dst, proto, sp, dp));
  }
  relatedIp(doc, dst);
  relatedIp(doc, src);
  relatedIp(doc, doc.source?.nat?.ip);
  relatedHost(doc, doc.destination?.domain);
  relatedUser(doc, doc.user?.name);
}

function parse(msg: SyslogMessage, doc: EcsDoc, _ctx: VendorContext): string | null {
  set2(doc, 'observer', 'vendor', 'netgate');
  set2(doc, 'observer', 'type', 'firewall');
  set2(doc, 'event', 'kind', 'event');
  const app = msg.appname;
  const name = app === null ? '' : processName(app);
  const prov = provider(name);
  const php = prov === 'php-fpm';
  const host = msg.hostname;
  if (host !== null && host !== '-') {
    // php-fpm lines describe the firewall host itself, as Elastic's pipeline files them
    if (isIp(host)) setField(doc, php ? 'host.ip' : 'observer.ip', host);
    else setField(doc, php ? 'host.name' : 'observer.name', host);
  }
  if (name !== '') {
    set2(doc, 'process', 'name', name);
    set2(doc, 'event', 'provider', prov);
  }
  const pid = toInt(msg.procid);
  if (pid !== undefined) set2(doc, 'process', 'pid', pid);
  const fn = PROGRAMS.get(prov);
  if (fn === undefined) return 'unknown_program';
  const step = fn(msg.message, doc);
  finish(doc);
  return step;
}

export const parser: VendorParser = {
  id: 'pfsense',
  dataset: 'pfsense.log',
  samples: [
    '<134>Mar 14 08:00:00 pfsense filterlog[4321]: 5,,,1000000103,igb1,match,block,in,4,0x0,,64,1234,0,DF,6,tcp,60,10.1.1.7,10.2.2.9,50123,443,0,S,1234567,,64240,,mss;sackOK;TS;nop;wscale',
  ],
  detect(msg: SyslogMessage): boolean {
    const a = msg.appname;
    if (a === null) return false;
    if (a === 'filterlog') return true;
    // OPNsense writes its squid in parentheses; pfSense's webConfigurator logs logins as `/index.php: ...`
    return a.startsWith('(squid') || (a === 'php-fpm' && msg.message.startsWith('/index.php: '));
  },
  parse,
};
