// Run a depth or step-size study: the continuous limit once, then every point of the sweep from the same
// particles, each compared with the limit at the end depth (mean and max displacement, sliced W2), with
// its end entropy, NFE and time, and the fitted convergence order.
import { distributionDimension, fieldErrorsMessage, parseSpec, resolveDistribution, type ExperimentSpec } from '../../../shared/experiment'
import { STUDY_FORMAT_VERSION, type StudyPoint, type StudyResult, type StudySweep } from '../../../shared/study'
import { knnEntropy } from '../metrics/entropy'
import { slicedW2 } from '../metrics/wasserstein'
import { makeParticles } from '../sampling/particles'
import { createRng } from '../sampling/random'
import { EngineError } from '../errors'
import { buildFlow } from '../flows/build-flow'
import type { JobContext } from '../jobs/context'
import { transport } from '../jobs/transport'
import { newRunId } from '../runs/ids'
import { integrate, solverOptionsOf } from '../solvers/integrate'
import { checkSweep, convergenceSlope, limitDescription, limitSpec, pointSpec } from './sweep'
import { message, stored, type Message } from '../../../shared/messages'

export interface RunStudyOptions {
  ctx: JobContext
  backend: string
  appVersion: string
  now?: () => Date
}

/** particles for the end entropy (Kozachenko-Leonenko is O(N log N) but the tree build dominates past this) */
const ENTROPY_POINTS = 10_000

function valid(spec: ExperimentSpec, what: Message): ExperimentSpec {
  const r = parseSpec(spec)
  if (!r.ok) throw new EngineError('invalid-spec', message('runs.studyInvalidSpec', { what, errors: fieldErrorsMessage(r.errors) }), r.errors)
  return r.spec
}

interface EndPositions {
  end: Float32Array
  nfe: number
  wallSeconds: number
}

/** transport the particles to the end depth under `spec`; progress mapped into [from, to] of the job */
async function endPositions(
  spec: ExperimentSpec,
  positions: Float32Array,
  count: number,
  dim: number,
  ctx: JobContext,
  from: number,
  to: number,
  label: Message
): Promise<EndPositions> {
  const dist = resolveDistribution(spec.distribution)
  const flow = buildFlow(spec, dist)
  const sub: JobContext = {
    checkpoint: () => ctx.checkpoint(),
    progress: (f, depth) => ctx.progress(from + (to - from) * f, depth, label),
    get cancelled() {
      return ctx.cancelled
    }
  }
  try {
    const depths = [0, spec.integration.depth]
    const moved = await transport({
      flow,
      positions,
      count,
      dim,
      depths,
      integrate,
      solverOptions: solverOptionsOf(spec.integration),
      ctx: sub,
      progressShare: 1
    })
    return { end: moved.trajectories.slice(count * dim), nfe: moved.stats.nfe, wallSeconds: moved.stats.wallSeconds }
  } finally {
    if (flow.type === 'field') flow.field.dispose()
    else flow.map.dispose()
  }
}

function displacement(a: Float32Array, b: Float32Array, n: number, d: number): { mean: number; max: number } {
  let sum = 0
  let max = 0
  for (let i = 0; i < n; i++) {
    let s = 0
    for (let k = 0; k < d; k++) s += (a[i * d + k] - b[i * d + k]) ** 2
    const r = Math.sqrt(s)
    sum += r
    if (r > max) max = r
  }
  return { mean: sum / n, max }
}

export interface PreparedStudy {
  base: ExperimentSpec
  limit: ExperimentSpec
  points: ExperimentSpec[]
}

/** Validate a study before any work (so a bad one is refused at once, with its fields): EngineError 'invalid-spec'. */
export function prepareStudy(specInput: unknown, sweep: StudySweep): PreparedStudy {
  const base = valid(specInput as ExperimentSpec, message('runs.studyBaseSpec'))
  checkSweep(base, sweep)
  const limit = valid(limitSpec(base, sweep), message('runs.studyLimitSpec'))
  const points = sweep.values.map((v) => valid(pointSpec(base, sweep, v), message('runs.studyPointSpec', { parameter: sweep.parameter, value: v })))
  return { base, limit, points }
}

export async function runStudy(name: string, specInput: unknown, sweep: StudySweep, options: RunStudyOptions): Promise<StudyResult> {
  const { ctx } = options
  const now = options.now ?? (() => new Date())
  const createdAt = now()
  const { base, limit, points } = prepareStudy(specInput, sweep)
  const dist = resolveDistribution(base.distribution)
  const dim = distributionDimension(dist)
  const rng = createRng(base.seed)
  const particles = makeParticles(base, dist, rng.fork('particles'))
  const n = particles.count
  const share = 1 / (points.length + 1)
  await ctx.checkpoint()

  const lim = await endPositions(limit, particles.positions, n, dim, ctx, 0, share, message('runs.progressLimit'))
  const entropyOf = (x: Float32Array): number => knnEntropy(x, Math.min(n, ENTROPY_POINTS), dim).entropy
  const result: StudyPoint[] = []
  for (let p = 0; p < points.length; p++) {
    const value = sweep.values[p]
    const got = await endPositions(
      points[p],
      particles.positions,
      n,
      dim,
      ctx,
      share * (p + 1),
      share * (p + 2),
      message('runs.studyPointSpec', { parameter: sweep.parameter, value })
    )
    const err = displacement(got.end, lim.end, n, dim)
    result.push({
      value,
      meanError: err.mean,
      maxError: err.max,
      w2ToLimit: slicedW2(got.end, n, lim.end, n, dim, rng.fork(`w2-${p}`)),
      entropyEnd: entropyOf(got.end),
      nfe: got.nfe,
      wallSeconds: got.wallSeconds
    })
    await ctx.checkpoint()
  }
  const slope = convergenceSlope(
    sweep.values,
    result.map((r) => r.meanError)
  )
  const notes = [
    message('runs.noteStudySameParticles', { n, seed: base.seed, depth: base.integration.depth }),
    message('runs.noteStudyEntropy', { n: Math.min(n, ENTROPY_POINTS) })
  ]
  return {
    formatVersion: STUDY_FORMAT_VERSION,
    id: newRunId(name, createdAt),
    name,
    createdAt: createdAt.toISOString(),
    appVersion: options.appVersion,
    backend: options.backend,
    spec: base,
    sweep,
    limit: stored(limitDescription(base, sweep)),
    limitEntropyEnd: entropyOf(lim.end),
    points: result,
    ...(slope !== undefined ? { slope } : {}),
    notes: notes.map(stored)
  }
}
