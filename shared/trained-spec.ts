// The trained-flow part of the experiment spec (shared/experiment.ts): the time-conditioned MLP field,
// the training settings, the labelled data a classifier trains on, and the three trained flow kinds.
import { z } from 'zod'

const positive = z.number().positive()

/** Bounds of the trained-flow fields (kept here: shared/limits.ts belongs to the closed-form core). */
export const TRAINING_LIMITS = {
  maxModelWidth: 1024,
  maxModelLayers: 8,
  maxEpochs: 10_000,
  maxBatchSize: 65_536,
  maxTrainingSamples: 262_144,
  maxTrainedLayers: 256,
  /** forward field evaluations of one training pass through the solver (steps x stages) */
  maxTrainingEvaluations: 4_000
} as const

/** Built-in labelled datasets (mirrors electron/engine/sampling/builtin-datasets.ts; shared imports only zod). */
export const BUILTIN_DATASET_NAMES = ['moons', 'circles', 'spirals', 'helix-pair', 's-curve', 'gaussian-blobs'] as const

/** The time-conditioned MLP field v_theta(x, t) of a trained flow. */
export const ModelSchema = z.strictObject({
  width: z.number().int().min(1).max(TRAINING_LIMITS.maxModelWidth).default(32),
  hiddenLayers: z.number().int().min(1).max(TRAINING_LIMITS.maxModelLayers).default(2),
  activation: z.enum(['tanh', 'softplus', 'swish']).default('tanh'),
  /** glorot: Glorot-uniform everywhere; small-output: output layer scaled by 0.1 (a near-identity flow at start) */
  init: z.enum(['glorot', 'small-output']).default('glorot'),
  /** ANODE: zero coordinates appended to the data (state dimension D + augment must stay <= 3) */
  augment: z.number().int().min(0).max(2).default(0)
})

export const EarlyStoppingSchema = z.strictObject({
  /** epochs without an improvement of the validation loss by more than minDelta before stopping */
  patience: z.number().int().min(1).max(10_000),
  minDelta: z.number().min(0).default(0)
})

export const TrainingSpecSchema = z.strictObject({
  epochs: z.number().int().min(1).max(TRAINING_LIMITS.maxEpochs).default(20),
  batchSize: z.number().int().min(1).max(TRAINING_LIMITS.maxBatchSize).default(256),
  learningRate: positive.max(10).default(0.01),
  optimizer: z.enum(['adam', 'sgd']).default('adam'),
  /** solver inside training (backprop through it); evaluation uses the spec's integration block */
  solver: z.enum(['euler', 'heun', 'rk4']).default('rk4'),
  /** training depth T and step size h: T / h steps (layers) */
  depth: positive.default(1),
  stepSize: positive.default(0.1),
  weightDecay: z.number().min(0).default(0),
  /** lambda_K of the kinetic energy integral |v|^2 dt */
  kinetic: z.number().min(0).default(0),
  /** lambda_J of the Jacobian Frobenius integral |grad v|_F^2 dt (Hutchinson for classification, exact for density) */
  jacobian: z.number().min(0).default(0),
  /** backprop through the solver, or the adjoint method (O(1) memory in depth; classification and density, with both regularisers) */
  gradient: z.enum(['backprop', 'adjoint']).default('backprop'),
  /** seed of initialisation and minibatches; omitted: the spec's seed */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  earlyStopping: EarlyStoppingSchema.optional(),
  /** share of the data held out for validation (loss curve, accuracy, log-likelihood) */
  validationFraction: z.number().min(0).max(0.9).default(0.2),
  /** training points drawn from the distribution (DAE, transport and density tasks) */
  samples: z.number().int().min(16).max(TRAINING_LIMITS.maxTrainingSamples).default(4096)
})

/** Labelled data a classification flow trains on: a built-in set, or an imported dataset with labels. */
export const TrainDataSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('builtin'), name: z.enum(BUILTIN_DATASET_NAMES) }),
  /** <workspace>/datasets/<id>/ (imported through data.import); its labels and dimension are checked when the run starts */
  z.strictObject({ kind: z.literal('dataset'), id: z.string().min(1).max(128) })
])
export type TrainData = z.infer<typeof TrainDataSchema>

export const BUILTIN_DATASET_DIMENSION: Record<(typeof BUILTIN_DATASET_NAMES)[number], number> = {
  moons: 2,
  circles: 2,
  spirals: 2,
  'helix-pair': 3,
  's-curve': 3,
  'gaussian-blobs': 3
}

const trained = { model: ModelSchema.prefault({}), training: TrainingSpecSchema.prefault({}) }

export const TRAINED_FLOW_KINDS = ['trained-dae', 'trained-composed-dae', 'neural-ode'] as const
export type TrainedFlowKind = (typeof TRAINED_FLOW_KINDS)[number]
export const NEURAL_ODE_TASKS = ['classify', 'density', 'transport'] as const

export const TrainedFlowSchemas = [
  z.strictObject({ kind: z.literal('trained-dae'), t: positive, ...trained }),
  z.strictObject({
    kind: z.literal('trained-composed-dae'),
    t: positive,
    layers: z.number().int().min(1).max(TRAINING_LIMITS.maxTrainedLayers),
    ...trained
  }),
  z.strictObject({
    kind: z.literal('neural-ode'),
    task: z.enum(NEURAL_ODE_TASKS),
    /** classify only: the labelled data (required there) */
    data: TrainDataSchema.optional(),
    ...trained
  })
] as const

export function isTrainedKind(kind: string): kind is TrainedFlowKind {
  return (TRAINED_FLOW_KINDS as readonly string[]).includes(kind)
}
