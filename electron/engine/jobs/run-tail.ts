// The part every run shares once its flow and particles exist, whether the flow is closed-form or was
// just trained: transport the particles, compute the per-depth metrics, dispose the flow, and assemble
// the run's manifest. Each runner supplies only what differs (progress offset, analysis options, notes,
// the training report).
import { resolveDistribution, singularTime, type ExperimentSpec } from '../../../shared/experiment'
import type { ResolvedDistribution } from '../../../shared/presets'
import { RUN_FORMAT, RUN_FORMAT_VERSION, type RunManifest } from '../../../shared/run'
import type { TrainingReport } from '../../../shared/training'
import { depthMetrics, type DepthMetricsOptions } from '../metrics/depth-metrics'
import type { Particles } from '../sampling/particles'
import type { Flow } from '../flows/types'
import { newRunId } from '../runs/ids'
import { runFlags } from '../runs/run-flags'
import type { RunContent } from '../runs/run-folder'
import type { Integrator, SolverOptions } from '../solvers/types'
import type { JobContext } from './context'
import { metricsProgress, PROGRESS_TRANSPORT } from './progress'
import { transport, type TransportResult } from './transport'
import { engineThreads } from '../pool/sizing'
import { enginePool } from '../pool/engine-pool'
import { stored, type Message } from '../../../shared/messages'

/** What a runner adds after the metrics (the flow is disposed by then): a training report, more notes. */
export interface RunTailExtras {
  training?: TrainingReport
  /** notes that follow the metrics' notes */
  notes?: Message[]
}

export interface RunTailInput {
  spec: ExperimentSpec
  ctx: JobContext
  /** the active TF.js backend and the app version, recorded in the run */
  backend: string
  appVersion: string
  createdAt: Date
  now: () => Date
  /** the flow to transport through; the tail disposes it */
  flow: Flow
  particles: Particles
  /** what the labels number: classes (a dataset's, a classifier's) or mixture components */
  labelKind: 'class' | 'component'
  depths: number[]
  integrate: Integrator
  solverOptions: SolverOptions
  /** progress already used up before transport (training); transport fills from here to PROGRESS_TRANSPORT */
  progressStart: number
  /** options of the per-depth metrics other than their progress callback */
  analysis: Omit<DepthMetricsOptions, 'onSample'>
  /** notes that come before the metrics' notes */
  notes: Message[]
  /** the distribution the field follows when it is not the spec's (a mixture fitted to a dataset): its t* is the run's */
  fieldDistribution?: ResolvedDistribution
  /** after the metrics: what only this kind of run records */
  finish?: (moved: TransportResult) => Promise<RunTailExtras>
  /** as soon as the trajectories exist, before the metrics (the caller may begin writing them) */
  onTransported?: (transported: Transported) => void
}

/** The run's trajectories, final once transport has returned, and the id its manifest will carry. */
export interface Transported {
  id: string
  trajectories: Float32Array
  shape: [number, number, number]
}

/** A progress-shifted view of the job context (transport reports fractions from 0). */
function shifted(ctx: JobContext, offset: number): JobContext {
  return {
    checkpoint: () => ctx.checkpoint(),
    progress: (f, depth, phase, training) => ctx.progress(offset + f, depth, phase, training),
    get cancelled() {
      return ctx.cancelled
    }
  }
}

/** Transport, metrics and manifest: the run content both runners return. */
export async function runTail(input: RunTailInput): Promise<RunContent> {
  const { spec, ctx, flow, particles, depths } = input
  const { count: N, dim } = particles
  const S = depths.length
  let moved: TransportResult
  let metrics: Awaited<ReturnType<typeof depthMetrics>>
  const id = newRunId(spec.name, input.createdAt)
  try {
    moved = await transport({
      flow,
      positions: particles.positions,
      count: N,
      dim,
      depths,
      integrate: input.integrate,
      solverOptions: input.solverOptions,
      ctx: input.progressStart > 0 ? shifted(ctx, input.progressStart) : ctx,
      progressShare: PROGRESS_TRANSPORT - input.progressStart
    })
    input.onTransported?.({ id, trajectories: moved.trajectories, shape: [S, N, dim] })
    // inside the try: continuous flows evaluate their velocity field at the samples (kinetic energy)
    // at two threads and more, the depth statistics run on the pool's workers beside the tracker here
    metrics = await depthMetrics(moved.trajectories, [S, N, dim], depths, {
      ...input.analysis,
      onSample: metricsProgress(ctx, depths),
      pool: enginePool(),
      checkpoint: () => ctx.checkpoint()
    })
  } finally {
    if (flow.type === 'field') flow.field.dispose()
    else flow.map.dispose()
  }
  const extras = input.finish ? await input.finish(moved) : {}
  const rows = metrics.rows
  const last = rows[rows.length - 1]
  const dist = input.fieldDistribution ?? resolveDistribution(spec.distribution)
  const manifest: RunManifest = {
    format: RUN_FORMAT,
    formatVersion: RUN_FORMAT_VERSION,
    id,
    name: spec.name,
    status: 'complete',
    createdAt: input.createdAt.toISOString(),
    finishedAt: input.now().toISOString(),
    appVersion: input.appVersion,
    backend: input.backend,
    threads: engineThreads(),
    spec,
    dimension: dim,
    particleCount: N,
    depths,
    labels: particles.labels ? input.labelKind : 'none',
    solverStats: moved.stats,
    metrics: rows,
    summary: {
      entropyStart: rows[0].entropy,
      entropyEnd: last.entropy,
      slicedW2End: last.slicedW2ToInput,
      // only the closed-form continuous DAE has a singular time (trained flows never do)
      singularTime: spec.flow.kind === 'continuous-dae' && Number.isFinite(singularTime(dist)) ? singularTime(dist) : null
    },
    ...(extras.training ? { training: extras.training } : {}),
    depthAnalysis: metrics.constants,
    notes: [...input.notes, ...metrics.notes, ...(extras.notes ?? [])].map(stored),
    flags: runFlags(rows, spec.flow.kind),
    files: { trajectories: 'trajectories.npy', metrics: 'metrics.csv', ...(particles.labels ? { labels: 'labels.npy' as const } : {}) }
  }
  return { manifest, trajectories: moved.trajectories, ...(particles.labels ? { labels: particles.labels } : {}) }
}
