/**
 * The on-disk overflow buffer: an append-only log of bulk entries in segment files
 * (`0000000000000001.seg`, ...), bounded by `max_bytes`, read back in order.
 *
 * Record: u32 LE length, u32 LE check (length ^ 0x5359534c), then the payload (UTF-8). Appends are
 * buffered and written out by `sync()` (write + fsync), which the output calls on every flush
 * interval and before it reports anything as spilled. Reading is separate from acknowledging:
 * `read()` hands out records with a ticket; `ack(ticket)` (in any order) advances the committed
 * cursor over the acknowledged prefix, persisted in `cursor` (written atomically). Segments wholly
 * behind the cursor are deleted. After a crash, reading resumes at the cursor; records read but
 * not acknowledged before the crash are read again (the output's deterministic `_id`s make that
 * harmless). A torn record at the tail of the last segment is cut off at open.
 */
import {
  closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync,
  readSync, renameSync, unlinkSync, writeFileSync, writeSync,
} from 'node:fs';
import { join } from 'node:path';

const HEADER = 8;
const MAGIC = 0x5359534c;
const SEG_RE = /^(\d{16})\.seg$/;

export interface DiskTicket {
  seg: number;
  /** offset just past the record */
  end: number;
  acked: boolean;
}

export interface DiskRecord {
  payload: string;
  ticket: DiskTicket;
}

interface Cursor {
  seg: number;
  offset: number;
}

function segName(n: number): string {
  return String(n).padStart(16, '0') + '.seg';
}

export class DiskBuffer {
  private segments: number[] = [];
  /** sizes of the segment files, including what is buffered for the last one */
  private sizes = new Map<number, number>();
  private totalBytes = 0;
  private writeFd: number | null = null;
  private writeSeg = 0;
  private pendingWrite: Buffer[] = [];
  private pendingWriteBytes = 0;
  private dirty = false;
  private readSeg: number;
  private readOff: number;
  private readFd: number | null = null;
  private readFdSeg = -1;
  private committed: Cursor;
  private cursorDirty = false;
  private readonly inflight: DiskTicket[] = [];
  private inflightHead = 0;
  /** records appended and not yet read */
  private unread = 0;
  /** records found at open (from a previous run), not yet read */
  private recovered = 0;

  private constructor(
    readonly dir: string,
    readonly maxBytes: number,
    readonly segmentBytes: number,
  ) {
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(dir)) {
      const m = SEG_RE.exec(f);
      if (m) this.segments.push(Number(m[1]));
      if (f.endsWith('.tmp')) unlinkSync(join(dir, f));
    }
    this.segments.sort((a, b) => a - b);
    this.committed = this.loadCursor();
    // drop segments behind the cursor (deleted late before a crash)
    while (this.segments.length > 0 && this.segments[0]! < this.committed.seg) unlinkSync(join(dir, segName(this.segments.shift()!)));
    if (this.segments.length > 0 && this.segments[0]! > this.committed.seg) this.committed = { seg: this.segments[0]!, offset: 0 };
    for (const s of this.segments) {
      const size = this.scanSegment(s, s === this.segments[this.segments.length - 1]);
      this.sizes.set(s, size);
      this.totalBytes += size;
    }
    this.unread = this.recovered;
    this.readSeg = this.committed.seg;
    this.readOff = this.committed.offset;
    this.writeSeg = this.segments.length > 0 ? this.segments[this.segments.length - 1]! : Math.max(1, this.committed.seg);
    if (this.segments.length === 0) {
      this.segments.push(this.writeSeg);
      this.sizes.set(this.writeSeg, 0);
      this.readSeg = this.writeSeg;
      this.readOff = 0;
      this.committed = { seg: this.writeSeg, offset: 0 };
    }
    this.writeFd = openSync(join(dir, segName(this.writeSeg)), 'a');
  }

  static open(dir: string, maxBytes: number, segmentBytes = Math.max(1 << 20, Math.floor(maxBytes / 8))): DiskBuffer {
    return new DiskBuffer(dir, maxBytes, segmentBytes);
  }

  private loadCursor(): Cursor {
    const p = join(this.dir, 'cursor');
    if (!existsSync(p)) return { seg: this.segments[0] ?? 1, offset: 0 };
    try {
      const c = JSON.parse(readFileSync(p, 'utf8')) as Cursor;
      if (Number.isInteger(c.seg) && Number.isInteger(c.offset) && c.seg > 0 && c.offset >= 0) return c;
    } catch {
      /* unreadable: start from the first segment (replays are idempotent) */
    }
    return { seg: this.segments[0] ?? 1, offset: 0 };
  }

  /** Counts complete records past the cursor; cuts a torn tail of the last segment. Returns the valid size. */
  private scanSegment(seg: number, last: boolean): number {
    const path = join(this.dir, segName(seg));
    const fd = openSync(path, last ? 'r+' : 'r');
    try {
      const size = fstatSync(fd).size;
      const head = Buffer.alloc(HEADER);
      let off = 0;
      while (off + HEADER <= size) {
        if (readSync(fd, head, 0, HEADER, off) < HEADER) break;
        const len = head.readUInt32LE(0);
        if ((head.readUInt32LE(4) ^ MAGIC) >>> 0 !== len || off + HEADER + len > size) break;
        off += HEADER + len;
        if (seg > this.committed.seg || (seg === this.committed.seg && off > this.committed.offset)) this.recovered++;
      }
      if (off < size && last) {
        ftruncateSync(fd, off);
        fsyncSync(fd);
      }
      if (seg === this.committed.seg && this.committed.offset > off) this.committed = { seg, offset: off };
      return off;
    } finally {
      closeSync(fd);
    }
  }

  /** bytes in the segment files (and buffered for them) */
  get bytes(): number {
    return this.totalBytes;
  }

  /** records not yet handed out by read() */
  get unreadCount(): number {
    return this.unread;
  }

  /** records found at open that belong to a previous run and have not been read yet */
  get recoveredUnread(): number {
    return Math.min(this.recovered, this.unread);
  }

  /** records handed out and not yet acknowledged */
  get unackedCount(): number {
    return this.inflight.length - this.inflightHead;
  }

  isEmpty(): boolean {
    return this.unread === 0 && this.unackedCount === 0;
  }

  /** Appends a record (buffered until sync); false when it would pass max_bytes. */
  append(payload: string): boolean {
    const len = Buffer.byteLength(payload);
    const need = HEADER + len;
    if (this.totalBytes + need > this.maxBytes) return false;
    if (this.sizes.get(this.writeSeg)! > 0 && this.sizes.get(this.writeSeg)! + need > this.segmentBytes) this.rotate();
    const buf = Buffer.allocUnsafe(need);
    buf.writeUInt32LE(len, 0);
    buf.writeUInt32LE((len ^ MAGIC) >>> 0, 4);
    buf.write(payload, HEADER, 'utf8');
    this.pendingWrite.push(buf);
    this.pendingWriteBytes += need;
    this.sizes.set(this.writeSeg, this.sizes.get(this.writeSeg)! + need);
    this.totalBytes += need;
    this.unread++;
    if (this.pendingWriteBytes >= 1 << 20) this.writeOut();
    return true;
  }

  private writeOut(): void {
    if (this.pendingWrite.length === 0 || this.writeFd === null) return;
    const buf = this.pendingWrite.length === 1 ? this.pendingWrite[0]! : Buffer.concat(this.pendingWrite, this.pendingWriteBytes);
    let off = 0;
    while (off < buf.length) off += writeSync(this.writeFd, buf, off, buf.length - off);
    this.pendingWrite = [];
    this.pendingWriteBytes = 0;
    this.dirty = true;
  }

  private rotate(): void {
    this.writeOut();
    if (this.writeFd !== null) {
      fsyncSync(this.writeFd);
      closeSync(this.writeFd);
    }
    this.dirty = false;
    this.writeSeg++;
    this.segments.push(this.writeSeg);
    this.sizes.set(this.writeSeg, 0);
    this.writeFd = openSync(join(this.dir, segName(this.writeSeg)), 'a');
  }

  /** Writes buffered records and fsyncs them; persists the cursor when it moved. */
  sync(): void {
    this.writeOut();
    if (this.dirty && this.writeFd !== null) {
      fsyncSync(this.writeFd);
      this.dirty = false;
    }
    this.persistCursor();
  }

  /** Reads up to `max` records in order (buffered appends included). */
  read(max: number): DiskRecord[] {
    const out: DiskRecord[] = [];
    if (this.unread === 0 || max <= 0) return out;
    this.writeOut();
    while (out.length < max && this.unread > 0) {
      const size = this.sizes.get(this.readSeg) ?? 0;
      if (this.readOff >= size) {
        const i = this.segments.indexOf(this.readSeg);
        if (i < 0 || i === this.segments.length - 1) break;
        this.readSeg = this.segments[i + 1]!;
        this.readOff = 0;
        continue;
      }
      const fd = this.fdFor(this.readSeg);
      const want = Math.min(size - this.readOff, 1 << 20);
      const chunk = Buffer.allocUnsafe(want);
      const got = readSync(fd, chunk, 0, want, this.readOff);
      let p = 0;
      while (p + HEADER <= got && out.length < max) {
        const len = chunk.readUInt32LE(p);
        if (p + HEADER + len > got) {
          if (p === 0) {
            // a record larger than the chunk
            const big = Buffer.allocUnsafe(HEADER + len);
            readSync(fd, big, 0, HEADER + len, this.readOff);
            this.emit(out, big.toString('utf8', HEADER), HEADER + len);
            p = -1;
          }
          break;
        }
        this.emit(out, chunk.toString('utf8', p + HEADER, p + HEADER + len), HEADER + len);
        p += HEADER + len;
      }
      if (got === 0) break;
    }
    return out;
  }

  private emit(out: DiskRecord[], payload: string, recordBytes: number): void {
    this.readOff += recordBytes;
    const ticket: DiskTicket = { seg: this.readSeg, end: this.readOff, acked: false };
    this.inflight.push(ticket);
    this.unread--;
    if (this.recovered > 0) this.recovered--;
    out.push({ payload, ticket });
  }

  private fdFor(seg: number): number {
    if (this.readFdSeg !== seg) {
      if (this.readFd !== null) closeSync(this.readFd);
      this.readFd = openSync(join(this.dir, segName(seg)), 'r');
      this.readFdSeg = seg;
    }
    return this.readFd!;
  }

  /** Marks a read record done (written or dead-lettered); frees segments behind the new cursor. */
  ack(ticket: DiskTicket): void {
    ticket.acked = true;
    let moved = false;
    while (this.inflightHead < this.inflight.length && this.inflight[this.inflightHead]!.acked) {
      const t = this.inflight[this.inflightHead++]!;
      this.committed = { seg: t.seg, offset: t.end };
      moved = true;
    }
    if (this.inflightHead > 4096 && this.inflightHead * 2 > this.inflight.length) {
      this.inflight.splice(0, this.inflightHead);
      this.inflightHead = 0;
    }
    if (!moved) return;
    this.cursorDirty = true;
    // whole segments behind the cursor (not the one being written)
    while (this.segments.length > 1 && this.segments[0]! < this.committed.seg) this.dropSegment();
    if (this.segments.length > 1 && this.committed.seg === this.segments[0] && this.committed.offset >= (this.sizes.get(this.committed.seg) ?? 0)) {
      // the first segment is fully consumed: move the cursor to the next one and drop it
      this.committed = { seg: this.segments[1]!, offset: 0 };
      this.dropSegment();
    }
  }

  private dropSegment(): void {
    const s = this.segments.shift()!;
    this.persistCursor(); // the cursor must be past the segment before it goes
    if (this.readFdSeg === s && this.readFd !== null) {
      closeSync(this.readFd);
      this.readFd = null;
      this.readFdSeg = -1;
    }
    try {
      unlinkSync(join(this.dir, segName(s)));
    } catch {
      /* already gone */
    }
    this.totalBytes -= this.sizes.get(s) ?? 0;
    this.sizes.delete(s);
  }

  private persistCursor(): void {
    if (!this.cursorDirty) return;
    const tmp = join(this.dir, 'cursor.tmp');
    writeFileSync(tmp, JSON.stringify(this.committed));
    renameSync(tmp, join(this.dir, 'cursor'));
    this.cursorDirty = false;
  }

  close(): void {
    this.sync();
    if (this.writeFd !== null) closeSync(this.writeFd);
    if (this.readFd !== null) closeSync(this.readFd);
    this.writeFd = null;
    this.readFd = null;
  }
}
