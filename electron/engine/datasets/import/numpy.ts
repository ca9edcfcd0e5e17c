// NumPy uploads: .npy (float, int, unsigned or bool; 1-D [n] or 2-D [n, d]; C or Fortran order; either
// byte order) and .npz holding one array (features) or two (features and labels). Every size and length
// is checked against the bytes, so a truncated or foreign file is refused with a reason.
import { message, type MessageKey, type Params } from '../../../../shared/messages'
import { EngineError } from '../../errors'
import { LIMITS } from '../../../../shared/limits'
import { HEAD_BYTES, readZip, ZipError } from '../../formats/zip'
import { MAX_COLUMNS, MAX_ROWS, TableBuilder, type Table } from './table'

export interface NumpyArray {
  /** NumPy's type code without byte order, e.g. 'f4', 'i8' */
  dtype: string
  shape: number[]
  /** values in C order */
  data: Float64Array
}

const bad = (key: MessageKey, params: Params): EngineError => new EngineError('invalid-request', message(key, params))

type Reader = (v: DataView, at: number, little: boolean) => number
const READERS: Record<string, [number, Reader]> = {
  f4: [4, (v, a, l) => v.getFloat32(a, l)],
  f8: [8, (v, a, l) => v.getFloat64(a, l)],
  i1: [1, (v, a) => v.getInt8(a)],
  i2: [2, (v, a, l) => v.getInt16(a, l)],
  i4: [4, (v, a, l) => v.getInt32(a, l)],
  i8: [8, (v, a, l) => Number(v.getBigInt64(a, l))],
  u1: [1, (v, a) => v.getUint8(a)],
  u2: [2, (v, a, l) => v.getUint16(a, l)],
  u4: [4, (v, a, l) => v.getUint32(a, l)],
  u8: [8, (v, a, l) => Number(v.getBigUint64(a, l))],
  b1: [1, (v, a) => (v.getUint8(a) ? 1 : 0)]
}

/** The most values read from one array: what the largest .npy upload holds as float32 (each value becomes
 * 8 bytes here and 9 in the table, so a small .npz cannot inflate into gigabytes of cells). */
export const MAX_NUMPY_VALUES = LIMITS.maxUploadBytes / 4

interface NumpyHeader {
  key: string
  little: boolean
  fortran: boolean
  shape: number[]
  /** offset of the data */
  start: number
  count: number
}

/**
 * The header of an .npy whose first bytes are `bytes` and whose whole length is `length`: dtype, rank,
 * rows, columns and values checked against the import's limits and the length before anything is allocated.
 */
export function readNumpyHeader(bytes: Uint8Array, label: string, length: number = bytes.length): NumpyHeader {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]
  if (bytes.length < 10 || !magic.every((b, i) => bytes[i] === b)) throw bad('import.npyNotNpy', { label })
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const major = bytes[6]
  if (major < 1 || major > 3) throw bad('import.npyVersion', { label, version: `${major}.${bytes[7]}` })
  const pre = major === 1 ? 10 : 12
  if (bytes.length < pre) throw bad('import.npyTruncatedHeader', { label })
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true)
  if (pre + headerLen > HEAD_BYTES) throw bad('harden.npyHeaderTooLong', { label, size: headerLen, max: HEAD_BYTES - pre })
  const start = pre + headerLen
  if (start > bytes.length || start > length) throw bad('import.npyTruncatedHeader', { label })
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(pre, start))
  const descr = /'descr'\s*:\s*'([<>|=])([a-z])(\d+)'/.exec(text)
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1]
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1]
  if (!descr || !fortran || shapeText === undefined) throw bad('import.npyBadHeader', { label, header: JSON.stringify(text.trim().slice(0, 120)) })
  const key = `${descr[2]}${descr[3]}`
  const reader = READERS[key]
  if (!reader) throw bad('import.npyDtype', { label, dtype: `${descr[1]}${key}` })
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (/^\d+L?$/.test(s) ? Number.parseInt(s, 10) : NaN))
  if (!shape.every((s) => Number.isSafeInteger(s))) throw bad('import.npyBadShape', { label, shape: shapeText })
  if (shape.length < 1 || shape.length > 2) throw bad('import.npyRank', { label, shape: shape.join(', ') })
  const shown = shape.join(', ')
  if (shape[0] > MAX_ROWS) throw bad('harden.npyTooManyRows', { label, shape: shown, rows: shape[0], max: MAX_ROWS })
  if ((shape[1] ?? 1) > MAX_COLUMNS) throw bad('harden.npyTooManyColumns', { label, shape: shown, columns: shape[1], max: MAX_COLUMNS })
  const count = shape.reduce((a, b) => a * b, 1)
  if (count > MAX_NUMPY_VALUES) throw bad('harden.npyTooManyValues', { label, shape: shown, count, max: MAX_NUMPY_VALUES })
  const expected = start + count * reader[0]
  if (length < expected) throw bad('import.npyTruncated', { label, shape: shown, expected, actual: length })
  if (length > expected) throw bad('import.npyTrailing', { label, count: length - expected })
  return { key, little: descr[1] !== '>', fortran: fortran === 'True', shape, start, count }
}

/** Decode one .npy held in memory into float64 values (C order). */
export function decodeNumpy(bytes: Uint8Array, label: string): NumpyArray {
  const { key, little, fortran, shape, start, count } = readNumpyHeader(bytes, label)
  const [size, read] = READERS[key]
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const data = new Float64Array(count)
  const [n, d] = [shape[0], shape[1] ?? 1]
  for (let i = 0; i < count; i++) {
    const v = read(view, start + i * size, little)
    // Fortran order stores column by column: element i is (i % n, floor(i / n))
    data[fortran ? (i % n) * d + Math.floor(i / n) : i] = v
  }
  return { dtype: key, shape, data }
}

function toTable(format: 'npy' | 'npz', features: NumpyArray, base: string, labels?: { name: string; array: NumpyArray }): Table {
  const [n, d] = [features.shape[0], features.shape[1] ?? 1]
  const names = features.shape.length === 1 ? [base] : Array.from({ length: d }, (_, j) => `${base}[${j}]`)
  if (labels) names.push(labels.name)
  const b = new TableBuilder(format, names)
  const row = new Float64Array(names.length)
  // float32 values shown as float32 prints them (0.1, not 0.10000000149011612); the data stays exact
  const show = features.dtype === 'f4' ? (v: number) => String(Number.isFinite(v) ? Number(v.toPrecision(7)) : v) : String
  for (let i = 0; i < n; i++) {
    row.set(features.data.subarray(i * d, (i + 1) * d))
    if (labels) row[d] = labels.array.data[i]
    b.addNumbers(row, show)
  }
  const table = b.build()
  if (labels) table.labelColumn = d
  return table
}

export function parseNpy(bytes: Uint8Array, fileName: string): Table {
  return toTable('npy', decodeNumpy(bytes, fileName), 'x')
}

const FEATURE_NAMES = ['x', 'features', 'data', 'inputs', 'input', 'points']
const LABEL_NAMES = ['y', 'labels', 'label', 'target', 'targets', 'classes', 'class']

/** An .npz with one array (features) or two (features and labels, told apart by name, then by shape). */
/** Members of an .npz upload read at most (it uses one or two; more are refused by name below). */
export const MAX_NPZ_MEMBERS = 16

export function parseNpz(bytes: Uint8Array, fileName: string, maxEntryBytes: number): Table {
  let entries
  // every array's header is checked before its data is inflated; all members together inflate to at most one member's cap
  const checkHead = (name: string, head: Uint8Array, size: number): void => {
    if (name.endsWith('.npy')) readNumpyHeader(head, `${fileName}: ${name}`, size)
  }
  try {
    const limits = { maxEntryBytes, maxTotalBytes: maxEntryBytes, maxEntries: MAX_NPZ_MEMBERS, checkHead }
    entries = readZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, limits)
  } catch (e) {
    if (e instanceof ZipError) throw new EngineError('invalid-request', e.msg)
    throw e
  }
  const arrays = entries
    .filter((e) => e.name.endsWith('.npy'))
    .map((e) => ({ name: e.name.slice(0, -4), array: decodeNumpy(e.data, `${fileName}: ${e.name}`) }))
  if (arrays.length === 0) throw bad('import.npzNoArrays', { label: fileName })
  if (arrays.length > 2) throw bad('import.npzTooManyArrays', { label: fileName, count: arrays.length, names: arrays.map((a) => a.name).join(', ') })
  if (arrays.length === 1) return toTable('npz', arrays[0].array, arrays[0].name)
  const isLabel = (a: (typeof arrays)[number]): boolean => LABEL_NAMES.includes(a.name.toLowerCase())
  const isFeature = (a: (typeof arrays)[number]): boolean => FEATURE_NAMES.includes(a.name.toLowerCase())
  const column = (a: (typeof arrays)[number]): boolean => a.array.shape.length === 1 || a.array.shape[1] === 1
  let [f, l] = arrays
  if (isLabel(f) || isFeature(l)) [f, l] = [l, f]
  else if (!isLabel(l) && !isFeature(f) && column(f) && !column(l)) [f, l] = [l, f]
  if (!column(l)) throw bad('import.npzCannotTell', { label: fileName, name: l.name, shape: l.array.shape.join(', ') })
  if (l.array.shape[0] !== f.array.shape[0])
    throw bad('import.npzRowsMismatch', { label: fileName, features: f.name, rows: f.array.shape[0], labels: l.name, count: l.array.shape[0] })
  return toTable('npz', f.array, f.name, l)
}
