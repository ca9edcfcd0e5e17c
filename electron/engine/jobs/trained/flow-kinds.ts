// What each trained-flow kind trains on and how its result is transported: training data (from the
// distribution, or a built-in labelled dataset), the model, the trained flow and the run's particles.
import { distributionDimension, resolveDistribution, type ExperimentSpec, type TrainedFlowSpec } from '../../../../shared/experiment'
import type { ResolvedDistribution } from '../../../../shared/presets'
import { sampleDistribution } from '../../sampling/distributions'
import { makeParticles, type Particles } from '../../sampling/particles'
import type { Rng } from '../../sampling/random'
import { EngineError } from '../../errors'
import { daeLayersMap, neuralOdeField } from '../../flows/trained-flows'
import type { Flow } from '../../flows/types'
import { TrainedModel, type TrainedModelMeta } from '../../models/trained-model'
import type { LabelledRows } from '../../training/tasks/classify'
import { trainClassifier } from '../../training/tasks/classify'
import { augmentRows, gather, gatherInt, splitRows, type TaskHooks, type TaskResult } from '../../training/tasks/common'
import { trainDaeLayers } from '../../training/tasks/dae'
import { trainDensity } from '../../training/tasks/density'
import { trainTransport } from '../../training/tasks/transport'
import { checkpointMismatch, type TaskCheckpoints, type TrainingCheckpoint } from '../../training/resume'
import { stepCount } from '../../training/solve'
import { classificationData } from './data'
import { datasetTrainingRows } from './dataset-rows'
import { datasetParticles } from '../../datasets/particles'
import { message, type Message } from '../../../../shared/messages'

export interface TrainedSetup {
  model: TrainedModel
  result: TaskResult
  /** the run's particles in state coordinates [count, S] (classification: the whole dataset) */
  particles: Particles
  /** classification: the held-out rows, for accuracy and robustness */
  heldOut?: LabelledRows
  /** density: the held-out rows [count, D] */
  densityHeldOut?: Float32Array
  dist?: ResolvedDistribution
  /** classification: the data in words ("the moons dataset") */
  dataDescription?: Message
  /** notes on the data (imported dataset rows) and on the checkpoint */
  notes: Message[]
  /** the checkpoint training resumed from, when it did */
  resumedFrom?: { stage: number; epochsDone: number }
}

export interface TrainForOptions {
  /** for imported datasets */
  workspace?: string
  /** resume from this checkpoint (validated against the model first) and save new ones */
  checkpoint?: TrainingCheckpoint
  save?(cp: TrainingCheckpoint): Promise<void>
}

/** the task hooks with checkpoints, after checking the checkpoint fits the model and data */
function withCheckpoints(
  hooks: TaskHooks,
  o: TrainForOptions,
  model: TrainedModel,
  stages: number,
  arraySizes: (stage: number) => number[],
  notes: Message[]
): { hooks: TaskHooks; resumed?: TrainingCheckpoint } {
  if (!o.save) return { hooks }
  let resume = o.checkpoint
  if (resume) {
    const why = checkpointMismatch(resume, model, stages, arraySizes)
    if (why) {
      notes.push(message('engine.noteCheckpointIgnored', { reason: why }))
      resume = undefined
    }
  }
  const checkpoints: TaskCheckpoints = { ...(resume ? { resume } : {}), save: o.save }
  return { hooks: { ...hooks, checkpoints }, ...(resume ? { resumed: resume } : {}) }
}

const resumedOf = (cp?: TrainingCheckpoint): { resumedFrom?: { stage: number; epochsDone: number } } =>
  cp ? { resumedFrom: { stage: cp.stage, epochsDone: cp.loop.epochsDone } } : {}

function metaOf(flow: TrainedFlowSpec, dataDim: number, classes?: string[]): TrainedModelMeta {
  const { model, training } = flow
  const common = {
    kind: flow.kind,
    dataDim,
    augment: model.augment,
    field: { dim: dataDim + model.augment, width: model.width, hiddenLayers: model.hiddenLayers, activation: model.activation }
  }
  if (flow.kind === 'trained-dae' || flow.kind === 'trained-composed-dae') {
    const L = flow.kind === 'trained-dae' ? 1 : flow.layers
    return { ...common, task: L === 1 && flow.kind === 'trained-dae' ? 'dae' : 'composed-dae', fields: L, t: flow.t, solver: 'euler', depth: L, stepSize: 1 }
  }
  return { ...common, task: flow.task, fields: 1, solver: training.solver, depth: training.depth, stepSize: training.stepSize, ...(classes ? { classes } : {}) }
}

/**
 * Trains the model a trained spec asks for; the caller disposes `model`. `rng` drives initialisation,
 * split, noise and minibatches; `particleRng` the run's particles (the same stream a closed-form run uses).
 */
export async function trainFor(spec: ExperimentSpec, rng: Rng, particleRng: Rng, taskHooks: TaskHooks, options: TrainForOptions = {}): Promise<TrainedSetup> {
  const flow = spec.flow as TrainedFlowSpec
  const { training } = flow
  const notes: Message[] = []
  if (flow.kind === 'neural-ode' && flow.task === 'classify') {
    if (!flow.data || spec.particles.kind !== 'sample') throw new EngineError('invalid-spec', message('engine.classifyNeedsDataAndSample'))
    const ds = await classificationData(spec, spec.particles.count, options.workspace)
    notes.push(...ds.notes)
    const n = ds.n
    const model = new TrainedModel(metaOf(flow, ds.d, ds.classes), rng.fork('model'), flow.model.init)
    try {
      const S = ds.d + flow.model.augment
      const x = augmentRows(ds.points, n, ds.d, flow.model.augment)
      const split = splitRows(n, training.validationFraction, rng.fork('split'))
      const rows = (idx: Int32Array): LabelledRows => ({ x: gather(x, S, idx), labels: gatherInt(ds.labels, idx), n: idx.length })
      const train = rows(split.train)
      const heldOut = rows(split.validation)
      const { hooks, resumed } = withCheckpoints(taskHooks, options, model, 1, () => [], notes)
      const result = await trainClassifier(model, train, heldOut, training, rng.fork('train'), hooks)
      return {
        model,
        result,
        particles: { positions: x, count: n, dim: S, labels: ds.labels },
        heldOut,
        notes,
        dataDescription: ds.description,
        ...resumedOf(resumed)
      }
    } catch (e) {
      model.dispose()
      throw e
    }
  }
  const dist = resolveDistribution(spec.distribution)
  const D = distributionDimension(dist)
  // an imported dataset: its rows are the training data and its rows the particles (as the empirical DAE's)
  const fromDataset = spec.distribution.kind === 'dataset' ? await datasetTrainingRows(spec, options.workspace, rng.fork('training-data')) : undefined
  if (fromDataset) notes.push(fromDataset.note)
  const samples = fromDataset?.rows ?? sampleDistribution(dist, training.samples, rng.fork('training-data')).positions
  const model = new TrainedModel(metaOf(flow, D), rng.fork('model'), flow.model.init)
  try {
    let result: TaskResult
    let densityHeldOut: Float32Array | undefined
    const S = D + flow.model.augment
    const n = fromDataset?.n ?? training.samples
    const { hooks, resumed } =
      flow.kind === 'neural-ode' && flow.task === 'transport'
        ? withCheckpoints(taskHooks, options, model, stepCount(training.depth, training.stepSize), (k) => Array.from({ length: k }, () => n * S), notes)
        : flow.kind === 'neural-ode'
          ? withCheckpoints(taskHooks, options, model, 1, () => [], notes)
          : withCheckpoints(taskHooks, options, model, model.fields.length, () => [n * D], notes)
    if (flow.kind === 'neural-ode' && flow.task === 'density') {
      const r = await trainDensity(model, augmentRows(samples, n, D, flow.model.augment), n, training, rng.fork('train'), hooks)
      result = r
      densityHeldOut = r.validation
    } else if (flow.kind === 'neural-ode') {
      result = await trainTransport(model, augmentRows(samples, n, D, flow.model.augment), n, training, rng.fork('train'), hooks)
    } else {
      result = await trainDaeLayers(model, samples, n, flow.t, training, rng.fork('train'), hooks)
    }
    const p = fromDataset ? await datasetParticles(spec, options.workspace, particleRng) : makeParticles(spec, dist, particleRng)
    const particles = { ...p, positions: augmentRows(p.positions, p.count, D, flow.model.augment), dim: D + flow.model.augment }
    return { model, result, particles, dist, ...(densityHeldOut ? { densityHeldOut } : {}), notes, ...resumedOf(resumed) }
  } catch (e) {
    model.dispose()
    throw e
  }
}

/** The trained flow the run transports its particles through (the caller disposes it). */
export function trainedFlow(setup: TrainedSetup, spec: ExperimentSpec): Flow {
  const flow = spec.flow as TrainedFlowSpec
  if (flow.kind === 'trained-dae' || flow.kind === 'trained-composed-dae') return { type: 'map', map: daeLayersMap(setup.model, flow.t), notes: [] }
  return { type: 'field', field: neuralOdeField(setup.model), notes: [] }
}
