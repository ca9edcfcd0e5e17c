// Transport across the worker pool: the particles are independent, so the cloud is cut into shards that
// the workers integrate through the same field, rebuilt from its recipe, with the same solver; their
// positions land in the one [S, N, D] array. Without reference rows that array is a SharedArrayBuffer the
// workers write into directly (no copy back, and the per-depth metrics later read it in place); with
// them (empirical DAE) each shard's positions come back and are copied in. Cancel, progress and failures behave as on one thread:
// the job's checkpoint is polled while the shards run, and the first failure or a cancel stops them all.
import { message } from '../../../shared/messages'
import type { SolverStats } from '../../../shared/run'
import { integrate } from '../solvers/integrate'
import type { FieldRecipe } from '../flows/types'
import { allocate, checkReference, chunkRows, type TransportInput, type TransportOutput, type TransportResult } from '../jobs/transport'
import type { SolverOptions } from '../solvers/types'
import type { WorkerPool } from './pool'
import { whileRunning } from './while-running'

/** what one shard task carries (tasks.ts runs it) */
export interface TransportShard {
  recipe: FieldRecipe
  /** the same id for the same recipe object within this process: a worker reuses the field it built for it */
  recipeId: number
  /** the reference rows (if any) followed by the shard's particles, row-major */
  positions: Float32Array
  count: number
  dim: number
  depths: number[]
  solverOptions: SolverOptions
  /** the run's shared [S, N, D] array and where this shard's particles go in it (absent: the positions come back) */
  output?: TransportOutput
}

export interface ShardResult {
  /** [S, count, D], the reference rows included; absent when the shard wrote into its output */
  trajectories?: Float32Array
  stats: SolverStats
}

export interface ShardProgress {
  fraction: number
  depth?: number
}

/** Fields with a recipe, integrated by the engine's own solvers (tests that inject theirs keep one thread). */
export function canPool(input: TransportInput): boolean {
  return input.flow.type === 'field' && input.flow.field.recipe !== undefined && input.integrate === integrate
}

/** Shard sizes: at most a single-thread chunk, and at least one shard per worker when there are enough particles. */
export function shardRows(n: number, samples: number, dim: number, workers: number): number {
  return Math.max(1, Math.min(chunkRows(samples, dim), Math.ceil(n / workers)))
}

const recipeIds = new WeakMap<FieldRecipe, number>()
let nextRecipeId = 1

/** one id per recipe object, so workers rebuild a field once per job, not once per shard */
export function recipeIdOf(recipe: FieldRecipe): number {
  let id = recipeIds.get(recipe)
  if (id === undefined) recipeIds.set(recipe, (id = nextRecipeId++))
  return id
}

export async function transportOnPool(input: TransportInput, pool: WorkerPool): Promise<TransportResult> {
  const { flow, count: n, dim, depths, ctx, positions } = input
  if (flow.type !== 'field' || !flow.field.recipe) throw new Error('transportOnPool needs a field with a recipe')
  const { recipe, referenceRows: ref } = flow.field
  checkReference(ref, n)
  const share = input.progressShare ?? 0.85
  const S = depths.length
  // shared memory when the shards can write their rows in place (no reference rows to skip)
  const inPlace = ref === 0 && typeof SharedArrayBuffer === 'function'
  const out = allocate(S * n * dim, inPlace)
  const rows = shardRows(n, S, dim, pool.size)
  const count = Math.ceil(n / rows)
  const fractions = new Float64Array(count)
  const started = performance.now()
  const controller = new AbortController()
  let depthReached = 0
  const report = (): void => {
    let done = 0
    for (let k = 0; k < count; k++) done += fractions[k] * Math.min(rows, n - k * rows)
    ctx.progress((share * done) / n, depthReached, message('engine.progressTransporting'))
  }
  const shardStats: SolverStats[] = new Array(count)
  const tasks = Array.from({ length: count }, (_, k) => {
    const first = k * rows
    const m = Math.min(rows, n - first)
    const batch = new Float32Array((ref + m) * dim)
    batch.set(positions.subarray(0, ref * dim))
    batch.set(positions.subarray(first * dim, (first + m) * dim), ref * dim)
    const shard: TransportShard = {
      recipe,
      recipeId: recipeIdOf(recipe),
      positions: batch,
      count: ref + m,
      dim,
      depths,
      solverOptions: input.solverOptions,
      ...(inPlace ? { output: { array: out, count: n, first } } : {})
    }
    return pool
      .run<ShardResult>('transport-shard', shard, {
        signal: controller.signal,
        transfer: [batch.buffer],
        onProgress: (p) => {
          const { fraction, depth } = p as ShardProgress
          fractions[k] = fraction
          if (depth !== undefined) depthReached = Math.max(depthReached, depth)
          report()
        }
      })
      .then((r) => {
        // the shard's own rows, after its copy of the reference, into every depth sample (unless written in place)
        const back = r.trajectories
        if (back) for (let s = 0; s < S; s++) out.set(back.subarray((s * (ref + m) + ref) * dim, (s + 1) * (ref + m) * dim), (s * n + first) * dim)
        shardStats[k] = r.stats
      })
  })
  await whileRunning(
    Promise.all(tasks),
    () => ctx.checkpoint(),
    async () => {
      controller.abort()
      await Promise.allSettled(tasks)
    }
  )
  const stats = mergeStats(shardStats, input.solverOptions, Math.ceil(n / chunkRows(S, dim)))
  stats.wallSeconds = (performance.now() - started) / 1000
  return { trajectories: out, stats }
}

/**
 * The run's solver statistics as one thread would record them: fixed-step solvers take the same steps in
 * every shard, so one shard's count times the single-thread chunks gives the same numbers at any thread
 * count; dopri5 adapts its steps per shard and sums them, as it does over chunks.
 */
export function mergeStats(shards: SolverStats[], options: SolverOptions, singleThreadChunks: number): SolverStats {
  if (options.solver !== 'dopri5') {
    const one = shards[0]
    return { ...one, nfe: one.nfe * singleThreadChunks, acceptedSteps: one.acceptedSteps * singleThreadChunks, wallSeconds: 0 }
  }
  const sum: SolverStats = { nfe: 0, acceptedSteps: 0, rejectedSteps: 0, wallSeconds: 0 }
  for (const s of shards) {
    sum.nfe += s.nfe
    sum.acceptedSteps += s.acceptedSteps
    sum.rejectedSteps += s.rejectedSteps
  }
  return sum
}
