/**
 * ECS mapping of the juniper.srx.* keys of RT_FLOW (and, for the address part, the other RT_*
 * processes), as Elastic's juniper_srx `flow` pipeline renames them: addresses and ports to
 * source/destination (and client/server), NAT, bytes and packets, policy to rule.name.
 */
import type { EcsDoc } from '../../src/core/types.js';
import { appendUnique, isIp, toInt } from '../../src/ecs/fields.js';
import { set2, set3 } from '../../src/ecs/set-path.js';

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
    set2(doc, 'destination', 'ip', dip);
    set2(doc, 'server', 'ip', dip);
  }
  set3(doc, 'destination', 'nat', 'ip', ip(srx, 'nat_destination_address'));
  const dport = long(srx, 'destination_port');
  if (dport !== undefined) {
    set2(doc, 'destination', 'port', dport);
    set2(doc, 'server', 'port', dport);
  }
  const dnport = long(srx, 'nat_destination_port');
  if (dnport !== undefined) {
    set3(doc, 'destination', 'nat', 'port', dnport);
    set3(doc, 'server', 'nat', 'port', dnport);
  }
  const dbytes = long(srx, 'bytes_from_server');
  if (dbytes !== undefined) {
    set2(doc, 'destination', 'bytes', dbytes);
    set2(doc, 'server', 'bytes', dbytes);
  }
  const dpk = long(srx, 'packets_from_server');
  if (dpk !== undefined) {
    set2(doc, 'destination', 'packets', dpk);
    set2(doc, 'server', 'packets', dpk);
  }
  const sip = ip(srx, 'source_address') ?? ip(srx, 'sourceip');
  if (sip !== undefined) {
    set2(doc, 'source', 'ip', sip);
    set2(doc, 'client', 'ip', sip);
  }
  set3(doc, 'source', 'nat', 'ip', ip(srx, 'nat_source_address'));
  const sport = long(srx, 'source_port');
  if (sport !== undefined) {
    set2(doc, 'source', 'port', sport);
    set2(doc, 'client', 'port', sport);
  }
  const snport = long(srx, 'nat_source_port');
  if (snport !== undefined) {
    set3(doc, 'source', 'nat', 'port', snport);
    set3(doc, 'client', 'nat', 'port', snport);
  }
  const sbytes = long(srx, 'bytes_from_client');
  if (sbytes !== undefined) {
    set2(doc, 'source', 'bytes', sbytes);
    set2(doc, 'client', 'bytes', sbytes);
  }
  const spk = long(srx, 'packets_from_client');
  if (spk !== undefined) {
    set2(doc, 'source', 'packets', spk);
    set2(doc, 'client', 'packets', spk);
  }
  set3(doc, 'source', 'user', 'name', take(srx, 'username'));
  set2(doc, 'rule', 'name', take(srx, 'policy_name'));
  set2(doc, 'network', 'iana_number', take(srx, 'protocol_id'));
  if (sbytes !== undefined && dbytes !== undefined) set2(doc, 'network', 'bytes', sbytes + dbytes);
  if (spk !== undefined && dpk !== undefined) set2(doc, 'network', 'packets', spk + dpk);
}

/** RT_FLOW session create / close / deny: event.* from the tag, then the endpoints. */
export function mapFlow(srx: Srx, tag: string | undefined, doc: EcsDoc): void {
  set2(doc, 'event', 'kind', 'event');
  if (tag !== undefined) set2(doc, 'event', 'outcome', 'success');
  appendUnique(doc, 'event.category', 'network');
  const risk = take(srx, 'application_risk');
  if (risk !== undefined && risk !== '' && Number.isFinite(Number(risk))) set2(doc, 'event', 'risk_score', Number(risk));
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
    if (action !== null) set2(doc, 'event', 'action', action);
  }
  mapEndpoints(srx, doc);
}
