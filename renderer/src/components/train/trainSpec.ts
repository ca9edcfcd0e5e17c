// Pure helpers of the "Train a continuous-depth network" wizard: the form values, the spec document they
// build (validated by parseSpec like every spec), which wizard step each spec field belongs to, and the
// per-task defaults. Kept apart from the store so they are testable without Vue.
import { BUILTIN_DATASET_DIMENSION, BUILTIN_DATASET_NAMES } from '@shared/experiment'
import type { PresetName } from '@shared/presets'

export type TrainTask = 'classify' | 'density' | 'transport' | 'trained-dae' | 'trained-composed-dae'
export const TRAIN_TASKS: TrainTask[] = ['classify', 'transport', 'density', 'trained-dae', 'trained-composed-dae']
export type DatasetName = (typeof BUILTIN_DATASET_NAMES)[number]
export const DATASETS = BUILTIN_DATASET_NAMES
export type TrainSolver = 'euler' | 'heun' | 'rk4'
export type EvalSolver = TrainSolver | 'dopri5'
export type ActivationName = 'tanh' | 'softplus' | 'swish'

export interface TrainDraftValues {
  name: string
  seed: number | null
  task: TrainTask
  dataset: DatasetName
  /** classification data: a built-in set, or a dataset imported on the "Your data" screen */
  dataSource: 'builtin' | 'dataset'
  datasetId: string
  /** the imported dataset's features and classes (from data.list), for the distribution and the cost */
  datasetDim: number | null
  datasetClasses: number | null
  /** classification: points of the dataset; other tasks: particles transported after training */
  points: number | null
  /** the distribution of the transport, density and DAE tasks */
  distribution: PresetName
  noise: number | null
  daeLayers: number | null
  width: number | null
  hiddenLayers: number | null
  activation: ActivationName
  augment: number | null
  depth: number | null
  stepSize: number | null
  trainSolver: TrainSolver
  evalSolver: EvalSolver
  evalStepSize: number | null
  samples: number | null
  weightDecay: number | null
  kinetic: number | null
  jacobian: number | null
  epochs: number | null
  batchSize: number | null
  learningRate: number | null
  optimizer: 'adam' | 'sgd'
  /** backprop through the solver, or the adjoint method (classification and density) */
  gradient: 'backprop' | 'adjoint'
  earlyStopping: boolean
  patience: number | null
  validationFraction: number | null
  trainingSamples: number | null
}

export const isDaeTask = (task: TrainTask): task is 'trained-dae' | 'trained-composed-dae' => task === 'trained-dae' || task === 'trained-composed-dae'

/** The run name used when the user leaves the name empty. */
export function autoTrainName(v: Pick<TrainDraftValues, 'task' | 'dataset' | 'distribution' | 'dataSource' | 'datasetId'>): string {
  if (v.task === 'classify') return `neural ODE classifies ${v.dataSource === 'dataset' ? v.datasetId || 'my data' : v.dataset}`
  return `${v.task === 'transport' || v.task === 'density' ? `neural ODE ${v.task}` : v.task} on ${v.distribution}`
}

function modelOf(v: TrainDraftValues): Record<string, unknown> {
  const m: Record<string, unknown> = { width: v.width, hiddenLayers: v.hiddenLayers, activation: v.activation }
  // a near-identity start suits the DAE and transport tasks (their fields are small corrections)
  if (v.task !== 'classify') m.init = 'small-output'
  if (!isDaeTask(v.task)) m.augment = v.augment
  return m
}

function trainingOf(v: TrainDraftValues): Record<string, unknown> {
  const t: Record<string, unknown> = {
    epochs: v.epochs,
    batchSize: v.batchSize,
    learningRate: v.learningRate,
    optimizer: v.optimizer
  }
  if (!isDaeTask(v.task)) Object.assign(t, { solver: v.trainSolver, depth: v.depth, stepSize: v.stepSize })
  Object.assign(t, { weightDecay: v.weightDecay, kinetic: v.kinetic, jacobian: v.jacobian, validationFraction: v.validationFraction })
  if (v.task !== 'classify') t.samples = v.trainingSamples
  if (v.gradient === 'adjoint') t.gradient = 'adjoint'
  if (v.earlyStopping) t.earlyStopping = { patience: v.patience }
  return t
}

const DIMENSION_PRESET: Record<number, PresetName> = { 1: 'normal-1d', 2: 'paper-44', 3: 'gaussian-3d' }

function dataOf(v: TrainDraftValues): Record<string, unknown> {
  return v.dataSource === 'dataset' ? { kind: 'dataset', id: v.datasetId } : { kind: 'builtin', name: v.dataset }
}

/** Coordinates of the classification data (an imported dataset's when known, else 2). */
export function classifyDimension(v: Pick<TrainDraftValues, 'dataSource' | 'dataset' | 'datasetDim'>): number {
  return v.dataSource === 'dataset' ? (v.datasetDim ?? 2) : BUILTIN_DATASET_DIMENSION[v.dataset]
}

/** The spec document for the draft; empty numeric fields stay null so parseSpec names them. */
export function buildTrainSpec(v: TrainDraftValues, version: number): Record<string, unknown> {
  const dae = isDaeTask(v.task)
  const flow: Record<string, unknown> =
    v.task === 'trained-dae'
      ? { kind: 'trained-dae', t: v.noise }
      : v.task === 'trained-composed-dae'
        ? { kind: 'trained-composed-dae', t: v.noise, layers: v.daeLayers }
        : { kind: 'neural-ode', task: v.task, ...(v.task === 'classify' ? { data: dataOf(v) } : {}) }
  flow.model = modelOf(v)
  flow.training = trainingOf(v)
  // classification transports the dataset itself; the spec still names a distribution of its dimension
  const distribution = v.task === 'classify' ? (DIMENSION_PRESET[classifyDimension(v)] ?? 'paper-44') : v.distribution
  // a DAE's depth is its noise t, and its layers are maps: the evaluation solver does not enter
  const integration = dae
    ? { solver: 'euler', depth: v.noise, stepSize: v.noise, samples: v.samples }
    : v.evalSolver === 'dopri5'
      ? { solver: 'dopri5', depth: v.depth, samples: v.samples }
      : { solver: v.evalSolver, depth: v.depth, stepSize: v.evalStepSize, samples: v.samples }
  return {
    version,
    name: v.name.trim() || autoTrainName(v),
    seed: v.seed,
    distribution: { kind: 'preset', name: distribution },
    particles: { kind: 'sample', count: v.points },
    flow,
    integration
  }
}

export const TRAIN_STEPS = ['task', 'field', 'depth', 'regularisation', 'training'] as const
export type TrainStepKey = (typeof TRAIN_STEPS)[number]

const STEP_PREFIXES: [TrainStepKey, string[]][] = [
  ['field', ['flow.model']],
  ['depth', ['integration', 'flow.training.depth', 'flow.training.stepSize', 'flow.training.solver']],
  ['regularisation', ['flow.training.weightDecay', 'flow.training.kinetic', 'flow.training.jacobian']],
  ['training', ['flow.training', 'seed', 'name', '(spec)']],
  ['task', ['flow', 'distribution', 'particles']]
]

/** The wizard step where the error of a dotted spec field is shown (most specific prefix first). */
export function stepOfField(field: string): TrainStepKey {
  for (const [step, prefixes] of STEP_PREFIXES) {
    if (prefixes.some((p) => field === p || field.startsWith(p + '.'))) return step
  }
  return 'training'
}

/** Depth-related defaults of a task: its data, noise and depth scale differ. */
export function taskDefaults(task: TrainTask): Partial<TrainDraftValues> {
  switch (task) {
    case 'classify':
      return { depth: 1, stepSize: 0.1, trainSolver: 'rk4', evalStepSize: 0.05 }
    case 'density':
      // a normalizing flow carries the data to N(0, I) over [0, T]
      return { distribution: 'paper-45', depth: 1, stepSize: 0.25, trainSolver: 'rk4', evalStepSize: 0.05 }
    case 'transport':
      // the CDAE schedule collapses a distribution at t* = lambda_min / 2: stay well below it
      return { distribution: 'paper-44', depth: 0.25, stepSize: 0.05, trainSolver: 'euler', evalStepSize: 0.01 }
    case 'trained-dae':
      return { distribution: 'normal-1d', noise: 0.5 }
    case 'trained-composed-dae':
      return { distribution: 'normal-1d', noise: 0.25, daeLayers: 4 }
  }
}

export type TrainPreset = 'fast' | 'accurate'

/**
 * Plain-language presets. Fast preview: a small field, few epochs and coarse steps for a look within
 * seconds. Accurate: a wider field, more epochs with early stopping, finer steps and dopri5 to evaluate.
 */
export function presetValues(preset: TrainPreset, task: TrainTask): Partial<TrainDraftValues> {
  const dae = isDaeTask(task)
  const transport = task === 'transport'
  const sampled = task !== 'classify'
  if (preset === 'fast') {
    return {
      points: sampled ? 2000 : 500,
      width: 16,
      hiddenLayers: 2,
      epochs: dae ? 5 : transport ? 3 : task === 'density' ? 5 : 8,
      batchSize: sampled ? 512 : 100,
      learningRate: task === 'classify' ? 0.03 : task === 'density' ? 0.01 : 0.005,
      stepSize: transport ? 0.05 : 0.25,
      evalSolver: 'rk4',
      samples: 11,
      earlyStopping: false,
      trainingSamples: 4096
    }
  }
  return {
    points: sampled ? 4000 : 2000,
    width: 64,
    hiddenLayers: 2,
    epochs: dae ? 20 : transport ? 10 : task === 'density' ? 30 : 60,
    batchSize: sampled ? 512 : 128,
    learningRate: task === 'classify' ? 0.01 : task === 'density' ? 0.005 : 0.003,
    stepSize: transport ? 0.025 : 0.1,
    evalSolver: 'dopri5',
    samples: 21,
    earlyStopping: true,
    patience: 10,
    trainingSamples: 16384
  }
}

/** Number of layers T / h when it is a whole number, else null. */
export function layerCount(depth: number | null, stepSize: number | null): number | null {
  if (depth === null || stepSize === null || !(depth > 0) || !(stepSize > 0)) return null
  const n = Math.round(depth / stepSize)
  return n >= 1 && Math.abs(n * stepSize - depth) <= 1e-9 * Math.max(1, depth) ? n : null
}
