// The work a pool worker does, by task kind: integrate a particle shard through a field rebuilt from its
// recipe (the single-thread transport itself, on the shard), the gradient of one batch shard of a
// learned flow, and the per-depth statistics of a range of depths. Workers keep one model per
// configuration and load the current weights each step.
import { integrate } from '../solvers/integrate'
import { transport } from '../jobs/transport'
import type { JobContext } from '../jobs/context'
import { createRng } from '../sampling/random'
import { MlpField } from '../models/mlp-field'
import { lossAndGradients } from '../training/train-step'
import type { GradientShard, ShardGradients } from '../training/sharded-step'
import { DepthStatsRunner } from '../metrics/depth-stats'
import { fieldFromRecipe } from './field-recipe'
import type { DepthStatsNote, DepthStatsTask } from './pooled-metrics'
import type { ShardProgress, ShardResult, TransportShard } from './pooled-transport'
import type { HandlerResult, TaskHandler } from './serve-tasks'

/** progress notes from a worker at most this often */
const PROGRESS_MS = 50

async function transportShard(shard: TransportShard, report: (p: ShardProgress) => void): Promise<HandlerResult> {
  const field = fieldFromRecipe(shard.recipe)
  let last = 0
  // cancel comes as the worker's termination: nothing to check here
  const ctx: JobContext = {
    cancelled: false,
    checkpoint: async () => {},
    progress: (fraction, depth) => {
      const now = performance.now()
      if (now - last < PROGRESS_MS && fraction < 1) return
      last = now
      report({ fraction, ...(depth !== undefined ? { depth } : {}) })
    }
  }
  try {
    const r = await transport({ ...shard, flow: { type: 'field', field, notes: [] }, integrate, ctx, progressShare: 1, pool: null })
    const result: ShardResult = r
    return { result, transfer: [r.trajectories.buffer as ArrayBuffer] }
  } finally {
    field.dispose()
  }
}

const models = new Map<string, MlpField>()

function gradientShard(shard: GradientShard): HandlerResult {
  const key = JSON.stringify(shard.config)
  let model = models.get(key)
  if (!model) models.set(key, (model = new MlpField(shard.config, createRng(0))))
  model.setWeights(shard.weights)
  const { loss, kinetic, grads } = lossAndGradients(model, shard.batch, shard.train)
  const out: ShardGradients = { loss, kinetic, grads: [] }
  for (const v of model.variables) {
    const g = grads[v.name]
    out.grads.push(g ? (g.dataSync() as Float32Array).slice() : null)
    g?.dispose()
  }
  return { result: out, transfer: out.grads.filter((g): g is Float32Array => g !== null).map((g) => g.buffer as ArrayBuffer) }
}

/** the statistics of each depth of the range, one progress note per depth, in order; the clouds go back */
function depthStats(task: DepthStatsTask, report: (note: DepthStatsNote) => void): HandlerResult {
  const size = task.plan.n * task.plan.d
  const runner = new DepthStatsRunner(task.plan)
  const skip = task.primed ? 1 : 0
  if (task.primed) runner.prime(task.clouds.subarray(0, size))
  task.knn.forEach((knn, i) => {
    const x = task.clouds.subarray((skip + i) * size, (skip + i + 1) * size)
    report({ s: task.first + i, stats: runner.next(x, knn) })
  })
  // the clouds' buffer goes back for the next range's copy (a shared one stays where it is)
  const buffer = task.clouds.buffer
  return { result: task.clouds, transfer: buffer instanceof ArrayBuffer ? [buffer] : [] }
}

export const ENGINE_TASKS: Record<string, TaskHandler> = {
  'transport-shard': transportShard as TaskHandler,
  'gradient-shard': gradientShard as TaskHandler,
  'depth-stats': depthStats as TaskHandler
}
