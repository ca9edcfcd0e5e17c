// Model input of any rank [N, ...] from NumPy files: an .npy, or an .npz whose inputs are the member
// named x / X / data / inputs / images (or its only other member) and whose labels, if any, are the
// member named y / labels / targets. Values become float32 (what models take); non-finite values and
// empty arrays are refused with the file (and member) named.
import { extname } from 'node:path'
import { type Message, message } from '../../../shared/messages'
import { EngineError } from '../errors'
import { decodeLabelsNpy } from '../layers/labels'
import { readFileChecked } from '../layers/read-checked'
import { readZip, ZipError } from '../formats/zip'
import { decodeNpyAny, NpyError } from '../formats/npy'

export interface ArrayInput {
  /** [N, ...] */
  shape: number[]
  data: Float32Array
  labels?: Int32Array
  /** the NPZ member the inputs came from */
  member?: string
}

/** Largest .npy/.npz read as model input (held in memory whole, and as float32 once more). */
export const MAX_ARRAY_FILE_BYTES = 1024 ** 3
const INPUT_MEMBERS = ['x', 'X', 'data', 'inputs', 'images']
const LABEL_MEMBERS = ['y', 'labels', 'targets']

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)

/** An array's bytes as model input; `label` names it in messages. */
export function arrayFromNpy(bytes: Uint8Array, label: string): Omit<ArrayInput, 'labels' | 'member'> {
  let a
  try {
    a = decodeNpyAny(bytes, label)
  } catch (e) {
    if (e instanceof NpyError) throw invalid(e.msg)
    throw e
  }
  if (a.shape.length < 1 || a.shape.some((s) => s === 0)) throw invalid(message('import.layerEmptyArray', { name: label, shape: a.shape.join(', ') }))
  const shape = a.shape.length === 1 ? [a.shape[0], 1] : a.shape
  const data = a.data instanceof Float32Array ? a.data : Float32Array.from(a.data)
  const per = shape.slice(1).reduce((x, y) => x * y, 1)
  for (let i = 0; i < data.length; i++)
    if (!Number.isFinite(data[i])) throw invalid(message('import.layerNonFinite', { name: label, row: Math.floor(i / per) + 1, value: a.data[i] }))
  return { shape, data }
}

/** The inputs (and labels) of an .npz archive's members. */
export function arrayFromNpz(buf: Buffer, label: string, maxBytes = MAX_ARRAY_FILE_BYTES): ArrayInput {
  let entries
  try {
    entries = readZip(buf, label, maxBytes)
  } catch (e) {
    if (e instanceof ZipError) throw invalid(e.msg)
    throw e
  }
  const members = entries.map((e) => ({ name: e.name.replace(/\.npy$/i, ''), data: e.data }))
  const labelsMember = members.find((m) => LABEL_MEMBERS.includes(m.name))
  const rest = members.filter((m) => m !== labelsMember)
  const input = INPUT_MEMBERS.map((n) => rest.find((m) => m.name === n)).find((m) => m !== undefined) ?? (rest.length === 1 ? rest[0] : undefined)
  if (!input) throw invalid(message('imgui.npzWhichInput', { path: label, members: members.map((m) => m.name).join(', ') || '-' }))
  const arr = arrayFromNpy(input.data, `${label}:${input.name}`)
  if (!labelsMember) return { ...arr, member: input.name }
  const labels = decodeLabelsNpy(Buffer.from(labelsMember.data), `${label}:${labelsMember.name}`)
  if (labels.length !== arr.shape[0])
    throw invalid(message('import.labelsFileCountMismatch', { file: `${label}:${labelsMember.name}`, count: labels.length, n: arr.shape[0] }))
  return { ...arr, labels, member: input.name }
}

/** Read an .npy or .npz file at `path` as model input. */
export async function readArrayInput(path: string, maxBytes = MAX_ARRAY_FILE_BYTES): Promise<ArrayInput> {
  const ext = extname(path).toLowerCase()
  if (ext !== '.npy' && ext !== '.npz') throw invalid(message('imgui.arrayNotNumpy', { path }))
  const buf = await readFileChecked(path, (size) => {
    if (size === 0) throw invalid(message('import.fileEmpty', { file: path }))
    if (size > maxBytes) throw invalid(message('import.layerFileTooLarge', { path, size, max: maxBytes }))
  })
  return ext === '.npy' ? arrayFromNpy(buf, path) : arrayFromNpz(buf, path, maxBytes)
}
