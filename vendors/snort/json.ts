/**
 * JSON alerts: Snort 3's alert_json (`{ "timestamp" : "08/15-18:51:10.113285", "proto" : "TCP",
 * "src_addr" : ..., "rule" : "1:1000001:0", "msg" : ..., "class" : ..., "priority" : 1, ... }`),
 * mapped as Elastic's snort `json` pipeline does, and Suricata's EVE `alert` events
 * (`{"timestamp":"2024-...","event_type":"alert","src_ip":...,"alert":{"signature_id":...}}`),
 * mapped to the same fields.
 */
import type { EcsDoc } from '../../src/core/types.js';
import type { VendorContext } from '../../src/core/stages.js';
import { setField, toInt } from '../../src/ecs/fields.js';
import { isoTime } from '../../src/ecs/base.js';
import { set2 } from '../../src/ecs/set-path.js';
import { readSnortDate, type SnortStamp } from './date.js';

type Json = Record<string, unknown>;

function obj(v: unknown): Json | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** [json key, field, as long] of Snort 3's alert_json, as the pipeline's renames and converts read. */
const SNORT3: readonly (readonly [string, string, boolean])[] = [
  ['src_port', 'source.port', true], ['dst_port', 'destination.port', true],
  ['src_addr', 'source.address', false], ['dst_addr', 'destination.address', false],
  ['eth_src', 'source.mac', false], ['eth_dst', 'destination.mac', false], ['eth_len', 'snort.eth.length', true],
  ['class', 'rule.category', false], ['msg', 'rule.description', false], ['rev', 'rule.version', false],
  ['sid', 'rule.id', false], ['gid', 'snort.gid', true],
  ['icmp_type', 'snort.icmp.type', true], ['icmp_code', 'snort.icmp.code', true], ['icmp_id', 'snort.icmp.id', true], ['icmp_seq', 'snort.icmp.seq', true],
  ['tcp_flags', 'snort.tcp.flags', false], ['tcp_len', 'snort.tcp.length', true], ['tcp_seq', 'snort.tcp.seq', true],
  ['tcp_ack', 'snort.tcp.ack', true], ['tcp_win', 'snort.tcp.window', true], ['udp_len', 'snort.udp.length', true],
  ['ip_id', 'snort.ip.id', true], ['tos', 'snort.ip.tos', true], ['ttl', 'snort.ip.ttl', true],
  ['pkt_num', 'network.packets', true], ['pkt_len', 'network.bytes', true], ['proto', 'network.transport', false],
  ['priority', 'event.severity', true], ['iface', 'observer.ingress.interface.name', false],
];

/** EVE's keys, and those of its `alert` object, to the same fields. */
const EVE: readonly (readonly [string, string, boolean])[] = [
  ['src_ip', 'source.address', false], ['src_port', 'source.port', true], ['dest_ip', 'destination.address', false],
  ['dest_port', 'destination.port', true], ['proto', 'network.transport', false], ['app_proto', 'network.protocol', false],
  ['in_iface', 'observer.ingress.interface.name', false],
];
const EVE_ALERT: readonly (readonly [string, string, boolean])[] = [
  ['gid', 'snort.gid', true], ['signature_id', 'rule.id', false], ['rev', 'rule.version', false],
  ['signature', 'rule.description', false], ['category', 'rule.category', false], ['severity', 'event.severity', true],
];

function mapKeys(j: Json, table: readonly (readonly [string, string, boolean])[], doc: EcsDoc): void {
  for (const [k, path, long] of table) {
    const v = j[k];
    setField(doc, path, long ? toInt(v) : text(v));
  }
}

function snort3(j: Json, doc: EcsDoc, ctx: VendorContext, stamp: SnortStamp): string | null {
  mapKeys(j, SNORT3, doc);
  // `rule` is `gid:sid:rev`: sid and rev from it when the separate keys are absent
  const rule = text(j.rule)?.split(':');
  if (rule !== undefined && rule.length === 3) {
    if (doc.snort?.gid === undefined) set2(doc, 'snort', 'gid', toInt(rule[0]));
    if (doc.rule?.id === undefined) set2(doc, 'rule', 'id', rule[1]);
    if (doc.rule?.version === undefined) set2(doc, 'rule', 'version', rule[2]);
  }
  const service = text(j.service);
  if (service !== 'unknown') set2(doc, 'network', 'protocol', service);
  const vlan = toInt(j.vlan);
  if (vlan !== undefined && vlan !== 0) set2(doc, 'network', 'vlan', { id: String(vlan) });
  const flags = doc.snort?.tcp?.flags as string | undefined;
  if (flags !== undefined) doc.snort.tcp.flags = flags.replace(/\*/g, '');
  const ts = text(j.timestamp);
  if (ts !== undefined && readSnortDate(ts, ctx, stamp) >= 0) doc['@timestamp'] = isoTime(stamp.ms);
  return actionType(doc, text(j.action));
}

/** `allow` -> allowed, `block`/`drop` -> denied (event.type), as the pipeline's action test. */
function actionType(doc: EcsDoc, action: string | undefined): string | null {
  const a = action?.toLowerCase();
  if (a === 'allow' || a === 'allowed') set2(doc, 'event', 'type', ['allowed']);
  else if (a === 'block' || a === 'blocked' || a === 'drop') set2(doc, 'event', 'type', ['denied']);
  return null;
}

/** Suricata EVE `alert` event. */
function eve(j: Json, doc: EcsDoc): string | null {
  const alert = obj(j.alert);
  if (alert === undefined) return 'eve_not_an_alert';
  mapKeys(j, EVE, doc);
  mapKeys(alert, EVE_ALERT, doc);
  const ts = text(j.timestamp);
  const ms = ts === undefined ? NaN : Date.parse(ts);
  if (!Number.isNaN(ms)) doc['@timestamp'] = isoTime(ms);
  return actionType(doc, text(alert.action));
}

export function parseJson(s: string, p: number, doc: EcsDoc, ctx: VendorContext, stamp: SnortStamp): string | null {
  let j: Json | undefined;
  try {
    j = obj(JSON.parse(s.slice(p)));
  } catch {
    return 'parse_json';
  }
  if (j === undefined) return 'parse_json';
  if (j.event_type !== undefined) return eve(j, doc);
  return snort3(j, doc, ctx, stamp);
}

/** `{` and a key only these alerts have, by indexOf. */
export function isAlertJson(s: string, p: number): boolean {
  if (s.charCodeAt(p) !== 123) return false;
  return s.indexOf('"pkt_num"', p) > 0 || s.indexOf('"src_ap"', p) > 0 ||
    (s.indexOf('"event_type"', p) > 0 && s.indexOf('"alert"', p) > 0 && s.indexOf('"signature_id"', p) > 0);
}
