/**
 * juniper_srx: Junos / SRX syslog, structured-data form (`[junos@2636.1.1.1.2.x key="value" ...]`,
 * RFC 5424) and BSD form (`RT_FLOW: RT_FLOW_SESSION_CREATE: ...`, `kernel: FW: ...`), normalised
 * as Elastic's `juniper_srx` integration does. See README.md.
 */
import type { EcsDoc, SyslogMessage } from '../../src/core/types.js';
import { relatedHost, relatedIp, relatedUser, setField, toInt } from '../../src/ecs/fields.js';
import { parseKv } from '../../src/ecs/kv.js';
import { mapEndpoints, mapFlow } from './flow.js';
import { mapSystem, readProcTag } from './system.js';
import { reread5424 } from './header.js';
import { isoTime } from '../../src/ecs/base.js';
import { set2, set3 } from '../../src/ecs/set-path.js';
import { indexOfFrom } from '../../src/core/marker.js';
import type { VendorParser } from '../../src/core/stages.js';
import { table, record } from '../../src/core/null-proto.js';

/** the firewall filter log's process tag, looked for from its `_` (see indexOfFrom) */
const PFE_MARK = 'PFE_FW_SYSLOG_IP: ';
const PFE_TAIL = PFE_MARK.slice(3);

/** log.level by syslog severity, as the pipeline names them. */
const LEVELS: readonly string[] = [
  'emergency', 'alert', 'critical', 'error', 'warning', 'notification', 'informational', 'debug',
];
/** Values the pipeline drops as empty. */
const EMPTY = new Set(['None', 'UNKNOWN', 'N/A', '-']);
const IANA_NAMES = table<string>({
  0: 'hopopt', 1: 'icmp', 2: 'igmp', 6: 'tcp', 8: 'egp', 17: 'udp', 47: 'gre', 50: 'esp', 58: 'ipv6-icmp', 112: 'vrrp', 132: 'sctp',
});
/** juniper.srx keys that become observer interface / zone fields. */
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
const SECURITY_PROCESSES = new Set(['RT_UTM', 'RT_IDP', 'RT_IDS', 'RT_AAMW', 'RT_SECINTEL', 'RT_SCREEN']);

/** The `junos@...` SD element: from the parsed header, else read from the raw text. */
function junosParams(msg: SyslogMessage): Record<string, string> | null {
  const sd = msg.structuredData;
  if (sd !== null) {
    for (const id in sd) if (id.startsWith('junos@')) return sd[id]!;
  }
  const i = msg.raw.indexOf('[junos@');
  if (i < 0) return null;
  const sp = msg.raw.indexOf(' ', i);
  if (sp < 0) return null;
  let end = msg.raw.lastIndexOf('"]');
  end = end > sp ? end + 1 : msg.raw.length;
  const kv = parseKv(msg.raw.slice(sp + 1, end));
  // the pipeline trims stray quotes off values (`remote-address=1.2.3.4"`)
  for (const k in kv) {
    const v = kv[k]!;
    if (v.charCodeAt(0) === 34 || v.charCodeAt(v.length - 1) === 34) kv[k] = v.replace(/^"+|"+$/g, '');
  }
  return kv;
}

/** Kebab-case keys to snake_case, empty values dropped. */
/** `source-address` -> `source_address`, remembered (the key vocabulary is small; bounded for odd input). */
const underscored = new Map<string, string>();
function underscore(k: string): string {
  let u = underscored.get(k);
  if (u === undefined) {
    u = k.includes('-') ? k.replace(/-/g, '_') : k;
    if (underscored.size < 4096) underscored.set(k, u);
  }
  return u;
}

function srxKeys(params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const k in params) {
    const v = params[k]!;
    if (EMPTY.has(v)) continue;
    out[underscore(k)] = v;
  }
  return out;
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

export const parser: VendorParser = {
  id: 'juniper_srx',
  dataset: 'juniper_srx.log',
  samples: [
    '<14>1 2024-03-14T08:00:00.000+01:00 srx-1 RT_FLOW - RT_FLOW_SESSION_CLOSE [junos@2636.1.1.1.2.129 reason="TCP FIN" source-address="10.10.1.20" source-port="50123" destination-address="10.9.9.200" destination-port="443" service-name="junos-https" protocol-id="6" policy-name="allow-web" source-zone-name="trust" destination-zone-name="untrust" session-id-32="1234" packets-from-client="10" bytes-from-client="1200" packets-from-server="8" bytes-from-server="3400" elapsed-time="5"]',
  ],

  detect(msg: SyslogMessage): boolean {
    const app = msg.appname;
    if (app !== null && app.charCodeAt(0) === 82 && app.startsWith('RT_')) return true;
    if (msg.raw.indexOf('[junos@') >= 0) return true;
    if (app === 'kernel') return msg.message.startsWith('FW: ');
    return indexOfFrom(msg.content, PFE_MARK, 3, PFE_TAIL) >= 0;
  },

  parse(msg, doc, ctx): string | null {
    let appname = msg.appname;
    let msgid = msg.msgid;
    let hostname = msg.hostname;
    let procid = msg.procid;
    if (msg.hostname === null && msg.structuredData === null) {
      const h = reread5424(msg, ctx.timezone);
      if (h !== null) {
        ({ appname, msgid, hostname, procid } = h);
        doc['@timestamp'] = isoTime(h.time);
        if (doc.event !== undefined) delete doc.event.timezone;
      }
    }
    set2(doc, 'observer', 'vendor', 'Juniper');
    set2(doc, 'observer', 'product', 'SRX');
    set2(doc, 'observer', 'type', 'firewall');
    if (hostname !== null) set2(doc, 'observer', 'name', hostname);
    if (msg.priority >= 0) {
      // Elastic's pipeline writes the whole PRI here
      set2(doc, 'event', 'severity', msg.priority);
      set2(doc, 'log', 'level', LEVELS[msg.severity]);
    }
    const params = junosParams(msg);
    let process: string | undefined;
    let tag: string | undefined;
    let step: string | null = null;
    const srx = params === null ? null : srxKeys(params);
    if (srx !== null && msg.structuredData === null) step = 'malformed_structured_data';
    if (srx !== null) {
      process = appname ?? undefined;
      tag = msgid ?? undefined;
    } else {
      // BSD form: `PROG: TAG: text` (the header parser took PROG as the appname when it could)
      const pt = readProcTag(msg.content);
      process = pt.process;
      tag = pt.tag;
      if (process === undefined) step = 'unknown_layout';
      mapSystem(tag, process, msg.content.slice(pt.rest), doc);
    }
    if (srx !== null) {
      const elapsed = srx.elapsed_time;
      delete srx.elapsed_time;
      for (const k of DROPPED) delete srx[k];
      for (const [k, target] of RENAMES) {
        const v = srx[k];
        if (v !== undefined) {
          setField(doc, target, v);
          delete srx[k];
        }
      }
      if (process === 'RT_FLOW') mapFlow(srx, tag, doc);
      else if (process !== undefined && SECURITY_PROCESSES.has(process)) mapEndpoints(srx, doc);
      if (Object.keys(srx).length > 0) {
        const ns = ((doc.juniper ??= {}).srx ??= record<string>()) as Record<string, string>;
        for (const k in srx) ns[k] = srx[k]!;
      }
      const secs = toInt(elapsed);
      if (secs !== undefined) setDuration(doc, secs);
    }
    set3(doc, 'juniper', 'srx', 'process', process);
    set3(doc, 'juniper', 'srx', 'tag', tag);
    if (process !== undefined) set2(doc, 'process', 'name', process);
    const pid = toInt(procid ?? undefined);
    if (pid !== undefined) set2(doc, 'process', 'pid', pid);
    const iana = doc.network?.iana_number as string | undefined;
    if (iana !== undefined) set2(doc, 'network', 'transport', IANA_NAMES[iana]);
    relatedIp(doc, doc.source?.ip);
    relatedIp(doc, doc.destination?.ip);
    relatedIp(doc, doc.source?.nat?.ip);
    relatedIp(doc, doc.destination?.nat?.ip);
    relatedHost(doc, doc.url?.domain);
    relatedHost(doc, doc.source?.domain);
    relatedHost(doc, doc.destination?.domain);
    relatedUser(doc, doc.source?.user?.name);
    relatedUser(doc, doc.destination?.user?.name);
    return step;
  },
};
