// Import activation dumps from any framework: a folder with one .npy, .npz or .csv file per layer (ordered
// by layers.json or by natural sort of the names), or one .npz holding every layer. Each layer is [N, width]
// with the same N everywhere; every problem is an EngineError('invalid-request') naming the file and why.
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { z } from 'zod'
import { customIssue, inlineList, issueField, message, zodIssueMessage, type Message } from '../../../shared/messages'
import { CloudInputError, MAX_CSV_BYTES, parseCsvCloud } from '../inputs/cloud-input'
import { EngineError } from '../errors'
import { decodeNpyAny, NpyError, readNpyAnyHeader } from '../formats/npy'
import { readFileChecked } from './read-checked'
import { readZip, ZipError } from '../formats/zip'
import { parseJson } from '../../../shared/json-depth'
import type { FeatureReduction } from '../../../shared/onnx'

/** One layer's activations, row-major [n, width], float64. */
export interface LayerData {
  name: string
  n: number
  width: number
  data: Float64Array
  /** ONNX recordings: how the tensor became these points (exact, random projection, channel means) */
  reduction?: FeatureReduction
}

/**
 * Room for a layer's values: shared memory where the runtime has it, so the worker pool's tasks read the
 * layer in place (pooled-layers.ts) instead of each getting a copy; plain memory otherwise.
 */
export function layerValues(length: number): Float64Array {
  return typeof SharedArrayBuffer === 'function' ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length)
}

/** A layer's values from any array of numbers (a copy, in layerValues' memory). */
export function layerValuesOf(data: ArrayLike<number>): Float64Array {
  const out = layerValues(data.length)
  out.set(data)
  return out
}

/** Largest .npy/.npz file read (each is held in memory whole); also the cap on one NPZ member
 * uncompressed. CSV layers are capped lower, at cloud-input's MAX_CSV_BYTES (256 MiB). */
export const MAX_LAYER_FILE_BYTES = 512 * 1024 ** 2
/** Most layers in one analysis (also the most members read from one .npz). */
export const MAX_LAYERS = 512
/** Most rows (samples) of one layer: the row cap of data imports. */
export const MAX_LAYER_ROWS = 5_000_000
export const MANIFEST = 'layers.json'
const LAYER_EXT = /\.(npy|npz|csv)$/i
const LABELS = /^labels\.(npy|csv)$/i

export const manifestSchema = z
  .object({
    layers: z
      .array(
        z
          .string()
          .min(1)
          .superRefine((s, ctx) => {
            if (/[/\\]/.test(s) || s === '.' || s === '..') ctx.addIssue(customIssue([], message('import.manifestPlainName')))
          })
      )
      .min(1),
    /** residual runs: [from, to] layer indices (0 = the first layer listed), equal widths; without it stretches are guessed */
    residual: z.array(z.tuple([z.number().int().min(0), z.number().int().min(0)])).optional()
  })
  .strict()
export type LayerManifest = z.infer<typeof manifestSchema>

export interface DumpLimits {
  maxFileBytes?: number
  /** bytes all members of one .npz inflate to (default: maxFileBytes, what one .npy may hold) */
  maxNpzBytes?: number
  maxLayers?: number
}

export interface LoadedDumps {
  layers: LayerData[]
  /** where the layers came from, in order: file names, or NPZ member names */
  sources: string[]
  /** labels.npy / labels.csv found beside the layers (not used as a layer), if any */
  labelsFile?: string
  /** residual runs marked in layers.json, as one-layer blocks (row l - 1 to row l for each layer of a run) */
  residualBlocks?: { from: number; to: number }[]
}

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)

/** Natural order: digit runs compare as numbers, so layer2 < layer10. */
export function naturalCompare(a: string, b: string): number {
  const ta = a.match(/\d+|\D+/g) ?? []
  const tb = b.match(/\d+|\D+/g) ?? []
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i]
    const y = tb[i]
    if (x === y) continue
    if (/^\d/.test(x) && /^\d/.test(y)) {
      if (Number(x) !== Number(y)) return Number(x) - Number(y)
      continue // equal numbers written differently (2, 02): decided by what follows, then by the raw text
    }
    return x < y ? -1 : 1
  }
  return ta.length - tb.length || (a < b ? -1 : a > b ? 1 : 0)
}

/** Turn a decoded array of shape [N], [N, w] or [N, a, b, ...] (flattened to [N, a*b*...]) into a layer. */
export function toLayer(name: string, shape: number[], data: ArrayLike<number>): LayerData {
  if (shape.length === 0) throw invalid(message('import.layerScalar', { name }))
  const n = shape[0]
  const width = shape.slice(1).reduce((a, b) => a * b, 1)
  if (n === 0 || width === 0) throw invalid(message('import.layerEmptyArray', { name, shape: shape.join(', ') }))
  const out = layerValuesOf(data)
  for (let i = 0; i < out.length; i++)
    if (!Number.isFinite(out[i])) throw invalid(message('import.layerNonFinite', { name, row: Math.floor(i / width) + 1, value: out[i] }))
  return { name, n, width, data: out }
}

/** Refuse a layer with more rows than read, from its NPY header, before its data is allocated. */
function checkRows(label: string, shape: number[]): void {
  if (shape.length > 0 && shape[0] > MAX_LAYER_ROWS)
    throw invalid(message('harden.npyTooManyRows', { label, shape: shape.join(', '), rows: shape[0], max: MAX_LAYER_ROWS }))
}

function fromNpyBytes(bytes: Uint8Array, label: string): LayerData {
  try {
    checkRows(label, readNpyAnyHeader(bytes, bytes.length, label).shape)
    const a = decodeNpyAny(bytes, label)
    return toLayer(label, a.shape, a.data)
  } catch (e) {
    if (e instanceof NpyError) throw invalid(e.msg)
    throw e
  }
}

function readCapped(path: string, maxBytes: number): Promise<Buffer> {
  return readFileChecked(path, (size) => {
    if (size === 0) throw invalid(message('import.fileEmpty', { file: path }))
    if (size > maxBytes) throw invalid(message('import.layerFileTooLarge', { path, size, max: maxBytes }))
  })
}

/** Every member of an .npz as a layer, in archive order; member names lose their '.npy'. */
async function readNpz(path: string, maxBytes: number, maxTotal: number = maxBytes): Promise<{ name: string; layer: LayerData }[]> {
  const buf = await readCapped(path, maxBytes)
  let entries
  // members are counted and sized from the central directory, each header checked before its data is inflated
  const checkHead = (name: string, head: Uint8Array, size: number): void => checkRows(`${path}:${name}`, readNpyAnyHeader(head, size, `${path}:${name}`).shape)
  try {
    entries = readZip(buf, path, { maxEntryBytes: maxBytes, maxTotalBytes: maxTotal, maxEntries: MAX_LAYERS, checkHead })
  } catch (e) {
    if (e instanceof ZipError || e instanceof NpyError) throw invalid(e.msg)
    throw e
  }
  if (entries.length === 0) throw invalid(message('import.dumpNpzNoArrays', { path }))
  return entries.map((e) => {
    const name = e.name.replace(/\.npy$/i, '')
    return { name, layer: fromNpyBytes(e.data, `${path}:${e.name}`) }
  })
}

async function readLayerFile(path: string, maxBytes: number): Promise<LayerData> {
  const ext = extname(path).toLowerCase()
  if (ext === '.npz') {
    const members = await readNpz(path, maxBytes)
    if (members.length !== 1) throw invalid(message('import.dumpNpzOneArray', { path, count: members.length, names: members.map((m) => m.name).join(', ') }))
    return members[0].layer
  }
  // parsing text takes several times its size in memory: CSV keeps the CLI's lower cap
  const buf = await readCapped(path, ext === '.npy' ? maxBytes : Math.min(maxBytes, MAX_CSV_BYTES))
  if (ext === '.npy') return fromNpyBytes(buf, path)
  try {
    const c = parseCsvCloud(buf.toString('utf8'), path)
    return { name: path, n: c.n, width: c.d, data: layerValuesOf(c.data) }
  } catch (e) {
    if (e instanceof CloudInputError) throw invalid(e.msg)
    throw e
  }
}

/** One problem of layers.json as a Message: our own refinement's is said with the field, zod's behind its path. */
function manifestIssue(i: z.core.$ZodIssue): Message {
  const field = issueField(i, '(root)')
  const m = zodIssueMessage(i)
  return m.key === 'import.manifestPlainName' ? message('import.manifestPlainNameAt', { field }) : message('errmsg.fieldIssue', { field, issue: m })
}

async function readManifest(path: string): Promise<LayerManifest> {
  let json: unknown
  try {
    json = parseJson(await readFile(path, 'utf8'))
  } catch (e) {
    throw invalid(message('import.notValidJson', { file: path, detail: (e as Error).message }))
  }
  const r = manifestSchema.safeParse(json)
  if (!r.success) throw invalid(message('import.manifestInvalid', { path, issues: inlineList(r.error.issues.slice(0, 8).map(manifestIssue)) }))
  return r.data
}

/** The residual runs of layers.json ([from, to], equal widths) as one-layer blocks; refused when out of range or of mixed width. */
function residualOf(manifest: LayerManifest | undefined, layers: LayerData[]): Pick<LoadedDumps, 'residualBlocks'> {
  if (!manifest?.residual) return {}
  const blocks: { from: number; to: number }[] = []
  for (const [from, to] of manifest.residual) {
    if (!(to > from && to < layers.length && layers.slice(from, to + 1).every((l) => l.width === layers[from].width)))
      throw invalid(message('shift.residualRunBad', { from, to, last: layers.length - 1 }))
    for (let l = from + 1; l <= to; l++) blocks.push({ from: l - 1, to: l })
  }
  return { residualBlocks: blocks }
}

function checkStack(layers: LayerData[], sources: string[], maxLayers: number): void {
  if (layers.length < 2) throw invalid(message('import.dumpsTooFewLayers', { count: layers.length }))
  if (layers.length > maxLayers) throw invalid(message('import.dumpsTooManyLayers', { count: layers.length, max: maxLayers }))
  const n = layers[0].n
  layers.forEach((l, i) => {
    if (l.n !== n) throw invalid(message('import.dumpsRowsMismatch', { source: sources[i], rows: l.n, first: sources[0], n }))
  })
}

/**
 * Load a dumps folder or a single .npz. In a folder, layers.json ({"layers": [...]}) fixes the order and
 * names the files (or, for a folder holding one multi-array .npz, its members); otherwise every .npy,
 * .npz and .csv file except labels.* is a layer, in natural order of names.
 */
export async function loadLayerDumps(path: string, limits: DumpLimits = {}): Promise<LoadedDumps> {
  const maxBytes = limits.maxFileBytes ?? MAX_LAYER_FILE_BYTES
  const maxLayers = limits.maxLayers ?? MAX_LAYERS
  const maxNpz = limits.maxNpzBytes ?? maxBytes
  let isDir: boolean
  try {
    isDir = (await stat(path)).isDirectory()
  } catch (e) {
    throw invalid(message('import.cannotRead', { path, detail: (e as Error).message }))
  }
  if (!isDir) {
    if (extname(path).toLowerCase() !== '.npz') throw invalid(message('import.dumpsNotFolderOrNpz', { path }))
    const members = await readNpz(path, maxBytes, maxNpz)
    const out = { layers: members.map((m) => ({ ...m.layer, name: m.name })), sources: members.map((m) => `${path}:${m.name}`) }
    checkStack(out.layers, out.sources, maxLayers)
    return out
  }
  const names = (await readdir(path)).sort(naturalCompare)
  const labelsFile = names.find((f) => LABELS.test(f))
  const extra: Pick<LoadedDumps, 'labelsFile'> = labelsFile ? { labelsFile: join(path, labelsFile) } : {}
  const manifest = names.includes(MANIFEST) ? await readManifest(join(path, MANIFEST)) : undefined
  const candidates = names.filter((f) => LAYER_EXT.test(f) && !LABELS.test(f))
  // a folder whose only layer file is a multi-array .npz: its members are the layers
  if (candidates.length === 1 && /\.npz$/i.test(candidates[0]) && !(manifest?.layers.length === 1 && manifest.layers[0] === candidates[0])) {
    const file = join(path, candidates[0])
    const members = await readNpz(file, maxBytes, maxNpz)
    if (members.length > 1) {
      let picked = members
      if (manifest) {
        picked = manifest.layers.map((m) => {
          const hit = members.find((x) => x.name === m.replace(/\.npy$/i, ''))
          if (!hit)
            throw invalid(
              message('import.manifestNotMember', { manifest: join(path, MANIFEST), member: m, file, members: members.map((x) => x.name).join(', ') })
            )
          return hit
        })
      }
      const out = { layers: picked.map((m) => ({ ...m.layer, name: m.name })), sources: picked.map((m) => `${file}:${m.name}`), ...extra }
      checkStack(out.layers, out.sources, maxLayers)
      return { ...out, ...residualOf(manifest, out.layers) }
    }
  }
  const files = manifest ? manifest.layers : candidates
  if (files.length > maxLayers) throw invalid(message('import.dumpsFolderTooManyLayers', { path, count: files.length, max: maxLayers }))
  if (manifest)
    for (const f of files)
      if (!names.includes(f)) throw invalid(message('import.manifestListsMissing', { manifest: join(path, MANIFEST), file: f, folder: path }))
  const layers: LayerData[] = []
  for (const f of files) {
    const l = await readLayerFile(join(path, f), maxBytes)
    layers.push({ ...l, name: basename(f, extname(f)) })
  }
  const sources = files.map((f) => join(path, f))
  checkStack(layers, sources, maxLayers)
  return { layers, sources, ...extra, ...residualOf(manifest, layers) }
}
