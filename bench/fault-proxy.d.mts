/** Types of fault-proxy.mjs (imported by the TypeScript tests). */
import type { Server, Socket } from 'node:net';

export declare class FaultProxy {
  constructor(targetHost: string, targetPort: number);
  /** the listening port (0 before the first up()) */
  port: number;
  server: Server | null;
  sockets: Set<Socket>;
  up(): Promise<number>;
  down(): Promise<void>;
}
