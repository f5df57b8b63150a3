/**
 * The column step of PAN-OS parsing: per log type, what each CSV column becomes (decided once at
 * load), and the loop that writes the `panw.panos.*` columns of one line and fills the type's
 * `Fields` for its mapping.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { isIp, setParts, toInt } from '../../src/ecs/fields.js';
import { panTimeIso, normMac } from './convert.js';
import { Fields, type LogType } from './shared.js';

/** panw.panos fields Elastic copies into ECS and then drops from its own namespace. */
const REMOVED = new Set([
  'bytes_received', 'bytes_sent', 'certificate.fingerprint', 'certificate.not_after', 'certificate.not_before',
  'certificate.serial_number', 'certificate.size', 'certificate.version', 'client.os', 'client.os_version',
  'destination.ip', 'destination.location', 'destination.nat.ip', 'destination.nat.port', 'destination.port',
  'destination.user', 'destination.zone', 'device_name', 'elapsed_time', 'elliptic_curve', 'event.id', 'event.reason',
  'event.status', 'file.type', 'forwarded_ip', 'host.id', 'host.ip', 'http_method', 'inbound_interface', 'location',
  'login_duration', 'machine.mac_address', 'machine.name', 'machine.os', 'misc', 'network.application', 'network.bytes',
  'network.direction', 'network.packets', 'normalize_user', 'observer.serial_number', 'outbound_interface',
  'packets_received', 'packets_sent', 'private.ip', 'private.ipv6', 'protocol', 'public.ip', 'public.ipv6', 'recipient',
  'referrer', 'rule_uuid', 'sender', 'server_name_indication.value', 'severity', 'source.ip', 'source.ipv6',
  'source.location', 'source.nat.ip', 'source.nat.port', 'source.port', 'source.region', 'source.user', 'source.zone',
  'start_time', 'tls.encryption', 'tls.version', 'tunnel_inspection_rule', 'user', 'user_agent', 'user_by_source',
  'subject_common_name.value', 'issuer_common_name.value', 'hash',
].map((k) => 'panw.panos.' + k));

const LONGS = new Set([
  'repeat_count', 'sctp.chunks', 'sctp.chunks_sent', 'sctp.chunks_received', 'timeout', 'error_code', 'factorno',
  'issuer_common_name.length', 'root_common_name.length', 'subject_common_name.length', 'server_name_indication.length',
  'link.change_count', 'strict_check', 'tunnel_fragment', 'unknown_protocol', 'sessions.closed', 'sessions.created',
  'max_encapsulation', 'application.risk_level', 'response_time',
].map((k) => 'panw.panos.' + k));
const DATES = new Set(['panw.panos.parent_session.start_time', 'panw.panos.factorcompletiontime']);
const IPS = new Set(['panw.panos.xff.ip', 'panw.panos.remote_user.ip', 'panw.panos.end_ip_address']);
const MACS = new Set(['panw.panos.src.mac', 'panw.panos.dst.mac']);
const VENDOR_PREFIX = 'panw.panos.';

/** What the column loop does with a column, decided per log type at load. */
const COL_SKIP = 0; // not under panw.panos, or copied to ECS and dropped: mapping input only
const COL_PLAIN = 1;
const COL_LONG = 2;
const COL_DATE = 3;
const COL_IP = 4;
const COL_MAC = 5;
const COL_PCAP = 6; // network.pcap_id, left out when 0

/** The seven header columns before a type's own (FUTURE_USE, receive time ... generated time). */
export const HEADER_COLS = 7;

export interface TypeInfo {
  readonly lt: LogType;
  /** SYSTEM columns are trimmed, as Elastic's csv step does for that type */
  readonly trim: boolean;
  /** per column: COL_* */
  readonly kinds: Uint8Array;
  /** per column: its value slot in `fields` (columns of the same name share one) */
  readonly slots: Uint16Array;
  /** per column: the path under panw.panos, split */
  readonly paths: readonly (readonly string[])[];
  readonly configSlot: number;
  readonly fields: Fields;
}

function colKind(name: string): number {
  if (!name.startsWith(VENDOR_PREFIX) || REMOVED.has(name)) return COL_SKIP;
  if (LONGS.has(name)) return COL_LONG;
  if (DATES.has(name)) return COL_DATE;
  if (IPS.has(name)) return COL_IP;
  if (MACS.has(name)) return COL_MAC;
  if (name === 'panw.panos.network.pcap_id') return COL_PCAP;
  return COL_PLAIN;
}

export function typeInfo(lt: LogType, trim: boolean): TypeInfo {
  const ix = new Map<string, number>();
  const cols = lt.columns;
  const kinds = new Uint8Array(cols.length);
  const slots = new Uint16Array(cols.length);
  const paths: string[][] = [];
  for (let k = 0; k < cols.length; k++) {
    const name = cols[k]!;
    let slot = ix.get(name);
    if (slot === undefined) ix.set(name, (slot = ix.size));
    slots[k] = slot;
    kinds[k] = colKind(name);
    paths.push(name.startsWith(VENDOR_PREFIX) ? name.slice(VENDOR_PREFIX.length).split('.') : []);
  }
  let configSlot = ix.get('_temp_.config_version');
  if (configSlot === undefined) ix.set('_temp_.config_version', (configSlot = ix.size));
  return { lt, trim, kinds, slots, paths, configSlot, fields: new Fields(ix) };
}

/** Writes the line's columns under `pp` (panw.panos) by kind, and fills `info.fields` with every value. */
export function readColumns(info: TypeInfo, cols: readonly string[], pp: EcsDoc, tz: string): void {
  const f = info.fields;
  const vals = f.v;
  f.clear();
  if (cols[4] !== undefined && cols[4] !== '') vals[info.configSlot] = cols[4];
  const kinds = info.kinds, slots = info.slots, paths = info.paths;
  const trim = info.trim;
  const n = Math.min(kinds.length, cols.length - (HEADER_COLS - 1));
  for (let k = 0; k < n; k++) {
    let v = cols[k + HEADER_COLS - 1]!;
    if (trim) v = v.trim();
    if (v === '') continue;
    vals[slots[k]!] = v;
    switch (kinds[k]) {
      case COL_PLAIN:
        setParts(pp, paths[k]!, v);
        break;
      case COL_LONG:
        setParts(pp, paths[k]!, toInt(v));
        break;
      case COL_DATE:
        setParts(pp, paths[k]!, panTimeIso(v, tz));
        break;
      case COL_IP:
        if (isIp(v)) setParts(pp, paths[k]!, v);
        break;
      case COL_MAC:
        setParts(pp, paths[k]!, normMac(v));
        break;
      case COL_PCAP:
        if (v !== '0') setParts(pp, paths[k]!, v);
        break;
      default: // COL_SKIP: kept for the mapping only
        break;
    }
  }
}
