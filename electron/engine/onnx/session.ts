// onnxruntime-node sessions over in-memory model bytes (the model with extra graph outputs appended), on
// the CPU execution provider with a fixed thread count, and what a failure to load means for the user:
// an operator the runtime lacks, external weights, or a model the runtime refuses.
import { createRequire } from 'node:module'
import type * as Ort from 'onnxruntime-node'
import { type Message, message } from '../../../shared/messages'
import { EngineError } from '../errors'
import { engineThreads } from '../pool/sizing'

const invalid = (m: Message): EngineError => new EngineError('invalid-request', m)
// as backend.ts loads tfjs-node: a plain require, which works from the bundle, tsx and vitest alike
const requireHere = createRequire(__filename)

let ort: typeof Ort | undefined

/** The binding, loaded on first use (so the engine starts where it cannot load, and says so only here). */
export async function onnxRuntime(): Promise<typeof Ort> {
  if (ort) return ort
  try {
    ort = requireHere('onnxruntime-node') as typeof Ort
    return await Promise.resolve(ort)
  } catch (e) {
    throw new EngineError('internal', message('onnx.runtimeUnavailable', { detail: e instanceof Error ? e.message : String(e) }))
  }
}

/**
 * Intra-op threads of one recording session: the engine's thread setting (all cores but one by default,
 * as for the worker pool, which does not run beside a recording: jobs run one at a time), so one setting
 * governs every core the engine takes. NAGARE_ONNX_THREADS overrides, for benchmarks.
 */
export function onnxThreads(): number {
  const env = Number(process.env.NAGARE_ONNX_THREADS)
  return Number.isInteger(env) && env > 0 ? env : engineThreads()
}

function explain(e: unknown, file: string): EngineError {
  const m = e instanceof Error ? e.message : String(e)
  const op = /Could not find an implementation for (\S+)|No Op registered for (\S+)|Unrecognized attribute|not a registered function\/op/i.exec(m)
  if (op) return invalid(message('onnx.unsupportedOperator', { file, detail: m.split('\n')[0] }))
  if (/external data|model_path must not be empty|external/i.test(m)) return invalid(message('onnx.externalData', { file, names: m.split('\n')[0] }))
  return invalid(message('onnx.cannotLoad', { file, detail: m.split('\n')[0] }))
}

export async function createSession(bytes: Uint8Array, file: string): Promise<Ort.InferenceSession> {
  const rt = await onnxRuntime()
  try {
    return await rt.InferenceSession.create(bytes, {
      executionProviders: ['cpu'],
      intraOpNumThreads: onnxThreads(),
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
      logSeverityLevel: 3
    })
  } catch (e) {
    throw explain(e, file)
  }
}
