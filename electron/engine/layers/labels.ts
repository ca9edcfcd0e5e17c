// Class labels for separability: labels.npy (shape [N] or [N, 1], any numeric dtype the NPY reader takes)
// or a CSV/text file whose first column holds one label per point (numbers or names; an optional header
// line; blank and # lines skipped). The labels given are the labels kept: class indices (integers 0 to
// MAX_KEPT_LABEL) stay as they are; anything else (names, other numbers) becomes ids 0..C-1 in order of
// first appearance, with the names saved (LabelInfo.classes) so the mapping travels with the analysis.
import { readFile, stat } from 'node:fs/promises'
import { type Message, message } from '../../../shared/messages'
import { EngineError } from '../errors'
import { decodeNpyAny, NpyError } from '../formats/npy'

const MAX_LABEL_BYTES = 256 * 1024 ** 2
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/
const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)

/** largest label kept as a class index as given (a colour legend lists classes 0..max) */
export const MAX_KEPT_LABEL = 1023

export interface LabelInfo {
  labels: Int32Array
  /** 'kept': the given class indices; 'mapped': ids by first appearance, classes[id] the given label */
  mapping: 'kept' | 'mapped'
  classes?: string[]
}

function labelInfo(values: (string | number)[]): LabelInfo {
  if (values.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_KEPT_LABEL))
    return { labels: Int32Array.from(values as number[]), mapping: 'kept' }
  const ids = new Map<string | number, number>()
  const labels = Int32Array.from(values, (v) => {
    let id = ids.get(v)
    if (id === undefined) ids.set(v, (id = ids.size))
    return id
  })
  return { labels, mapping: 'mapped', classes: [...ids.keys()].map(String) }
}

export function parseLabelsCsvInfo(text: string, path: string): LabelInfo {
  const values: string[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    let f = (line.includes(',') ? line.split(',')[0] : line.split(/\s+/)[0]).trim()
    if (f.length >= 2 && f.startsWith('"') && f.endsWith('"')) f = f.slice(1, -1)
    if (f === '') throw invalid(message('import.labelEmptyOnLine', { path, line }))
    values.push(f)
  }
  // a header: the first value is a name while every other is a number
  if (values.length > 1 && !NUMBER.test(values[0]) && values.slice(1).every((v) => NUMBER.test(v))) values.shift()
  if (values.length === 0) throw invalid(message('import.noLabels', { path }))
  return labelInfo(values.map((v) => (NUMBER.test(v) ? Number(v) : v)))
}

const INT_TYPES: Record<string, [number, (v: DataView, at: number) => number]> = {
  '|i1': [1, (v, at) => v.getInt8(at)],
  '|u1': [1, (v, at) => v.getUint8(at)],
  '|b1': [1, (v, at) => v.getUint8(at)],
  '<i2': [2, (v, at) => v.getInt16(at, true)],
  '<u2': [2, (v, at) => v.getUint16(at, true)],
  '<u4': [4, (v, at) => v.getUint32(at, true)],
  '<i8': [8, (v, at) => Number(v.getBigInt64(at, true))],
  '<u8': [8, (v, at) => Number(v.getBigUint64(at, true))]
}

/** Integer and bool label arrays (NumPy's default int is int64, which the float reader refuses). */
function decodeIntegerNpy(buf: Buffer, path: string): { shape: number[]; data: number[] } | undefined {
  if (buf.length < 12 || buf[0] !== 0x93 || buf.toString('latin1', 1, 6) !== 'NUMPY') return undefined
  const pre = buf[6] === 1 ? 10 : 12
  const len = buf[6] === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8)
  const header = buf.toString('latin1', pre, Math.min(buf.length, pre + len))
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1]
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1]
  if (descr === undefined || !(descr in INT_TYPES) || shapeText === undefined || /True/.test(/'fortran_order'\s*:\s*(\w+)/.exec(header)?.[1] ?? ''))
    return undefined
  const shape = shapeText
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map(Number)
  const count = shape.reduce((a, b) => a * b, 1)
  const [size, get] = INT_TYPES[descr]
  if (buf.length !== pre + len + count * size)
    throw invalid(message('import.labelsTruncated', { path, shape: shape.join(', '), dtype: descr, need: pre + len + count * size, have: buf.length }))
  const view = new DataView(buf.buffer, buf.byteOffset + pre + len, count * size)
  return { shape, data: Array.from({ length: count }, (_, i) => get(view, i * size)) }
}

export async function loadLabelInfo(path: string): Promise<LabelInfo> {
  let size: number
  try {
    size = (await stat(path)).size
  } catch (e) {
    throw invalid(message('import.labelsCannotRead', { path, detail: (e as Error).message }))
  }
  if (size === 0) throw invalid(message('import.fileEmpty', { file: path }))
  if (size > MAX_LABEL_BYTES) throw invalid(message('import.labelsTooLarge', { path, size, max: MAX_LABEL_BYTES }))
  const buf = await readFile(path)
  if (!/\.npy$/i.test(path)) return parseLabelsCsvInfo(buf.toString('utf8'), path)
  return decodeLabelInfoNpy(buf, path)
}

/** Labels from the bytes of an .npy file (or an NPZ member); `path` labels the messages. */
export function decodeLabelsNpy(buf: Buffer, path: string): Int32Array {
  return decodeLabelInfoNpy(buf, path).labels
}

/** Labels and how they became class indices, from the bytes of an .npy file. */
export function decodeLabelInfoNpy(buf: Buffer, path: string): LabelInfo {
  try {
    const a = decodeIntegerNpy(buf, path) ?? decodeNpyAny(buf, path)
    if (!(a.shape.length === 1 || (a.shape.length === 2 && a.shape[1] === 1))) throw invalid(message('import.labelsShape', { path, shape: a.shape.join(', ') }))
    const values = Array.from(a.data)
    const bad = values.findIndex((v) => !Number.isFinite(v))
    if (bad >= 0) throw invalid(message('import.labelNotFinite', { path, index: bad + 1, value: values[bad] }))
    if (values.length === 0) throw invalid(message('import.noLabels', { path }))
    return labelInfo(values)
  } catch (e) {
    if (e instanceof NpyError) throw invalid(e.msg)
    throw e
  }
}
