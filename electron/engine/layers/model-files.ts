// Reading a TF.js Layers model's files (model.json + weight shards) without TensorFlow: parse model.json,
// refuse what is not a Layers model, check every shard is present and the bytes match the weightsManifest,
// and assemble the artifacts tf.io.fromMemory takes. Every problem is an EngineError('invalid-request').
import { readdir, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { LIMITS } from '../../../shared/limits'
import { type Message, message } from '../../../shared/messages'
import { EngineError } from '../errors'
import { readFileChecked } from './read-checked'
import { parseJson } from '../../../shared/json-depth'

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

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)
const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 }

function checkSize(name: string, size: number): void {
  if (size === 0) throw invalid(message('import.fileEmpty', { file: name }))
  if (size > MAX_MODEL_FILE_BYTES) throw invalid(message('import.modelFileTooLarge', { name, size, max: MAX_MODEL_FILE_BYTES }))
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function parseSpec(raw: unknown, where: string): WeightSpec {
  if (!isRecord(raw) || typeof raw.name !== 'string') throw invalid(message('import.weightNoName', { where }))
  const shape = raw.shape
  if (!Array.isArray(shape) || !shape.every((s) => Number.isInteger(s) && (s as number) >= 0))
    throw invalid(message('import.weightNoShape', { where, name: raw.name }))
  const dtype = raw.dtype
  if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool')
    throw invalid(message('import.weightDtype', { where, name: raw.name, dtype: String(dtype) }))
  const spec: WeightSpec = { name: raw.name, shape: shape as number[], dtype }
  if (raw.quantization !== undefined) {
    const q = raw.quantization
    if (!isRecord(q) || (q.dtype !== 'uint8' && q.dtype !== 'uint16' && q.dtype !== 'float16'))
      throw invalid(message('import.weightQuantization', { where, name: raw.name }))
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
  if (!top) throw invalid(jsons.length === 0 ? message('import.noModelJson') : message('import.severalJson', { names: jsons.map((j) => j.name).join(', ') }))
  let json: unknown
  try {
    json = parseJson(Buffer.from(top.bytes).toString('utf8'))
  } catch (e) {
    throw invalid(message('import.notValidJson', { file: top.name, detail: (e as Error).message }))
  }
  if (!isRecord(json)) throw invalid(message('import.notModelObject', { name: top.name }))
  const topo = json.modelTopology
  if (json.format === 'graph-model' || (isRecord(topo) && Array.isArray(topo.node))) throw invalid(message('onnx.graphModel', { name: top.name }))
  if (!isRecord(topo)) throw invalid(message('import.noTopology', { name: top.name }))
  const config = isRecord(topo.model_config) ? topo.model_config : topo
  if (typeof config.class_name !== 'string' || !isRecord(config.config)) throw invalid(message('import.noClassName', { name: top.name }))
  const manifest = json.weightsManifest
  if (!Array.isArray(manifest)) throw invalid(message('import.noWeightsManifest', { name: top.name }))
  const byName = new Map(files.map((f) => [basename(f.name), f]))
  const specs: WeightSpec[] = []
  const shards: string[] = []
  const parts: Uint8Array[] = []
  manifest.forEach((group, g) => {
    const where = `${top.name} weightsManifest[${g}]`
    if (!isRecord(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) throw invalid(message('import.manifestGroupShape', { where }))
    const groupSpecs = group.weights.map((w) => parseSpec(w, where))
    let have = 0
    for (const p of group.paths) {
      if (typeof p !== 'string' || p.length === 0) throw invalid(message('import.manifestPathNotName', { where }))
      const f = byName.get(basename(p))
      if (!f) throw invalid(message('import.missingShard', { path: p, model: top.name }))
      shards.push(basename(p))
      parts.push(f.bytes)
      have += f.bytes.byteLength
    }
    const need = groupSpecs.reduce((s, w) => s + weightBytes(w), 0)
    if (have !== need)
      throw invalid(
        message('import.weightsBytesMismatch', {
          paths: group.paths.join(', '),
          have,
          count: groupSpecs.length,
          list: `${groupSpecs
            .map((w) => `${w.name} [${w.shape.join(', ')}]`)
            .slice(0, 4)
            .join(', ')}${groupSpecs.length > 4 ? ', ...' : ''}`,
          need
        })
      )
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
  return new Uint8Array(await readFileChecked(path, (size) => checkSize(path, size)))
}

/** The model.json at `path` (or <path>/model.json) and the weight files it lists, beside it. */
export async function readModelFiles(path: string): Promise<ModelFile[]> {
  const isDir = await stat(path).then(
    (s) => s.isDirectory(),
    (e: Error) => {
      throw invalid(message('import.cannotRead', { path, detail: e.message }))
    }
  )
  const jsonPath = isDir ? join(path, MODEL_JSON) : path
  const dir = dirname(jsonPath)
  const top: ModelFile = { name: basename(jsonPath), bytes: await readCapped(jsonPath) }
  let listed: string[] = []
  try {
    const json = parseJson(Buffer.from(top.bytes).toString('utf8')) as { weightsManifest?: { paths?: unknown[] }[] }
    listed = (json.weightsManifest ?? []).flatMap((g) => (Array.isArray(g.paths) ? g.paths : [])).filter((p): p is string => typeof p === 'string')
  } catch {
    return [top] // modelArtifacts names the problem
  }
  const present = new Set(await readdir(dir))
  const out = [top]
  for (const p of listed) if (present.has(basename(p))) out.push({ name: basename(p), bytes: await readCapped(join(dir, basename(p))) })
  return out
}
