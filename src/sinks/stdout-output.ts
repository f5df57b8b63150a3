/** `--output stdout`: one JSON document per line on standard output, for debugging. */
import type { EcsDoc } from '../core/types.js';
import type { SenderStats } from '../core/telemetry.js';
import { WriteResult, jsonOf, type EncodedEvent, type Output, type OutputHealth } from '../core/stages.js';
import { eventTime } from './index-name.js';
import { serialize } from '../ecs/serialize.js';

export class StdoutOutput implements Output {
  readonly name = 'stdout';
  private chunks: string[] = [];
  private stats: SenderStats[] = [];
  private timer: NodeJS.Timeout | null = null;
  private waiting = false;
  private readonly drains: (() => void)[] = [];

  async start(): Promise<void> {
    this.timer = setInterval(() => this.flushSync(), 200);
    this.timer.unref();
  }

  write(doc: EcsDoc, stats: SenderStats): WriteResult {
    eventTime(doc);
    return this.writeLine(serialize(doc), stats);
  }

  writeEncoded(ev: EncodedEvent, stats: SenderStats): WriteResult {
    return this.writeLine(jsonOf(ev), stats);
  }

  private writeLine(json: string, stats: SenderStats): WriteResult {
    this.chunks.push(json + '\n');
    this.stats.push(stats);
    if (this.chunks.length >= 1000) this.flushSync();
    return this.waiting ? WriteResult.Full : WriteResult.Ok;
  }

  private flushSync(): void {
    if (this.chunks.length === 0) return;
    const data = this.chunks.join('');
    const stats = this.stats;
    this.chunks = [];
    this.stats = [];
    const ok = process.stdout.write(data, () => {
      for (const s of stats) s.written++;
    });
    if (!ok && !this.waiting) {
      this.waiting = true;
      process.stdout.once('drain', () => {
        this.waiting = false;
        for (const cb of this.drains) cb();
      });
    }
  }

  onDrain(cb: () => void): void {
    this.drains.push(cb);
  }

  pending(): number {
    return this.chunks.length;
  }

  async flush(): Promise<void> {
    this.flushSync();
    await new Promise<void>((r) => process.stdout.write('', () => r()));
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  health(): OutputHealth {
    return { ok: true };
  }
}
