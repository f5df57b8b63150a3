/**
 * Junos system messages in the BSD form (`kernel: FW: ...`, `RT_SYSTEM: RTLOG_CONN_ERROR: ...`,
 * `(FPC Slot 1, PIC Slot 1) PFE_FW_SYSLOG_IP: FW: ...`): the process is the program before the
 * first `: `, the tag the `WORD:` after it; known tags are taken apart as Elastic's `system`
 * pipeline does (juniper.srx.firewall.*, juniper.srx.rtlog_conn_error.*).
 */
import type { EcsDoc } from '../../src/core/types.js';
import { toInt } from '../../src/ecs/fields.js';
import { set2, set3, set4 } from '../../src/ecs/set-path.js';

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

/** Firewall-filter and RTLOG messages; text is what follows `TAG:`. */
export function mapSystem(tag: string | undefined, process: string | undefined, text: string, doc: EcsDoc): void {
  set3(doc, 'juniper', 'srx', 'log_type', 'system');
  set2(doc, 'event', 'kind', 'event');
  if (tag === 'FW') {
    // ` IFACE ACTION PROTO SRC DST SPORT DPORT[ (N packets)]`
    const w = text.trim().split(' ', 10);
    if (w.length >= 7) {
      set3(doc, 'juniper', 'srx', 'interface_name', w[0]);
      set4(doc, 'juniper', 'srx', 'firewall', 'filter_action', w[1]);
      set4(doc, 'juniper', 'srx', 'firewall', 'packet_protocol', w[2]);
      set4(doc, 'juniper', 'srx', 'firewall', 'src_addr', w[3]);
      set4(doc, 'juniper', 'srx', 'firewall', 'dst_addr', w[4]);
      set4(doc, 'juniper', 'srx', 'firewall', 'src_port', w[5]);
      set4(doc, 'juniper', 'srx', 'firewall', 'dst_port', w[6]);
      if (process === 'PFE_FW_SYSLOG_IP' && w[7] !== undefined && w[7].startsWith('(')) {
        set4(doc, 'juniper', 'srx', 'firewall', 'packets_num', w[7].slice(1));
      }
    }
  } else if (tag === 'RTLOG_CONN_ERROR') {
    const t = text.trim();
    if (t.startsWith('Connection error ')) {
      const sp = t.indexOf(' ', 17);
      if (sp > 17) {
        set4(doc, 'juniper', 'srx', 'rtlog_conn_error', 'stream_name', t.slice(17, sp));
        const err = t.slice(sp + 1);
        set4(doc, 'juniper', 'srx', 'rtlog_conn_error', 'err_msg', err);
        const m = /^(?:status: ([^,]{1,32}), )?Error code: major (\d{1,9}) minor (\d{1,9}) code (\d{1,9}), description:(.*)$/.exec(err);
        if (m !== null) {
          if (m[1] !== undefined) set4(doc, 'juniper', 'srx', 'rtlog_conn_error', 'status', toInt(m[1]));
          set4(doc, 'juniper', 'srx', 'rtlog_conn_error', 'major', toInt(m[2]));
          set4(doc, 'juniper', 'srx', 'rtlog_conn_error', 'minor', toInt(m[3]));
          set4(doc, 'juniper', 'srx', 'rtlog_conn_error', 'code', toInt(m[4]));
          set4(doc, 'juniper', 'srx', 'rtlog_conn_error', 'description', m[5]);
        }
      }
    }
  }
}
