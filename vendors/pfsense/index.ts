/**
 * pfSense and OPNsense: pf `filterlog` plus the programs Elastic's pfsense integration reads
 * (OpenVPN, charon/IPsec, dhcpd/dhclient/dhcp6c/dnsmasq, unbound, HAProxy, php-fpm logins, squid,
 * the Snort package's preprocessor alerts) and sshd. Dispatch is on the program, as Elastic's
 * pipeline does with `event.provider`; a line whose header was lost is recognised by its body.
 */
import type { EcsDoc, SyslogMessage } from '../../src/core/types.js';
import { appendUnique, ianaNumber, isIp, relatedHost, relatedIp, relatedUser, setField, toInt } from '../../src/ecs/fields.js';
import { communityId } from '../../src/ecs/community-id.js';
import { isoTime } from '../../src/ecs/base.js';
import { parseFilterlog } from './filterlog.js';
import { parseSquid } from './squid.js';
import { parseOpenvpn } from './openvpn.js';
import { parseCharon } from './ipsec.js';
import { parseDhcp } from './dhcp.js';
import { parseUnbound } from './unbound.js';
import { parsePhpFpm } from './php-fpm.js';
import { parseHaproxy } from './haproxy.js';
import { parseSnortAlert } from './snort.js';
import { parseSshd } from './sshd.js';
import { filterlogInBody, isFilterlogCsv, isFirewallHost, isSnortPreprocessorAlert, processName, provider, unwrapRepeated } from './program.js';
import { set2 } from '../../src/ecs/set-path.js';
import type { VendorContext, VendorParser } from '../../src/core/stages.js';

type ProgramParser = (s: string, doc: EcsDoc, ctx: VendorContext, provider: string) => string | null;

/** Nothing beyond the header and the text: the daemons any host runs, claimed from a firewall host. */
const textOnly: ProgramParser = () => null;

/** By Elastic's provider name (the program without its `-N` suffix). */
const PROGRAMS: ReadonlyMap<string, ProgramParser> = new Map<string, ProgramParser>([
  ['filterlog', (s, doc) => parseFilterlog(s, doc)],
  ['openvpn', (s, doc) => parseOpenvpn(s, doc)],
  ['charon', (s, doc) => parseCharon(s, doc)],
  ['dhcpd', (s, doc, _c, p) => parseDhcp(s, doc, p)],
  ['dhclient', (s, doc, _c, p) => parseDhcp(s, doc, p)],
  ['dhcp6c', (s, doc, _c, p) => parseDhcp(s, doc, p)],
  ['dnsmasq-dhcp', (s, doc, _c, p) => { doc.event.provider = 'dhcpd'; return parseDhcp(s, doc, p); }],
  ['unbound', (s, doc) => parseUnbound(s, doc)],
  ['haproxy', (s, doc, ctx) => parseHaproxy(s, doc, ctx)],
  ['php-fpm', (s, doc) => parsePhpFpm(s, doc)],
  ['squid', (s, doc) => parseSquid(s, doc)],
  ['snort', (s, doc) => parseSnortAlert(s, doc)],
  ['sshd', (s, doc) => parseSshd(s, doc)],
]);

/** Programs only pfSense or OPNsense run (gateway monitor, filter DNS, rc scripts, OPNsense's configd). */
const BOX_PROGRAMS: ReadonlySet<string> = new Set(['filterdns', 'dpinger', 'check_reload_status', 'rc', 'dhcpleases', 'configd', 'opnsense', 'pfSctl']);

/** Daemons of the box that any Unix host runs as well: claimed only from a host named like a firewall. */
const HOST_PROGRAMS: ReadonlyMap<string, ProgramParser> = new Map<string, ProgramParser>([
  ['sshd', (s, doc) => parseSshd(s, doc)],
  ['ntpd', textOnly], ['nginx', textOnly], ['lighttpd', textOnly], ['dnsmasq', textOnly], ['sudo', textOnly],
  ['kea-dhcp', textOnly], ['radiusd', textOnly], ['syslogd', textOnly], ['check_reload_status', textOnly],
]);

/** The provider a line's tag names, when the family claims it. */
function claimed(msg: SyslogMessage, prov: string): boolean {
  switch (prov) {
    case 'filterlog': case 'openvpn': case 'charon': case 'dhcpd': case 'dhclient': case 'dhcp6c':
    case 'dnsmasq-dhcp': case 'unbound': case 'haproxy': case 'squid':
      return true;
    case 'php-fpm': case 'php': case 'php-cgi':
      // the webConfigurator's lines name the script: `/index.php: ...`
      return msg.message.charCodeAt(0) === 47;
    case 'snort':
      return isSnortPreprocessorAlert(msg.message);
    default:
      return BOX_PROGRAMS.has(prov) || (HOST_PROGRAMS.has(prov) && isFirewallHost(msg.hostname));
  }
}

const MONTHS: ReadonlySet<string> = new Set(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);

/** The tag a lenient header reading takes from a second stamp: a month name. */
function isMonth(tag: string): boolean {
  return tag.length === 3 && MONTHS.has(tag);
}

/** The header's host and process; php-fpm lines describe the firewall itself, filed as host.*. */
function header(msg: SyslogMessage, doc: EcsDoc, name: string, prov: string): void {
  const host = msg.hostname;
  const php = prov === 'php-fpm';
  if (host !== null && host !== '-') {
    if (isIp(host)) setField(doc, php ? 'host.ip' : 'observer.ip', host);
    else setField(doc, php ? 'host.name' : 'observer.name', host);
  }
  if (name !== '') {
    set2(doc, 'process', 'name', name);
    set2(doc, 'event', 'provider', prov);
  }
  const pid = toInt(msg.procid);
  if (pid !== undefined) set2(doc, 'process', 'pid', pid);
}

/** The zone an RFC 5424 stamp was written in (`Z`, `+01:00`), which Elastic's header grok keeps as event.timezone. */
function stampZone(msg: SyslogMessage, doc: EcsDoc): void {
  const t = msg.timestampText;
  if (msg.format !== 'rfc5424' || !msg.timestampHasZone || t === null) return;
  const z = t.charCodeAt(t.length - 1) === 90 ? 'Z' : t.slice(-6);
  if (z === 'Z' || z.charCodeAt(0) === 43 || z.charCodeAt(0) === 45) set2(doc, 'event', 'timezone', z);
}

/** A filterlog line found in the body (no header, or a relay's header in front of the device's). */
function bodyFilterlog(msg: SyslogMessage, doc: EcsDoc): string | null {
  let text = msg.message;
  let body = filterlogInBody(text);
  if (body === null) {
    text = msg.raw;
    body = filterlogInBody(text);
  }
  if (body === null) return 'unknown_program';
  set2(doc, 'process', 'name', 'filterlog');
  set2(doc, 'event', 'provider', 'filterlog');
  set2(doc, 'process', 'pid', toInt(body.pid));
  if (body.host !== '') setField(doc, isIp(body.host) ? 'observer.ip' : 'observer.name', body.host);
  return parseFilterlog(text.slice(body.start), doc);
}

/** What Elastic's pipeline derives for every program: category, network type, community id, related.*. */
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

function parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
  // a line that lost its header keeps the time it arrived
  if (doc['@timestamp'] === undefined) doc['@timestamp'] = isoTime(ctx.receivedAt);
  stampZone(msg, doc);
  set2(doc, 'observer', 'vendor', 'netgate');
  set2(doc, 'observer', 'type', 'firewall');
  set2(doc, 'event', 'kind', 'event');
  const name = msg.appname === null ? '' : processName(msg.appname);
  const prov = provider(name);
  const fn = PROGRAMS.get(prov) ?? HOST_PROGRAMS.get(prov) ?? (BOX_PROGRAMS.has(prov) || prov === 'php' || prov === 'php-cgi' ? textOnly : undefined);
  let step: string | null;
  if (fn !== undefined) {
    header(msg, doc, name, prov);
    step = fn(unwrapRepeated(msg.message), doc, ctx, prov);
  } else {
    step = bodyFilterlog(msg, doc);
    if (step === 'unknown_program') header(msg, doc, name, prov);
  }
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
    if (a === 'filterlog') return true;
    if (a !== null) {
      if (claimed(msg, provider(processName(a)))) return true;
      // only a relay's stamp in front (`Mar 15 10:00:16 relay01 Mar 15 ... filterlog[7]: ...`) hides the tag
      if (!isMonth(a)) return false;
    }
    // a bare CSV body, or the device's header behind a relay's
    const m = msg.message;
    const c = m.charCodeAt(0);
    if (c >= 48 && c <= 57 && isFilterlogCsv(m, 0)) return true;
    return m.indexOf('filterlog') >= 0 && filterlogInBody(m) !== null;
  },
  parse,
};
