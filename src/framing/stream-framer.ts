/**
 * Cuts a byte stream (one TCP/TLS connection, or a file read as one) into syslog frames, RFC 6587:
 * octet counting (`<len> <msg>`) or newline (LF) termination. In `auto` mode the choice is made per
 * frame: a frame is octet-counted only when it starts with a count, a space and `<` (a PRI), so a
 * message that merely starts with digits is not mistaken for a count.
 *
 * Frames longer than `maxBytes` are cut to `maxBytes` and marked truncated; the rest of the frame
 * is skipped without being buffered, so memory stays bounded whatever the input.
 */

export type Framing = 'auto' | 'lf' | 'octet-counting';

export interface FrameSink {
  (data: Buffer, truncated: boolean): void;
}

const MAX_COUNT_DIGITS = 10;

export class StreamFramer {
  private readonly mode: Framing;
  private readonly maxBytes: number;
  private readonly onFrame: FrameSink;
  private pending: Buffer | null = null;
  /** bytes of the current octet-counted frame still to skip after truncation */
  private skipBytes = 0;
  /** in LF mode, skipping the tail of an over-long line */
  private skipLine = false;

  constructor(mode: Framing, maxBytes: number, onFrame: FrameSink) {
    this.mode = mode;
    this.maxBytes = maxBytes;
    this.onFrame = onFrame;
  }

  /** Feeds bytes; calls onFrame for each complete frame. */
  push(chunk: Buffer): void {
    let buf = chunk;
    if (this.skipBytes > 0) {
      if (buf.length <= this.skipBytes) {
        this.skipBytes -= buf.length;
        return;
      }
      buf = buf.subarray(this.skipBytes);
      this.skipBytes = 0;
    }
    if (this.skipLine) {
      const nl = buf.indexOf(10);
      if (nl < 0) return;
      buf = buf.subarray(nl + 1);
      this.skipLine = false;
    }
    if (this.pending !== null) {
      buf = Buffer.concat([this.pending, buf]);
      this.pending = null;
    }
    let pos = 0;
    const n = buf.length;
    while (pos < n) {
      if (this.mode !== 'lf') {
        const r = this.tryOctet(buf, pos);
        if (r === -2) break; // need more bytes
        if (r >= 0) {
          pos = r;
          continue;
        }
        // not octet-counted: newline framing for this frame
      }
      const nl = buf.indexOf(10, pos);
      if (nl < 0) {
        if (n - pos > this.maxBytes) {
          this.emit(buf.subarray(pos, pos + this.maxBytes), true);
          this.skipLine = true;
          pos = n;
        }
        break;
      }
      let end = nl;
      if (end > pos && buf[end - 1] === 13) end--; // CRLF
      if (end - pos > this.maxBytes) this.emit(buf.subarray(pos, pos + this.maxBytes), true);
      else if (end > pos) this.emit(buf.subarray(pos, end), false);
      pos = nl + 1;
    }
    if (pos < n) this.pending = Buffer.from(buf.subarray(pos));
  }

  /**
   * At pos: an octet-counted frame? Returns the index after it, -1 when this is not a count
   * (use LF), -2 when more bytes are needed to tell or to complete it.
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
        if (i + 1 >= n) return -2;
        this.emit(buf.subarray(i + 2, i + 2), false);
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
    if (i >= n) return i - pos > MAX_COUNT_DIGITS ? -1 : -2;
    if (buf[i] !== 32) return -1;
    const start = i + 1;
    if (this.mode === 'auto') {
      // the frame must start with a PRI; wait for that byte
      if (start >= n) return -2;
      if (buf[start] !== 60) return -1;
    }
    if (count > this.maxBytes) {
      if (n - start < this.maxBytes) return -2;
      this.emit(buf.subarray(start, start + this.maxBytes), true);
      const rest = count - this.maxBytes;
      const avail = n - (start + this.maxBytes);
      if (avail >= rest) return start + count;
      this.skipBytes = rest - avail;
      return n;
    }
    if (n - start < count) return -2;
    this.emit(buf.subarray(start, start + count), false);
    return start + count;
  }

  private emit(data: Buffer, truncated: boolean): void {
    this.onFrame(data, truncated);
  }

  /** End of stream: a final unterminated frame is delivered as it is. */
  end(): void {
    if (this.pending !== null && this.pending.length > 0) {
      const p = this.pending;
      this.pending = null;
      if (this.mode === 'octet-counting') {
        // an incomplete octet-counted frame: deliver what arrived, flagged
        const sp = p.indexOf(32);
        const body = sp > 0 && sp <= MAX_COUNT_DIGITS && /^\d+$/.test(p.subarray(0, sp).toString('latin1')) ? p.subarray(sp + 1) : p;
        this.onFrame(Buffer.from(body.subarray(0, this.maxBytes)), true);
      } else {
        let end = p.length;
        if (p[end - 1] === 13) end--;
        this.onFrame(Buffer.from(p.subarray(0, Math.min(end, this.maxBytes))), end > this.maxBytes);
      }
    }
    this.pending = null;
  }

  /** Bytes held for an incomplete frame. */
  get bufferedBytes(): number {
    return this.pending === null ? 0 : this.pending.length;
  }
}
