// Load a particle cloud [N, D] for the metric commands from .npy (float32, float64 or int32; shape [N, D]
// or [N]) or from CSV text (numbers separated by commas, or by tabs/spaces, optionally double-quoted; one
// optional header line of names; blank lines and lines starting with # are skipped).
// Every problem becomes a CloudInputError naming the file and, for CSV, the line and column.
import { open, readFile, stat } from 'node:fs/promises'
import type { PointCloud } from '../metrics/distances'
import { NpyError, readNpyAny } from '../formats/npy'
import { type Message, message, MessageError } from '../../../shared/messages'

export class CloudInputError extends MessageError {
  constructor(msg: Message) {
    super(msg)
    this.name = 'CloudInputError'
  }
}

/** Largest .npy file read (it is held in memory whole). */
export const MAX_NPY_BYTES = 2 * 1024 ** 3
/** Largest CSV file read (parsing text needs several times its size in memory). */
export const MAX_CSV_BYTES = 256 * 1024 ** 2

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i

export interface LoadedCloud extends PointCloud {
  path: string
  format: 'npy' | 'csv'
}

function checkFinite(data: ArrayLike<number>, d: number, path: string): void {
  for (let i = 0; i < data.length; i++)
    if (!Number.isFinite(data[i])) throw new CloudInputError(message('engine.cloudRowNonFinite', { path, row: Math.floor(i / d) + 1, value: data[i] }))
}

async function loadNpy(path: string): Promise<LoadedCloud> {
  let arr
  try {
    arr = await readNpyAny(path)
  } catch (e) {
    if (e instanceof NpyError) throw new CloudInputError(e.msg)
    throw e
  }
  const { shape } = arr
  if (shape.length !== 1 && shape.length !== 2) throw new CloudInputError(message('engine.cloudArrayShape', { path, shape: shape.join(', ') }))
  const n = shape[0]
  const d = shape.length === 2 ? shape[1] : 1
  if (n === 0 || d === 0) throw new CloudInputError(message('engine.cloudArrayEmpty', { path, shape: shape.join(', ') }))
  const data = arr.data instanceof Int32Array ? Float64Array.from(arr.data) : arr.data
  checkFinite(data, d, path)
  return { path, format: 'npy', data, n, d }
}

/** Parse CSV text into a cloud; `path` only labels the messages. */
export function parseCsvCloud(text: string, path: string): LoadedCloud {
  const lines = text.split(/\r?\n/)
  const rows: number[][] = []
  let d = -1
  let separator: RegExp | undefined
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li].trim()
    if (line === '' || line.startsWith('#')) continue
    separator ??= line.includes(',') ? /\s*,\s*/ : /\s+/
    // spreadsheets may quote every field: "1.5","2"
    const fields = line.split(separator).map((f) => (f.length >= 2 && f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1).trim() : f))
    const numeric = fields.map((f) => NUMBER.test(f))
    if (rows.length === 0 && d === -1 && !numeric.some(Boolean) && !fields.some((f) => NON_FINITE.test(f))) {
      // a header line: every field is text
      d = fields.length
      continue
    }
    if (d === -1) d = fields.length
    if (fields.length !== d) throw new CloudInputError(message('engine.csvFieldCount', { path, line: li + 1, got: fields.length, d }))
    const row = new Array<number>(d)
    for (let j = 0; j < d; j++) {
      const f = fields[j]
      if (NON_FINITE.test(f)) throw new CloudInputError(message('engine.csvNonFinite', { path, line: li + 1, column: j + 1, value: f }))
      if (!numeric[j])
        throw new CloudInputError(
          f === ''
            ? message('engine.csvEmptyField', { path, line: li + 1, column: j + 1 })
            : message('engine.csvNotNumber', { path, line: li + 1, column: j + 1, value: JSON.stringify(f) })
        )
      row[j] = Number(f)
    }
    rows.push(row)
  }
  if (rows.length === 0) throw new CloudInputError(message('engine.csvNoRows', { path }))
  const data = new Float64Array(rows.length * d)
  rows.forEach((r, i) => data.set(r, i * d))
  checkFinite(data, d, path) // values such as 1e999 parse to Infinity
  return { path, format: 'csv', data, n: rows.length, d }
}

/** Load a cloud; the format comes from the extension (.npy, else CSV), or from the NPY magic bytes. */
export async function loadCloud(path: string): Promise<LoadedCloud> {
  let size: number
  try {
    const s = await stat(path)
    if (!s.isFile()) throw new CloudInputError(message('engine.cloudNotAFile', { path }))
    size = s.size
  } catch (e) {
    if (e instanceof CloudInputError) throw e
    throw new CloudInputError(message('engine.cloudCannotRead', { path, detail: (e as Error).message }))
  }
  if (size === 0) throw new CloudInputError(message('engine.cloudFileEmpty', { path }))
  const head = Buffer.alloc(6)
  const fh = await open(path, 'r')
  try {
    await fh.read(head, 0, 6, 0)
  } finally {
    await fh.close()
  }
  const isNpy = /\.npy$/i.test(path) || (head[0] === 0x93 && head.subarray(1).toString('latin1') === 'NUMPY')
  if (isNpy) {
    if (size > MAX_NPY_BYTES) throw new CloudInputError(message('engine.cloudNpyTooLarge', { path, size, max: MAX_NPY_BYTES }))
    return loadNpy(path)
  }
  if (size > MAX_CSV_BYTES) throw new CloudInputError(message('engine.cloudCsvTooLarge', { path, size, max: MAX_CSV_BYTES }))
  return parseCsvCloud(await readFile(path, 'utf8'), path)
}
