/**
 * panw_panos: Palo Alto Networks PAN-OS syslog in the default CSV form
 * `FUTURE_USE,receive_time,serial,type,subtype,config_version,generated_time,...`, mapped to ECS as
 * Elastic's `panw.panos` pipeline does. Each log type has a column table (Elastic's csv targets, in
 * order); newer PAN-OS releases only append columns, so one table per type serves 8.1-11.x.
 */
import type { EcsDoc, SyslogMessage } from '../../src/core/types.js';
import { setParts } from '../../src/ecs/fields.js';
import { splitCsv } from './csv.js';
import { panTime, panTimeIso, isoMs } from './convert.js';
import { isoTimeIn } from '../../src/ecs/base.js';
import type { LogType } from './shared.js';
import { HEADER_COLS, readColumns, typeInfo, type TypeInfo } from './columns.js';
import { common } from './common.js';
import { traffic } from './log-types/traffic.js';
import { threat } from './log-types/threat.js';
import { globalprotect } from './log-types/globalprotect.js';
import { system } from './log-types/system.js';
import { config } from './log-types/config.js';
import { userid } from './log-types/userid.js';
import { hipmatch } from './log-types/hipmatch.js';
import { authentication } from './log-types/authentication.js';
import { decryption } from './log-types/decryption.js';
import { ipTag } from './log-types/ip-tag.js';
import { sctp } from './log-types/sctp.js';
import { tunnel } from './log-types/tunnel.js';
import { gtp } from './log-types/gtp.js';
import { correlation } from './log-types/correlation.js';
import { audit } from './log-types/audit.js';
import type { VendorContext, VendorParser } from '../../src/core/stages.js';

/** Log type (4th column) -> its column table. Tunnel inspection logs are typed START or END. */
const LOG_TYPES: ReadonlyMap<string, LogType> = new Map([
  ['TRAFFIC', traffic], ['THREAT', threat], ['GLOBALPROTECT', globalprotect], ['SYSTEM', system], ['CONFIG', config],
  ['USERID', userid], ['HIPMATCH', hipmatch], ['HIP-MATCH', hipmatch], ['AUTHENTICATION', authentication],
  ['DECRYPTION', decryption], ['IPTAG', ipTag], ['SCTP', sctp], ['START', tunnel], ['END', tunnel], ['TUNNEL', tunnel],
  ['GTP', gtp], ['CORRELATION', correlation], ['AUDIT', audit],
]);

const TYPE_INFO: ReadonlyMap<string, TypeInfo> = (() => {
  const byType = new Map<LogType, TypeInfo>();
  const out = new Map<string, TypeInfo>();
  for (const [type, lt] of LOG_TYPES) {
    let info = byType.get(lt);
    if (info === undefined) byType.set(lt, (info = typeInfo(lt, lt === system)));
    out.set(type, info);
  }
  return out;
})();

const MAX_COLS = 160;

const P_SERIAL = ['observer', 'serial_number'];
const P_TYPE = ['panw', 'panos', 'type'];
const P_SUB_TYPE = ['panw', 'panos', 'sub_type'];
const P_GENERATED = ['panw', 'panos', 'generated_time'];
const P_RECEIVED = ['panw', 'panos', 'received_time'];
const P_LOGGED = ['panw', 'panos', 'logged_time'];
const P_HIGH_RES = ['panw', 'panos', 'high_resolution_timestamp'];

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Offset of the comma before the receive time (`,2024/01/31 ` or `,2024-01-31T`) when the message
 * has the PAN-OS shape, else -1. The comma must come within the first 64 characters.
 */
function csvStart(s: string): number {
  const i = s.indexOf(',');
  if (i < 0 || i > 64) return -1;
  const sep = s.charCodeAt(i + 5);
  if (!(sep === 47 || sep === 45) || !isDigit(s.charCodeAt(i + 1)) || !isDigit(s.charCodeAt(i + 4))) return -1;
  return i;
}

/** True when the 4th column (log type) is one PAN-OS writes. */
function typeAt(s: string, i: number): boolean {
  const a = s.indexOf(',', i + 1);
  if (a < 0 || a - i > 40) return false;
  const b = s.indexOf(',', a + 1);
  if (b < 0 || b - a > 40) return false;
  const c = s.indexOf(',', b + 1);
  if (c < 0 || c - b > 16) return false;
  return LOG_TYPES.has(s.slice(b + 1, c));
}

/** Fields every PAN-OS event gets, also unknown or unparseable ones. */
function observer(doc: EcsDoc): void {
  const o = (doc.observer ??= {});
  o.vendor = 'Palo Alto Networks';
  o.product = 'PAN-OS';
  o.type = 'firewall';
}

/** The header columns: serial, type, subtype, generated time (@timestamp) and receive time. */
function header(cols: readonly string[], doc: EcsDoc, tz: string): void {
  const ev = (doc.event ??= {});
  ev.timezone = tz;
  if (cols[1] !== '') setParts(doc, P_SERIAL, cols[1]);
  setParts(doc, P_TYPE, cols[2]);
  setParts(doc, P_SUB_TYPE, cols[3]);
  const generated = panTime(cols[5], tz);
  if (!Number.isNaN(generated)) {
    doc['@timestamp'] = isoMs(generated);
    setParts(doc, P_GENERATED, isoTimeIn(generated, tz));
  }
  setParts(doc, P_RECEIVED, panTimeIso(cols[0], tz));
}

/** Logged and high-resolution times (Elastic keeps the 1970 placeholder PAN-OS 9.1 and earlier write). */
function laterTimes(info: TypeInfo, doc: EcsDoc, tz: string): void {
  const f = info.fields;
  setParts(doc, P_LOGGED, panTimeIso(f.get('_temp_.logged_time'), tz));
  setParts(doc, P_HIGH_RES, panTimeIso(f.get('_temp_.high_res_timestamp'), tz));
}

/** The body of a `message repeated N times: [ ... ]` wrapper, without its closing bracket. */
function unwrapRepeated(s: string): string {
  return s.startsWith('message repeated ') && s.charCodeAt(s.length - 1) === 93 ? s.slice(0, -1) : s;
}

function parseLine(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
  observer(doc);
  const s = unwrapRepeated(msg.content);
  const start = csvStart(s);
  if (start < 0) return 'not_panos_csv';
  const tz = ctx.timezone;
  const cols = splitCsv(s, start + 1, MAX_COLS);
  if (cols.length < HEADER_COLS - 1) return 'short_header';
  header(cols, doc, tz);
  const info = TYPE_INFO.get(cols[2]!);
  if (info === undefined) return 'unsupported_log_type';
  const lt = info.lt;
  doc.event.kind = lt.kind;
  doc.event.category = lt.category.slice();
  readColumns(info, cols, doc.panw.panos as EcsDoc, tz);
  if (cols.length - (HEADER_COLS - 1) < 1) return 'no_body';
  lt.map(info.fields, doc, tz, cols[3]!);
  laterTimes(info, doc, tz);
  common(info.fields, doc, cols[3]!, tz);
  return null;
}

export const parser: VendorParser = {
  id: 'panw_panos',
  dataset: 'panw.panos',
  samples: [
    '<14>Mar 14 08:00:00 pa-1 1,2024/03/14 08:00:00,007200001234,TRAFFIC,end,2561,2024/03/14 08:00:00,10.0.0.5,10.9.9.9,0.0.0.0,0.0.0.0,allow-web,,,ssl,vsys1,trust,untrust,ethernet1/1,ethernet1/2,fwd,2024/03/14 08:00:00,1234,1,50123,443,0,0,0x400000,tcp,allow,5000,3000,2000,20,2024/03/14 07:59:50,10,any,0,7300014100,0x0,10.0.0.0-10.255.255.255,US,0,10,10,tcp-fin',
  ],
  detect(msg: SyslogMessage): boolean {
    const s = msg.content;
    const i = csvStart(s);
    return i >= 0 && typeAt(s, i);
  },
  parse(msg: SyslogMessage, doc: EcsDoc, ctx: VendorContext): string | null {
    return parseLine(msg, doc, ctx);
  },
};
