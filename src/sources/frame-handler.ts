/**
 * What a source hands its frames to (the pipeline). `accept` returns a WriteResult: `Full` asks
 * stream sources to pause reading until `onResume` fires; `Rejected` means the frame was not taken
 * (only datagram sources see it: they count a `queue_full` drop).
 */
import type { Frame } from '../core/types.js';
import type { SenderStats, Telemetry } from '../core/telemetry.js';
import type { WriteResult } from '../sinks/output.js';
import type { ListenerFaults } from './listener-faults.js';

export interface FrameHandler {
  readonly telemetry: Telemetry;
  accept(frame: Frame, stats: SenderStats): WriteResult;
  /** true while the outputs are full */
  readonly paused: boolean;
  onResume(cb: () => void): void;
}

export interface Source {
  readonly name: string;
  /** the bound address, e.g. `udp://127.0.0.1:5514` (port resolved when 0 was asked) */
  readonly boundUrl: string;
  start(): Promise<void>;
  /** stop accepting; stream sources let open connections finish within graceMs */
  stop(graceMs: number): Promise<void>;
  /** errors after binding and an unexpected close (absent: the source has no socket of its own) */
  readonly faults?: ListenerFaults;
}
