// The versioned experiment spec: the one document that describes a run, validated here so the UI,
// the IPC/WebSocket boundary, the CLI and the engine refuse exactly the same inputs with the same words.
import { z } from 'zod'
import { LIMITS, SPEC_VERSION } from './limits'
import { isSquare, isSymmetric, minEigenvalue } from './matrix'
import { stepGridErrors, wholeSteps } from './step-grid'
import { customIssue, english, inlineList, issueField, message, zodIssueMessage, type Message } from './messages'
import { PRESET_NAMES, PRESETS, type ResolvedDistribution } from './presets'
import { checkSpecValues, checkWorkBudget } from './spec-safety'
import { BUILTIN_DATASET_DIMENSION, ModelSchema, TRAINING_LIMITS, TrainedFlowKind, TrainedFlowSchemas, TrainingSpecSchema, isTrainedKind } from './trained-spec'

export * from './trained-spec'
export { wholeSteps } from './step-grid'

const finite = z.number()
const positive = z.number().positive()
const dimVector = z.array(finite).min(LIMITS.minDimension).max(LIMITS.maxDimension)
const matrix = z.array(z.array(finite).max(LIMITS.maxDimension)).min(1).max(LIMITS.maxDimension)

export const GaussianSchema = z.strictObject({ kind: z.literal('gaussian'), mean: dimVector, covariance: matrix })
export const GmmSchema = z.strictObject({
  kind: z.literal('gmm'),
  weights: z.array(positive).min(1).max(LIMITS.maxComponents),
  means: z.array(dimVector).min(1).max(LIMITS.maxComponents),
  covariances: z.array(matrix).min(1).max(LIMITS.maxComponents)
})
export const PresetSchema = z.strictObject({ kind: z.literal('preset'), name: z.enum(PRESET_NAMES) })
/**
 * The mixture fitted to an imported dataset for the continuous DAE: EM costs rows x K x iterations, and
 * the wizard asks for the fit as K is typed, so K and the rows it is fitted to are bounded (a larger
 * dataset is fitted to a seeded subsample of this many rows, said in the run's notes).
 */
export const DATASET_FIT_LIMITS = { maxComponents: 16, maxRows: 20_000 } as const

/** an imported dataset (<workspace>/datasets/<id>/): its rows' feature columns `columns` (1-3, by index) are the data */
export const DatasetDistributionSchema = z.strictObject({
  kind: z.literal('dataset'),
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/),
  columns: z.array(z.number().int().min(0)).min(LIMITS.minDimension).max(LIMITS.maxDimension),
  /** continuous DAE only: K of the Gaussian mixture fitted to the rows by EM (omitted: 1, the sample mean and covariance) */
  components: z.number().int().min(1).max(DATASET_FIT_LIMITS.maxComponents).optional()
})
export const DistributionSchema = z.discriminatedUnion('kind', [GaussianSchema, GmmSchema, PresetSchema, DatasetDistributionSchema])

export const ParticlesSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sample'), count: z.number().int().min(1).max(LIMITS.maxParticles) }),
  z.strictObject({
    kind: z.literal('grid'),
    /** points per axis; one number applies to every axis */
    counts: z.union([z.number().int().min(1), z.array(z.number().int().min(1)).min(1).max(LIMITS.maxDimension)]),
    /** per-axis [min, max]; omitted: mean +- 3 standard deviations of the distribution */
    bounds: z
      .array(z.tuple([finite, finite]))
      .min(1)
      .max(LIMITS.maxDimension)
      .optional()
  }),
  z.strictObject({ kind: z.literal('points'), points: z.array(dimVector).min(1).max(LIMITS.maxPoints) })
])

export const FlowSchema = z.discriminatedUnion('kind', [
  ...TrainedFlowSchemas,
  z.strictObject({ kind: z.literal('continuous-dae') }),
  z.strictObject({ kind: z.literal('shallow-dae') }),
  z.strictObject({ kind: z.literal('composed-dae'), layers: z.number().int().min(1).max(LIMITS.maxComposedLayers) }),
  z.strictObject({
    kind: z.literal('empirical-dae'),
    bandwidth: positive,
    referenceSize: z.number().int().min(2).max(LIMITS.maxReferenceSize)
  })
])

const fixedStep = z.strictObject({
  solver: z.enum(['euler', 'heun', 'rk4']),
  depth: positive,
  stepSize: positive,
  samples: z.number().int().min(2).max(LIMITS.maxSamples)
})
const adaptive = z.strictObject({
  solver: z.literal('dopri5'),
  depth: positive,
  samples: z.number().int().min(2).max(LIMITS.maxSamples),
  rtol: positive.max(1).default(1e-6),
  atol: positive.max(1).default(1e-7),
  minStep: positive.default(1e-9),
  maxSteps: z.number().int().min(1).max(LIMITS.maxSteps).default(100_000),
  initialStep: positive.optional()
})
export const IntegrationSchema = z.discriminatedUnion('solver', [fixedStep, adaptive])

const BaseSpecSchema = z.strictObject({
  version: z.literal(SPEC_VERSION),
  name: z.string().trim().min(1).max(LIMITS.maxNameLength),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(7),
  distribution: DistributionSchema,
  particles: ParticlesSchema,
  flow: FlowSchema,
  integration: IntegrationSchema
})

export type ExperimentSpec = z.output<typeof BaseSpecSchema>
export type ExperimentSpecInput = z.input<typeof BaseSpecSchema>
export type DistributionSpec = z.output<typeof DistributionSchema>
export type ParticlesSpec = z.output<typeof ParticlesSchema>
export type FlowSpec = z.output<typeof FlowSchema>
export type TrainedFlowSpec = Extract<FlowSpec, { kind: TrainedFlowKind }>
export type ModelSpec = z.output<typeof ModelSchema>
export type TrainingSpec = z.output<typeof TrainingSpecSchema>
export type IntegrationSpec = z.output<typeof IntegrationSchema>

/** The distribution in the normalised form the engine works with. */
export function resolveDistribution(d: DistributionSpec): ResolvedDistribution {
  if (d.kind === 'preset') return PRESETS[d.name]
  if (d.kind === 'dataset') return { kind: 'dataset', id: d.id, columns: d.columns, dimension: d.columns.length }
  if (d.kind === 'gaussian') return { kind: 'mixture', weights: [1], means: [d.mean], covariances: [d.covariance] }
  return { kind: 'mixture', weights: d.weights, means: d.means, covariances: d.covariances }
}

export function distributionDimension(d: ResolvedDistribution): number {
  return d.kind === 'mixture' ? d.means[0].length : d.dimension
}

/** t* = min_k lambda_min(Sigma_k) / 2: where the continuous DAE's pushforward becomes singular. */
export function singularTime(d: ResolvedDistribution): number {
  if (d.kind !== 'mixture') return Infinity
  return Math.min(...d.covariances.map((c) => minEigenvalue(c))) / 2
}

export function stepCount(i: IntegrationSpec): number {
  return i.solver === 'dopri5' ? i.maxSteps : Math.ceil(i.depth / i.stepSize - 1e-9)
}

type Ctx = z.RefinementCtx

function checkMixture(spec: ExperimentSpec, ctx: Ctx): ResolvedDistribution | undefined {
  const d = spec.distribution
  if (d.kind === 'preset') return PRESETS[d.name]
  if (d.kind === 'dataset') return checkDatasetSource(spec, ctx)
  const means = d.kind === 'gaussian' ? [d.mean] : d.means
  const covs = d.kind === 'gaussian' ? [d.covariance] : d.covariances
  const covPath = (k: number): (string | number)[] => (d.kind === 'gaussian' ? ['distribution', 'covariance'] : ['distribution', 'covariances', k])
  // an empty mean or mixture has already been reported by the base schema; nothing here to check
  const dim = means[0]?.length ?? 0
  if (dim === 0 || covs.length === 0) return undefined
  let ok = true
  if (d.kind === 'gmm') {
    const k = d.weights.length
    if (d.means.length !== k || d.covariances.length !== k) {
      ctx.addIssue(customIssue(['distribution'], message('spec.mixtureLengths', { weights: k, means: d.means.length, covariances: d.covariances.length })))
      return undefined
    }
    const sum = d.weights.reduce((a, b) => a + b, 0)
    if (Math.abs(sum - 1) > 1e-6) {
      ctx.addIssue(customIssue(['distribution', 'weights'], message('spec.weightsSum', { sum: String(Number(sum.toPrecision(10))) })))
      ok = false
    }
    means.forEach((m, k2) => {
      if (m.length !== dim) {
        ctx.addIssue(customIssue(['distribution', 'means', k2], message('spec.meanCoordinates', { count: m.length, dim })))
        ok = false
      }
    })
  }
  covs.forEach((c, k) => {
    if (!isSquare(c, dim)) {
      ctx.addIssue(customIssue(covPath(k), message('spec.covarianceShape', { rows: dim, cols: dim })))
      ok = false
    } else if (!isSymmetric(c)) {
      ctx.addIssue(customIssue(covPath(k), message('spec.covarianceSymmetric')))
      ok = false
    } else if (!(minEigenvalue(c) > 0)) {
      ctx.addIssue(customIssue(covPath(k), message('spec.covarianceNotPositiveDefinite', { eigenvalue: minEigenvalue(c).toPrecision(4) })))
      ok = false
    }
  })
  return ok ? resolveDistribution(d) : undefined
}

/** The closed-form DAEs: on an imported dataset they follow a Gaussian mixture the engine fits to its rows. */
export const MIXTURE_FIT_FLOWS = ['continuous-dae', 'shallow-dae', 'composed-dae'] as const

export function fitsMixture(kind: string): boolean {
  return (MIXTURE_FIT_FLOWS as readonly string[]).includes(kind)
}

/**
 * An imported dataset as the data: its particles are drawn from the rows. The empirical DAE is defined by
 * the sample, the trained DAEs learn from the rows, the closed-form DAEs follow a mixture fitted to them
 * (the continuous DAE's t* is known only after the fit, so the engine checks the depth). Whether the id
 * exists and the columns are within its width is checked by the engine when it loads it.
 */
function checkDatasetSource(spec: ExperimentSpec, ctx: Ctx): ResolvedDistribution | undefined {
  const d = spec.distribution
  if (d.kind !== 'dataset') return undefined
  let ok = true
  if (new Set(d.columns).size !== d.columns.length) {
    ctx.addIssue(customIssue(['distribution', 'columns'], message('trainui.datasetColumnsRepeated')))
    ok = false
  }
  if (spec.particles.kind !== 'sample') {
    ctx.addIssue(customIssue(['particles', 'kind'], message('trainui.datasetNeedsSample')))
    ok = false
  }
  if (spec.flow.kind === 'neural-ode') {
    ctx.addIssue(customIssue(['distribution', 'kind'], message('trainui.datasetTrainedUnsupported', { kind: spec.flow.kind })))
    ok = false
  }
  if (d.components !== undefined && !fitsMixture(spec.flow.kind)) {
    ctx.addIssue(customIssue(['distribution', 'components'], message('datadae.componentsClosedFormOnly', { kind: spec.flow.kind })))
    ok = false
  }
  return ok ? resolveDistribution(d) : undefined
}

function checkParticles(spec: ExperimentSpec, dim: number, ctx: Ctx): void {
  const p = spec.particles
  if (p.kind === 'points') {
    p.points.forEach((pt, i) => {
      if (pt.length !== dim) ctx.addIssue(customIssue(['particles', 'points', i], message('spec.pointCoordinates', { count: pt.length, dim })))
    })
  } else if (p.kind === 'grid') {
    if (Array.isArray(p.counts) && p.counts.length !== dim) ctx.addIssue(customIssue(['particles', 'counts'], message('spec.gridCountsPerAxis', { dim })))
    if (p.bounds) {
      if (p.bounds.length !== dim) ctx.addIssue(customIssue(['particles', 'bounds'], message('spec.gridBoundsPerAxis', { dim })))
      p.bounds.forEach(([lo, hi], i) => {
        if (!(hi > lo)) ctx.addIssue(customIssue(['particles', 'bounds', i], message('spec.boundsOrder')))
      })
    }
  }
}

export function particleCount(p: ParticlesSpec, dim: number): number {
  if (p.kind === 'sample') return p.count
  if (p.kind === 'points') return p.points.length
  const counts = Array.isArray(p.counts) ? p.counts : Array<number>(dim).fill(p.counts)
  return counts.reduce((a, b) => a * b, 1)
}

function checkFlowAndBudget(spec: ExperimentSpec, dist: ResolvedDistribution, ctx: Ctx): void {
  const dim = distributionDimension(dist)
  const { flow, integration } = spec
  if (isTrainedKind(flow.kind)) checkTrained(spec, dim, ctx)
  else if (flow.kind !== 'empirical-dae' && dist.kind !== 'mixture' && dist.kind !== 'dataset')
    ctx.addIssue(customIssue(['flow', 'kind'], message('spec.flowNeedsMixture', { kind: flow.kind })))
  if (flow.kind === 'continuous-dae') {
    const ts = singularTime(dist)
    if (integration.depth >= ts)
      ctx.addIssue(customIssue(['integration', 'depth'], message('spec.depthPastSingular', { depth: integration.depth, tStar: ts.toPrecision(6) })))
  }
  if (integration.solver !== 'dopri5') {
    if (integration.stepSize > integration.depth) ctx.addIssue(customIssue(['integration', 'stepSize'], message('spec.stepExceedsDepth')))
    else if (stepCount(integration) > LIMITS.maxSteps)
      ctx.addIssue(customIssue(['integration', 'stepSize'], message('spec.tooManySteps', { steps: stepCount(integration), limit: LIMITS.maxSteps })))
  } else if (integration.minStep >= integration.depth) {
    ctx.addIssue(customIssue(['integration', 'minStep'], message('spec.minStepTooLarge')))
  }
  const n = particleCount(spec.particles, dim)
  if (flow.kind === 'empirical-dae' && flow.referenceSize > n)
    ctx.addIssue(customIssue(['flow', 'referenceSize'], message('spec.referenceTooLarge', { size: flow.referenceSize, count: n })))
  if (n > LIMITS.maxParticles) ctx.addIssue(customIssue(['particles'], message('spec.tooManyParticles', { count: n, limit: LIMITS.maxParticles })))
  const bytes = integration.samples * n * dim * 4
  if (bytes > LIMITS.maxTrajectoryBytes)
    ctx.addIssue(
      customIssue(
        ['integration', 'samples'],
        message('spec.trajectoryMemory', { need: (bytes / 2 ** 20).toFixed(0), budget: LIMITS.maxTrajectoryBytes / 2 ** 20 })
      )
    )
}

const STAGE_COUNT = { euler: 1, heun: 2, rk4: 4 } as const

function checkTrained(spec: ExperimentSpec, dim: number, ctx: Ctx): void {
  const flow = spec.flow as TrainedFlowSpec
  const issue = (path: (string | number)[], m: Message): void => ctx.addIssue(customIssue(path, m))
  const tr = flow.training
  if (flow.kind === 'trained-dae' || flow.kind === 'trained-composed-dae') {
    if (Math.abs(spec.integration.depth - flow.t) > 1e-9 * Math.max(1, flow.t))
      issue(['integration', 'depth'], message('spec.daeDepthEqualsNoise', { t: flow.t }))
    if (flow.model.augment > 0) issue(['flow', 'model', 'augment'], message('spec.augmentNeuralOdeOnly'))
  } else {
    const steps = wholeSteps(tr.depth, tr.stepSize)
    if (Number.isNaN(steps)) issue(['flow', 'training', 'stepSize'], message('spec.trainingStepsNotWhole', { depth: tr.depth, stepSize: tr.stepSize }))
    else if (steps * STAGE_COUNT[tr.solver] > TRAINING_LIMITS.maxTrainingEvaluations)
      issue(
        ['flow', 'training', 'stepSize'],
        message('spec.trainingTooManyEvaluations', {
          steps,
          solver: tr.solver,
          evaluations: steps * STAGE_COUNT[tr.solver],
          limit: TRAINING_LIMITS.maxTrainingEvaluations
        })
      )
    if (flow.task === 'classify') {
      if (!flow.data) issue(['flow', 'data'], message('spec.classifyNeedsData'))
      else if (flow.data.kind === 'builtin' && BUILTIN_DATASET_DIMENSION[flow.data.name] + flow.model.augment > LIMITS.maxDimension)
        issue(
          ['flow', 'model', 'augment'],
          message('spec.augmentDatasetTooWide', { name: flow.data.name, dim: BUILTIN_DATASET_DIMENSION[flow.data.name], max: LIMITS.maxDimension })
        )
      if (spec.particles.kind !== 'sample') issue(['particles', 'kind'], message('spec.classifyNeedsSample'))
    } else {
      if (flow.data) issue(['flow', 'data'], message('spec.dataClassifyOnly'))
      if (dim + flow.model.augment > LIMITS.maxDimension)
        issue(['flow', 'model', 'augment'], message('spec.augmentStateTooWide', { dim, augment: flow.model.augment, max: LIMITS.maxDimension }))
    }
  }
  // through-depth solves (classification, density) carry the regularisers along the path; the other tasks' losses are per stage or layer
  const solvesThroughDepth = flow.kind === 'neural-ode' && (flow.task === 'classify' || flow.task === 'density')
  if (tr.jacobian > 0 && !solvesThroughDepth) issue(['flow', 'training', 'jacobian'], message('spec.jacobianThroughDepthOnly'))
  // transport and the trained DAEs never backpropagate through a multi-step solve (per-stage or
  // per-layer losses of one field evaluation), so backprop's memory is already independent of depth
  if (tr.gradient === 'adjoint' && !solvesThroughDepth) issue(['flow', 'training', 'gradient'], message('spec.adjointThroughDepthOnly'))
  if (tr.batchSize > tr.samples && flow.kind !== 'neural-ode')
    issue(['flow', 'training', 'batchSize'], message('spec.batchExceedsSamples', { batch: tr.batchSize, samples: tr.samples }))
}

export const ExperimentSpecSchema = BaseSpecSchema.superRefine((spec, ctx) => {
  checkSpecValues(spec, ctx)
  const dist = checkMixture(spec, ctx)
  if (!dist) return
  const dim = distributionDimension(dist)
  checkParticles(spec, dim, ctx)
  checkFlowAndBudget(spec, dist, ctx)
  checkWorkBudget(particleCount(spec.particles, dim), stepCount(spec.integration), ctx)
})

export interface FieldError {
  field: string
  message: Message
}

export type SpecResult = { ok: true; spec: ExperimentSpec } | { ok: false; errors: FieldError[] }

/** Validate an unknown value as a spec; errors name the field (dotted path) and the reason, as a Message. */
export function parseSpec(value: unknown): SpecResult {
  const r = ExperimentSpecSchema.safeParse(value)
  if (r.success) {
    // checked here, not in the schema: runs written before the rule stay readable
    const grid = stepGridErrors(r.data)
    return grid.length ? { ok: false, errors: grid } : { ok: true, spec: r.data }
  }
  return { ok: false, errors: r.error.issues.map((i) => ({ field: issueField(i), message: zodIssueMessage(i) })) }
}

/** Field errors as English lines, for the CLI and logs (the renderer words them in the reader's language). */
export function formatFieldErrors(errors: FieldError[]): string {
  return errors.map((e) => `${e.field}: ${english(e.message)}`).join('\n')
}

/** Field errors as one Message, each behind its field: the {errors} of an invalid-spec error. */
export function fieldErrorsMessage(errors: FieldError[]): Message {
  return errors.length ? inlineList(errors.map((e) => message('errmsg.fieldIssue', { field: e.field, issue: e.message }))) : message('validation.invalid')
}
