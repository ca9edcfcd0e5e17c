// Reading a TF.js Layers model's files (model.json + weight shards) without TensorFlow: parse model.json,
// refuse what is not a Layers model, check every shard is present and the bytes match the weightsManifest,
// and assemble the artifacts tf.io.fromMemory takes. Every problem is an EngineError('invalid-request').
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { LIMITS } from '../../../shared/limits'
import { EngineError } from '../errors'

/** One file of a model, by its bare name (as model.json's weightsManifest paths refer to it). */
export interface ModelFile {
  name: string
  bytes: Uint8Array
}

export interface WeightSpec {
  name: string
  shape: number[]
  dtype: 'float32' | 'int32' | 'bool'
  quantization?: { dtype: 'uint8' | 'uint16' | 'float16'; scale?: number; min?: number }
}

/** What tf.io.fromMemory needs, plus a description for the analysis record. */
export interface ModelArtifactsIn {
  modelTopology: Record<string, unknown>
  weightSpecs: WeightSpec[]
  weightData: ArrayBuffer
  format?: string
  generatedBy?: string
  convertedBy?: string | null
  /** the weight files in manifest order */
  shards: string[]
}

/** Largest single model file (model.json or one weight shard): the upload cap, so CLI and UI agree. */
export const MAX_MODEL_FILE_BYTES = LIMITS.maxUploadBytes
export const MODEL_JSON = 'model.json'

const invalid = (m: string): EngineError => new EngineError('invalid-request', m)
const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 }

function checkSize(name: string, size: number): void {
  if (size === 0) throw invalid(`${name} is empty`)
  if (size > MAX_MODEL_FILE_BYTES) throw invalid(`${name} is ${size} bytes, over the ${MAX_MODEL_FILE_BYTES}-byte limit per model file`)
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function parseSpec(raw: unknown, where: string): WeightSpec {
  if (!isRecord(raw) || typeof raw.name !== 'string') throw invalid(`${where}: a weight entry without a name`)
  const shape = raw.shape
  if (!Array.isArray(shape) || !shape.every((s) => Number.isInteger(s) && (s as number) >= 0))
    throw invalid(`${where}: weight ${raw.name} has no valid shape`)
  const dtype = raw.dtype
  if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool') throw invalid(`${where}: weight ${raw.name} has dtype ${String(dtype)}, expected float32, int32 or bool`)
  const spec: WeightSpec = { name: raw.name, shape: shape as number[], dtype }
  if (raw.quantization !== undefined) {
    const q = raw.quantization
    if (!isRecord(q) || (q.dtype !== 'uint8' && q.dtype !== 'uint16' && q.dtype !== 'float16'))
      throw invalid(`${where}: weight ${raw.name} has an unsupported quantization`)
    spec.quantization = q as WeightSpec['quantization']
  }
  return spec
}

/** Bytes one weight takes in the shards (after quantization). */
export function weightBytes(spec: WeightSpec): number {
  const count = spec.shape.reduce((a, b) => a * b, 1)
  return count * BYTES[spec.quantization?.dtype ?? spec.dtype]
}

/**
 * Check and assemble a Layers model from its files: exactly one model.json (any *.json named model.json,
 * or the only .json), in the Layers format, with every shard it lists present and the shards' total size
 * equal to what the weightsManifest's shapes and dtypes need.
 */
export function modelArtifacts(files: ModelFile[]): ModelArtifactsIn {
  for (const f of files) checkSize(f.name, f.bytes.byteLength)
  const jsons = files.filter((f) => /\.json$/i.test(f.name))
  const top = jsons.find((f) => basename(f.name) === MODEL_JSON) ?? (jsons.length === 1 ? jsons[0] : undefined)
  if (!top) throw invalid(jsons.length === 0 ? 'no model.json among the files: a TF.js Layers model is a model.json plus its weight files' : `several .json files (${jsons.map((j) => j.name).join(', ')}) and none is named model.json`)
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(top.bytes).toString('utf8'))
  } catch (e) {
    throw invalid(`${top.name}: not valid JSON (${(e as Error).message})`)
  }
  if (!isRecord(json)) throw invalid(`${top.name}: not a model description (expected a JSON object)`)
  const topo = json.modelTopology
  if (json.format === 'graph-model' || (isRecord(topo) && Array.isArray(topo.node)))
    throw invalid(`${top.name} is a TF.js graph model (converted from a SavedModel or frozen graph); only Layers models (tf.LayersModel, Keras) can be analysed layer by layer: convert with --output_format=tfjs_layers_model`)
  if (!isRecord(topo)) throw invalid(`${top.name}: no modelTopology; not a TF.js Layers model`)
  const config = isRecord(topo.model_config) ? topo.model_config : topo
  if (typeof config.class_name !== 'string' || !isRecord(config.config))
    throw invalid(`${top.name}: modelTopology has no class_name/config; not a TF.js Layers model`)
  const manifest = json.weightsManifest
  if (!Array.isArray(manifest)) throw invalid(`${top.name}: no weightsManifest; a Layers model lists its weight files there`)
  const byName = new Map(files.map((f) => [basename(f.name), f]))
  const specs: WeightSpec[] = []
  const shards: string[] = []
  const parts: Uint8Array[] = []
  manifest.forEach((group, g) => {
    const where = `${top.name} weightsManifest[${g}]`
    if (!isRecord(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) throw invalid(`${where}: expected {paths, weights}`)
    const groupSpecs = group.weights.map((w) => parseSpec(w, where))
    let have = 0
    for (const p of group.paths) {
      if (typeof p !== 'string' || p.length === 0) throw invalid(`${where}: a path that is not a file name`)
      const f = byName.get(basename(p))
      if (!f) throw invalid(`missing weight file ${p} (listed in ${top.name}); give every weight shard with the model`)
      shards.push(basename(p))
      parts.push(f.bytes)
      have += f.bytes.byteLength
    }
    const need = groupSpecs.reduce((s, w) => s + weightBytes(w), 0)
    if (have !== need)
      throw invalid(`weights do not match the topology: ${group.paths.join(', ')} hold ${have} bytes, but the ${groupSpecs.length} weights listed for them (${groupSpecs.map((w) => `${w.name} [${w.shape.join(', ')}]`).slice(0, 4).join(', ')}${groupSpecs.length > 4 ? ', ...' : ''}) need ${need}`)
    specs.push(...groupSpecs)
  })
  const total = parts.reduce((s, p) => s + p.byteLength, 0)
  const data = new Uint8Array(total)
  let at = 0
  for (const p of parts) {
    data.set(p, at)
    at += p.byteLength
  }
  return {
    modelTopology: topo,
    weightSpecs: specs,
    weightData: data.buffer,
    ...(typeof json.format === 'string' ? { format: json.format } : {}),
    ...(typeof json.generatedBy === 'string' ? { generatedBy: json.generatedBy } : {}),
    ...(typeof json.convertedBy === 'string' || json.convertedBy === null ? { convertedBy: json.convertedBy as string | null } : {}),
    shards
  }
}

async function readCapped(path: string): Promise<Uint8Array> {
  let size: number
  try {
    const s = await stat(path)
    if (!s.isFile()) throw invalid(`${path} is not a file`)
    size = s.size
  } catch (e) {
    if (e instanceof EngineError) throw e
    throw invalid(`cannot read ${path}: ${(e as Error).message}`)
  }
  checkSize(path, size)
  return new Uint8Array(await readFile(path))
}

/** The model.json at `path` (or <path>/model.json) and the weight files it lists, beside it. */
export async function readModelFiles(path: string): Promise<ModelFile[]> {
  const isDir = await stat(path).then((s) => s.isDirectory(), (e: Error) => {
    throw invalid(`cannot read ${path}: ${e.message}`)
  })
  const jsonPath = isDir ? join(path, MODEL_JSON) : path
  const dir = dirname(jsonPath)
  const top: ModelFile = { name: basename(jsonPath), bytes: await readCapped(jsonPath) }
  let listed: string[] = []
  try {
    const json = JSON.parse(Buffer.from(top.bytes).toString('utf8')) as { weightsManifest?: { paths?: unknown[] }[] }
    listed = (json.weightsManifest ?? []).flatMap((g) => (Array.isArray(g.paths) ? g.paths : [])).filter((p): p is string => typeof p === 'string')
  } catch {
    return [top] // modelArtifacts names the problem
  }
  const present = new Set(await readdir(dir))
  const out = [top]
  for (const p of listed) if (present.has(basename(p))) out.push({ name: basename(p), bytes: await readCapped(join(dir, basename(p))) })
  return out
}
