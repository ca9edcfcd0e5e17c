// What one point of a depth or step-size study runs, and what the continuous limit is: the base spec
// with the swept setting replaced. Studies compare end positions particle by particle, so every point
// and the limit start from the same particles and end at the same depth.
import type { ExperimentSpec } from '../../../shared/experiment'
import type { StudySweep } from '../../../shared/study'
import { EngineError } from '../errors'
import { suggestStepSize, wholeSteps } from '../../../shared/step-grid'
import { type Message, message } from '../../../shared/messages'

/** the limit's solver: tight enough that its error is far below the coarsest point's (float32 positions) */
export const LIMIT_TOLERANCE = { rtol: 1e-8, atol: 1e-9 }

const invalid = (field: 'flow.kind' | 'sweep.values', m: Message): EngineError =>
  new EngineError('invalid-spec', message(field === 'flow.kind' ? 'runs.sweepKindProblem' : 'runs.sweepValuesProblem', { problem: m }), [{ field, message: m }])

const CLOSED_FORM_FIELDS = new Set(['continuous-dae', 'empirical-dae'])

/** Refuse sweeps that do not make sense for the base spec, naming the field. */
export function checkSweep(spec: ExperimentSpec, sweep: StudySweep): void {
  const kind = spec.flow.kind
  if (sweep.parameter === 'layers') {
    if (kind !== 'composed-dae' && kind !== 'continuous-dae') throw invalid('flow.kind', message('runs.sweepLayersFlow'))
    if (sweep.values.some((v) => !Number.isInteger(v) || v < 1)) throw invalid('sweep.values', message('runs.sweepLayersWhole'))
  } else {
    if (!CLOSED_FORM_FIELDS.has(kind)) throw invalid('flow.kind', message('runs.sweepStepFlow'))
    if (sweep.parameter === 'steps' && sweep.values.some((v) => !Number.isInteger(v) || v < 1)) throw invalid('sweep.values', message('runs.sweepStepsWhole'))
    if (sweep.parameter === 'stepSize' && sweep.values.some((h) => h > spec.integration.depth))
      throw invalid('sweep.values', message('runs.sweepStepSizeDepth', { depth: spec.integration.depth }))
    // a study measures the error order against h, so every h must be the step the solver really takes
    const depth = spec.integration.depth
    const uneven = sweep.parameter === 'stepSize' ? sweep.values.find((h) => Number.isNaN(wholeSteps(depth, h))) : undefined
    if (uneven !== undefined)
      throw invalid(
        'sweep.values',
        message('steps.notWhole', { depth, stepSize: uneven, steps: Number((depth / uneven).toFixed(3)), suggestion: suggestStepSize(depth, uneven) })
      )
  }
}

/** The base spec at one value of the sweep; only the end depth is sampled. */
export function pointSpec(spec: ExperimentSpec, sweep: StudySweep, value: number): ExperimentSpec {
  const depth = spec.integration.depth
  if (sweep.parameter === 'layers')
    return { ...spec, flow: { kind: 'composed-dae', layers: value }, integration: { solver: 'rk4', depth, stepSize: depth, samples: 2 } }
  const solver = spec.integration.solver === 'dopri5' ? 'rk4' : spec.integration.solver
  const stepSize = sweep.parameter === 'stepSize' ? value : depth / value
  return { ...spec, integration: { solver, depth, stepSize, samples: 2 } }
}

/** The continuous limit: the continuous flow under dopri5 at a tight tolerance. */
export function limitSpec(spec: ExperimentSpec, sweep: StudySweep): ExperimentSpec {
  const flow = sweep.parameter === 'layers' ? { kind: 'continuous-dae' as const } : spec.flow
  return {
    ...spec,
    flow,
    integration: { solver: 'dopri5', depth: spec.integration.depth, samples: 2, ...LIMIT_TOLERANCE, minStep: 1e-12, maxSteps: 1_000_000 }
  }
}

export function limitDescription(spec: ExperimentSpec, sweep: StudySweep): Message {
  const flow = sweep.parameter === 'layers' ? 'continuous-dae' : spec.flow.kind
  return message('runs.studyLimit', { flow, rtol: LIMIT_TOLERANCE.rtol, atol: LIMIT_TOLERANCE.atol, depth: spec.integration.depth })
}

/**
 * Least-squares slope of log(error) against log(value): -1 for the composed DAE against L (first order
 * in 1/L) and for Euler against the number of steps, +p for a solver of order p against the step size.
 * Undefined when fewer than two errors are positive.
 */
export function convergenceSlope(values: number[], errors: number[]): number | undefined {
  const pts = values.map((v, i) => [Math.log(v), Math.log(errors[i])]).filter(([, e]) => Number.isFinite(e))
  if (pts.length < 2) return undefined
  const mx = pts.reduce((s, [x]) => s + x, 0) / pts.length
  const my = pts.reduce((s, [, y]) => s + y, 0) / pts.length
  let sxy = 0
  let sxx = 0
  for (const [x, y] of pts) {
    sxy += (x - mx) * (y - my)
    sxx += (x - mx) ** 2
  }
  return sxx > 0 ? sxy / sxx : undefined
}
