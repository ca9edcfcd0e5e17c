// A minimal ZIP reader for NumPy's .npz archives: the central directory (with Zip64 records, which NumPy
// writes), stored or deflated members, CRC-32 checked, so a truncated or corrupt archive is refused.
import { inflateRawSync } from 'node:zlib'
import { say } from '../../../shared/messages'

export class ZipError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ZipError'
  }
}

export interface ZipEntry {
  name: string
  data: Uint8Array
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

let crcTable: Uint32Array | undefined
/** CRC-32 (IEEE 802.3, as in ZIP). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256)
    for (let i = 0; i < 256; i++) {
      let c = i
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[i] = c >>> 0
    }
  }
  let c = 0xffffffff
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at)
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError(say('import.zipOutOfRange'))
  return Number(v)
}

/** Directory offset and entry count from the end-of-central-directory record (Zip64 if present). */
function findDirectory(buf: Buffer, label: string): { offset: number; count: number } {
  const floor = Math.max(0, buf.length - 22 - 0xffff)
  for (let at = buf.length - 22; at >= floor; at--) {
    if (buf.readUInt32LE(at) !== EOCD) continue
    let count = buf.readUInt16LE(at + 10)
    let offset = buf.readUInt32LE(at + 16)
    if ((count === 0xffff || offset === 0xffffffff) && at >= 20 && buf.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
      const z = u64(buf, at - 20 + 8)
      if (z + 56 > buf.length || buf.readUInt32LE(z) !== ZIP64_EOCD) throw new ZipError(say('import.zipBrokenZip64', { label }))
      count = u64(buf, z + 32)
      offset = u64(buf, z + 48)
    }
    return { offset, count }
  }
  throw new ZipError(say('import.zipNoEnd', { label }))
}

/**
 * Every file member of a ZIP held in memory, in central-directory order (the order NumPy wrote them).
 * `maxEntryBytes` caps each member's uncompressed size (checked before inflating).
 */
export function readZip(buf: Buffer, label: string, maxEntryBytes: number): ZipEntry[] {
  const { offset, count } = findDirectory(buf, label)
  const entries: ZipEntry[] = []
  let p = offset
  for (let e = 0; e < count; e++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipError(say('import.zipCorruptDirectory', { label, entry: e + 1 }))
    const flags = buf.readUInt16LE(p + 8)
    const method = buf.readUInt16LE(p + 10)
    const crc = buf.readUInt32LE(p + 16)
    let packed = buf.readUInt32LE(p + 20)
    let size = buf.readUInt32LE(p + 24)
    const nameLen = buf.readUInt16LE(p + 28)
    const extraLen = buf.readUInt16LE(p + 30)
    const commentLen = buf.readUInt16LE(p + 32)
    let local = buf.readUInt32LE(p + 42)
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen)
    // Zip64 extended information: only the fields saturated in the fixed record are present, in this order
    let x = p + 46 + nameLen
    const extraEnd = x + extraLen
    // lengths from the record itself may point past the archive: refuse rather than read out of range
    if (extraEnd + commentLen > buf.length) throw new ZipError(say('import.zipCorruptDirectory', { label, entry: e + 1 }))
    while (x + 4 <= extraEnd) {
      const id = buf.readUInt16LE(x)
      const len = buf.readUInt16LE(x + 2)
      if (x + 4 + len > extraEnd) throw new ZipError(say('import.zipCorruptExtra', { label, entry: e + 1 }))
      if (id === 0x0001) {
        let q = x + 4
        const next = (): number => {
          if (q + 8 > x + 4 + len) throw new ZipError(say('import.zipZip64Short', { label, entry: e + 1 }))
          q += 8
          return u64(buf, q - 8)
        }
        if (size === 0xffffffff) size = next()
        if (packed === 0xffffffff) packed = next()
        if (local === 0xffffffff) local = next()
      }
      x += 4 + len
    }
    p = extraEnd + commentLen
    if (name.endsWith('/')) continue
    if (flags & 1) throw new ZipError(say('import.zipEncrypted', { label, name }))
    if (method !== 0 && method !== 8) throw new ZipError(say('import.zipMethod', { label, name, method }))
    if (size > maxEntryBytes) throw new ZipError(say('import.zipMemberTooLarge', { label, name, size, max: maxEntryBytes }))
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw new ZipError(say('import.zipBadLocalHeader', { label, name }))
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    if (start + packed > buf.length) throw new ZipError(say('import.zipMemberTruncated', { label, name }))
    const raw = buf.subarray(start, start + packed)
    let data: Uint8Array
    if (method === 0) data = raw
    else {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, size) })
      } catch (err) {
        throw new ZipError(say('import.zipInflate', { label, name, detail: (err as Error).message }))
      }
    }
    if (data.length !== size) throw new ZipError(say('import.zipSizeMismatch', { label, name, actual: data.length, size }))
    if (crc32(data) !== crc) throw new ZipError(say('import.zipCrc', { label, name }))
    entries.push({ name, data })
  }
  return entries
}
