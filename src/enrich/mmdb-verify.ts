/**
 * Structural check of a MaxMind DB (.mmdb) file before it replaces a working one: metadata, the
 * search tree (every record points to a node, "not found" or into the data section) and every data
 * record reachable from the tree, decoded with the format's size rules (a double is 8 bytes, a
 * uint32 at most 4, ...). The reader library trusts the file; this is what catches a truncated,
 * half-written or corrupt download. Throws an Error saying what is wrong.
 */
import { Reader } from 'maxmind';

const SEPARATOR = 16;
const MAX_DEPTH = 64;

export interface MmdbInfo {
  databaseType: string;
  buildEpoch: Date;
  nodeCount: number;
  ipVersion: number;
}

function findMetadataStart(db: Buffer): number {
  const marker = Buffer.from('abcdef4d61784d696e642e636f6d', 'hex');
  const from = Math.max(0, db.length - 128 * 1024);
  const at = db.lastIndexOf(marker);
  if (at < from) throw new Error('no MaxMind DB metadata marker');
  return at;
}

/** Opens and checks the whole file; returns the reader and its facts. */
export function openVerified(db: Buffer): { reader: Reader<any>; info: MmdbInfo } {
  const metaStart = findMetadataStart(db);
  let reader: Reader<any>;
  try {
    reader = new Reader<any>(db);
  } catch (e) {
    throw new Error('unreadable metadata: ' + (e as Error).message);
  }
  const md = reader.metadata;
  if (md.binaryFormatMajorVersion !== 2) throw new Error(`unsupported format version ${md.binaryFormatMajorVersion}`);
  if (![24, 28, 32].includes(md.recordSize)) throw new Error(`invalid record size ${md.recordSize}`);
  if (md.ipVersion !== 4 && md.ipVersion !== 6) throw new Error(`invalid ip_version ${md.ipVersion}`);
  if (typeof md.databaseType !== 'string' || md.databaseType === '') throw new Error('no database_type in metadata');
  const nodeCount = md.nodeCount;
  if (!Number.isInteger(nodeCount) || nodeCount <= 0) throw new Error(`invalid node_count ${nodeCount}`);
  const treeSize = (nodeCount * md.recordSize) / 4;
  const dataStart = treeSize + SEPARATOR;
  if (dataStart > metaStart) {
    throw new Error(`node_count ${nodeCount} does not fit the file (search tree ${treeSize} bytes, ${metaStart} before the metadata)`);
  }
  for (let i = treeSize; i < dataStart; i++) if (db[i] !== 0) throw new Error('data section separator is not zero');
  const dataSize = metaStart - dataStart;
  const data = db.subarray(dataStart, metaStart);

  // 1. the search tree
  const recordBytes = md.recordSize / 4;
  const seen = new Uint8Array(Math.max(1, dataSize));
  const roots: number[] = [];
  const record = (off: number, right: boolean): number => {
    switch (md.recordSize) {
      case 24:
        return right ? db.readUIntBE(off + 3, 3) : db.readUIntBE(off, 3);
      case 28:
        return right
          ? ((db[off + 3]! & 0x0f) * 0x1000000 + db.readUIntBE(off + 4, 3))
          : (((db[off + 3]! & 0xf0) >>> 4) * 0x1000000 + db.readUIntBE(off, 3));
      default:
        return right ? db.readUInt32BE(off + 4) : db.readUInt32BE(off);
    }
  };
  for (let n = 0; n < nodeCount; n++) {
    const off = n * recordBytes;
    for (let side = 0; side < 2; side++) {
      const v = record(off, side === 1);
      if (v <= nodeCount) continue;
      const p = v - nodeCount - SEPARATOR;
      if (p < 0 || p >= dataSize) throw new Error(`search tree node ${n} points outside the data section`);
      if (seen[p] === 0) {
        seen[p] = 1;
        roots.push(p);
      }
    }
  }

  // 2. the data records
  const verified = new Uint8Array(Math.max(1, dataSize));
  const fail = (off: number, what: string): never => {
    throw new Error(`invalid data at offset ${off}: ${what}`);
  };
  /** checks the value at `off`, returns the offset after it */
  const check = (off: number, depth: number, wantString: boolean): number => {
    if (depth > MAX_DEPTH) fail(off, 'nesting too deep');
    if (off >= dataSize) fail(off, 'past the data section');
    const start = off;
    const ctrl = data[off++]!;
    let type = ctrl >>> 5;
    if (type === 1) {
      // pointer
      const ss = (ctrl >>> 3) & 3;
      const vb = ctrl & 7;
      let p: number;
      if (off + ss + 1 > dataSize) fail(start, 'truncated pointer');
      if (ss === 0) p = vb * 256 + data[off]!;
      else if (ss === 1) p = vb * 65536 + data.readUInt16BE(off) + 2048;
      else if (ss === 2) p = vb * 16777216 + data.readUIntBE(off, 3) + 526336;
      else p = data.readUInt32BE(off);
      off += ss + 1;
      if (p >= dataSize) fail(start, 'pointer outside the data section');
      if (data[p]! >>> 5 === 1) fail(start, 'pointer to a pointer');
      if (verified[p] === 0) {
        check(p, depth + 1, wantString);
        verified[p] = 1;
      } else if (wantString && data[p]! >>> 5 !== 2) fail(start, 'map key is not a string');
      return off;
    }
    if (type === 0) {
      if (off >= dataSize) fail(start, 'truncated extended type');
      type = 7 + data[off++]!;
      if (type < 8 || type > 15) fail(start, `invalid extended type ${type}`);
    }
    let size = ctrl & 0x1f;
    if (size >= 29) {
      const n = size - 28;
      if (off + n > dataSize) fail(start, 'truncated size');
      if (size === 29) size = 29 + data[off]!;
      else if (size === 30) size = 285 + data.readUInt16BE(off);
      else size = 65821 + data.readUIntBE(off, 3);
      off += n;
    }
    if (wantString && type !== 2) fail(start, 'map key is not a string');
    switch (type) {
      case 2: // utf8 string
      case 4: // bytes
        if (off + size > dataSize) fail(start, 'value runs past the data section');
        return off + size;
      case 3: // double
        if (size !== 8) fail(start, `double of ${size} bytes`);
        if (off + 8 > dataSize) fail(start, 'truncated double');
        return off + 8;
      case 15: // float
        if (size !== 4) fail(start, `float of ${size} bytes`);
        if (off + 4 > dataSize) fail(start, 'truncated float');
        return off + 4;
      case 5: // uint16
      case 6: // uint32
      case 8: // int32
      case 9: // uint64
      case 10: {
        // uint128
        const max = type === 5 ? 2 : type === 9 ? 8 : type === 10 ? 16 : 4;
        if (size > max) fail(start, `integer of ${size} bytes`);
        if (off + size > dataSize) fail(start, 'truncated integer');
        return off + size;
      }
      case 14: // boolean
        if (size > 1) fail(start, `boolean of size ${size}`);
        return off;
      case 7: // map
        for (let i = 0; i < size; i++) {
          off = check(off, depth + 1, true);
          off = check(off, depth + 1, false);
        }
        return off;
      case 11: // array
        for (let i = 0; i < size; i++) off = check(off, depth + 1, false);
        return off;
      default:
        return fail(start, `type ${type} not allowed in data`);
    }
  };
  for (const p of roots) {
    if (verified[p] === 0) {
      check(p, 0, false);
      verified[p] = 1;
    }
  }
  return {
    reader,
    info: { databaseType: md.databaseType, buildEpoch: md.buildEpoch, nodeCount, ipVersion: md.ipVersion },
  };
}
