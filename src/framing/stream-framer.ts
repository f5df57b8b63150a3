/**
 * Cuts a byte stream (one TCP/TLS connection, or a file read as one) into syslog frames, RFC 6587:
 * octet counting (`<len> <msg>`) or newline (LF) termination. In `auto` mode the choice is made per
 * frame: a frame is octet-counted only when it starts with a count, a space and `<` (a PRI), so a
 * message that merely starts with digits is not mistaken for a count.
 *
 * A line longer than `maxBytes` is cut to `maxBytes` and marked truncated; the rest of the line is
 * skipped. A count larger than `maxBytes` is refused (`onRefused`): nothing of it is delivered, and
 * since the count itself may be a lie (`999999999 <13>...`), its bytes are skipped only until the
 * count runs out or a newline is followed by what starts a frame (`<PRI>` or `COUNT <`), whichever
 * comes first. Nothing is buffered beyond one frame of `maxBytes`, and bytes held for an incomplete
 * frame are joined once, when it completes.
 */

export type Framing = 'auto' | 'lf' | 'octet-counting';

export interface FrameSink {
  (data: Buffer, truncated: boolean): void;
}

/** A counted frame over the limit was refused; `count` is what its header claimed. */
export interface RefusalSink {
  (count: number): void;
}

const MAX_COUNT_DIGITS = 10;

/** What the framer waits for between two pushes. */
const enum Wait {
  /** the start of a frame */
  Frame,
  /** more bytes to tell what the held bytes are (a count without its `<` yet) */
  More,
  /** the newline of the held line */
  Line,
  /** the rest of the held counted frame (`need` bytes in all) */
  Count,
  /** the newline after an over-long line, skipping what comes before it */
  LineEnd,
  /** the end of a refused counted frame, skipping it (`refusedLeft` bytes at most) */
  Refused,
}

export class StreamFramer {
  private readonly mode: Framing;
  private readonly maxBytes: number;
  private readonly onFrame: FrameSink;
  private readonly onRefused: RefusalSink | null;
  private wait: Wait = Wait.Frame;
  /** bytes of an incomplete frame (or, while Refused, of what follows a newline), in arrival order */
  private held: Buffer[] = [];
  private heldBytes = 0;
  /** Count: the frame's bytes from its first digit to its end; where its message starts */
  private need = 0;
  private body = 0;
  /** Refused: bytes left of what the count claimed; whether the last chunk ended just after a newline (and the bytes after it) */
  private refusedLeft = 0;
  private afterNewline = false;
  /** bytes of refused frames skipped so far, headers included */
  refusedBytes = 0;

  constructor(mode: Framing, maxBytes: number, onFrame: FrameSink, onRefused?: RefusalSink) {
    this.mode = mode;
    this.maxBytes = maxBytes;
    this.onFrame = onFrame;
    this.onRefused = onRefused ?? null;
  }

  /** Feeds bytes; calls onFrame for each complete frame. */
  push(chunk: Buffer): void {
    switch (this.wait) {
      case Wait.Frame:
        this.frames(chunk, 0, false);
        return;
      case Wait.LineEnd: {
        const nl = chunk.indexOf(10);
        if (nl < 0) return;
        this.wait = Wait.Frame;
        this.frames(chunk, nl + 1, false);
        return;
      }
      case Wait.Line: {
        if (chunk.indexOf(10) < 0) {
          if (this.heldBytes + chunk.length <= this.maxBytes) return this.hold(chunk);
          this.held.push(chunk);
          const cut = Buffer.concat(this.held, this.maxBytes);
          this.release();
          this.wait = Wait.LineEnd;
          this.onFrame(cut, true);
          return;
        }
        break;
      }
      case Wait.Count:
        if (this.heldBytes + chunk.length < this.need) return this.hold(chunk);
        break;
      case Wait.More:
        break;
      case Wait.Refused: {
        // after a newline inside the refused frame, what comes (with the bytes held) may start the next frame
        const lineStart = this.afterNewline;
        this.afterNewline = false;
        this.frames(this.heldBytes > 0 ? this.join(chunk) : chunk, 0, lineStart);
        return;
      }
    }
    this.wait = Wait.Frame;
    this.frames(this.join(chunk), 0, false);
  }

  /** The held bytes and `chunk` as one buffer; nothing held after. */
  private join(chunk: Buffer): Buffer {
    this.held.push(chunk);
    const buf = Buffer.concat(this.held, this.heldBytes + chunk.length);
    this.release();
    return buf;
  }

  private hold(b: Buffer): void {
    this.held.push(b);
    this.heldBytes += b.length;
  }

  private release(): void {
    this.held = [];
    this.heldBytes = 0;
  }

  /** Frames `buf` from `pos`; what is left at its end is held. */
  private frames(buf: Buffer, pos: number, lineStart: boolean): void {
    const n = buf.length;
    while (pos < n) {
      if (this.wait === Wait.Refused) {
        pos = this.skipRefused(buf, pos, lineStart);
        lineStart = false;
        if (pos < 0) return;
        continue;
      }
      if (this.mode !== 'lf') {
        const r = this.tryOctet(buf, pos);
        if (r === -2) {
          // a copy: the rest of a chunk may be a few bytes of a large one
          this.hold(Buffer.from(buf.subarray(pos)));
          return;
        }
        if (r >= 0) {
          pos = r;
          continue;
        }
        // not octet-counted: newline framing for this frame
      }
      const nl = buf.indexOf(10, pos);
      if (nl < 0) {
        if (n - pos > this.maxBytes) {
          this.wait = Wait.LineEnd;
          this.onFrame(buf.subarray(pos, pos + this.maxBytes), true);
        } else {
          this.wait = Wait.Line;
          this.hold(Buffer.from(buf.subarray(pos)));
        }
        return;
      }
      let end = nl;
      if (end > pos && buf[end - 1] === 13) end--; // CRLF
      if (end - pos > this.maxBytes) this.onFrame(buf.subarray(pos, pos + this.maxBytes), true);
      else if (end > pos) this.onFrame(buf.subarray(pos, end), false);
      pos = nl + 1;
    }
  }

  /**
   * At pos: an octet-counted frame? Returns the index after it (or after the header of a refused
   * one), -1 when this is not a count (use LF), -2 when more bytes are needed to tell or to
   * complete it (then `wait` says which).
   */
  private tryOctet(buf: Buffer, pos: number): number {
    const n = buf.length;
    let i = pos;
    let count = 0;
    // skip stray newlines between octet-counted frames
    while (i < n && (buf[i] === 10 || buf[i] === 13) && this.mode === 'octet-counting') i++;
    if (i !== pos) {
      return i;
    }
    const first = buf[i]!;
    if (first < 49 || first > 57) {
      // `0 ` is an empty frame in strict octet mode
      if (first === 48 && this.mode === 'octet-counting' && (i + 1 >= n || buf[i + 1] === 32)) {
        if (i + 1 >= n) {
          this.wait = Wait.More;
          return -2;
        }
        this.onFrame(buf.subarray(i + 2, i + 2), false);
        return i + 2;
      }
      return -1;
    }
    while (i < n && i - pos <= MAX_COUNT_DIGITS) {
      const c = buf[i]!;
      if (c >= 48 && c <= 57) {
        count = count * 10 + (c - 48);
        i++;
      } else break;
    }
    if (i >= n) {
      if (i - pos > MAX_COUNT_DIGITS) return -1;
      this.wait = Wait.More;
      return -2;
    }
    if (buf[i] !== 32) return -1;
    const start = i + 1;
    if (this.mode === 'auto') {
      // the frame must start with a PRI; wait for that byte
      if (start >= n) {
        this.wait = Wait.More;
        return -2;
      }
      if (buf[start] !== 60) return -1;
    }
    if (count > this.maxBytes) {
      this.refusedBytes += start - pos;
      this.refusedLeft = count;
      this.wait = Wait.Refused;
      this.onRefused?.(count);
      return start;
    }
    if (n - start < count) {
      this.wait = Wait.Count;
      this.need = start - pos + count;
      this.body = start - pos;
      return -2;
    }
    this.onFrame(buf.subarray(start, start + count), false);
    return start + count;
  }

  /**
   * Skips a refused frame's bytes from pos: up to what its count claimed, or to a newline followed
   * by the start of a frame. `lineStart`: pos follows such a newline. Returns where framing goes
   * on, or -1 when all of `buf` was skipped (the few bytes after a final newline are held).
   */
  private skipRefused(buf: Buffer, pos: number, lineStart: boolean): number {
    const n = buf.length;
    const limit = n - pos < this.refusedLeft ? n : pos + this.refusedLeft;
    let p = pos;
    if (lineStart) {
      const s = frameStartAt(buf, p);
      if (s === 1) return this.resync(0, p);
      if (s === -1 && limit === n) return this.holdAfterNewline(buf, p);
    }
    for (;;) {
      const nl = buf.indexOf(10, p);
      if (nl < 0 || nl >= limit) {
        this.refusedBytes += limit - pos;
        this.refusedLeft -= limit - pos;
        if (this.refusedLeft === 0) return this.resync(0, limit);
        return -1;
      }
      p = nl + 1;
      const s = frameStartAt(buf, p);
      if (s === 1) return this.resync(p - pos, p);
      if (s === -1) {
        // what follows the newline is cut by the end of the chunk: decide with the next one
        this.refusedBytes += p - pos;
        this.refusedLeft -= p - pos;
        return this.holdAfterNewline(buf, p);
      }
    }
  }

  /** Holds the few bytes after a newline in a refused frame (not yet skipped) until the next chunk. */
  private holdAfterNewline(buf: Buffer, p: number): number {
    if (p < buf.length) this.hold(Buffer.from(buf.subarray(p)));
    this.afterNewline = true;
    return -1;
  }

  /** The refused frame ends: `skipped` more bytes of it, framing goes on at `at`. */
  private resync(skipped: number, at: number): number {
    this.refusedBytes += skipped;
    this.refusedLeft = 0;
    this.wait = Wait.Frame;
    return at;
  }

  /**
   * End of stream: a final frame is delivered as it is, an incomplete counted one flagged
   * truncated without its count. `cut`: the collector closed the connection (shutdown), so an
   * unterminated line may be incomplete too and is flagged.
   */
  end(cut = false): void {
    const wait = this.wait;
    this.wait = Wait.Frame;
    this.refusedLeft = 0;
    this.afterNewline = false;
    if (this.heldBytes === 0) return;
    const p = Buffer.concat(this.held, this.heldBytes);
    this.release();
    if (wait === Wait.Refused) return;
    if (wait === Wait.Count) {
      this.onFrame(p.subarray(this.body, Math.min(p.length, this.body + this.maxBytes)), true);
      return;
    }
    const body = this.mode === 'octet-counting' ? countedBody(p) : -1;
    if (body >= 0) {
      this.onFrame(p.subarray(body), true);
      return;
    }
    let end = p.length;
    if (p[end - 1] === 13) end--;
    this.onFrame(p.subarray(0, Math.min(end, this.maxBytes)), cut || end > this.maxBytes);
  }

  /** Bytes held for an incomplete frame. */
  get bufferedBytes(): number {
    return this.heldBytes;
  }
}

/** Where the message starts after a count and a space at the start of `p`; -1 when there is none. */
function countedBody(p: Buffer): number {
  let i = 0;
  while (i < p.length && i < MAX_COUNT_DIGITS && p[i]! >= 48 && p[i]! <= 57) i++;
  return i > 0 && p[i] === 32 ? i + 1 : -1;
}

/** Whether `buf` at i starts a frame (`<PRI>` or `COUNT <`): 1 yes, 0 no, -1 when it ends too soon to tell. */
function frameStartAt(buf: Buffer, i: number): number {
  const n = buf.length;
  if (i >= n) return -1;
  const c = buf[i]!;
  if (c === 60) {
    let j = i + 1;
    for (; j < n && j - i <= 4; j++) {
      const d = buf[j]!;
      if (d === 62) return j > i + 1 ? 1 : 0;
      if (d < 48 || d > 57) return 0;
    }
    return j - i > 4 ? 0 : -1;
  }
  if (c < 49 || c > 57) return 0;
  let j = i + 1;
  while (j < n && j - i < MAX_COUNT_DIGITS && buf[j]! >= 48 && buf[j]! <= 57) j++;
  if (j >= n) return -1;
  if (buf[j] !== 32) return 0;
  if (j + 1 >= n) return -1;
  return buf[j + 1] === 60 ? 1 : 0;
}
