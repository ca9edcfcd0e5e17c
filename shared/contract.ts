// The one contract between the renderer and the main side. Both transports (Electron IPC and the
// browser-mode WebSocket) and the preload's window.api are derived from METHODS; payloads are parsed
// with these schemas at every boundary, and errors cross as data, never as thrown exceptions.
import { z } from 'zod'
import type { FieldError, SpecResult } from './experiment'
import type { RunManifest, RunSummary } from './run'
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
  message: string
  /** for invalid-spec: which fields are wrong and why */
  fields?: FieldError[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string, fields?: FieldError[]): Result<never> => ({
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

/** Request schemas. Specs stay `unknown` here: they are validated by parseSpec, which names fields. */
export const METHODS = {
  'engine.info': z.strictObject({}),
  'spec.validate': z.strictObject({ spec: z.unknown() }),
  'runs.start': z.strictObject({ spec: z.unknown() }),
  'jobs.cancel': z.strictObject({ jobId }),
  'runs.list': z.strictObject({}),
  'runs.get': z.strictObject({ id: runId }),
  'runs.trajectories': z.strictObject({ id: runId })
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
}
export type ResponseOf<M extends Method> = Responses[M]

export type JobEvent =
  | { jobId: string; type: 'started'; name: string }
  | { jobId: string; type: 'progress'; fraction: number; depth?: number; message?: string }
  | { jobId: string; type: 'done'; runId: string }
  | { jobId: string; type: 'failed'; error: ApiError }
  | { jobId: string; type: 'cancelled' }

/** Parse a request for a method; unknown methods and bad payloads become invalid-request errors. */
export function parseRequest(method: unknown, payload: unknown): Result<{ method: Method; request: unknown }> {
  if (typeof method !== 'string' || !Object.prototype.hasOwnProperty.call(METHODS, method))
    return fail('invalid-request', `unknown method ${JSON.stringify(String(method)).slice(0, 80)}`)
  const schema = METHODS[method as Method]
  const r = schema.safeParse(payload ?? {})
  if (!r.success)
    return fail('invalid-request', `bad payload for ${method}: ${r.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ')}`)
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
