// The experiment runner: spec -> particles -> flow -> trajectories [S, N, D] -> depth metrics -> the
// content of a run folder (manifest + arrays). Writing is left to the caller (run store or CLI), so
// nothing touches the disk until the whole run has been computed.
import { fieldErrorsMessage, fitsMixture, isTrainedKind, resolveDistribution } from '../../../shared/experiment'
import { message } from '../../../shared/messages'
import { EngineError } from '../errors'
import { runAnalysisOptions } from '../metrics/depth-options'
import { datasetParticles } from '../datasets/particles'
import { datasetMixture } from '../datasets/fit-mixture'
import { enginePool } from '../pool/engine-pool'
import type { RunContent } from '../runs/run-folder'
import { sampleDepths } from '../solvers/integrate'
import { appVersion } from '../version'
import { checkSpec, defaultRunnerDeps, type RunExperimentOptions } from './run-options'
import { runTail } from './run-tail'
import { runTrainedExperiment } from './trained/runner'

export async function runExperiment(specInput: unknown, options: RunExperimentOptions): Promise<RunContent> {
  const deps = { ...defaultRunnerDeps, ...options.deps }
  const now = options.now ?? (() => new Date())
  const { ctx } = options
  const spec = checkSpec(specInput)
  // trained flows (trained DAEs, neural ODEs) train first: their own runner, the same run content
  if (isTrainedKind(spec.flow.kind)) return runTrainedExperiment(spec, options)
  const createdAt = now()
  const dist = resolveDistribution(spec.distribution)
  const rng = deps.createRng(spec.seed)
  // an imported dataset's rows are the particles (the same 'particles' stream picks the subsample)
  const fromDataset = dist.kind === 'dataset' ? await datasetParticles(spec, options.workspace, rng.fork('particles')) : undefined
  const particles = fromDataset ?? deps.makeParticles(spec, dist, rng.fork('particles'))
  const depths = sampleDepths(spec.integration.depth, spec.integration.samples)
  await ctx.checkpoint()
  // the closed-form DAEs of a dataset follow the mixture fitted to its rows: from here on that mixture is
  // the distribution (the continuous DAE's t* bounds the depth, a single Gaussian gives the exact covariance)
  const fitted =
    spec.distribution.kind === 'dataset' && fitsMixture(spec.flow.kind)
      ? await datasetMixture(
          options.workspace,
          { ...spec.distribution, seed: spec.seed, flowKind: spec.flow.kind },
          { pool: enginePool(), checkpoint: () => ctx.checkpoint() }
        )
      : undefined
  if (fitted) {
    // refused in the dataset's words before buildFlow's general refusal (same t*, the fitted one)
    const depth = spec.integration.depth
    if (spec.flow.kind === 'continuous-dae' && !(depth < fitted.tStar)) {
      const m = message('datadae.depthPastFitted', { depth, tStar: Number(fitted.tStar.toPrecision(6)) })
      throw new EngineError('invalid-spec', message('engine.invalidSpec', { errors: fieldErrorsMessage([{ field: 'integration.depth', message: m }]) }), [
        { field: 'integration.depth', message: m }
      ])
    }
    await ctx.checkpoint()
  }
  const fieldDist = fitted?.mixture ?? dist

  const flow = deps.buildFlow(spec, fieldDist)
  return runTail({
    spec,
    ctx,
    backend: options.backend,
    appVersion: options.appVersion ?? appVersion(),
    createdAt,
    now,
    flow,
    particles,
    labelKind: fromDataset ? 'class' : 'component',
    depths,
    integrate: deps.integrate,
    solverOptions: deps.solverOptionsOf(spec.integration),
    progressStart: 0,
    analysis: {
      rng: rng.fork('metrics'),
      ...runAnalysisOptions(flow, fieldDist, particles.labels),
      ...(flow.gaussianCovarianceAt ? { gaussianCovarianceAt: (t: number) => flow.gaussianCovarianceAt!(t) } : {})
    },
    notes: [...(fromDataset ? [fromDataset.note] : []), ...(fitted ? [fitted.note] : []), ...flow.notes],
    ...(fitted ? { fieldDistribution: fitted.mixture } : {}),
    ...(options.onTransported ? { onTransported: options.onTransported } : {})
  })
}
