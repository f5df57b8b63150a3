/**
 * The Kafka record between a collector tier and an indexer tier (docs/kafka.md): the key is the
 * sender's address (one device's events go to one partition, in order), the value the finished ECS
 * document as UTF-8 JSON (what the file output writes, readable by any other consumer), and three
 * headers that spare the indexer parsing the JSON back: the `_id` fixed where the event arrived,
 * the dataset and the `@timestamp` in epoch milliseconds (ASCII digits), which name the index.
 */

export const KAFKA_HEADER_ID = 'syslog_ecs.id';
export const KAFKA_HEADER_DATASET = 'syslog_ecs.dataset';
export const KAFKA_HEADER_TIME = 'syslog_ecs.time_ms';
