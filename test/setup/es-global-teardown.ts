/**
 * Jest global teardown: stops the local Elasticsearch nodes and Kafka brokers this run started
 * (ES_KEEP_RUNNING=1, KAFKA_KEEP_RUNNING=1 keep them).
 */
import { stopStartedNodes, DEFAULT_PORT } from './es-node.mjs';
import { stopStartedBrokers, DEFAULT_KAFKA_PORT } from './kafka-broker.mjs';

export default async function globalTeardown(): Promise<void> {
  await stopStartedNodes([DEFAULT_PORT, DEFAULT_PORT + 1]);
  // the outage test's own broker is two ports up (the default one's controller takes the next)
  await stopStartedBrokers([DEFAULT_KAFKA_PORT, DEFAULT_KAFKA_PORT + 2]);
}
