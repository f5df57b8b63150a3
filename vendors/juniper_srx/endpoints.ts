/**
 * The renames every RT_* sub-pipeline of Elastic's juniper_srx integration makes from the
 * structured-data keys (already snake_case), as tables read line by line against flow.yml,
 * utm.yml, idp.yml, ids.yml, atp.yml and secintel.yml: addresses and ports to source/destination
 * (copied to client/server), NAT, bytes and packets, the user, then each process's own keys.
 * An address key is taken only when it holds an IP (else it stays under juniper.srx).
 */
import type { EcsDoc } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { isIp, setParts, toInt } from '../../src/ecs/fields.js';
import { take } from '../../src/ecs/kv-ops.js';

/** [key, ECS path, conversion, the client/server copy] */
type Move = readonly [string, string, 'ip' | 'long' | 'keyword' | 'float', string?];

const DESTINATION: readonly Move[] = [
  ['destination_address', 'destination.ip', 'ip', 'server.ip'],
  ['nat_destination_address', 'destination.nat.ip', 'ip'],
  ['destination_port', 'destination.port', 'long', 'server.port'],
  ['nat_destination_port', 'destination.nat.port', 'long', 'server.nat.port'],
];
const SOURCE: readonly Move[] = [
  ['source_address', 'source.ip', 'ip', 'client.ip'],
  ['nat_source_address', 'source.nat.ip', 'ip'],
  ['sourceip', 'source.ip', 'ip'],
  ['source_port', 'source.port', 'long', 'client.port'],
  ['nat_source_port', 'source.nat.port', 'long', 'client.nat.port'],
];
/** session counters of flow, utm, ids, atp and secintel */
const COUNTERS: readonly Move[] = [
  ['bytes_from_server', 'destination.bytes', 'long', 'server.bytes'],
  ['packets_from_server', 'destination.packets', 'long', 'server.packets'],
  ['bytes_from_client', 'source.bytes', 'long', 'client.bytes'],
  ['packets_from_client', 'source.packets', 'long', 'client.packets'],
];
/** IDP writes its counters by direction */
const IDP_COUNTERS: readonly Move[] = [
  ['inbound_bytes', 'destination.bytes', 'long', 'server.bytes'],
  ['inbound_packets', 'destination.packets', 'long', 'server.packets'],
  ['outbound_bytes', 'source.bytes', 'long', 'client.bytes'],
  ['outbound_packets', 'source.packets', 'long', 'client.packets'],
];
const USER: readonly Move[] = [['username', 'source.user.name', 'keyword']];
const POLICY: readonly Move[] = [['policy_name', 'rule.name', 'keyword']];
const IANA: readonly Move[] = [['protocol_id', 'network.iana_number', 'keyword']];

/** Each process's moves, in the pipeline's order. */
const MOVE_TABLES: readonly [string, readonly Move[]][] = [
  ['RT_FLOW', [...DESTINATION, ...COUNTERS.slice(0, 2), ...SOURCE, ...COUNTERS.slice(2), ...USER, ...POLICY, ...IANA]],
  ['RT_UTM', [
    ...DESTINATION, ...COUNTERS.slice(0, 2), ...SOURCE, ...COUNTERS.slice(2), ...USER, ...POLICY,
    ['url', 'url.domain', 'keyword'], ['obj', 'url.path', 'keyword'], ['filename', 'file.name', 'keyword'],
    ['protocol', 'network.protocol', 'keyword'], ...IANA, ['urlcategory_risk', 'event.risk_score', 'float'],
  ]],
  ['RT_IDP', [
    ...DESTINATION, ...IDP_COUNTERS.slice(0, 2), ...SOURCE, ...IDP_COUNTERS.slice(2), ...USER,
    ['rulebase_name', 'rule.name', 'keyword'], ['rule_name', 'rule.id', 'keyword'], ['protocol_name', 'network.protocol', 'keyword'],
    ['message', 'message', 'keyword'],
  ]],
  ['RT_IDS', [...DESTINATION, ...COUNTERS.slice(0, 2), ...SOURCE, ...COUNTERS.slice(2), ...USER, ...IANA]],
  ['RT_AAMW', [
    ...DESTINATION, ...COUNTERS.slice(0, 2), ...SOURCE, ...COUNTERS.slice(2), ...USER,
    ['hostname', 'source.domain', 'keyword'], ['client_ip', 'source.ip', 'ip'], ['http_host', 'url.domain', 'keyword'], ...IANA,
  ]],
  ['RT_SECINTEL', [
    ...DESTINATION, ...COUNTERS.slice(0, 2), ...SOURCE, ...COUNTERS.slice(2), ...USER,
    ['hostname', 'source.address', 'keyword'], ['client_ip', 'source.ip', 'ip'], ['http_host', 'url.domain', 'keyword'], ...IANA,
  ]],
];
export const MOVES: ReadonlyMap<string, Moves> = new Map(MOVE_TABLES.map(([p, m]) => [p, compile(m)]));

/**
 * Other processes in the structured form (kmd, ...): the system pipeline's moves. Its older
 * releases keep these keys under juniper.srx, so they are copied, not moved.
 */
const SYSTEM_TABLE: readonly Move[] = [
  ['remote_address', 'destination.ip', 'ip', 'server.ip'],
  ['nat_remote_address', 'destination.nat.ip', 'ip'],
  ['destination_port', 'destination.port', 'long', 'server.port'],
  ['nat_destination_port', 'destination.nat.port', 'long', 'server.nat.port'],
  ...IDP_COUNTERS.slice(0, 2),
  ['local_address', 'source.ip', 'ip', 'client.ip'],
  ['nat_local_address', 'source.nat.ip', 'ip'],
  ['sourceip', 'source.ip', 'ip'],
  ['source_port', 'source.port', 'long', 'client.port'],
  ['nat_source_port', 'source.nat.port', 'long', 'client.nat.port'],
  ...IDP_COUNTERS.slice(2),
  ...USER,
  ['rulebase_name', 'rule.name', 'keyword'], ['rule_name', 'rule.id', 'keyword'], ['protocol_name', 'network.protocol', 'keyword'],
];
export const SYSTEM_COPIES: Moves = compile(SYSTEM_TABLE);

function convert(v: string, kind: Move[2]): string | number | undefined {
  if (kind === 'long') return toInt(v);
  if (kind === 'float') {
    const n = Number(v);
    return v.trim() !== '' && Number.isFinite(n) ? n : undefined;
  }
  return v;
}

/** A move with its paths split once, at load. */
interface Compiled {
  key: string;
  parts: readonly string[];
  kind: Move[2];
  copy: readonly string[] | null;
}

export type Moves = readonly Compiled[];

export function compile(moves: readonly Move[]): Moves {
  return moves.map(([key, path, kind, copy]) => ({ key, parts: path.split('.'), kind, copy: copy === undefined ? null : copy.split('.') }));
}

/**
 * Applies a process's moves; keys that are not what the move needs stay under juniper.srx, and
 * with `keep` every key stays (a copy).
 */
export function applyMoves(srx: KvMap, doc: EcsDoc, moves: Moves, keep = false): void {
  for (let i = 0; i < moves.length; i++) {
    const m = moves[i]!;
    const raw = srx[m.key];
    if (raw === undefined) continue;
    if (m.kind === 'ip' && !isIp(raw)) continue;
    const v = convert(keep ? raw : take(srx, m.key) ?? '', m.kind);
    if (v === undefined) continue;
    setParts(doc, m.parts, v);
    if (m.copy !== null) setParts(doc, m.copy, v);
  }
}
