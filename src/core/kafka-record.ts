/**
 * The Kafka record between a collector tier and an indexer tier (docs/kafka.md): the key is the
 * sender's address (one device's events go to one partition, in order), the value the finished ECS
 * document as UTF-8 JSON (what the file output writes, readable by any other consumer), and one
 * header that spares the indexer parsing the JSON back: `ID TIME_MS DATASET` in ASCII, single
 * spaces between, the `_id` fixed where the event arrived, the `@timestamp` in epoch milliseconds
 * and the dataset, which name the index. One header, not three: the client builds a buffer for
 * each header of each record (docs/benchmarks.md).
 */

export const KAFKA_HEADER = 'syslog_ecs';

/** The header's value for an event. */
export function kafkaHeaderValue(id: string, timeMs: number, dataset: string): string {
  return id + ' ' + timeMs + ' ' + dataset;
}
