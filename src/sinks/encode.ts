/** Serializes a finished document once, with the routing facts outputs need (dataset, time). */
import type { EcsDoc } from '../core/types.js';
import type { EncodedEvent } from './output.js';
import { datasetOf, eventTime } from './index-name.js';
import { serialize, serializedAscii } from '../ecs/serialize.js';

export function encodeDoc(doc: EcsDoc): EncodedEvent {
  const timeMs = eventTime(doc);
  const json = serialize(doc);
  return { json, bytes: null, ascii: serializedAscii, dataset: datasetOf(doc), timeMs };
}
