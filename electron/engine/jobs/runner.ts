// The experiment runner: spec -> particles -> flow -> trajectories [S, N, D] -> depth metrics -> the
// content of a run folder (manifest + arrays). Writing is left to the caller (run store or CLI), so
// nothing touches the disk until the whole run has been computed.
import { distributionDimension, formatFieldErrors, parseSpec, resolveDistribution, singularTime, type ExperimentSpec } from '../../../shared/experiment'
import { RUN_FORMAT, RUN_FORMAT_VERSION, type RunManifest } from '../../../shared/run'
import { depthMetrics } from '../analysis/depth-metrics'
import { runAnalysisOptions } from '../analysis/depth-options'
import { makeParticles } from '../data/particles'
import { datasetParticles } from '../datasets/particles'
import { createRng } from '../data/random'
import { EngineError } from '../errors'
import { buildFlow } from '../flows/build-flow'
import { newRunId } from '../runs/ids'
import type { RunContent } from '../runs/run-folder'
import { integrate, sampleDepths, solverOptionsOf } from '../solvers/integrate'
import { appVersion } from '../version'
import type { JobContext } from './context'
import { metricsProgress, PROGRESS_TRANSPORT } from './progress'
import { transport } from './transport'
import { isTrainedKind, runTrainedExperiment } from './train-runner'
import { say, stored } from '../../../shared/messages'
import { runFlags } from '../runs/run-flags'

/** The engine pieces the runner calls; injectable so tests can wrap or slow them. */
export interface RunnerDeps {
  createRng: typeof createRng
  makeParticles: typeof makeParticles
  buildFlow: typeof buildFlow
  integrate: typeof integrate
  solverOptionsOf: typeof solverOptionsOf
}

export const defaultRunnerDeps: RunnerDeps = { createRng, makeParticles, buildFlow, integrate, solverOptionsOf }

export interface RunExperimentOptions {
  ctx: JobContext
  /** the active TF.js backend, recorded in the run */
  backend: string
  appVersion?: string
  deps?: Partial<RunnerDeps>
  now?: () => Date
  /** the workspace: trained flows keep per-epoch checkpoints under <workspace>/checkpoints/ and read imported datasets */
  workspace?: string
}

/** progress shares: transport up to 0.85, metrics up to 0.97, writing (the caller) the rest */

/** Validate a spec; invalid -> EngineError('invalid-spec') with every field error. */
export function checkSpec(value: unknown): ExperimentSpec {
  const r = parseSpec(value)
  if (!r.ok) throw new EngineError('invalid-spec', say('engine.invalidSpec', { errors: formatFieldErrors(r.errors) }), r.errors)
  return r.spec
}

export async function runExperiment(specInput: unknown, options: RunExperimentOptions): Promise<RunContent> {
  const deps = { ...defaultRunnerDeps, ...options.deps }
  const now = options.now ?? (() => new Date())
  const { ctx } = options
  const spec = checkSpec(specInput)
  // trained flows (trained DAEs, neural ODEs) train first: their own runner, the same run content
  if (isTrainedKind(spec.flow.kind)) return runTrainedExperiment(spec, options)
  const createdAt = now()
  const dist = resolveDistribution(spec.distribution)
  const dim = distributionDimension(dist)
  const rng = deps.createRng(spec.seed)
  // an imported dataset's rows are the particles (the same 'particles' stream picks the subsample)
  const fromDataset = dist.kind === 'dataset' ? await datasetParticles(spec, options.workspace, rng.fork('particles')) : undefined
  const particles = fromDataset ?? deps.makeParticles(spec, dist, rng.fork('particles'))
  const depths = sampleDepths(spec.integration.depth, spec.integration.samples)
  await ctx.checkpoint()

  const flow = deps.buildFlow(spec, dist)
  const S = depths.length
  const N = particles.count
  let moved: Awaited<ReturnType<typeof transport>>
  let metrics: Awaited<ReturnType<typeof depthMetrics>>
  try {
    moved = await transport({
      flow,
      positions: particles.positions,
      count: N,
      dim,
      depths,
      integrate: deps.integrate,
      solverOptions: deps.solverOptionsOf(spec.integration),
      ctx,
      progressShare: PROGRESS_TRANSPORT
    })
    // inside the try: continuous flows evaluate their velocity field at the samples (kinetic energy)
    metrics = await depthMetrics(moved.trajectories, [S, N, dim], depths, {
      rng: rng.fork('metrics'),
      ...runAnalysisOptions(flow, dist, particles.labels),
      ...(flow.gaussianCovarianceAt ? { gaussianCovarianceAt: (t: number) => flow.gaussianCovarianceAt!(t) } : {}),
      onSample: metricsProgress(ctx, depths)
    })
  } finally {
    if (flow.type === 'field') flow.field.dispose()
    else flow.map.dispose()
  }
  const rows = metrics.rows
  const last = rows[rows.length - 1]
  const manifest: RunManifest = {
    format: RUN_FORMAT,
    formatVersion: RUN_FORMAT_VERSION,
    id: newRunId(spec.name, createdAt),
    name: spec.name,
    status: 'complete',
    createdAt: createdAt.toISOString(),
    finishedAt: now().toISOString(),
    appVersion: options.appVersion ?? appVersion(),
    backend: options.backend,
    spec,
    dimension: dim,
    particleCount: N,
    depths,
    labels: particles.labels ? (fromDataset ? 'class' : 'component') : 'none',
    solverStats: moved.stats,
    metrics: rows,
    summary: {
      entropyStart: rows[0].entropy,
      entropyEnd: last.entropy,
      slicedW2End: last.slicedW2ToInput,
      singularTime: spec.flow.kind === 'continuous-dae' && Number.isFinite(singularTime(dist)) ? singularTime(dist) : null
    },
    depthAnalysis: metrics.constants,
    notes: [...(fromDataset ? [fromDataset.note] : []), ...flow.notes, ...metrics.notes].map(stored),
    flags: runFlags(rows, spec.flow.kind),
    files: { trajectories: 'trajectories.npy', metrics: 'metrics.csv', ...(particles.labels ? { labels: 'labels.npy' as const } : {}) }
  }
  return { manifest, trajectories: moved.trajectories, ...(particles.labels ? { labels: particles.labels } : {}) }
}
