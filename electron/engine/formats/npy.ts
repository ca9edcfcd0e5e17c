// NPY v1.0 files (NumPy's .npy): float32 '<f4', int32 '<i4' and float64 '<f8' (datasets), C order, the
// header padded so the data starts on a 64-byte boundary; readNpyAny also reads float64 '<f8' (user data
// such as point clouds).
// The reader checks magic, version, dtype and that the byte length matches
// the shape, so a truncated or foreign file is refused with a message instead of being misread.
import { open } from 'node:fs/promises'
import { npyHeaderBytes } from '../../../shared/npy-bytes'
import { type Message, message, MessageError } from '../../../shared/messages'

export type NpyDtype = '<f4' | '<i4'
export type NpyData = Float32Array | Int32Array

export interface NpyArray {
  dtype: NpyDtype
  shape: number[]
  data: NpyData
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59] // \x93NUMPY

export class NpyError extends MessageError {
  constructor(msg: Message) {
    super(msg)
    this.name = 'NpyError'
  }
}

function dtypeOf(data: NpyAnyData): NpyAnyDtype {
  return data instanceof Float32Array ? '<f4' : data instanceof Float64Array ? '<f8' : '<i4'
}

function checkShape(shape: readonly number[], length: number): void {
  if (!shape.every((s) => Number.isInteger(s) && s >= 0)) throw new NpyError(message('errmsg.npyShapeInvalid', { shape: shape.join(', ') }))
  const count = shape.reduce((a, b) => a * b, 1)
  if (count !== length) throw new NpyError(message('errmsg.npyShapeCount', { shape: shape.join(', '), count, length }))
}

/** The 10-byte preamble plus the header dict, padded with spaces and a newline to a multiple of 64 (shared/npy-bytes.ts). */
export function npyHeader(dtype: NpyAnyDtype, shape: readonly number[]): Buffer {
  try {
    const b = npyHeaderBytes(dtype, shape)
    return Buffer.from(b.buffer, b.byteOffset, b.byteLength)
  } catch (e) {
    throw new NpyError(message('errmsg.internal', { detail: (e as Error).message }))
  }
}

function bytesOf(data: NpyAnyData): Buffer {
  // typed arrays are little-endian on every platform Node and Electron run on
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
}

/** The whole file in memory (small arrays, tests). */
export function encodeNpy(data: NpyAnyData, shape: readonly number[]): Buffer {
  checkShape(shape, data.length)
  return Buffer.concat([npyHeader(dtypeOf(data), shape), bytesOf(data)])
}

/** Write an .npy file without copying the data, and fsync it before returning. */
export async function writeNpy(path: string, data: NpyAnyData, shape: readonly number[]): Promise<void> {
  checkShape(shape, data.length)
  const fh = await open(path, 'w')
  try {
    await fh.write(npyHeader(dtypeOf(data), shape))
    const bytes = bytesOf(data)
    // write in slices: a single write of more than 2 GiB is refused by Node
    const slice = 256 * 1024 * 1024
    for (let off = 0; off < bytes.length; off += slice) await fh.write(bytes, off, Math.min(slice, bytes.length - off))
    await fh.sync()
  } finally {
    await fh.close()
  }
}

/** Every dtype the reader knows; readNpy/decodeNpy accept the first two, readNpyAny/decodeNpyAny all three. */
export type NpyAnyDtype = NpyDtype | '<f8'
export type NpyAnyData = NpyData | Float64Array
export interface NpyAnyArray {
  dtype: NpyAnyDtype
  shape: number[]
  data: NpyAnyData
}
const ITEM_SIZE: Record<NpyAnyDtype, number> = { '<f4': 4, '<i4': 4, '<f8': 8 }
const STORAGE_DTYPES: readonly NpyAnyDtype[] = ['<f4', '<i4']
const ALL_DTYPES: readonly NpyAnyDtype[] = ['<f4', '<i4', '<f8']

export interface NpyHeader {
  dtype: NpyAnyDtype
  shape: number[]
  dataOffset: number
}

/** The header of a float32, int32 or float64 .npy whose first bytes are `head` and whose length is `fileLength`. */
export function readNpyAnyHeader(head: Uint8Array, fileLength: number, label: string): NpyHeader {
  return parseHeader(head, fileLength, label, ALL_DTYPES)
}

/** Parse and validate the header at the start of `head` (which holds at least the whole header). */
function parseHeader(head: Uint8Array, fileLength: number, label: string, accepted: readonly NpyAnyDtype[] = STORAGE_DTYPES): NpyHeader {
  if (head.length < 10 || !MAGIC.every((b, i) => head[i] === b)) throw new NpyError(message('runs.npyMagic', { label }))
  const major = head[6]
  const minor = head[7]
  if (major < 1 || major > 3 || minor !== 0) throw new NpyError(message('import.npyVersion', { label, version: `${major}.${minor}` }))
  const view = Buffer.from(head.buffer, head.byteOffset, head.byteLength)
  const pre = major === 1 ? 10 : 12
  if (head.length < pre) throw new NpyError(message('import.npyTruncatedHeader', { label }))
  const headerLen = major === 1 ? view.readUInt16LE(8) : view.readUInt32LE(8)
  const dataOffset = pre + headerLen
  if (dataOffset > fileLength || dataOffset > head.length) throw new NpyError(message('import.npyTruncatedHeader', { label }))
  const text = view.toString(major === 3 ? 'utf8' : 'latin1', pre, dataOffset)
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text)?.[1]
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1]
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1]
  if (descr === undefined || fortran === undefined || shapeText === undefined)
    throw new NpyError(message('runs.npyMalformedHeader', { label, header: JSON.stringify(text.trim()) }))
  if (!(accepted as readonly string[]).includes(descr))
    throw new NpyError(
      message('runs.npyDtype', {
        label,
        dtype: descr,
        expected: accepted
          .map((t) => `'${t}'`)
          .join(' or ')
          .replace(/ or (?=.* or )/g, ', ')
      })
    )
  const dtype = descr as NpyAnyDtype
  if (fortran === 'True') throw new NpyError(message('runs.npyFortran', { label }))
  const parts = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
  if (!parts.every((p) => /^\d+L?$/.test(p))) throw new NpyError(message('import.npyBadShape', { label, shape: shapeText }))
  const shape = parts.map((p) => Number.parseInt(p, 10))
  if (!shape.every((s) => Number.isSafeInteger(s))) throw new NpyError(message('runs.npyShapeTooLarge', { label, shape: shapeText }))
  const expected = dataOffset + shape.reduce((a, b) => a * b, 1) * ITEM_SIZE[dtype]
  if (fileLength < expected) throw new NpyError(message('runs.npyTruncated', { label, shape: shape.join(', '), expected, size: fileLength }))
  if (fileLength > expected) throw new NpyError(message('runs.npyTrailing', { label, extra: fileLength - expected, shape: shape.join(', ') }))
  return { dtype, shape, dataOffset }
}

function allocate(dtype: NpyAnyDtype, count: number): NpyAnyData {
  return dtype === '<f4' ? new Float32Array(count) : dtype === '<f8' ? new Float64Array(count) : new Int32Array(count)
}

/** Decode a whole .npy file held in memory. */
export function decodeNpy(bytes: Uint8Array, label = 'npy'): NpyArray {
  return decode(bytes, label, STORAGE_DTYPES) as NpyArray
}

/** decodeNpy that also accepts float64 ('<f8'). */
export function decodeNpyAny(bytes: Uint8Array, label = 'npy'): NpyAnyArray {
  return decode(bytes, label, ALL_DTYPES)
}

function decode(bytes: Uint8Array, label: string, accepted: readonly NpyAnyDtype[]): NpyAnyArray {
  const h = parseHeader(bytes, bytes.length, label, accepted)
  const data = allocate(
    h.dtype,
    h.shape.reduce((a, b) => a * b, 1)
  )
  // copy: the source may not be 4-byte aligned (pooled Buffers)
  new Uint8Array(data.buffer).set(bytes.subarray(h.dataOffset))
  return { dtype: h.dtype, shape: h.shape, data }
}

/** The header of an .npy file, checked against the file's size, reading only its first bytes. */
export async function readNpyFileHeader(path: string, label: string): Promise<NpyHeader> {
  const fh = await open(path, 'r')
  try {
    const { size } = await fh.stat()
    const head = Buffer.alloc(Math.min(size, 65_536 + 12))
    await fh.read(head, 0, head.length, 0)
    return parseHeader(head, size, label, ALL_DTYPES)
  } finally {
    await fh.close()
  }
}

/** Read an .npy file straight into a typed array (no intermediate copy of the data). */
export async function readNpy(path: string): Promise<NpyArray> {
  return (await read(path, STORAGE_DTYPES)) as NpyArray
}

/** readNpy that also accepts float64 ('<f8'). */
export async function readNpyAny(path: string): Promise<NpyAnyArray> {
  return read(path, ALL_DTYPES)
}

async function read(path: string, accepted: readonly NpyAnyDtype[]): Promise<NpyAnyArray> {
  const fh = await open(path, 'r')
  try {
    const { size } = await fh.stat()
    const head = Buffer.alloc(Math.min(size, 65_536 + 12))
    await fh.read(head, 0, head.length, 0)
    const h = parseHeader(head, size, path, accepted)
    const data = allocate(
      h.dtype,
      h.shape.reduce((a, b) => a * b, 1)
    )
    const target = new Uint8Array(data.buffer)
    let done = 0
    while (done < target.length) {
      const { bytesRead } = await fh.read(target, done, Math.min(target.length - done, 256 * 1024 * 1024), h.dataOffset + done)
      if (bytesRead === 0) throw new NpyError(message('runs.npyTruncatedReading', { path }))
      done += bytesRead
    }
    return { dtype: h.dtype, shape: h.shape, data }
  } finally {
    await fh.close()
  }
}
