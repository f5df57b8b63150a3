/**
 * The file output's writer: a worker thread that appends a flush's blocks to a file in order, in
 * pieces of WRITE_PIECE_BYTES with plain write(2) calls, and answers once per flush.
 *
 * Why not one `writev` of the whole flush on libuv's thread pool (as before): the kernel sizes the
 * page-cache folios it allocates by the length of the write, and a flush under load is 5-30 MiB. On
 * this kind of virtual machine (Firecracker, free page reporting) large folios come, as far as we
 * can tell, from memory the host has taken back, and copying into them faults every page in again:
 * 1M TCP messages (about 1 GB of NDJSON) cost 2.6-3.7 CPU s in the kernel that way, against
 * 0.6-1.0 s in writes of 64-256 KiB (16 KiB: 1.0-1.2 s, 1 MiB: 1.6-1.9 s). Writing the pieces
 * one `await` at a time from the main thread would cost a round trip through the event loop each
 * (the flush fell behind the parser); writing them synchronously on the main thread would stall
 * every listener on a slow disk. One thread that only writes does neither.
 *
 * The blocks are SharedArrayBuffer-backed (BufferPool `shared`), so a flush hands over offsets, not
 * copies; anything else (a line larger than a block) is copied into a transferred buffer.
 */
import { Worker } from 'node:worker_threads';

/** bytes per write(2) call */
export const WRITE_PIECE_BYTES = 128 * 1024;

/** what the writer did with one flush: bytes appended, and the error that stopped it */
export interface WriteOutcome {
  bytes: number;
  error: string | null;
}

interface Part {
  buf: ArrayBufferLike;
  off: number;
  len: number;
}

interface Request {
  fd: number;
  parts: Part[];
}

/**
 * The worker's code, as text: run with `eval` (CommonJS), the same in the bundle and under the
 * tests, and out of the bundler's reach (it would rewrite a `require` in a function). It takes
 * `{fd, parts: [{buf, off, len}]}` and answers `{bytes, error}`; an empty request answers at once.
 */
const WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const piece = workerData.piece;
parentPort.on('message', (req) => {
  let bytes = 0;
  let error = null;
  try {
    for (const p of req.parts) {
      const u = new Uint8Array(p.buf, p.off, p.len);
      let at = 0;
      while (at < p.len) {
        // a short write continues where it stopped
        const n = writeSync(req.fd, u, at, Math.min(piece, p.len - at));
        at += n;
        bytes += n;
      }
    }
  } catch (e) {
    error = e.message;
  }
  parentPort.postMessage({ bytes, error });
});
`;

export class WriteThread {
  private worker: Worker | null = null;
  /** answers awaited, oldest first (the worker takes requests in order) */
  private readonly waiting: ((o: WriteOutcome) => void)[] = [];

  /** Appends the blocks to `fd`, in order. Never rejects: a failure comes back as `error`. */
  write(fd: number, blocks: readonly Buffer[]): Promise<WriteOutcome> {
    const parts: Part[] = [];
    const transfer: ArrayBuffer[] = [];
    for (const b of blocks) {
      if (b.length === 0) continue;
      if (b.buffer instanceof SharedArrayBuffer) parts.push({ buf: b.buffer, off: b.byteOffset, len: b.length });
      else {
        const copy = b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer;
        parts.push({ buf: copy, off: 0, len: b.length });
        transfer.push(copy);
      }
    }
    return this.request({ fd, parts }, transfer);
  }

  private request(req: Request, transfer: ArrayBuffer[] = []): Promise<WriteOutcome> {
    const w = this.start();
    return new Promise((resolve) => {
      // a write in progress keeps the process up (as a pending fs call does); an idle thread does not
      if (this.waiting.length === 0) w.ref();
      this.waiting.push(resolve);
      w.postMessage(req, transfer);
    });
  }

  /** Starts the thread (else the first write does). */
  start(): Worker {
    if (this.worker !== null) return this.worker;
    const w = new Worker(WRITER_SOURCE, { eval: true, workerData: { piece: WRITE_PIECE_BYTES } });
    w.unref();
    w.on('message', (o: WriteOutcome) => {
      const r = this.waiting.shift();
      if (this.waiting.length === 0) w.unref();
      r?.(o);
    });
    const fail = (why: string): void => {
      if (this.worker !== w) return;
      this.worker = null;
      // what was handed over is not known to be written: each such flush reports the failure
      // (the next write starts a new thread)
      for (const r of this.waiting.splice(0)) r({ bytes: 0, error: `file writer thread ${why}` });
    };
    w.on('error', (e) => fail(`failed: ${e.message}`));
    w.on('exit', (code) => fail(`exited (code ${code})`));
    this.worker = w;
    return w;
  }

  /** Stops the thread once what was handed over is written. */
  async close(): Promise<void> {
    const w = this.worker;
    if (w === null) return;
    // an empty request answers after everything handed over before it
    if (this.waiting.length > 0) await this.request({ fd: -1, parts: [] });
    this.worker = null;
    await w.terminate();
  }
}
