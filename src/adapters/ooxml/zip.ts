// The zip container of a package. fflate inflates, deflates and writes the archive; what it does not
// offer is the compressed bytes of an entry, so the central directory is read here: a part we do not
// change is copied into the new file as it was stored — not even recompressed.
import { Zip, deflateSync, inflateSync, unzipSync, type ZipInputFile } from 'fflate';

export interface StoredEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  crc: number;
  size: number;
  /** The entry's data as stored in the archive. */
  raw: Uint8Array;
}

/** How changed parts are compressed: fflate by default; Node passes its native zlib (several times faster). */
export interface Codec {
  deflateRaw(data: Uint8Array): Uint8Array;
  /** Native where the platform has it (Node's zlib); fflate's otherwise. */
  inflateRaw?(data: Uint8Array): Uint8Array;
  /** Off the main thread where the platform can (Node's zlib thread pool): sheets compress while the next is written. */
  deflateRawAsync?(data: Uint8Array): Promise<Uint8Array>;
  crc32(data: Uint8Array): number;
}

let CRC_TABLE: Int32Array | null = null;

export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

// big parts (generated sheets of megabytes) at level 1: a little larger, several times faster on the page
export const FFLATE_CODEC: Codec = { deflateRaw: (d) => deflateSync(d, { level: d.length > 1 << 20 ? 1 : 6 }), crc32 };

const utf8 = new TextDecoder('utf-8');

/**
 * The entries of an archive with their stored bytes, from its central directory; null when the archive
 * uses what this reader leaves to fflate (ZIP64, encryption, other methods).
 */
export function readStored(bytes: Uint8Array): StoredEntry[] | null {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || p === 0xffffffff) return null;
  const out: StoredEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== 0x02014b50) return null;
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    const csize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (flags & 1 || (method !== 0 && method !== 8) || csize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return null;
    if (local + 30 > bytes.length || dv.getUint32(local, true) !== 0x04034b50) return null;
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    if (start + csize > bytes.length) return null;
    out.push({ name, method, crc, size, raw: bytes.subarray(start, start + csize) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export function inflateStored(e: StoredEntry, codec?: Codec): Uint8Array {
  if (e.method === 0) return e.raw;
  return codec?.inflateRaw ? codec.inflateRaw(e.raw) : inflateSync(e.raw);
}

/** Every entry decompressed by fflate (the fallback for archives readStored leaves alone). */
export function unzipAll(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

export type OutEntry = { name: string; stored: StoredEntry } | { name: string; data: Uint8Array; store?: boolean };

export function writeZip(entries: OutEntry[], codec: Codec): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failed = err;
    else chunks.push(chunk);
  });
  for (const e of entries) {
    let file: ZipInputFile;
    let payload: Uint8Array;
    if ('stored' in e) {
      file = { filename: e.name, size: e.stored.size, crc: e.stored.crc, compression: e.stored.method };
      payload = e.stored.raw;
    } else {
      const deflate = !e.store && e.data.length > 0;
      payload = deflate ? codec.deflateRaw(e.data) : e.data;
      file = { filename: e.name, size: e.data.length, crc: codec.crc32(e.data), compression: deflate ? 8 : 0 };
    }
    zip.add(file);
    (file.ondata as (err: Error | null, data: Uint8Array, final: boolean) => void)(null, payload, true);
  }
  zip.end();
  if (failed) throw failed;
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
