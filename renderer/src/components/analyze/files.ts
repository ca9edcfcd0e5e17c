// What the "Analyze an existing model" wizard checks about the chosen files before anything is sent:
// a TF.js model.json with every weight file its manifest names, or layer dumps; sizes and counts within
// the upload limits (shared/limits.ts). Pure: problems are i18n keys with their numbers.
import { LIMITS } from '@shared/limits'
import type { Message } from '@shared/messages'

export type SourceKind = 'tfjs-model' | 'dumps' | 'onnx'

/** The part of a File the checks need (tests pass plain objects). */
export interface FileLike {
  name: string
  size: number
}

export interface Problem {
  /** key under analyze.problems (or under `prefix`) */
  key: string
  prefix?: string
  /** a Message param (an engine error, a shape mismatch) is worded in the reader's language */
  params?: Record<string, string | number | Message>
}

/** What model.json says about itself, read in the renderer (null while not read yet). */
export interface ModelJsonInfo {
  /** the JSON parsed and has a modelTopology */
  isModel: boolean
  /** weight file names its weightsManifest lists (base names) */
  weightPaths: string[]
  /** the text could not be parsed as JSON */
  parseError?: string
}

export const LAYER_FILE = /\.(npy|npz|csv)$/i
export const LABELS_FILE = /\.(npy|csv)$/i
export const MANIFEST_NAME = 'layers.json'
/** bytes of base64 one request may carry, leaving room for the JSON around it (browser-mode socket cap) */
export const MAX_TOTAL_BYTES = Math.floor(((LIMITS.maxMessageBytes - 64 * 1024) * 3) / 4)

export const baseName = (path: string): string => path.split(/[/\\]/).pop() ?? path
const ext = (name: string): string => (/\.([^.]+)$/.exec(name)?.[1] ?? '').toLowerCase()

/** Parse model.json text: is it a Layers model, and which weight files does it need. */
export function readModelJson(text: string): ModelJsonInfo {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return { isModel: false, weightPaths: [], parseError: e instanceof Error ? e.message : String(e) }
  }
  const o = (json ?? {}) as { modelTopology?: unknown; weightsManifest?: unknown }
  const groups = Array.isArray(o.weightsManifest) ? o.weightsManifest : []
  const weightPaths: string[] = []
  for (const g of groups) {
    const paths = (g as { paths?: unknown })?.paths
    if (Array.isArray(paths)) for (const p of paths) if (typeof p === 'string') weightPaths.push(baseName(p))
  }
  return { isModel: typeof o.modelTopology === 'object' && o.modelTopology !== null, weightPaths }
}

/** Limits every upload shares: number of files, each file's size, the total. */
export function checkSizes(files: readonly FileLike[]): Problem[] {
  const out: Problem[] = []
  if (files.length > LIMITS.maxUploadFiles) out.push({ key: 'tooMany', params: { count: files.length, limit: LIMITS.maxUploadFiles } })
  for (const f of files) if (f.size === 0) out.push({ key: 'empty', params: { name: f.name } })
  for (const f of files) if (f.size > LIMITS.maxUploadBytes) out.push({ key: 'tooLarge', params: { name: f.name, size: f.size, limit: LIMITS.maxUploadBytes } })
  const total = files.reduce((s, f) => s + f.size, 0)
  if (total > MAX_TOTAL_BYTES && files.length > 1) out.push({ key: 'totalTooLarge', params: { size: total, limit: MAX_TOTAL_BYTES } })
  const seen = new Set<string>()
  for (const f of files) {
    if (seen.has(f.name)) out.push({ key: 'duplicate', params: { name: f.name } })
    seen.add(f.name)
  }
  return out
}

/** A TF.js Layers model: exactly one .json (a model), its weight files all present, only .bin besides. */
export function checkModelFiles(files: readonly FileLike[], info: ModelJsonInfo | null): Problem[] {
  if (files.length === 0) return [{ key: 'noFiles' }]
  const jsons = files.filter((f) => ext(f.name) === 'json')
  const out: Problem[] = []
  if (jsons.length === 0) out.push({ key: 'noModelJson' })
  else if (jsons.length > 1) out.push({ key: 'manyJson', params: { names: jsons.map((f) => f.name).join(', ') } })
  const others = files.filter((f) => ext(f.name) !== 'json' && ext(f.name) !== 'bin')
  if (others.length) out.push({ key: 'notModelFile', params: { names: others.map((f) => f.name).join(', ') } })
  if (jsons.length === 1 && info) {
    if (info.parseError !== undefined) out.push({ key: 'badJson', params: { name: jsons[0].name, reason: info.parseError } })
    else if (!info.isModel) out.push({ key: 'notModel', params: { name: jsons[0].name } })
    else {
      const have = new Set(files.map((f) => f.name))
      const missing = info.weightPaths.filter((p) => !have.has(p))
      if (missing.length) out.push({ key: 'weightsMissing', params: { names: missing.join(', '), count: missing.length } })
    }
  }
  return [...out, ...checkSizes(files)]
}

/** Files of a picked folder worth sending: layer files and the layers.json manifest; the rest (and hidden
 * files such as macOS ._ companions, which the engine refuses by name) is skipped. */
export function dumpFilesOf<T extends FileLike>(files: readonly T[]): { kept: T[]; skipped: T[] } {
  const kept: T[] = []
  const skipped: T[] = []
  for (const f of files) (!f.name.startsWith('.') && (LAYER_FILE.test(f.name) || f.name === MANIFEST_NAME) ? kept : skipped).push(f)
  return { kept, skipped }
}

/** Activation dumps: at least one layer file, an optional labels file (.npy or .csv), sizes within limits. */
export function checkDumpFiles(files: readonly FileLike[], labels: FileLike | null): Problem[] {
  const layers = files.filter((f) => LAYER_FILE.test(f.name) && !/^labels\./i.test(f.name))
  const out: Problem[] = []
  if (files.length === 0) out.push({ key: 'noFiles' })
  else if (layers.length === 0) out.push({ key: 'noLayers' })
  const bad = files.filter((f) => !LAYER_FILE.test(f.name) && f.name !== MANIFEST_NAME)
  if (bad.length) out.push({ key: 'notDumpFile', params: { names: bad.map((f) => f.name).join(', ') } })
  if (labels && !LABELS_FILE.test(labels.name)) out.push({ key: 'labelsType', params: { name: labels.name } })
  const sent = labels ? [...files.filter((f) => !/^labels\./i.test(f.name)), { name: labelsUploadName(labels.name), size: labels.size }] : files
  return [...out, ...checkSizes(sent)]
}

/** The engine recognises labels by name: a chosen labels file is sent as labels.npy / labels.csv. */
export const labelsUploadName = (name: string): string => `labels.${ext(name) || 'npy'}`

/** Rows of an .npy file from its header (the first bytes), or null when it is not a readable NPY. */
export function npyRows(head: Uint8Array): number | null {
  if (head.length < 12 || head[0] !== 0x93 || String.fromCharCode(...head.subarray(1, 6)) !== 'NUMPY') return null
  const major = head[6]
  const len = major === 1 ? head[8] | (head[9] << 8) : head[8] | (head[9] << 8) | (head[10] << 16) | (head[11] << 24)
  const start = major === 1 ? 10 : 12
  if (head.length < start + len) return null
  const header = new TextDecoder().decode(head.subarray(start, start + len))
  const m = /'shape'\s*:\s*\(\s*(\d+)/.exec(header)
  return m ? Number(m[1]) : null
}
