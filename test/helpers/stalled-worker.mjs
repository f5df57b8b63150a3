// A parser worker that says it is ready and then never hands a batch back: the pool's bounds show.
import { parentPort } from 'node:worker_threads';
parentPort.postMessage({ ready: true });
parentPort.on('message', () => undefined);
