// A minimal ZIP reader for NumPy's .npz archives: the central directory (with Zip64 records, which NumPy
// writes), stored or deflated members, CRC-32 checked, so a truncated or corrupt archive is refused.
import { Inflate } from 'fflate'
import { type Message, message, MessageError } from '../../../shared/messages'

export class ZipError extends MessageError {
  constructor(msg: Message) {
    super(msg)
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
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError(message('import.zipOutOfRange'))
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
      if (z + 56 > buf.length || buf.readUInt32LE(z) !== ZIP64_EOCD) throw new ZipError(message('import.zipBrokenZip64', { label }))
      count = u64(buf, z + 32)
      offset = u64(buf, z + 48)
    }
    return { offset, count }
  }
  throw new ZipError(message('import.zipNoEnd', { label }))
}

/** Caps on what an archive may inflate to; checked from the central directory and again while inflating. */
export interface ZipLimits {
  /** uncompressed bytes of one member */
  maxEntryBytes: number
  /** uncompressed bytes of all members together (default: maxEntryBytes) */
  maxTotalBytes?: number
  /** members listed in the central directory (default: DEFAULT_MAX_ENTRIES) */
  maxEntries?: number
  /**
   * Called with a member's first min(size, HEAD_BYTES) bytes before the rest is inflated or anything is
   * allocated for it (an NPY header, to check the shape against the caller's limits); throws to refuse.
   */
  checkHead?: (name: string, head: Uint8Array, size: number) => void
}

export const DEFAULT_MAX_ENTRIES = 1024
/** bytes handed to checkHead: the longest NPY header read (64 KiB) plus its preamble */
export const HEAD_BYTES = 65_536 + 12
/** compressed bytes inflated per step: deflate expands at most ~1032x, so one step yields at most ~17 MB */
const STEP = 16 * 1024

interface Member {
  name: string
  method: number
  crc: number
  packed: number
  size: number
  local: number
}

/** The central directory's file members, refused before anything is inflated if they pass the caps. */
function listMembers(buf: Buffer, label: string, limits: Required<Omit<ZipLimits, 'checkHead'>>): Member[] {
  const { offset, count } = findDirectory(buf, label)
  // each record is at least 46 bytes: a count the directory cannot hold is corrupt, a large one is refused
  if (count > limits.maxEntries) throw new ZipError(message('harden.zipTooManyEntries', { label, count, max: limits.maxEntries }))
  const members: Member[] = []
  let total = 0
  let p = offset
  for (let e = 0; e < count; e++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipError(message('import.zipCorruptDirectory', { label, entry: e + 1 }))
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
    if (extraEnd + commentLen > buf.length) throw new ZipError(message('import.zipCorruptDirectory', { label, entry: e + 1 }))
    while (x + 4 <= extraEnd) {
      const id = buf.readUInt16LE(x)
      const len = buf.readUInt16LE(x + 2)
      if (x + 4 + len > extraEnd) throw new ZipError(message('import.zipCorruptExtra', { label, entry: e + 1 }))
      if (id === 0x0001) {
        let q = x + 4
        const next = (): number => {
          if (q + 8 > x + 4 + len) throw new ZipError(message('import.zipZip64Short', { label, entry: e + 1 }))
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
    if (flags & 1) throw new ZipError(message('import.zipEncrypted', { label, name }))
    if (method !== 0 && method !== 8) throw new ZipError(message('import.zipMethod', { label, name, method }))
    if (size > limits.maxEntryBytes) throw new ZipError(message('import.zipMemberTooLarge', { label, name, size, max: limits.maxEntryBytes }))
    total += size
    if (total > limits.maxTotalBytes) throw new ZipError(message('harden.zipTotalTooLarge', { label, size: total, max: limits.maxTotalBytes }))
    members.push({ name, method, crc, packed, size, local })
  }
  return members
}

/**
 * Inflate one member step by step, never past the size its directory entry declares (a lying entry is
 * refused as soon as the output passes it); `checkHead` sees the first bytes before the output is allocated.
 */
function inflateMember(raw: Uint8Array, m: Member, label: string, checkHead?: ZipLimits['checkHead']): Uint8Array {
  const headLength = Math.min(m.size, HEAD_BYTES)
  const head = new Uint8Array(headLength)
  let out: Uint8Array | undefined
  let filled = 0
  const take = (chunk: Uint8Array): void => {
    if (filled + chunk.length > m.size) throw new ZipError(message('harden.zipInflatesPast', { label, name: m.name, size: m.size }))
    if (!out) {
      const n = Math.min(chunk.length, headLength - filled)
      head.set(chunk.subarray(0, n), filled)
      filled += n
      chunk = chunk.subarray(n)
      if (filled < headLength) return
      checkHead?.(m.name, head, m.size)
      out = new Uint8Array(m.size)
      out.set(head)
    }
    out.set(chunk, filled)
    filled += chunk.length
  }
  if (m.method === 0) take(raw)
  else {
    // a refusal from take (ours or checkHead's) travels through fflate unchanged; fflate's own are corrupt data
    let refused: unknown
    const inflater = new Inflate((chunk) => {
      try {
        take(chunk)
      } catch (e) {
        refused = e
        throw e
      }
    })
    try {
      for (let at = 0; at < raw.length || at === 0; at += STEP) inflater.push(raw.subarray(at, at + STEP), at + STEP >= raw.length)
    } catch (err) {
      if (err === refused) throw err
      throw new ZipError(message('import.zipInflate', { label, name: m.name, detail: (err as Error).message }))
    }
  }
  if (!out) {
    // the member is shorter than the head: the head is the whole member, if it is all there
    if (filled < headLength) throw new ZipError(message('import.zipSizeMismatch', { label, name: m.name, actual: filled, size: m.size }))
    checkHead?.(m.name, head, m.size)
    out = head
  }
  if (filled !== m.size) throw new ZipError(message('import.zipSizeMismatch', { label, name: m.name, actual: filled, size: m.size }))
  return out
}

/**
 * Every file member of a ZIP held in memory, in central-directory order (the order NumPy wrote them).
 * `limits` (or just the per-member cap) bounds the members' count and their sizes, one and all, from the
 * central directory before anything is inflated, and again while inflating.
 */
export function readZip(buf: Buffer, label: string, limits: number | ZipLimits): ZipEntry[] {
  const l = typeof limits === 'number' ? { maxEntryBytes: limits } : limits
  const caps = { maxEntryBytes: l.maxEntryBytes, maxTotalBytes: l.maxTotalBytes ?? l.maxEntryBytes, maxEntries: l.maxEntries ?? DEFAULT_MAX_ENTRIES }
  const entries: ZipEntry[] = []
  for (const m of listMembers(buf, label, caps)) {
    if (m.local + 30 > buf.length || buf.readUInt32LE(m.local) !== LOCAL) throw new ZipError(message('import.zipBadLocalHeader', { label, name: m.name }))
    const start = m.local + 30 + buf.readUInt16LE(m.local + 26) + buf.readUInt16LE(m.local + 28)
    if (start + m.packed > buf.length) throw new ZipError(message('import.zipMemberTruncated', { label, name: m.name }))
    const data = inflateMember(buf.subarray(start, start + m.packed), m, label, l.checkHead)
    if (crc32(data) !== m.crc) throw new ZipError(message('import.zipCrc', { label, name: m.name }))
    entries.push({ name: m.name, data })
  }
  return entries
}
