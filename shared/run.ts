// The run manifest (run.json) and the per-depth metric columns: what a user keeps, compares and exports.
import { z } from 'zod'
import { ExperimentSpecSchema } from './experiment'
import { TrainingReportSchema } from './training'
import { StoredTextSchema } from './messages/stored'
import type { Message } from './messages/message'

export const RUN_FORMAT = 'nagare-run'
/** 2: notes and flag texts are Messages with their English beside them; 1 (0.1.0): plain English strings */
export const RUN_FORMAT_VERSION = 2
/** the versions a reader opens; only RUN_FORMAT_VERSION is written */
export const RUN_FORMAT_VERSIONS = [1, RUN_FORMAT_VERSION] as const

export const SolverStatsSchema = z.object({
  /** batched velocity-field (or map) evaluations, summed over chunks */
  nfe: z.number().int().min(0),
  acceptedSteps: z.number().int().min(0),
  rejectedSteps: z.number().int().min(0),
  wallSeconds: z.number().min(0),
  /** fixed-step solvers: the step size h used (exactly the spec's) and the T/h steps each particle took */
  stepSize: z.number().positive().optional(),
  steps: z.number().int().min(0).optional()
})
export type SolverStats = z.infer<typeof SolverStatsSchema>

export const EntropyMethodSchema = z.enum(['closed-form', 'knn'])

/** One row per depth sample; column names in metrics.csv are the keys flattened (mean_0, cov_0_1, ...). */
export const DepthMetricsSchema = z.object({
  depth: z.number(),
  mean: z.array(z.number()),
  /** full covariance matrix of the particles at this depth */
  covariance: z.array(z.array(z.number())),
  entropy: z.number(),
  entropyMethod: EntropyMethodSchema,
  /** sliced W2 between the cloud at this depth and at depth 0 */
  slicedW2ToInput: z.number(),
  /** exact 1-D W2 per axis between this depth and depth 0 */
  w2AxisToInput: z.array(z.number()),
  // Optional per-depth analysis (runs written before it existed lack these; null = undefined here).
  /** sliced W2 between sample k-1 and k (same directions and subsample as slicedW2ToInput); null at k = 0 */
  slicedW2Step: z.number().nullable().optional(),
  /** slicedW2Step divided by the depth step; null at k = 0 */
  speed: z.number().nullable().optional(),
  /** mean |v|^2 over particles (manifest depthAnalysis.velocityMethod says how v is obtained) */
  meanSquaredVelocity: z.number().nullable().optional(),
  /** cumulative integral over depth of mean |v|^2, from 0 to this depth */
  kineticEnergy: z.number().optional(),
  /** cumulative mean over particles of the broken-line length sum |x_{j+1} - x_j| up to this sample */
  pathLength: z.number().optional(),
  /** share of seeded pairs that started apart and are closer than the merging threshold here */
  mergedFraction: z.number().optional(),
  /** tr(S_b) / tr(S_w) over the particle labels (mixture components); null when undefined */
  separability: z.number().nullable().optional(),
  /** Gaussian data: square roots of the covariance eigenvalues, descending (the paper's sigma_1, sigma_2) */
  sigmas: z.array(z.number()).optional(),
  /** Gaussian data: the same for the W2 gradient flow of entropy from the depth-0 sigmas; null past its singular time */
  gradientFlowSigmas: z.array(z.number().nullable()).optional()
})
export type DepthMetrics = z.infer<typeof DepthMetricsSchema>

/** Per-run constants of the per-depth analysis (how velocity was obtained, subsample sizes, thresholds). */
export const DepthAnalysisSchema = z.object({
  /** field: v_t evaluated at the recorded positions; implied: (x_{k+1} - x_k) / dt between samples */
  velocityMethod: z.enum(['field', 'implied']),
  /** particles entering mean |v|^2 (a seeded subsample for 'field', all for 'implied') */
  velocityPoints: z.number().int().min(0),
  /** particles entering the sliced W2 (to the input and between samples) */
  slicedPoints: z.number().int().min(0),
  merging: z.object({
    /** seeded pairs of distinct particles followed through depth */
    pairs: z.number().int().min(0),
    /** pairs with |x_i - x_j| > startRatio * inputMedianDistance at depth 0 are "apart" */
    startRatio: z.number(),
    /** an apart pair is merged at a depth where |x_i - x_j| < endRatio * inputMedianDistance */
    endRatio: z.number(),
    /** median distance of the sampled pairs at depth 0 */
    inputMedianDistance: z.number(),
    /** sampled pairs that started apart: the denominator of mergedFraction */
    apartPairs: z.number().int().min(0)
  }),
  /** label classes entering the separability, null when the run has fewer than two */
  separabilityClasses: z.number().int().nullable(),
  /** true when the data are one Gaussian and sigmas / gradientFlowSigmas are recorded */
  gaussianShape: z.boolean()
})
export type DepthAnalysis = z.infer<typeof DepthAnalysisSchema>

/**
 * A flag raised on a run's per-depth metrics (electron/engine/runs/run-flags.ts, thresholds documented
 * there): the sample and depth it points at, the number behind it, the threshold it crossed, and the
 * Messages (with their English beside them) of what happened and what to change in the flow; plain
 * English strings in runs written by 0.1.0.
 */
export const RunFlagSchema = z.object({
  /** kinetic: mean |v|^2 spikes far above its median over depth; merging: apart pairs merge beyond the threshold */
  kind: z.enum(['kinetic', 'merging']),
  sample: z.number().int().min(0),
  depth: z.number(),
  value: z.number(),
  threshold: z.number(),
  message: StoredTextSchema,
  remedy: StoredTextSchema
})
export type RunFlag = z.infer<typeof RunFlagSchema>

export const RunManifestSchema = z
  .object({
    format: z.literal(RUN_FORMAT),
    formatVersion: z.union([z.literal(1), z.literal(RUN_FORMAT_VERSION)]),
    id: z.string().min(1),
    name: z.string(),
    status: z.literal('complete'),
    createdAt: z.string(),
    finishedAt: z.string(),
    appVersion: z.string(),
    backend: z.string(),
    /** threads the engine computed on (absent in runs written before the worker pool) */
    threads: z.number().int().min(1).optional(),
    spec: ExperimentSpecSchema,
    dimension: z.number().int().min(1).max(3),
    particleCount: z.number().int().min(1),
    depths: z.array(z.number()),
    /** how the particles got their colour labels: mixture component (sampled), class (classification data), or none */
    labels: z.enum(['component', 'class', 'none']),
    solverStats: SolverStatsSchema,
    metrics: z.array(DepthMetricsSchema),
    summary: z.object({
      entropyStart: z.number(),
      entropyEnd: z.number(),
      slicedW2End: z.number(),
      singularTime: z.number().nullable()
    }),
    /** trained flows only: training curve, held-out quality, regularisers, robustness, saved model */
    training: TrainingReportSchema.optional(),
    /** constants of the per-depth analysis (absent in runs written before it existed) */
    depthAnalysis: DepthAnalysisSchema.optional(),
    /** notes about approximations made (e.g. component-wise composed DAE): Messages; strings in version 1 */
    notes: z.array(StoredTextSchema),
    /** flags on the per-depth metrics ([] = checked, none raised; absent in runs written before the check) */
    flags: z.array(RunFlagSchema).optional(),
    files: z.object({
      trajectories: z.literal('trajectories.npy'),
      metrics: z.literal('metrics.csv'),
      labels: z.literal('labels.npy').optional()
    })
  })
  .superRefine((m, ctx) => {
    // a version-2 manifest says every text as a Message: a plain string there is a writer's bug
    if (m.formatVersion === 1) return
    const texts = [
      ...m.notes,
      ...(m.flags ?? []).flatMap((f) => [f.message, f.remedy]),
      ...(m.training?.closedForm ? [m.training.closedForm.description] : []),
      ...(m.training?.robustness ?? []).map((r) => r.method)
    ]
    if (texts.some((t) => typeof t === 'string')) ctx.addIssue({ code: 'custom', path: ['notes'], message: 'a plain-string text in a version-2 manifest' })
  })
export type RunManifest = z.infer<typeof RunManifestSchema>

/** What the history lists without reading trajectories. */
export interface RunSummary {
  id: string
  name: string
  createdAt: string
  /** incomplete: a run folder set aside after an interrupted write (never shown as complete) */
  status: 'complete' | 'unreadable' | 'incomplete'
  /** user tags (runs.update); the name above is the user's name when renamed */
  tags?: string[]
  /** which wizard/template made it (spec flow kind family), for the history filter */
  template?: string
  /** set for runs listed from the trash */
  trashedAt?: string
  backend?: string
  flow?: string
  dimension?: number
  particleCount?: number
  entropyStart?: number
  entropyEnd?: number
  problem?: Message
  /** the integration: end depth T, solver, the step size h used (fixed-step) and the NFE it cost */
  depth?: number
  solver?: string
  stepSize?: number
  nfe?: number
  /** classification runs: held-out accuracy in [0, 1] */
  accuracy?: number
}
