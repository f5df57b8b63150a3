/**
 * Junos system messages in the BSD form (`kernel: FW: ...`, `RT_SYSTEM: RTLOG_CONN_ERROR: ...`,
 * `(FPC Slot 1, PIC Slot 1) PFE_FW_SYSLOG_IP: FW: ...`): the process is the program before the
 * first `: `, the tag the `WORD:` after it; known tags are taken apart as Elastic's `system`
 * pipeline does (juniper.srx.firewall.*, rtlog_conn_error.*, kern_arp_addr_change.*,
 * ping_test.*, rtslib_dfwsm.*). Its releases differ: older ones keep the firewall filter's
 * addresses under juniper.srx.firewall, newer ones move them to source/destination; both are
 * written, so either reading finds its fields.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { toInt } from '../../src/ecs/fields.js';
import { appendUnique, isIp, setField } from '../../src/ecs/fields.js';
import { set2, set3, set4 } from '../../src/ecs/set-path.js';
import { compileDissect, runDissect } from '../../src/ecs/dissect.js';

export interface ProcTag {
  process: string | undefined;
  tag: string | undefined;
  /** index of the text after `TAG:` */
  rest: number;
}

function isTagChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Reads `[... ]PROG[[pid]]: TAG: rest` from s. */
export function readProcTag(s: string): ProcTag {
  const out: ProcTag = { process: undefined, tag: undefined, rest: 0 };
  const colon = s.indexOf(': ');
  if (colon <= 0 || colon > 512) return out;
  let a = s.lastIndexOf(' ', colon - 1) + 1;
  let b = colon;
  if (s.charCodeAt(b - 1) === 93 /* ] */) {
    const o = s.lastIndexOf('[', b);
    if (o > a) b = o;
  }
  if (b > a) out.process = s.slice(a, b);
  out.rest = colon + 2;
  a = colon + 2;
  let e = a;
  while (e < s.length && e - a < 64 && isTagChar(s.charCodeAt(e))) e++;
  if (e > a && s.charCodeAt(e) === 58) {
    out.tag = s.slice(a, e);
    out.rest = e + 1;
  }
  return out;
}

type SystemStep = (text: string, process: string | undefined, doc: EcsDoc) => void;

/** event.type of a firewall filter's action letter (accept, discard, reject) */
const FILTER_TYPES: ReadonlyMap<string, string> = new Map([['A', 'allowed'], ['D', 'deletion'], ['R', 'denied']]);

/** ` IFACE ACTION PROTO SRC DST SPORT DPORT[ (N packets)]` */
function firewall(text: string, process: string | undefined, doc: EcsDoc): void {
  const w = text.trim().split(' ', 10);
  if (w.length < 7) return;
  const [iface, action, proto, src, dst, sport, dport] = w as [string, string, string, string, string, string, string];
  set3(doc, 'juniper', 'srx', 'interface_name', iface);
  set4(doc, 'juniper', 'srx', 'firewall', 'filter_action', action);
  set4(doc, 'juniper', 'srx', 'firewall', 'packet_protocol', proto);
  set4(doc, 'juniper', 'srx', 'firewall', 'src_addr', src);
  set4(doc, 'juniper', 'srx', 'firewall', 'dst_addr', dst);
  set4(doc, 'juniper', 'srx', 'firewall', 'src_port', sport);
  set4(doc, 'juniper', 'srx', 'firewall', 'dst_port', dport);
  let packets: string | undefined;
  if (process === 'PFE_FW_SYSLOG_IP' && w[7] !== undefined && w[7].startsWith('(')) {
    packets = w[7].slice(1);
    set4(doc, 'juniper', 'srx', 'firewall', 'packets_num', packets);
  }
  appendUnique(doc, 'event.type', FILTER_TYPES.get(action));
  setField(doc, 'observer.ingress.interface.name', iface);
  set2(doc, 'network', 'transport', proto);
  endpoint(doc, 'destination', 'server', dst, dport);
  endpoint(doc, 'source', 'client', src, sport);
  const n = toInt(packets);
  if (n !== undefined) {
    set2(doc, 'source', 'packets', n);
    set2(doc, 'client', 'packets', n);
  }
}

function endpoint(doc: EcsDoc, side: string, copy: string, ip: string, port: string): void {
  if (isIp(ip)) {
    set2(doc, side, 'ip', ip);
    set2(doc, copy, 'ip', ip);
  }
  const p = toInt(port);
  if (p !== undefined) {
    set2(doc, side, 'port', p);
    set2(doc, copy, 'port', p);
  }
}

const CONN_ERROR = /^(?:status: ([^,]{1,32}), )?Error code: major (\d{1,9}) minor (\d{1,9}) code (\d{1,9}), description:(.*)$/;

function rtlogConnError(text: string, _process: string | undefined, doc: EcsDoc): void {
  const t = text.trim();
  if (!t.startsWith('Connection error ')) return;
  const sp = t.indexOf(' ', 17);
  if (sp <= 17) return;
  set4(doc, 'juniper', 'srx', 'rtlog_conn_error', 'stream_name', t.slice(17, sp));
  const err = t.slice(sp + 1);
  set4(doc, 'juniper', 'srx', 'rtlog_conn_error', 'err_msg', err);
  appendUnique(doc, 'event.type', 'error');
  appendUnique(doc, 'event.type', 'connection');
  const m = CONN_ERROR.exec(err);
  if (m === null) return;
  if (m[1] !== undefined) set4(doc, 'juniper', 'srx', 'rtlog_conn_error', 'status', toInt(m[1]));
  set4(doc, 'juniper', 'srx', 'rtlog_conn_error', 'major', toInt(m[2]));
  set4(doc, 'juniper', 'srx', 'rtlog_conn_error', 'minor', toInt(m[3]));
  set4(doc, 'juniper', 'srx', 'rtlog_conn_error', 'code', toInt(m[4]));
  set4(doc, 'juniper', 'srx', 'rtlog_conn_error', 'description', m[5]);
}

/** A tag whose text is one dissect into `juniper.srx.<group>.*`, with the event.type it adds. */
function dissected(pattern: string, group: string, type?: string, outcome?: string): SystemStep {
  const d = compileDissect(pattern);
  return (text, _process, doc) => {
    const out = Object.create(null) as Record<string, string>;
    if (!runDissect(d, text.trim(), 0, out)) return;
    for (const k in out) setField(doc, 'juniper.srx.' + group + '.' + k, out[k]);
    appendUnique(doc, 'event.type', type);
    set2(doc, 'event', 'outcome', outcome);
  };
}

const STEPS: ReadonlyMap<string, SystemStep> = new Map<string, SystemStep>([
  ['FW', firewall],
  ['RTLOG_CONN_ERROR', rtlogConnError],
  ['KERN_ARP_ADDR_CHANGE', dissected('arp info overwritten for %{ip} from %{mac1} to %{mac2}', 'kern_arp_addr_change')],
  ['PING_TEST_COMPLETED', dissected('pingCtlOwnerIndex = %{owner}, pingCtlTestName = %{name}', 'ping_test', 'info', 'success')],
  ['rtslib_dfwsm_get_async_cb', dissected('u_data:%{u_data} k_usr_d:%{k_usr_d}', 'rtslib_dfwsm', 'info')],
]);

/** The system pipeline's tags; text is what follows `TAG:`. */
export function mapSystem(tag: string | undefined, process: string | undefined, text: string, doc: EcsDoc): void {
  set3(doc, 'juniper', 'srx', 'log_type', 'system');
  set2(doc, 'event', 'kind', 'event');
  appendUnique(doc, 'event.category', 'network');
  const step = tag === undefined ? undefined : STEPS.get(tag);
  if (step !== undefined) step(text, process, doc);
}
