// A learned MLP field run on onnxruntime's CPU kernels for integration (inference only): ~3-4x the speed of
// the TF.js wasm backend on the same thread at N = 4,096-65,536 (measured: docs/architecture.md, "Speed").
// One session for v(x, t) and one for the rest of a solver step, both on one intra-op thread: the engine's
// parallelism is the worker pool's shards, never both at once. The fields of the last recipe are kept, so
// the chunks and shards of one job build their sessions once.
import type * as Ort from 'onnxruntime-node'
import type { FieldRecipe } from '../flows/types'
import { onnxRuntime } from '../onnx/session'
import { stepGraph, velocityGraph, type FieldSolver } from './field-graphs'

/** a velocity field and solver step over plain arrays [n, D] */
export interface ArrayField {
  readonly dim: number
  velocity(x: Float32Array, n: number, t: number): Promise<Float32Array>
  /** x + h * (the solver's slopes), given k1 = v(x, t) */
  step(x: Float32Array, k1: Float32Array, n: number, t: number, h: number): Promise<Float32Array>
  /** frees the sessions' native memory */
  release(): Promise<void>
}

type MlpRecipe = Extract<FieldRecipe, { kind: 'mlp' }>

const options: Ort.InferenceSession.SessionOptions = {
  executionProviders: ['cpu'],
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  graphOptimizationLevel: 'all',
  logSeverityLevel: 3
}

async function build(recipe: MlpRecipe, solver: FieldSolver): Promise<ArrayField> {
  const ort = await onnxRuntime()
  const [vSession, stepSession] = await Promise.all([
    ort.InferenceSession.create(velocityGraph(recipe.config, recipe.weights), options),
    ort.InferenceSession.create(stepGraph(recipe.config, recipe.weights, solver), options)
  ])
  const D = recipe.config.dim
  const scalar = (v: number): Ort.Tensor => new ort.Tensor('float32', Float32Array.of(v), [1])
  const rows = (x: Float32Array, n: number): Ort.Tensor => new ort.Tensor('float32', x, [n, D])
  return {
    dim: D,
    velocity: async (x, n, t) => (await vSession.run({ x: rows(x, n), t: scalar(t) })).v.data as Float32Array,
    step: async (x, k1, n, t, h) => (await stepSession.run({ x: rows(x, n), k1: rows(k1, n), t: scalar(t), h: scalar(h) })).xNew.data as Float32Array,
    release: async () => {
      await Promise.all([vSession.release(), stepSession.release()])
    }
  }
}

let last: { recipe: MlpRecipe; solver: FieldSolver; field: Promise<ArrayField> } | undefined

/**
 * The onnxruntime field of a trained MLP recipe for a fixed-step solver, or undefined where it does not
 * apply (another field, dopri5, NAGARE_ONNX_FIELD=0) or the runtime cannot load (TF.js then integrates).
 */
export async function onnxFieldOf(recipe: FieldRecipe | undefined, solver: string): Promise<ArrayField | undefined> {
  if (recipe?.kind !== 'mlp' || solver === 'dopri5' || process.env.NAGARE_ONNX_FIELD === '0') return undefined
  const s = solver as FieldSolver
  if (last?.recipe !== recipe || last.solver !== s) {
    // jobs run one at a time, and a job's chunks share one recipe: the previous field is no longer in use
    const previous = last?.field
    last = { recipe, solver: s, field: build(recipe, s) }
    void previous?.then((f) => f.release()).catch(() => undefined)
  }
  try {
    return await last.field
  } catch {
    last = undefined
    return undefined
  }
}
