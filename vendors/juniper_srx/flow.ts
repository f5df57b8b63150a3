/**
 * RT_FLOW session create / close / deny: event.* from the tag, as Elastic's juniper_srx `flow`
 * pipeline sets them, and the network totals of the session.
 */
import type { EcsDoc } from '../../src/core/types.js';
import type { KvMap } from '../../src/ecs/kv.js';
import { appendUnique } from '../../src/ecs/fields.js';
import { set2 } from '../../src/ecs/set-path.js';
import { take } from '../../src/ecs/kv-ops.js';

interface FlowKind {
  readonly types: readonly string[];
  readonly action: string;
}
const STARTED: FlowKind = { types: ['start', 'allowed', 'connection'], action: 'flow_started' };
const CLOSED: FlowKind = { types: ['end', 'allowed', 'connection'], action: 'flow_close' };
const DENIED: FlowKind = { types: ['denied', 'connection'], action: 'flow_deny' };

/** by the tag's last word (`RT_FLOW_SESSION_CREATE`, `..._CREATE_LS`, `APPTRACK_SESSION_CLOSE`) */
function flowKind(tag: string): FlowKind | null {
  const t = tag.endsWith('_LS') ? tag.slice(0, -3) : tag;
  if (t.endsWith('CREATE') || t.endsWith('UPDATE')) return STARTED;
  if (t.endsWith('CLOSE')) return CLOSED;
  if (t.endsWith('DENY')) return DENIED;
  return null;
}

export function categorizeFlow(srx: KvMap, tag: string | undefined, doc: EcsDoc): void {
  set2(doc, 'event', 'kind', 'event');
  if (tag !== undefined) set2(doc, 'event', 'outcome', 'success');
  appendUnique(doc, 'event.category', 'network');
  const risk = take(srx, 'application_risk');
  if (risk !== undefined && Number.isFinite(Number(risk))) set2(doc, 'event', 'risk_score', Number(risk));
  const kind = tag === undefined ? null : flowKind(tag);
  if (kind === null) return;
  for (const t of kind.types) appendUnique(doc, 'event.type', t);
  set2(doc, 'event', 'action', kind.action);
}

/** network.bytes / packets: the two directions added up. */
export function flowTotals(doc: EcsDoc): void {
  const sb = doc.source?.bytes, db = doc.destination?.bytes;
  if (typeof sb === 'number' && typeof db === 'number') set2(doc, 'network', 'bytes', sb + db);
  const sp = doc.source?.packets, dp = doc.destination?.packets;
  if (typeof sp === 'number' && typeof dp === 'number') set2(doc, 'network', 'packets', sp + dp);
}
