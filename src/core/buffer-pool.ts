/**
 * Buffers of one size, handed back after use and handed out again. Memory fresh from the kernel
 * costs a page fault per 4 KiB on first touch (dear on virtual machines), so the outputs' blocks
 * and bulk bodies are reused rather than allocated per batch.
 */
export class BufferPool {
  private readonly free: Buffer[] = [];
  /** buffers allocated so far (a steady stream stops adding to it) */
  allocated = 0;

  /**
   * `bytes` per buffer; at most `max` kept for reuse; `shared`: backed by SharedArrayBuffers (another
   * thread reads them without a copy)
   */
  constructor(readonly bytes: number, readonly max: number, private readonly shared = false) {}

  take(): Buffer {
    const b = this.free.pop();
    if (b !== undefined) return b;
    this.allocated++;
    return this.shared ? Buffer.from(new SharedArrayBuffer(this.bytes)) : Buffer.allocUnsafeSlow(this.bytes);
  }

  /** Takes back a buffer of this pool's size (others are left to the garbage collector). */
  give(b: Buffer): void {
    if (b.length === this.bytes && this.free.length < this.max) this.free.push(b);
  }

  /** keeps at most n free buffers (the rest go to the garbage collector) */
  trim(n: number): void {
    if (this.free.length > n) this.free.length = n;
  }

  /** free buffers now */
  get size(): number {
    return this.free.length;
  }
}
