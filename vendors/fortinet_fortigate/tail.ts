/**
 * What Elastic's default pipeline does after the type sub-pipelines: action and reason fallbacks,
 * network direction (device's own `dir`/`direction`, else private networks as internal), totals,
 * transport, MAC format, `related.*` and the log-id action name.
 */
import { isIP } from 'node:net';
import type { EcsDoc } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { appendUnique, getField, isIp, setField } from '../../src/ecs/fields.js';
import { mv } from './ops.js';
import { LOGID_ACTION } from './logid-actions.js';
import { table } from '../../src/core/null-proto.js';

const DIRECTIONS = new Set(['ingress', 'egress', 'inbound', 'outbound', 'internal', 'external']);
const INGRESS_SIDE = new Set(['ingress', 'inbound', 'internal']);
const EGRESS_SIDE = new Set(['egress', 'outbound', 'external']);
const IANA_TRANSPORT = table<string>({
  '0': 'hopopt', '1': 'icmp', '2': 'igmp', '6': 'tcp', '8': 'egp', '17': 'udp', '47': 'gre', '50': 'esp',
  '58': 'ipv6-icmp', '112': 'vrrp', '132': 'sctp',
});

/** RFC 1918 and IPv6 unique-local addresses: Elastic's `private` named network. */
export function isPrivate(ip: string): boolean {
  const v = isIP(ip);
  if (v === 4) {
    const dot1 = ip.indexOf('.');
    const a = Number(ip.slice(0, dot1));
    if (a === 10) return true;
    const b = Number(ip.slice(dot1 + 1, ip.indexOf('.', dot1 + 1)));
    return (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  if (v === 6) {
    const c0 = ip.charCodeAt(0) | 32, c1 = ip.charCodeAt(1) | 32;
    return c0 === 102 && c1 === 100; // fdxx::/8
  }
  return false;
}

function sum(doc: EcsDoc, a: string, b: string, out: string): void {
  const x = getField(doc, a), y = getField(doc, b);
  if (typeof x === 'number' && typeof y === 'number') setField(doc, out, x + y);
}

export function finish(doc: EcsDoc, fw: KvMap): void {
  mv(doc, fw, 'eventtype', 'event.action', true);
  mv(doc, fw, 'reason', 'event.reason', true);
  mv(doc, fw, 'eventsubtype', 'event.reason', true);
  mv(doc, fw, 'dir', 'network.direction', true);
  mv(doc, fw, 'direction', 'network.direction', true);
  let dir = getField(doc, 'network.direction');
  if (dir === undefined) {
    const s = getField(doc, 'source.ip'), d = getField(doc, 'destination.ip');
    if (typeof s === 'string' && typeof d === 'string' && isIp(s) && isIp(d)) {
      const si = isPrivate(s), di = isPrivate(d);
      dir = si ? (di ? 'internal' : 'outbound') : di ? 'inbound' : 'external';
    }
  } else if (typeof dir === 'string') {
    const k = dir.toLowerCase();
    dir = k === 'outgoing' ? 'outbound' : k === 'incoming' ? 'inbound' : k;
    if (!DIRECTIONS.has(dir as string)) dir = 'unknown';
  }
  if (typeof dir === 'string') {
    setField(doc, 'network.direction', dir);
    if (fw.interface !== undefined) {
      if (INGRESS_SIDE.has(dir)) mv(doc, fw, 'interface', 'observer.ingress.interface.name', true);
      else if (EGRESS_SIDE.has(dir)) mv(doc, fw, 'interface', 'observer.egress.interface.name', true);
    }
  }
  sum(doc, 'source.bytes', 'destination.bytes', 'network.bytes');
  sum(doc, 'source.packets', 'destination.packets', 'network.packets');
  const iana = getField(doc, 'network.iana_number');
  if (typeof iana === 'string') {
    const t = IANA_TRANSPORT[iana];
    if (t !== undefined) setField(doc, 'network.transport', t);
  }
  const smac = getField(doc, 'source.mac');
  if (typeof smac === 'string') setField(doc, 'source.mac', smac.toUpperCase().replace(/[:.]/g, '-'));

  for (const p of ['source.ip', 'destination.ip', 'source.nat.ip', 'destination.nat.ip']) {
    const v = getField(doc, p);
    if (typeof v === 'string') appendUnique(doc, 'related.ip', v);
  }
  for (const k of ['ip', 'assignip', 'tunnelip']) {
    const v = fw[k];
    if (v !== undefined && v !== '') appendUnique(doc, 'related.ip', v);
  }
  for (const p of ['source.user.name', 'destination.user.name']) {
    const v = getField(doc, p);
    if (typeof v === 'string') appendUnique(doc, 'related.user', v);
  }
  for (const p of ['destination.address', 'source.address', 'host.name', 'dns.question.name']) {
    const v = getField(doc, p);
    if (typeof v === 'string') appendUnique(doc, 'related.hosts', v);
  }
  const resolved = getField(doc, 'dns.resolved_ip');
  if (Array.isArray(resolved)) for (const ip of resolved) appendUnique(doc, 'related.ip', ip);
  if (getField(doc, 'event.action') === undefined) {
    const code = getField(doc, 'event.code');
    if (typeof code === 'string') {
      const a = LOGID_ACTION.get(code);
      if (a !== undefined) setField(doc, 'event.action', a);
    }
  }
}
