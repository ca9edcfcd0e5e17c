// The run manifest (run.json) and the per-depth metric columns: what a user keeps, compares and exports.
import { z } from 'zod'
import { ExperimentSpecSchema } from './experiment'
import { TrainingReportSchema } from './training'

export const RUN_FORMAT = 'nagare-run'
export const RUN_FORMAT_VERSION = 1

export const SolverStatsSchema = z.object({
  /** batched velocity-field (or map) evaluations, summed over chunks */
  nfe: z.number().int().min(0),
  acceptedSteps: z.number().int().min(0),
  rejectedSteps: z.number().int().min(0),
  wallSeconds: z.number().min(0)
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
  w2AxisToInput: z.array(z.number())
})
export type DepthMetrics = z.infer<typeof DepthMetricsSchema>

export const RunManifestSchema = z.object({
  format: z.literal(RUN_FORMAT),
  formatVersion: z.literal(RUN_FORMAT_VERSION),
  id: z.string().min(1),
  name: z.string(),
  status: z.literal('complete'),
  createdAt: z.string(),
  finishedAt: z.string(),
  appVersion: z.string(),
  backend: z.string(),
  spec: ExperimentSpecSchema,
  dimension: z.number().int().min(1).max(3),
  particleCount: z.number().int().min(1),
  depths: z.array(z.number()),
  /** how the particles got their colour labels: mixture component (sampled) or most likely component */
  labels: z.enum(['component', 'none']),
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
  /** plain-language notes about approximations made (e.g. component-wise composed DAE) */
  notes: z.array(z.string()),
  files: z.object({
    trajectories: z.literal('trajectories.npy'),
    metrics: z.literal('metrics.csv'),
    labels: z.literal('labels.npy').optional()
  })
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
  problem?: string
}
