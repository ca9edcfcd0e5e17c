// The work a pool worker does, by task kind: integrate a particle shard through a field rebuilt from its
// recipe (the single-thread transport itself, on the shard), the gradient of one batch shard of a learned
// flow and of one shard of a neural ODE task's objective, the per-depth statistics of a range of depths,
// one row of a layer analysis or of its shift, and the EM fit of a dataset's mixture. Workers keep the
// last field and model they built and load the current weights each step.
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
import type { VelocityField } from '../flows/types'
import { modelWithWeights, type TrainedModel } from '../models/trained-model'
import { objectiveGradients, type ObjectiveShard } from '../training/shard-objectives'
import { disposeMap } from '../training/grad-maps'
import { gmmFitTask, type GmmFitTask } from './pooled-gmm-fit'
import { layerRowTask } from '../layers/layer-row-task'
import { shiftRowTask } from '../layers/pooled-shift'

/** progress notes from a worker at most this often */
const PROGRESS_MS = 50

/** the field of the last recipe this worker saw: the shards of one job share it (rebuilding costs ~ms per shard) */
let lastField: { id: number; field: VelocityField } | undefined

function cachedField(shard: TransportShard): VelocityField {
  if (lastField?.id === shard.recipeId) return lastField.field
  lastField?.field.dispose()
  lastField = undefined
  const field = fieldFromRecipe(shard.recipe)
  lastField = { id: shard.recipeId, field }
  return field
}

async function transportShard(shard: TransportShard, report: (p: ShardProgress) => void): Promise<HandlerResult> {
  const field = cachedField(shard)
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
  const r = await transport({ ...shard, flow: { type: 'field', field, notes: [] }, integrate, ctx, progressShare: 1, pool: null })
  // written into the run's shared array: only the statistics go back
  if (shard.output) return { result: { stats: r.stats } satisfies ShardResult, transfer: [] }
  const result: ShardResult = r
  return { result, transfer: [r.trajectories.buffer as ArrayBuffer] }
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

/** the trained model of the last meta this worker saw: the steps of one training reuse it, loading new weights */
let lastModel: { key: string; model: TrainedModel } | undefined

function objectiveShard(shard: ObjectiveShard): HandlerResult {
  const key = JSON.stringify(shard.meta)
  if (lastModel?.key !== key) {
    lastModel?.model.dispose()
    lastModel = undefined
    lastModel = { key, model: modelWithWeights(shard.meta, shard.weights) }
  } else lastModel.model.setWeights(shard.weights)
  const model = lastModel.model
  const r = objectiveGradients(model, shard.rows)
  const out: ShardGradients = { loss: r.loss, kinetic: r.kinetic, ...(r.jacobian !== undefined ? { jacobian: r.jacobian } : {}), grads: [] }
  for (const v of model.variablesOf(0)) {
    const g = r.grads[v.name]
    out.grads.push(g ? (g.dataSync() as Float32Array).slice() : null)
  }
  disposeMap(r.grads)
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
  'objective-shard': objectiveShard as TaskHandler,
  'transport-shard': transportShard as TaskHandler,
  'gradient-shard': gradientShard as TaskHandler,
  'depth-stats': depthStats as TaskHandler,
  'gmm-fit': ((task: GmmFitTask) => ({ result: gmmFitTask(task) })) as TaskHandler,
  'layer-row': layerRowTask as TaskHandler,
  'shift-row': shiftRowTask as TaskHandler
}
