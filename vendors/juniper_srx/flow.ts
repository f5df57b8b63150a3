/**
 * ECS mapping of the juniper.srx.* keys of RT_FLOW (and, for the address part, the other RT_*
 * processes), as Elastic's juniper_srx `flow` pipeline renames them: addresses and ports to
 * source/destination (and client/server), NAT, bytes and packets, policy to rule.name.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { appendUnique, isIp, setField, toInt } from '../../src/ecs/fields.js';

type Srx = Record<string, string>;

const START_TAG = /(?:CREATE|UPDATE)(?:_LS)?$/;
const CLOSE_TAG = /CLOSE(?:_LS)?$/;
const DENY_TAG = /DENY(?:_LS)?$/;

function take(srx: Srx, key: string): string | undefined {
  const v = srx[key];
  if (v !== undefined) delete srx[key];
  return v;
}

/** An address key, taken only when it holds an IP (else it stays under juniper.srx). */
function ip(srx: Srx, key: string): string | undefined {
  const v = srx[key];
  if (v === undefined || !isIp(v)) return undefined;
  delete srx[key];
  return v;
}

function long(srx: Srx, key: string): number | undefined {
  const v = take(srx, key);
  return v === undefined ? undefined : toInt(v);
}

/** Addresses, ports, NAT, counters and user: the part every RT_* process shares. */
export function mapEndpoints(srx: Srx, doc: EcsDoc): void {
  const dip = ip(srx, 'destination_address');
  if (dip !== undefined) {
    setField(doc, 'destination.ip', dip);
    setField(doc, 'server.ip', dip);
  }
  setField(doc, 'destination.nat.ip', ip(srx, 'nat_destination_address'));
  const dport = long(srx, 'destination_port');
  if (dport !== undefined) {
    setField(doc, 'destination.port', dport);
    setField(doc, 'server.port', dport);
  }
  const dnport = long(srx, 'nat_destination_port');
  if (dnport !== undefined) {
    setField(doc, 'destination.nat.port', dnport);
    setField(doc, 'server.nat.port', dnport);
  }
  const dbytes = long(srx, 'bytes_from_server');
  if (dbytes !== undefined) {
    setField(doc, 'destination.bytes', dbytes);
    setField(doc, 'server.bytes', dbytes);
  }
  const dpk = long(srx, 'packets_from_server');
  if (dpk !== undefined) {
    setField(doc, 'destination.packets', dpk);
    setField(doc, 'server.packets', dpk);
  }
  const sip = ip(srx, 'source_address') ?? ip(srx, 'sourceip');
  if (sip !== undefined) {
    setField(doc, 'source.ip', sip);
    setField(doc, 'client.ip', sip);
  }
  setField(doc, 'source.nat.ip', ip(srx, 'nat_source_address'));
  const sport = long(srx, 'source_port');
  if (sport !== undefined) {
    setField(doc, 'source.port', sport);
    setField(doc, 'client.port', sport);
  }
  const snport = long(srx, 'nat_source_port');
  if (snport !== undefined) {
    setField(doc, 'source.nat.port', snport);
    setField(doc, 'client.nat.port', snport);
  }
  const sbytes = long(srx, 'bytes_from_client');
  if (sbytes !== undefined) {
    setField(doc, 'source.bytes', sbytes);
    setField(doc, 'client.bytes', sbytes);
  }
  const spk = long(srx, 'packets_from_client');
  if (spk !== undefined) {
    setField(doc, 'source.packets', spk);
    setField(doc, 'client.packets', spk);
  }
  setField(doc, 'source.user.name', take(srx, 'username'));
  setField(doc, 'rule.name', take(srx, 'policy_name'));
  setField(doc, 'network.iana_number', take(srx, 'protocol_id'));
  if (sbytes !== undefined && dbytes !== undefined) setField(doc, 'network.bytes', sbytes + dbytes);
  if (spk !== undefined && dpk !== undefined) setField(doc, 'network.packets', spk + dpk);
}

/** RT_FLOW session create / close / deny: event.* from the tag, then the endpoints. */
export function mapFlow(srx: Srx, tag: string | undefined, doc: EcsDoc): void {
  setField(doc, 'event.kind', 'event');
  if (tag !== undefined) setField(doc, 'event.outcome', 'success');
  appendUnique(doc, 'event.category', 'network');
  const risk = take(srx, 'application_risk');
  if (risk !== undefined && risk !== '' && Number.isFinite(Number(risk))) setField(doc, 'event.risk_score', Number(risk));
  if (tag !== undefined) {
    let types: readonly string[] | null = null;
    let action: string | null = null;
    if (START_TAG.test(tag)) {
      types = ['start', 'allowed', 'connection'];
      action = 'flow_started';
    } else if (CLOSE_TAG.test(tag)) {
      types = ['end', 'allowed', 'connection'];
      action = 'flow_close';
    } else if (DENY_TAG.test(tag)) {
      types = ['denied', 'connection'];
      action = 'flow_deny';
    }
    if (types !== null) for (const t of types) appendUnique(doc, 'event.type', t);
    if (action !== null) setField(doc, 'event.action', action);
  }
  mapEndpoints(srx, doc);
}
