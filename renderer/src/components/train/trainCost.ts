// The cost of a training run before it starts, from a validated spec: trainable parameters (the
// time-conditioned MLP field, one per DAE layer, plus the classification head) and the field
// evaluations training will spend (epochs x batches x steps x solver stages).
import { BUILTIN_DATASET_DIMENSION, distributionDimension, resolveDistribution, stepCount, type ExperimentSpec, type TrainedFlowSpec } from '@shared/experiment'

const STAGES = { euler: 1, heun: 2, rk4: 4, dopri5: 6 } as const
/** classes of the built-in datasets (electron/engine/sampling/builtin-datasets.ts) */
const CLASSES: Record<keyof typeof BUILTIN_DATASET_DIMENSION, number> = {
  moons: 2,
  circles: 2,
  spirals: 2,
  'helix-pair': 2,
  's-curve': 3,
  'gaussian-blobs': 3
}

export interface TrainCost {
  parameters: number
  /** data points one epoch trains on (after the held-out share) */
  trainingRows: number
  batchesPerEpoch: number
  /** solver steps of one training pass (1 for a DAE layer) */
  steps: number
  /** field evaluations per step (solver stages) */
  stages: number
  /** fields trained (one per layer of a composed DAE) */
  fields: number
  /** epochs x batches x steps x stages (x layers for a composed DAE) */
  trainingEvaluations: number
  /** particles transported after training, and the recorded trajectories' bytes */
  particles: number
  evaluationSteps: number
  evaluationAdaptive: boolean
  trajectoryBytes: number
}

/** Parameters of v_theta(x, t) on a D-dimensional state: first layer [D+1, H] + bias, hidden layers, output. */
export function fieldParameters(D: number, width: number, hiddenLayers: number): number {
  return (D + 1) * width + width + (hiddenLayers - 1) * (width * width + width) + width * D + D
}

/** What the wizard knows of an imported dataset (data.list): its coordinates and classes. */
export interface ImportedDataShape {
  d: number
  classes: number
}

export function estimateTrainCost(spec: ExperimentSpec, imported?: ImportedDataShape): TrainCost {
  const flow = spec.flow as TrainedFlowSpec
  const { model, training } = flow
  const data = flow.kind === 'neural-ode' && flow.task === 'classify' ? flow.data : undefined
  const classify = !!data
  // an imported dataset's shape comes from its listing; unknown: the spec's distribution and two classes
  const shape = data?.kind === 'builtin' ? { d: BUILTIN_DATASET_DIMENSION[data.name], classes: CLASSES[data.name] } : data ? imported : undefined
  const dataDim = shape?.d ?? distributionDimension(resolveDistribution(spec.distribution))
  const classes = shape?.classes ?? 2
  const D = dataDim + (flow.kind === 'neural-ode' ? model.augment : 0)
  const fields = flow.kind === 'trained-composed-dae' ? flow.layers : 1
  const head = classify ? D * classes + classes : 0
  const parameters = fields * fieldParameters(D, model.width, model.hiddenLayers) + head
  const particles = spec.particles.kind === 'sample' ? spec.particles.count : 0
  const rowsTotal = classify ? particles : training.samples
  const trainingRows = Math.max(1, Math.round(rowsTotal * (1 - training.validationFraction)))
  const batchesPerEpoch = Math.ceil(trainingRows / training.batchSize)
  let steps = 1
  let stages = 1
  if (flow.kind === 'neural-ode') {
    steps = Math.max(1, Math.round(training.depth / training.stepSize))
    // transport trains one CDAE stage at a time, one field evaluation per stage
    stages = flow.task === 'transport' ? 1 : STAGES[training.solver]
  }
  const trainingEvaluations = training.epochs * batchesPerEpoch * steps * stages * fields
  const i = spec.integration
  return {
    parameters,
    trainingRows,
    batchesPerEpoch,
    steps,
    stages,
    fields,
    trainingEvaluations,
    particles,
    evaluationSteps: flow.kind === 'neural-ode' ? stepCount(i) : fields,
    evaluationAdaptive: flow.kind === 'neural-ode' && i.solver === 'dopri5',
    trajectoryBytes: i.samples * particles * D * 4
  }
}
