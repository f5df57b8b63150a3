/**
 * A TCP proxy the fault scenarios switch off and on: `down()` closes the listening socket and
 * every connection (the collector sees connection refused, as when a node is stopped), `up()`
 * listens again and forwards to the target. The proxy runs in the benchmark's process, outside the
 * collector it measures.
 */
import { createServer, connect } from 'node:net';

export class FaultProxy {
  constructor(targetHost, targetPort) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.port = 0;
    this.server = null;
    this.sockets = new Set();
  }

  /** Listens (on the same port as before, or a free one the first time) and forwards. */
  up() {
    return new Promise((resolve, reject) => {
      const server = createServer((client) => {
        const upstream = connect(this.targetPort, this.targetHost);
        this.sockets.add(client);
        this.sockets.add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          this.sockets.delete(client);
          this.sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        this.port = server.address().port;
        this.server = server;
        resolve(this.port);
      });
    });
  }

  /** Refuses connections from now on and cuts the open ones. */
  down() {
    const s = this.server;
    this.server = null;
    for (const sock of this.sockets) sock.destroy();
    this.sockets.clear();
    return s === null ? Promise.resolve() : new Promise((r) => s.close(() => r()));
  }
}
