/** Jest global teardown: stops the local nodes this run started (ES_KEEP_RUNNING=1 keeps them). */
import { stopStartedNodes, DEFAULT_PORT } from './es-node.mjs';

export default async function globalTeardown(): Promise<void> {
  await stopStartedNodes([DEFAULT_PORT, DEFAULT_PORT + 1]);
}
