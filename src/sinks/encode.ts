/** Serializes a finished document once, with the routing facts outputs need (dataset, time). */
import type { EcsDoc } from '../core/types.js';
import type { EncodedEvent } from '../core/stages.js';
import { datasetOf, eventTime } from './index-name.js';
import { serializeDoc } from '../ecs/serialize.js';

export function encodeDoc(doc: EcsDoc): EncodedEvent {
  const timeMs = eventTime(doc);
  const ev: EncodedEvent = { json: '', bytes: null, ascii: false, dataset: datasetOf(doc), timeMs, id: null };
  serializeDoc(doc, ev as { json: string; ascii: boolean });
  return ev;
}
