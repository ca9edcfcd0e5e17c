// Building the layers.start request from the wizard's choices: every file read as base64 in the
// renderer, the labels file renamed so the engine knows it, data only for a model, and the data draft's
// own checks (points, seed, dataset chosen).
import type { RequestOf } from '@shared/contract'
import { LIMITS } from '@shared/limits'
import { bytesToBase64 } from '@shared/base64'
import type { ImageOptions } from '@shared/image-data'
import { labelsUploadName, type Problem, type SourceKind } from './files'

export const BUILTIN_DATASETS = ['moons', 'circles', 'spirals', 'helix-pair', 's-curve', 'gaussian-blobs'] as const
export type BuiltinName = (typeof BUILTIN_DATASETS)[number]
/** features per point and classes of each built-in dataset (the engine's data/builtin-datasets.ts) */
export const BUILTIN_SHAPE: Record<BuiltinName, { d: number; classes: number }> = {
  moons: { d: 2, classes: 2 },
  circles: { d: 2, classes: 2 },
  spirals: { d: 2, classes: 2 },
  'helix-pair': { d: 3, classes: 2 },
  's-curve': { d: 3, classes: 3 },
  'gaussian-blobs': { d: 3, classes: 3 }
}

export interface DataDraft {
  /** images / array: files picked here, sent with inputs.stage before layers.start (inputDraft.ts) */
  kind: 'builtin' | 'dataset' | 'images' | 'array'
  builtin: BuiltinName
  n: number | null
  seed: number | null
  datasetId: string | null
}

export interface AnalyzeInput {
  name: string
  source: SourceKind
  files: readonly File[]
  labels: File | null
  data: DataDraft
  /** a shift analysis: the same model also run on this new data (models only; null = none) */
  compare?: DataDraft | null
  k: number | null
  seed: number | null
  /** ONNX: the tensors chosen in the picker */
  onnxLayers?: string[]
  /** images / array data: the staging token (empty in the JSON view), the folder or file name, the image options */
  staged?: { token: string; label: string; image?: ImageOptions }
}

export type StartRequest = RequestOf<'layers.start'>

async function readBytes(f: Blob): Promise<Uint8Array> {
  return new Uint8Array(await f.arrayBuffer())
}

const isInt = (v: number | null, min: number, max = Number.MAX_SAFE_INTEGER): v is number => v !== null && Number.isInteger(v) && v >= min && v <= max

/** Problems of the data step (a model only needs data). */
export function checkData(d: DataDraft): Problem[] {
  const out: Problem[] = []
  if (d.kind === 'builtin') {
    if (!isInt(d.n, 2, LIMITS.maxPoints)) out.push({ key: 'points', params: { max: LIMITS.maxPoints } })
    if (d.seed !== null && !isInt(d.seed, 0)) out.push({ key: 'seed' })
  } else if (d.kind === 'dataset' && !d.datasetId) out.push({ key: 'noDataset' })
  return out
}

/** Problems of the options step. */
export function checkOptions(name: string, k: number | null, seed: number | null): Problem[] {
  const out: Problem[] = []
  const trimmed = name.trim()
  if (trimmed.length === 0) out.push({ key: 'nameEmpty' })
  else if (trimmed.length > LIMITS.maxNameLength) out.push({ key: 'nameLong', params: { max: LIMITS.maxNameLength } })
  if (k !== null && !isInt(k, 1, 100)) out.push({ key: 'k' })
  if (seed !== null && !isInt(seed, 0)) out.push({ key: 'seed' })
  return out
}

/** The files sent, in order, with the names the engine sees (labels renamed; a folder's own labels.* replaced by a chosen one). */
export function uploadList(source: SourceKind, files: readonly File[], labels: File | null): { name: string; file: File }[] {
  const list = files.filter((f) => source !== 'dumps' || !labels || !/^labels\./i.test(f.name)).map((f) => ({ name: f.name, file: f }))
  if (source === 'dumps' && labels) list.push({ name: labelsUploadName(labels.name), file: labels })
  return list
}

export async function buildStartRequest(input: AnalyzeInput): Promise<StartRequest> {
  const files = await Promise.all(
    uploadList(input.source, input.files, input.labels).map(async ({ name, file }) => ({ name, content: bytesToBase64(await readBytes(file)) }))
  )
  return requestWith(input, files)
}

/** The request exactly as Run sends it, but every file's content left empty: what the JSON view shows
 * and saves (a request file cannot carry the model's bytes; the files are picked again after loading). */
export function describeStartRequest(input: AnalyzeInput): StartRequest {
  return requestWith(
    input,
    uploadList(input.source, input.files, input.labels).map(({ name }) => ({ name, content: '' }))
  )
}

/** A data draft as the request's data choice. */
const dataChoice = (d: DataDraft): NonNullable<StartRequest['compareData']> =>
  d.kind === 'builtin'
    ? { kind: 'builtin', name: d.builtin, n: d.n ?? 0, ...(d.seed !== null ? { seed: d.seed } : {}) }
    : { kind: 'dataset', id: d.datasetId ?? '' }

function requestWith(input: AnalyzeInput, files: StartRequest['files']): StartRequest {
  const req: StartRequest = { name: input.name.trim(), source: input.source, files }
  if (input.source === 'tfjs-model' || input.source === 'onnx') {
    const d = input.data
    const s = input.staged
    req.data =
      d.kind === 'builtin' || d.kind === 'dataset'
        ? dataChoice(d)
        : { kind: 'staged', token: s?.token ?? '', label: s?.label ?? '', ...(d.kind === 'images' && s?.image ? { image: s.image } : {}) }
    if (input.compare) req.compareData = dataChoice(input.compare)
  }
  if (input.source === 'onnx' && input.onnxLayers?.length) req.onnx = { layers: input.onnxLayers }
  if (input.k !== null) req.k = input.k
  if (input.seed !== null) req.seed = input.seed
  return req
}
