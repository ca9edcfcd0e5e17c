// The one contract between the renderer and the main side. Both transports (Electron IPC and the
// browser-mode WebSocket) and the preload's window.api are derived from METHODS; payloads are parsed
// with these schemas at every boundary, and errors cross as data, never as thrown exceptions.
import { z } from 'zod'
import { DATASET_FIT_LIMITS, type FieldError, type SpecResult } from './experiment'
import type { RunManifest, RunSummary } from './run'
import { SettingsPatchSchema, type SettingsState } from './settings'
import { MissingPolicySchema, type DataPreview, type DatasetInfo, type DatasetView, type MixtureFit } from './dataset'
import type { LayerAnalysis, LayerAnalysisSummary } from './layers'
import type { AnalysisComparison } from './layer-compare'
import { StudySweepSchema, type StudyResult, type StudySummary } from './study'
import { LIMITS } from './limits'
import { ImageOptionsSchema } from './image-data'
import { OnnxAnalyzeOptionsSchema, type OnnxInspection } from './onnx'
import { message, zodIssuesMessage, type Message } from './messages'
import type { TrainingProgress } from './job-progress'
import { METHOD_NAMES, channelOf, EVENT_CHANNEL, type Method } from './channels'

export { METHOD_NAMES, channelOf, EVENT_CHANNEL, type Method }

export const ERROR_CODES = [
  'invalid-request',
  'invalid-spec',
  'not-found',
  'unreadable-run',
  'busy',
  'cancelled',
  'blow-up',
  'budget',
  'engine-crashed',
  'io',
  'internal'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  code: ErrorCode
  /** what went wrong, worded at the edge in the reader's language */
  message: Message
  /** for invalid-spec: which fields are wrong and why */
  fields?: FieldError[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: Message, fields?: FieldError[]): Result<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message }
})

export interface EngineInfo {
  appVersion: string
  backend: string
  /** backends that loaded on this machine, in preference order */
  available: string[]
  mode: 'desktop' | 'browser' | 'in-process'
  workspace: string
}

export interface TrajectoryData {
  /** [samples, N, D] */
  shape: [number, number, number]
  depths: number[]
  data: Float32Array
  /** per-particle mixture component (colouring); absent when the run has none */
  labels?: Int32Array
}

const runId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'not a run id')
const jobId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a job id')
const token = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not an upload token')
const fileName = z.string().min(1).max(255)
/** file bytes as base64 (JSON-safe over both transports) */
const base64 = z
  .string()
  .max(Math.ceil(LIMITS.maxUploadBytes / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')
const upload = z.strictObject({ name: fileName, content: base64 })
const tag = z.string().trim().min(1).max(40)
/** a staged input file: its path below the picked folder (class/image.png), plain segments only */
const stagedName = z
  .string()
  .min(1)
  .max(1024)
  .refine((s) => s.split('/').every((seg) => seg.length > 0 && seg.length <= 255 && !seg.startsWith('.') && !/[\\:]/.test(seg)), 'not a plain relative path')
const datasetChoice = z.strictObject({ kind: z.literal('dataset'), id: runId })
const builtinChoice = z.strictObject({
  kind: z.literal('builtin'),
  name: z.string().min(1).max(64),
  n: z.number().int().min(2).max(LIMITS.maxPoints),
  seed: z.number().int().min(0).optional()
})
const dataChoice = z.discriminatedUnion('kind', [
  datasetChoice,
  /** files sent with inputs.stage: a folder of images (read with `image`) or one .npy/.npz array */
  z.strictObject({ kind: z.literal('staged'), token, label: z.string().min(1).max(255), image: ImageOptionsSchema.optional() }),
  builtinChoice
])
/** a shift analysis' new data: a workspace dataset or built-in data (picked files are the reference's only) */
const compareChoice = z.discriminatedUnion('kind', [datasetChoice, builtinChoice])

/** Request schemas. Specs stay `unknown` here: they are validated by parseSpec, which names fields. */
export const METHODS = {
  'engine.info': z.strictObject({}),
  'spec.validate': z.strictObject({ spec: z.unknown() }),
  'runs.start': z.strictObject({ spec: z.unknown() }),
  'jobs.cancel': z.strictObject({ jobId }),
  /** trash: list the runs in the trash instead of the history */
  'runs.list': z.strictObject({ trash: z.boolean().optional() }),
  'runs.get': z.strictObject({ id: runId }),
  'runs.trajectories': z.strictObject({ id: runId }),
  'runs.update': z.strictObject({ id: runId, name: z.string().trim().min(1).max(LIMITS.maxNameLength).optional(), tags: z.array(tag).max(20).optional() }),
  /** move to <workspace>/.trash (recoverable), never delete */
  'runs.trash': z.strictObject({ id: runId }),
  'runs.restore': z.strictObject({ id: runId }),
  /** the whole run folder as one zip */
  'runs.archive': z.strictObject({ id: runId }),
  'settings.get': z.strictObject({}),
  'settings.set': z.strictObject({ settings: SettingsPatchSchema }),
  /** versions, backend, platform and the last errors, as text for a support request (no data values) */
  'diagnostics.get': z.strictObject({}),
  /** stage an uploaded CSV/TSV/NPY/NPZ file and describe it */
  'data.preview': upload,
  /** copy a staged file into the workspace as a dataset, with the chosen columns */
  'data.import': z.strictObject({
    token,
    name: z.string().trim().min(1).max(LIMITS.maxNameLength),
    features: z.array(z.number().int().min(0)).min(1).max(4096),
    label: z.number().int().min(0).nullable().optional(),
    missing: MissingPolicySchema
  }),
  'data.list': z.strictObject({}),
  /** a stored dataset's first rows and column summary */
  'data.get': z.strictObject({ id: runId }),
  /** rename a stored dataset (its id, which runs name, stays) */
  'data.update': z.strictObject({ id: runId, name: z.string().trim().min(1).max(LIMITS.maxNameLength) }),
  /** move to <workspace>/datasets/.trash (recoverable), never delete */
  'data.trash': z.strictObject({ id: runId }),
  'data.restore': z.strictObject({ id: runId }),
  /** the Gaussian mixture the continuous DAE of a dataset follows (EM on its rows): the wizard shows its t* */
  'data.fitMixture': z.strictObject({
    id: runId,
    columns: z.array(z.number().int().min(0)).min(LIMITS.minDimension).max(LIMITS.maxDimension),
    components: z.number().int().min(1).max(DATASET_FIT_LIMITS.maxComponents).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
  }),
  /** analyze an existing model: a TF.js Layers model (model.json + weights) run on data, or activation dumps */
  'layers.start': z.strictObject({
    name: z.string().trim().min(1).max(LIMITS.maxNameLength),
    source: z.enum(['tfjs-model', 'dumps', 'onnx']),
    files: z.array(upload).min(1).max(LIMITS.maxUploadFiles),
    data: dataChoice.optional(),
    /** source 'onnx': the tensors to record and how feature maps are reduced */
    onnx: OnnxAnalyzeOptionsSchema.optional(),
    k: z.number().int().min(1).max(100).optional(),
    seed: z.number().int().min(0).optional(),
    /** shift analysis: new data for the same model (tfjs-model), measured against `data` layer by layer */
    compareData: compareChoice.optional(),
    /** shift analysis of dumps: the same layers' dumps on the new data */
    compareFiles: z.array(upload).min(1).max(LIMITS.maxUploadFiles).optional()
  }),
  /** trash: list the analyses in the trash instead of the history */
  'layers.list': z.strictObject({ trash: z.boolean().optional() }),
  'layers.get': z.strictObject({ id: runId }),
  /** an uploaded .onnx model's graph (inputs, tensors by module path, residual blocks, default layers) */
  'models.inspect': upload,
  /** model input files (images of a picked folder, or one .npy/.npz), sent in several calls under one token */
  'inputs.stage': z.strictObject({
    token: token.optional(),
    files: z
      .array(z.strictObject({ name: stagedName, content: base64 }))
      .min(1)
      .max(LIMITS.maxUploadFiles)
  }),
  /** rename and/or tag a saved analysis (its user.json; analysis.json is never rewritten) */
  'layers.update': z.strictObject({ id: runId, name: z.string().trim().min(1).max(LIMITS.maxNameLength).optional(), tags: z.array(tag).max(20).optional() }),
  /** move to <workspace>/analyses/.trash (recoverable), never delete */
  'layers.trash': z.strictObject({ id: runId }),
  'layers.restore': z.strictObject({ id: runId }),
  /** two saved analyses side by side, layer by layer (matched by name, else by position) */
  'layers.compare': z.strictObject({ a: runId, b: runId }),
  /** sweep one flow over L, h or the number of steps and compare each point with the continuous limit */
  'studies.start': z.strictObject({ name: z.string().trim().min(1).max(LIMITS.maxNameLength), spec: z.unknown(), sweep: StudySweepSchema }),
  'studies.list': z.strictObject({}),
  'studies.get': z.strictObject({ id: runId })
} as const satisfies Record<Method, z.ZodType>

export type RequestOf<M extends Method> = z.infer<(typeof METHODS)[M]>

export interface Responses {
  'engine.info': EngineInfo
  'spec.validate': SpecResult
  'runs.start': { jobId: string }
  'jobs.cancel': { cancelled: boolean }
  'runs.list': RunSummary[]
  'runs.get': RunManifest
  'runs.trajectories': TrajectoryData
  'runs.update': RunSummary
  'runs.trash': { id: string }
  'runs.restore': { id: string }
  'runs.archive': { fileName: string; data: Uint8Array }
  'settings.get': SettingsState
  'settings.set': SettingsState
  'diagnostics.get': { text: string }
  'data.preview': DataPreview
  'data.import': DatasetInfo
  'data.list': DatasetInfo[]
  'data.get': DatasetView
  'data.update': DatasetInfo
  'data.trash': { id: string }
  'data.restore': DatasetInfo
  'data.fitMixture': MixtureFit
  /** the job's 'done' event carries the analysis id as runId */
  'layers.start': { jobId: string }
  'layers.list': LayerAnalysisSummary[]
  'layers.get': LayerAnalysis
  'models.inspect': OnnxInspection
  /** files and bytes staged under the token so far */
  'inputs.stage': { token: string; files: number; bytes: number }
  'layers.update': LayerAnalysisSummary
  'layers.trash': { id: string }
  'layers.restore': { id: string }
  'layers.compare': AnalysisComparison
  /** the job's 'done' event carries the study id as runId */
  'studies.start': { jobId: string }
  'studies.list': StudySummary[]
  'studies.get': StudyResult
}
export type ResponseOf<M extends Method> = Responses[M]

export type JobEvent =
  | { jobId: string; type: 'started'; name: string }
  | { jobId: string; type: 'progress'; fraction: number; depth?: number; message?: Message; training?: TrainingProgress }
  | { jobId: string; type: 'done'; runId: string }
  | { jobId: string; type: 'failed'; error: ApiError }
  | { jobId: string; type: 'cancelled' }

/** Parse a request for a method; unknown methods and bad payloads become invalid-request errors. */
export function parseRequest(method: unknown, payload: unknown): Result<{ method: Method; request: unknown }> {
  if (typeof method !== 'string' || !Object.prototype.hasOwnProperty.call(METHODS, method))
    return fail('invalid-request', message('spec.unknownMethod', { method: JSON.stringify(String(method)).slice(0, 80) }))
  const schema = METHODS[method as Method]
  const r = schema.safeParse(payload ?? {})
  if (!r.success) return fail('invalid-request', message('spec.badPayload', { method, detail: zodIssuesMessage(r.error.issues, '(payload)') }))
  return ok({ method: method as Method, request: r.data })
}

/** The window.api surface: one async function per method, plus the event subscription. */
export type Api = { [M in Method]: (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>> } & {
  onJobEvent(listener: (event: JobEvent) => void): () => void
}

/** What every host of the engine provides (in-process, worker thread, Electron utility process). */
export interface EngineService {
  call<M extends Method>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>>
  onEvent(listener: (event: JobEvent) => void): () => void
  dispose(): Promise<void>
}
