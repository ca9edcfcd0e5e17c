// Moves the particles through a flow chunk by chunk and gathers the positions at every depth sample
// into one Float32Array [S, N, D]. Tensors live only inside a chunk and are disposed on every path.
import { LIMITS } from '../../../shared/limits'
import type { SolverStats } from '../../../shared/run'
import { tf } from '../backend'
import { BlowUpError, EngineError } from '../errors'
import type { DepthMap, Flow, VelocityField } from '../flows/types'
import type { Integrator, SolverOptions } from '../solvers/types'
import type { JobContext } from './context'
import { message } from '../../../shared/messages'
import { enginePool } from '../pool/engine-pool'
import { canPool, transportOnPool } from '../pool/pooled-transport'
import type { WorkerPool } from '../pool/pool'
import { integrate } from '../solvers/integrate'
import { integrateFixedArrays } from '../solvers/array-fixed-step'
import { onnxFieldOf } from '../onnx-field/onnx-field'
import { kernelMixture, mixtureChunk } from './mixture-chunk'
import { addChunkStats as record } from './chunk-stats'
import { stepProgress } from './progress'

/** Bytes of per-depth position tensors one chunk may hold at once (all S samples of the chunk). */
export const CHUNK_TENSOR_BYTES = 256 * 1024 * 1024

/**
 * Particles per chunk: LIMITS.chunkSize (131,072), fewer when S samples of the chunk would exceed
 * CHUNK_TENSOR_BYTES, never fewer than 1,024. Reference rows (empirical DAE) come on top of this.
 */
export function chunkRows(samples: number, dim: number): number {
  return Math.min(LIMITS.chunkSize, Math.max(1024, Math.floor(CHUNK_TENSOR_BYTES / (samples * dim * 4))))
}

export interface TransportInput {
  flow: Flow
  positions: Float32Array
  count: number
  dim: number
  depths: number[]
  integrate: Integrator
  solverOptions: SolverOptions
  ctx: JobContext
  /** progress share of the whole job that transport covers (default 0.85) */
  progressShare?: number
  /** the worker pool to split particles over; default the engine's (none at one thread), null: this thread */
  pool?: WorkerPool | null
  /**
   * where the positions go instead of a fresh array: sample s of particle i is row s * count + first + i of
   * `array` (a pool worker writes its shard straight into the run's shared trajectories); reference rows
   * (empirical DAE) are not supported here
   */
  output?: TransportOutput
}

export interface TransportOutput {
  array: Float32Array
  /** particles of the whole array */
  count: number
  /** the first of them this transport fills */
  first: number
}

export interface TransportResult {
  /** [S, N, D]; with `output` given, that whole array */
  trajectories: Float32Array
  stats: SolverStats
}

/** `n` float32 values; `shared`: in a SharedArrayBuffer (when the runtime has them), which pool workers write and read in place */
export function allocate(n: number, shared = false): Float32Array {
  try {
    return shared && typeof SharedArrayBuffer === 'function' ? new Float32Array(new SharedArrayBuffer(n * 4)) : new Float32Array(n)
  } catch {
    throw new EngineError('budget', message('engine.trajectoryMemory', { mib: ((n * 4) / 2 ** 20).toFixed(0) }))
  }
}

/** Copy rows [skip, skip + rows) of `src` into sample `s`, particles from `first`; refuse NaN/Inf. */
function store(dest: TransportOutput, src: Float32Array, s: number, dim: number, first: number, skip: number, rows: number, depth: number): void {
  const out = dest.array
  const from = skip * dim
  const to = s * dest.count * dim + (dest.first + first) * dim
  for (let k = 0; k < rows * dim; k++) {
    const v = src[from + k]
    if (!Number.isFinite(v)) throw new BlowUpError(depth, message('engine.positionsNonFinite'))
    out[to + k] = v
  }
}

/** The reference particles (empirical DAE) must be among the particles. */
export function checkReference(ref: number, n: number): void {
  if (ref > n)
    throw new EngineError('invalid-spec', message('engine.referenceTooMany', { ref, n }), [
      { field: 'flow.referenceSize', message: message('engine.referenceAtMost', { n }) }
    ])
}

export async function transport(input: TransportInput): Promise<TransportResult> {
  const pool = input.pool === undefined ? enginePool() : input.pool
  if (pool && canPool(input)) return transportOnPool(input, pool)
  const { flow, count: n, dim, depths, ctx } = input
  const share = input.progressShare ?? 0.85
  const S = depths.length
  const dest = input.output ?? { array: allocate(S * n * dim), count: n, first: 0 }
  if (input.output && (flow.type !== 'field' || flow.field.referenceRows > 0)) throw new Error('transport into an output needs a field without reference rows')
  const rows = chunkRows(S, dim)
  const chunks = Math.ceil(n / rows)
  const stats: SolverStats = { nfe: 0, acceptedSteps: 0, rejectedSteps: 0, wallSeconds: 0 }
  const started = performance.now()
  // a closed-form mixture field under a fixed-step solver runs on the CPU kernel (mixture-chunk.ts)
  const mixture = kernelMixture(input)
  for (let c = 0; c < chunks; c++) {
    const first = c * rows
    const m = Math.min(rows, n - first)
    const report = (done: number, depth: number): void =>
      ctx.progress(
        (share * (c + done)) / chunks,
        depth,
        chunks > 1 ? message('engine.progressTransportingChunk', { index: c + 1, count: chunks }) : message('engine.progressTransporting')
      )
    if (mixture) await mixtureChunk(mixture, input, dest, first, m, stats, report)
    else if (flow.type === 'field') await fieldChunk(flow.field, input, dest, first, m, stats, report)
    else await mapChunk(flow.map, input, dest, first, m, stats, report)
    await ctx.checkpoint()
  }
  stats.wallSeconds = (performance.now() - started) / 1000
  return { trajectories: dest.array, stats }
}

async function fieldChunk(
  field: VelocityField,
  input: TransportInput,
  dest: TransportOutput,
  first: number,
  m: number,
  stats: SolverStats,
  report: (done: number, depth: number) => void
): Promise<void> {
  const { positions, count: n, dim, depths, ctx } = input
  const ref = field.referenceRows
  checkReference(ref, n)
  // the reference particles are the first `ref` particles of the whole cloud at depth 0, in every chunk
  const batch = new Float32Array((ref + m) * dim)
  batch.set(positions.subarray(0, ref * dim))
  batch.set(positions.subarray(first * dim, (first + m) * dim), ref * dim)
  const onStep = stepProgress(ctx, depths, report)
  const options = input.solverOptions
  // a trained MLP field runs on onnxruntime's kernels where it can (the engine's own solvers only)
  const fast = input.integrate === integrate && options.solver !== 'dopri5' ? await onnxFieldOf(field.recipe, options.solver) : undefined
  if (fast && options.solver !== 'dopri5') {
    const r = await integrateFixedArrays(fast, batch, ref + m, depths, options, { onStep })
    r.positions.forEach((p, s) => store(dest, p, s, dim, first, ref, m, depths[s]))
    record(stats, r, options)
    return
  }
  const x0 = tf.tensor2d(batch, [ref + m, dim])
  let result: Awaited<ReturnType<Integrator>> | undefined
  try {
    result = await input.integrate(field, x0, depths, options, { onStep })
    for (let s = 0; s < depths.length; s++) {
      const data = (await result.positions[s].data()) as Float32Array
      store(dest, data, s, dim, first, ref, m, depths[s])
    }
    record(stats, result, options)
  } finally {
    x0.dispose()
    result?.positions.forEach((p) => p.dispose())
  }
}

async function mapChunk(
  map: DepthMap,
  input: TransportInput,
  dest: TransportOutput,
  first: number,
  m: number,
  stats: SolverStats,
  report: (done: number, depth: number) => void
): Promise<void> {
  const { positions, dim, depths, ctx } = input
  const x0 = tf.tensor2d(positions.slice(first * dim, (first + m) * dim), [m, dim])
  try {
    for (let s = 0; s < depths.length; s++) {
      const t = depths[s]
      const before = map.evaluations
      const y = tf.tidy(() => map.positionsAt(x0, t))
      stats.nfe += map.evaluations - before
      try {
        store(dest, (await y.data()) as Float32Array, s, dim, first, 0, m, t)
      } finally {
        y.dispose()
      }
      report((s + 1) / depths.length, t)
      await ctx.checkpoint()
    }
  } finally {
    x0.dispose()
  }
}
