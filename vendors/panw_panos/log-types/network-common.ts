/** Column -> ECS copies shared by the session logs (TRAFFIC, THREAT, DECRYPTION). */
import type { EcsDoc } from '../../../src/core/types.js';
import { setParts } from '../../../src/ecs/fields.js';
import type { Fields } from '../shared.js';

export type Pairs = readonly (readonly [string, string])[];

/** The addresses and ports of both ends. */
export const ENDPOINT_ECS: Pairs = [
  ['panw.panos.source.ip', 'source.ip'],
  ['panw.panos.destination.ip', 'destination.ip'],
  ['panw.panos.source.port', 'source.port'],
  ['panw.panos.destination.port', 'destination.port'],
];

/** The firewall's interfaces and zones, and the rule's UUID. */
export const OBSERVER_ECS: Pairs = [
  ['panw.panos.outbound_interface', 'observer.egress.interface.name'],
  ['panw.panos.destination.zone', 'observer.egress.zone'],
  ['panw.panos.inbound_interface', 'observer.ingress.interface.name'],
  ['panw.panos.source.zone', 'observer.ingress.zone'],
  ['panw.panos.rule_uuid', 'rule.uuid'],
];

/** A session: both ends with their NAT halves, application, protocol, interfaces and zones. */
export const NET_ECS: Pairs = [
  ...ENDPOINT_ECS,
  ['panw.panos.source.nat.ip', 'source.nat.ip'],
  ['panw.panos.destination.nat.ip', 'destination.nat.ip'],
  ['panw.panos.source.nat.port', 'source.nat.port'],
  ['panw.panos.destination.nat.port', 'destination.nat.port'],
  ['panw.panos.network.application', 'network.application'],
  ['panw.panos.protocol', 'network.transport'],
  ...OBSERVER_ECS,
];

/** Byte and packet counts of a finished session, its start and duration (TRAFFIC, tunnel inspection). */
export const COUNTER_ECS: Pairs = [
  ['panw.panos.bytes_received', 'destination.bytes'],
  ['panw.panos.packets_received', 'destination.packets'],
  ['panw.panos.bytes_sent', 'source.bytes'],
  ['panw.panos.packets_sent', 'source.packets'],
  ['panw.panos.network.bytes', 'network.bytes'],
  ['panw.panos.network.packets', 'network.packets'],
  ['panw.panos.elapsed_time', 'event.duration'],
  ['panw.panos.start_time', 'event.start'],
];

/** Pairs with the ECS paths split once, for copyPairs. */
export interface CompiledPairs {
  readonly from: readonly string[];
  readonly to: readonly (readonly string[])[];
}

export function compilePairs(pairs: Pairs): CompiledPairs {
  return { from: pairs.map((p) => p[0]), to: pairs.map((p) => p[1].split('.')) };
}

/** Copies each present column to its ECS field (as the string; the common step types them). */
export function copyPairs(f: Fields, doc: EcsDoc, pairs: CompiledPairs): void {
  const from = pairs.from, to = pairs.to;
  for (let i = 0; i < from.length; i++) {
    const v = f.get(from[i]!);
    if (v !== undefined) setParts(doc, to[i]!, v);
  }
}
