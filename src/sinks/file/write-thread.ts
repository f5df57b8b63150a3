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

/**
 * What the writer did with one flush: the bytes now in the file (whole lines only), how many
 * lines those are, and the error that stopped it. `lines` is -1 when every line was written (the
 * common case counts nothing).
 */
export interface WriteOutcome {
  bytes: number;
  lines: number;
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
 * `{fd, parts: [{buf, off, len}]}` and answers `{bytes, lines, error}`; an empty request answers
 * at once. Each flush is made durable and checked: the file must end in a newline before it
 * (a line torn by a crash or a full disk is cut off), and after it the file is fsynced and its
 * size must have grown by what was written. When a write fails part way (ENOSPC), the file is cut
 * back to the last whole line written, so it holds only whole lines and the caller counts exactly
 * those as written.
 */
const WRITER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeSync, fstatSync, fsyncSync, ftruncateSync, readSync } = require('node:fs');
const piece = workerData.piece;
const one = Buffer.alloc(1);
const CHUNK = 65536;
/** offset just past the last newline before 'end' (0: none) */
function lastLineEnd(fd, end) {
  const buf = Buffer.alloc(CHUNK);
  while (end > 0) {
    const from = Math.max(0, end - CHUNK);
    const n = readSync(fd, buf, 0, end - from, from);
    const i = buf.subarray(0, n).lastIndexOf(10);
    if (i >= 0) return from + i + 1;
    end = from;
  }
  return 0;
}
/** offset in the parts just past the last newline within the first 'limit' bytes, and the newlines before it */
function wholeLines(parts, limit) {
  let at = 0, end = 0, lines = 0;
  for (const p of parts) {
    if (at >= limit) break;
    const u = new Uint8Array(p.buf, p.off, Math.min(p.len, limit - at));
    for (let i = u.indexOf(10); i >= 0; i = u.indexOf(10, i + 1)) {
      lines++;
      end = at + i + 1;
    }
    at += p.len;
  }
  return { end, lines };
}
parentPort.on('message', (req) => {
  if (req.fd < 0) {
    parentPort.postMessage({ bytes: 0, lines: -1, error: null });
    return;
  }
  let bytes = 0;
  let error = null;
  let start = -1;
  try {
    start = fstatSync(req.fd).size;
    if (start > 0) {
      readSync(req.fd, one, 0, 1, start - 1);
      if (one[0] !== 10) {
        // a torn line at the end (a crash, an earlier full disk): new lines do not append to it
        start = lastLineEnd(req.fd, start - 1);
        ftruncateSync(req.fd, start);
      }
    }
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
    fsyncSync(req.fd);
    const size = fstatSync(req.fd).size;
    if (size < start + bytes) throw new Error('file is ' + size + ' bytes after the write, expected ' + (start + bytes));
  } catch (e) {
    error = e.message;
  }
  if (error === null) {
    parentPort.postMessage({ bytes, lines: -1, error });
    return;
  }
  // keep the whole lines that reached the file, cut the rest
  let kept = { end: 0, lines: 0 };
  if (start >= 0) {
    kept = wholeLines(req.parts, bytes);
    try {
      ftruncateSync(req.fd, start + kept.end);
      fsyncSync(req.fd);
    } catch (e) {
      error += '; cutting back to the last whole line: ' + e.message;
    }
  }
  parentPort.postMessage({ bytes: kept.end, lines: kept.lines, error });
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
      for (const r of this.waiting.splice(0)) r({ bytes: 0, lines: 0, error: `file writer thread ${why}` });
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
