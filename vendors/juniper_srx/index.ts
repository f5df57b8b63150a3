/**
 * juniper_srx: Junos / SRX syslog, structured-data form (`[junos@2636.1.1.1.2.x key="value" ...]`,
 * RFC 5424, with or without the `brief` text) and BSD form (`RT_FLOW: RT_FLOW_SESSION_CREATE: ...`,
 * `kernel: FW: ...`), normalised as Elastic's `juniper_srx` integration does. See README.md.
 */
import type { EcsDoc, SyslogMessage } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { appendUnique, relatedHost, relatedIp, relatedUser, setField, toInt } from '../../src/ecs/fields.js';
import { isoTime } from '../../src/ecs/base.js';
import { child, put, set2, set3 } from '../../src/ecs/set-path.js';
import { indexOfFrom } from '../../src/core/marker.js';
import type { VendorContext, VendorParser } from '../../src/core/stages.js';
import { mapSystem, readProcTag } from './system.js';
import { reread5424 } from './header.js';
import { junosParams, srxKeys } from './sd.js';
import { applyMoves, MOVES, SYSTEM_COPIES } from './endpoints.js';
import { categorize } from './categorize.js';
import { categorizeFlow, flowTotals } from './flow.js';
import { ctimeToIso } from './time.js';
import { mapFlowText } from './flow-text.js';

/** the firewall filter log's process tag, looked for from its `_` (see indexOfFrom) */
const PFE_MARK = 'PFE_FW_SYSLOG_IP: ';
const PFE_TAIL = PFE_MARK.slice(3);

/** log.level by syslog severity, as the pipeline names them. */
const LEVELS: readonly string[] = [
  'emergency', 'alert', 'critical', 'error', 'warning', 'notification', 'informational', 'debug',
];
const IANA_NAMES: ReadonlyMap<string, string> = new Map([
  ['0', 'hopopt'], ['1', 'icmp'], ['2', 'igmp'], ['6', 'tcp'], ['8', 'egp'], ['17', 'udp'], ['47', 'gre'], ['50', 'esp'],
  ['58', 'ipv6-icmp'], ['112', 'vrrp'], ['132', 'sctp'],
]);
/** juniper.srx keys that become observer interface / zone fields, in the pipeline's order. */
const RENAMES: readonly [string, string][] = [
  ['packet_incoming_interface', 'observer.ingress.interface.name'],
  ['destination_interface_name', 'observer.egress.interface.name'],
  ['source_interface_name', 'observer.ingress.interface.name'],
  ['interface_name', 'observer.ingress.interface.name'],
  ['source_zone_name', 'observer.ingress.zone'],
  ['source_zone', 'observer.ingress.zone'],
  ['destination_zone_name', 'observer.egress.zone'],
  ['destination_zone', 'observer.egress.zone'],
];
const DROPPED = ['dir_disp', 'srczone', 'dstzone'];
/** Tags of Junos daemons (BSD form) that only Junos writes, so a line starting with one is Junos's. */
const SYSTEM_TAGS: readonly string[] = ['FW: ', 'KERN_ARP_ADDR_CHANGE: ', 'PING_TEST_COMPLETED: ', 'rtslib_dfwsm_get_async_cb:'];

/**
 * Prefixes of the Junos daemons' message tags (UI_COMMIT_COMPLETED, RPD_BGP_NEIGHBOR_STATE_CHANGED,
 * SNMP_TRAP_LINK_DOWN ...): a message that starts with `PREFIX_REST: ` is Junos's.
 */
const JUNOS_TAG_PREFIXES: ReadonlySet<string> = new Set([
  'UI', 'RPD', 'KMD', 'CHASSISD', 'SNMP', 'SNMPD', 'LICENSE', 'JSRPD', 'PFE', 'KERN', 'LACPD', 'DCD', 'MIB2D', 'FLOW',
  'IDP', 'AV', 'WEBFILTER', 'APPTRACK', 'SECINTEL', 'AAMW', 'UTMD', 'SSHD', 'LOGIN', 'JTASK', 'ESWD', 'L2ALD', 'VRRPD',
  'BFDD', 'COSD', 'DFWD', 'ALARMD', 'CRAFTD', 'EVENTD', 'MGD', 'PKID', 'SAVAL', 'SYSTEM', 'NTPD', 'DHCPD', 'JDHCPD',
  'AUTHD', 'SDXD', 'RMOPD', 'ALG', 'NSD', 'FWAUTH', 'ANTISPAM', 'CONTENT', 'APPID', 'APPQOS', 'APPPXY',
]);

/** `PREFIX_REST: ` at the start of the message, PREFIX one of the Junos daemons'. */
function hasJunosTag(m: string): boolean {
  const c = m.charCodeAt(0);
  if (c < 65 || c > 90) return false;
  let i = 1;
  let us = -1;
  for (; i < m.length && i < 64; i++) {
    const k = m.charCodeAt(i);
    if (k === 95) {
      if (us < 0) us = i;
    } else if (!((k >= 65 && k <= 90) || (k >= 48 && k <= 57))) break;
  }
  return us > 0 && i > us + 1 && m.charCodeAt(i) === 58 && m.charCodeAt(i + 1) === 32 && JUNOS_TAG_PREFIXES.has(m.slice(0, us));
}

function hasSystemTag(m: string): boolean {
  const c = m.charCodeAt(0);
  if (c !== 70 && c !== 75 && c !== 80 && c !== 114) return false;
  for (const t of SYSTEM_TAGS) if (m.startsWith(t)) return true;
  return false;
}

interface Header {
  appname: string | null;
  msgid: string | null;
  hostname: string | null;
  procid: string | null;
}

/** The RFC 5424 header fields; re-read from the raw line when its structured data was refused. */
function header(msg: SyslogMessage, doc: EcsDoc, tz: string): Header {
  const h: Header = { appname: msg.appname, msgid: msg.msgid, hostname: msg.hostname, procid: msg.procid };
  if (msg.format === 'rfc5424' || msg.structuredData !== null) return h;
  const r = reread5424(msg, tz);
  if (r === null) return h;
  doc['@timestamp'] = isoTime(r.time);
  if (doc.event !== undefined) delete doc.event.timezone;
  return { appname: r.appname, msgid: r.msgid, hostname: r.hostname, procid: r.procid };
}

function setDuration(doc: EcsDoc, seconds: number): void {
  const start = doc['@timestamp'] as string | undefined;
  set2(doc, 'event', 'duration', seconds * 1_000_000_000);
  if (start === undefined) return;
  const t = Date.parse(start);
  if (Number.isNaN(t)) return;
  set2(doc, 'event', 'start', start);
  set2(doc, 'event', 'end', new Date(t + seconds * 1000).toISOString());
}

/** The structured-data form: the pipeline's renames, the process's own mapping, the rest under juniper.srx. */
function mapStructured(srx: KvMap, process: string | undefined, tag: string | undefined, doc: EcsDoc): void {
  const elapsed = srx.elapsed_time;
  delete srx.elapsed_time;
  for (const k of DROPPED) delete srx[k];
  for (const [k, target] of RENAMES) {
    const v = srx[k];
    if (v === undefined) continue;
    setField(doc, target, v);
    delete srx[k];
  }
  if (process === 'RT_FLOW') categorizeFlow(srx, tag, doc);
  else if (process !== undefined) categorize(process, tag, srx, doc);
  const moves = process === undefined ? undefined : MOVES.get(process);
  if (moves !== undefined) applyMoves(srx, doc, moves);
  else systemStructured(srx, doc);
  if (process === 'RT_FLOW') flowTotals(doc);
  if (process === 'RT_AAMW' && srx.timestamp !== undefined) {
    const t = ctimeToIso(srx.timestamp);
    if (t === undefined) delete srx.timestamp;
    else srx.timestamp = t;
  }
  // `epoch-time` (RT_IDP) is seconds since the epoch: written as the date its field is typed
  if (srx.epoch_time !== undefined) {
    const secs = toInt(srx.epoch_time);
    if (secs === undefined || secs <= 0 || secs > 253402300799) delete srx.epoch_time;
    else srx.epoch_time = isoTime(secs * 1000);
  }
  let ns: EcsDoc | null = null;
  // device keys (a `__proto__` among them) are written as own fields
  for (const k in srx) put((ns ??= child(child(doc, 'juniper'), 'srx')), k, srx[k]);
  const secs = toInt(elapsed);
  if (secs !== undefined) setDuration(doc, secs);
}

/** A structured message of another process (kmd, ...): the system pipeline's event fields and copies. */
function systemStructured(srx: KvMap, doc: EcsDoc): void {
  set3(doc, 'juniper', 'srx', 'log_type', 'system');
  set2(doc, 'event', 'kind', 'event');
  appendUnique(doc, 'event.category', 'network');
  applyMoves(srx, doc, SYSTEM_COPIES, true);
  if (srx.message !== undefined) doc.message = srx.message;
}

/** process.*, the transport of the IANA number, related.* */
function tail(doc: EcsDoc, process: string | undefined, procid: string | null): void {
  if (process !== undefined) set2(doc, 'process', 'name', process);
  const pid = toInt(procid ?? undefined);
  if (pid !== undefined) set2(doc, 'process', 'pid', pid);
  const iana = doc.network?.iana_number as string | undefined;
  if (iana !== undefined) set2(doc, 'network', 'transport', IANA_NAMES.get(iana));
  relatedIp(doc, doc.source?.ip);
  relatedIp(doc, doc.destination?.ip);
  relatedIp(doc, doc.source?.nat?.ip);
  relatedIp(doc, doc.destination?.nat?.ip);
  relatedHost(doc, doc.url?.domain);
  relatedHost(doc, doc.source?.domain);
  relatedHost(doc, doc.destination?.domain);
  relatedUser(doc, doc.source?.user?.name);
  relatedUser(doc, doc.destination?.user?.name);
}

export const parser: VendorParser = {
  id: 'juniper_srx',
  dataset: 'juniper_srx.log',
  samples: [
    '<14>1 2024-03-14T08:00:00.000+01:00 srx-1 RT_FLOW - RT_FLOW_SESSION_CLOSE [junos@2636.1.1.1.2.129 reason="TCP FIN" source-address="10.10.1.20" source-port="50123" destination-address="10.9.9.200" destination-port="443" service-name="junos-https" protocol-id="6" policy-name="allow-web" source-zone-name="trust" destination-zone-name="untrust" session-id-32="1234" packets-from-client="10" bytes-from-client="1200" packets-from-server="8" bytes-from-server="3400" elapsed-time="5"]',
    '<11>1 2024-03-14T08:00:01.000+01:00 srx-1 RT_IDS - RT_SCREEN_TCP [junos@2636.1.1.1.2.129 attack-name="SYN flood!" source-address="192.0.2.10" source-port="1024" destination-address="198.51.100.1" destination-port="80" source-zone-name="untrust" interface-name="ge-0/0/1.0" action="drop"]',
  ],

  detect(msg: SyslogMessage): boolean {
    const app = msg.appname;
    if (app !== null && app.charCodeAt(0) === 82 && app.startsWith('RT_')) return true;
    if (msg.raw.indexOf('[junos@') >= 0) return true;
    if (app !== null && hasSystemTag(msg.message)) return app === 'kernel' || msg.message.charCodeAt(0) !== 70;
    // a BSD line whose header a relay or a file dropped: `RT_FLOW: RT_FLOW_SESSION_CREATE: ...`
    const c = msg.content;
    if (c.charCodeAt(0) === 82 && c.startsWith('RT_')) {
      const colon = c.indexOf(': ');
      if (colon > 3 && colon < 40 && c.indexOf(' ') === colon + 1) return true;
    }
    if (app !== null && hasJunosTag(msg.message)) return true;
    return indexOfFrom(c, PFE_MARK, 3, PFE_TAIL) >= 0;
  },

  parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
    const h = header(msg, doc, ctx.timezone);
    set2(doc, 'observer', 'vendor', 'Juniper');
    set2(doc, 'observer', 'product', 'SRX');
    set2(doc, 'observer', 'type', 'firewall');
    if (h.hostname !== null) set2(doc, 'observer', 'name', h.hostname);
    if (msg.priority >= 0) {
      // Elastic's pipeline writes the whole PRI here
      set2(doc, 'event', 'severity', msg.priority);
      set2(doc, 'log', 'level', LEVELS[msg.severity]);
    }
    const sd = junosParams(msg);
    let process: string | undefined;
    let tag: string | undefined;
    let step: string | null = null;
    if (sd !== null) {
      if (sd.fromRaw) step = 'malformed_structured_data';
      process = h.appname ?? undefined;
      tag = h.msgid ?? undefined;
      mapStructured(srxKeys(sd.params), process, tag, doc);
      // every param is under juniper.srx now (as Elastic keeps them): not a second time in log.syslog
      if (doc.log?.syslog !== undefined) delete doc.log.syslog.structured_data;
    } else {
      // BSD form: `PROG: TAG: text` (the header parser took PROG as the appname when it could)
      const pt = readProcTag(msg.content);
      process = pt.process;
      tag = pt.tag;
      if (process === undefined) step = 'unknown_layout';
      const text = msg.content.slice(pt.rest);
      if (process !== 'RT_FLOW' || tag === undefined || !mapFlowText(tag, text, doc)) mapSystem(tag, process, text, doc);
    }
    set3(doc, 'juniper', 'srx', 'process', process);
    set3(doc, 'juniper', 'srx', 'tag', tag);
    tail(doc, process, h.procid);
    return step;
  },
};
