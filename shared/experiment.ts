// The versioned experiment spec: the one document that describes a run, validated here so the UI,
// the IPC/WebSocket boundary, the CLI and the engine refuse exactly the same inputs with the same words.
import { z } from 'zod'
import { LIMITS, SPEC_VERSION } from './limits'
import { isSquare, isSymmetric, minEigenvalue } from './matrix'
import { PRESET_NAMES, PRESETS, type ResolvedDistribution } from './presets'
import { BUILTIN_DATASET_DIMENSION, ModelSchema, TRAINING_LIMITS, TrainedFlowKind, TrainedFlowSchemas, TrainingSpecSchema, isTrainedKind } from './trained-spec'

export * from './trained-spec'

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
export const DistributionSchema = z.discriminatedUnion('kind', [GaussianSchema, GmmSchema, PresetSchema])

export const ParticlesSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sample'), count: z.number().int().min(1).max(LIMITS.maxParticles) }),
  z.strictObject({
    kind: z.literal('grid'),
    /** points per axis; one number applies to every axis */
    counts: z.union([z.number().int().min(1), z.array(z.number().int().min(1)).min(1).max(LIMITS.maxDimension)]),
    /** per-axis [min, max]; omitted: mean +- 3 standard deviations of the distribution */
    bounds: z.array(z.tuple([finite, finite])).min(1).max(LIMITS.maxDimension).optional()
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
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(7),
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
  const means = d.kind === 'gaussian' ? [d.mean] : d.means
  const covs = d.kind === 'gaussian' ? [d.covariance] : d.covariances
  const covPath = (k: number): (string | number)[] =>
    d.kind === 'gaussian' ? ['distribution', 'covariance'] : ['distribution', 'covariances', k]
  // an empty mean or mixture has already been reported by the base schema; nothing here to check
  const dim = means[0]?.length ?? 0
  if (dim === 0 || covs.length === 0) return undefined
  let ok = true
  if (d.kind === 'gmm') {
    const k = d.weights.length
    if (d.means.length !== k || d.covariances.length !== k) {
      ctx.addIssue({ code: 'custom', path: ['distribution'], message: `weights, means and covariances must have the same length (${k}, ${d.means.length}, ${d.covariances.length})` })
      return undefined
    }
    const sum = d.weights.reduce((a, b) => a + b, 0)
    if (Math.abs(sum - 1) > 1e-6) {
      ctx.addIssue({ code: 'custom', path: ['distribution', 'weights'], message: `weights must sum to 1 (they sum to ${sum})` })
      ok = false
    }
    means.forEach((m, k2) => {
      if (m.length !== dim) {
        ctx.addIssue({ code: 'custom', path: ['distribution', 'means', k2], message: `mean has ${m.length} coordinates, expected ${dim}` })
        ok = false
      }
    })
  }
  covs.forEach((c, k) => {
    if (!isSquare(c, dim)) {
      ctx.addIssue({ code: 'custom', path: covPath(k), message: `covariance must be ${dim}x${dim}` })
      ok = false
    } else if (!isSymmetric(c)) {
      ctx.addIssue({ code: 'custom', path: covPath(k), message: 'covariance must be symmetric' })
      ok = false
    } else if (!(minEigenvalue(c) > 0)) {
      ctx.addIssue({ code: 'custom', path: covPath(k), message: `covariance is not positive definite (smallest eigenvalue ${minEigenvalue(c).toPrecision(4)})` })
      ok = false
    }
  })
  return ok ? resolveDistribution(d) : undefined
}

function checkParticles(spec: ExperimentSpec, dim: number, ctx: Ctx): void {
  const p = spec.particles
  if (p.kind === 'points') {
    p.points.forEach((pt, i) => {
      if (pt.length !== dim) ctx.addIssue({ code: 'custom', path: ['particles', 'points', i], message: `point has ${pt.length} coordinates, expected ${dim}` })
    })
  } else if (p.kind === 'grid') {
    if (Array.isArray(p.counts) && p.counts.length !== dim)
      ctx.addIssue({ code: 'custom', path: ['particles', 'counts'], message: `give one count per axis (${dim})` })
    if (p.bounds) {
      if (p.bounds.length !== dim) ctx.addIssue({ code: 'custom', path: ['particles', 'bounds'], message: `give one [min, max] per axis (${dim})` })
      p.bounds.forEach(([lo, hi], i) => {
        if (!(hi > lo)) ctx.addIssue({ code: 'custom', path: ['particles', 'bounds', i], message: 'max must be greater than min' })
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
  else if (flow.kind !== 'empirical-dae' && dist.kind !== 'mixture')
    ctx.addIssue({ code: 'custom', path: ['flow', 'kind'], message: `${flow.kind} needs a Gaussian or Gaussian-mixture distribution; use empirical-dae for sampled data` })
  if (flow.kind === 'continuous-dae') {
    const ts = singularTime(dist)
    if (integration.depth >= ts)
      ctx.addIssue({ code: 'custom', path: ['integration', 'depth'], message: `depth ${integration.depth} is at or past the singular time t* = ${ts.toPrecision(6)} of the continuous DAE (min eigenvalue / 2)` })
  }
  if (integration.solver !== 'dopri5') {
    if (integration.stepSize > integration.depth)
      ctx.addIssue({ code: 'custom', path: ['integration', 'stepSize'], message: 'step size must not exceed the depth' })
    else if (stepCount(integration) > LIMITS.maxSteps)
      ctx.addIssue({ code: 'custom', path: ['integration', 'stepSize'], message: `depth / step size gives ${stepCount(integration)} steps; the limit is ${LIMITS.maxSteps}` })
  } else if (integration.minStep >= integration.depth) {
    ctx.addIssue({ code: 'custom', path: ['integration', 'minStep'], message: 'minimum step must be smaller than the depth' })
  }
  const n = particleCount(spec.particles, dim)
  if (flow.kind === 'empirical-dae' && flow.referenceSize > n)
    ctx.addIssue({ code: 'custom', path: ['flow', 'referenceSize'], message: `reference size ${flow.referenceSize} exceeds the ${n} particles it is drawn from` })
  if (n > LIMITS.maxParticles)
    ctx.addIssue({ code: 'custom', path: ['particles'], message: `${n} particles; the limit is ${LIMITS.maxParticles}` })
  const bytes = integration.samples * n * dim * 4
  if (bytes > LIMITS.maxTrajectoryBytes)
    ctx.addIssue({ code: 'custom', path: ['integration', 'samples'], message: `trajectories would need ${(bytes / 2 ** 20).toFixed(0)} MiB; the memory budget is ${LIMITS.maxTrajectoryBytes / 2 ** 20} MiB (fewer samples or particles)` })
}

/** Number of fixed steps of size h in [0, T], or NaN when T / h is not (within 1e-9) a whole number. */
export function wholeSteps(depth: number, stepSize: number): number {
  const n = Math.round(depth / stepSize)
  return n >= 1 && Math.abs(n * stepSize - depth) <= 1e-9 * Math.max(1, depth) ? n : Number.NaN
}

const STAGE_COUNT = { euler: 1, heun: 2, rk4: 4 } as const

function checkTrained(spec: ExperimentSpec, dim: number, ctx: Ctx): void {
  const flow = spec.flow as TrainedFlowSpec
  const issue = (path: (string | number)[], message: string): void => ctx.addIssue({ code: 'custom', path, message })
  const tr = flow.training
  if (flow.kind === 'trained-dae' || flow.kind === 'trained-composed-dae') {
    if (Math.abs(spec.integration.depth - flow.t) > 1e-9 * Math.max(1, flow.t))
      issue(['integration', 'depth'], `must equal the DAE noise flow.t = ${flow.t} (the depth of a DAE is its noise variance)`)
    if (flow.model.augment > 0) issue(['flow', 'model', 'augment'], 'augmented dimensions apply to neural-ode flows only')
  } else {
    const steps = wholeSteps(tr.depth, tr.stepSize)
    if (Number.isNaN(steps)) issue(['flow', 'training', 'stepSize'], `the training depth ${tr.depth} must be a whole number of steps of size ${tr.stepSize}`)
    else if (steps * STAGE_COUNT[tr.solver] > TRAINING_LIMITS.maxTrainingEvaluations)
      issue(['flow', 'training', 'stepSize'], `${steps} ${tr.solver} steps need ${steps * STAGE_COUNT[tr.solver]} field evaluations per pass; the limit is ${TRAINING_LIMITS.maxTrainingEvaluations}`)
    if (flow.task === 'classify') {
      if (!flow.data) issue(['flow', 'data'], 'a classification flow needs labelled data, e.g. {"kind": "builtin", "name": "moons"}')
      else if (flow.data.kind === 'builtin' && BUILTIN_DATASET_DIMENSION[flow.data.name] + flow.model.augment > LIMITS.maxDimension)
        issue(['flow', 'model', 'augment'], `${flow.data.name} has ${BUILTIN_DATASET_DIMENSION[flow.data.name]} coordinates; with the augmented ones the state may have at most ${LIMITS.maxDimension}`)
      if (spec.particles.kind !== 'sample')
        issue(['particles', 'kind'], 'a classification run transports the dataset itself: use {"kind": "sample", "count": n} (n points of the dataset)')
    } else {
      if (flow.data) issue(['flow', 'data'], 'only classification takes labelled data; the other tasks train on the distribution')
      if (dim + flow.model.augment > LIMITS.maxDimension)
        issue(['flow', 'model', 'augment'], `the state (${dim} + ${flow.model.augment} augmented coordinates) may have at most ${LIMITS.maxDimension}`)
    }
  }
  if (tr.jacobian > 0 && !(flow.kind === 'neural-ode' && flow.task === 'classify'))
    issue(['flow', 'training', 'jacobian'], 'the Jacobian regulariser applies to classification flows only for now (use 0)')
  if (tr.gradient === 'adjoint') {
    // transport, density and the trained DAEs never backpropagate through a multi-step solve (per-stage
    // or per-layer losses of one field evaluation; the density trace term is a separate ODE state)
    if (!(flow.kind === 'neural-ode' && flow.task === 'classify'))
      issue(['flow', 'training', 'gradient'], 'the adjoint method applies to classification flows only: the other tasks train per stage or per layer (one field evaluation each, already O(1) in depth) or need the log-density state (density); use backprop')
    else if (tr.jacobian > 0)
      issue(['flow', 'training', 'gradient'], 'the adjoint method does not carry the Jacobian term yet: set it to 0 or use backprop')
  }
  if (tr.batchSize > tr.samples && flow.kind !== 'neural-ode')
    issue(['flow', 'training', 'batchSize'], `batch size ${tr.batchSize} exceeds the ${tr.samples} training samples`)
}

export const ExperimentSpecSchema = BaseSpecSchema.superRefine((spec, ctx) => {
  const dist = checkMixture(spec, ctx)
  if (!dist) return
  const dim = distributionDimension(dist)
  checkParticles(spec, dim, ctx)
  checkFlowAndBudget(spec, dist, ctx)
})

export interface FieldError {
  field: string
  message: string
}

export type SpecResult = { ok: true; spec: ExperimentSpec } | { ok: false; errors: FieldError[] }

/** Validate an unknown value as a spec; errors name the field (dotted path) and the reason. */
export function parseSpec(value: unknown): SpecResult {
  const r = ExperimentSpecSchema.safeParse(value)
  if (r.success) return { ok: true, spec: r.data }
  return {
    ok: false,
    errors: r.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(spec)', message: i.message }))
  }
}

export function formatFieldErrors(errors: FieldError[]): string {
  return errors.map((e) => `${e.field}: ${e.message}`).join('\n')
}
