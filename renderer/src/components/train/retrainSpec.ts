// The controls beside the view for a trained run: the run's spec with a changed depth T, step size h
// and regularisation weights (neural ODE), or noise t (DAE), to re-train and compare the effect.
import type { ExperimentSpec } from '@shared/experiment'

export interface RetrainValues {
  depth: number | null
  stepSize: number | null
  kinetic: number | null
  weightDecay: number | null
}

export function retrainValuesOf(spec: ExperimentSpec): RetrainValues | null {
  const f = spec.flow
  if (f.kind === 'neural-ode') return { depth: f.training.depth, stepSize: f.training.stepSize, kinetic: f.training.kinetic, weightDecay: f.training.weightDecay }
  if (f.kind === 'trained-dae' || f.kind === 'trained-composed-dae') return { depth: f.t, stepSize: null, kinetic: f.training.kinetic, weightDecay: f.training.weightDecay }
  return null
}

/** The spec to re-train; the evaluation depth follows the training depth (a DAE's follows its noise). */
export function retrainSpec(spec: ExperimentSpec, v: RetrainValues): Record<string, unknown> {
  const f = spec.flow
  const training = { ...('training' in f ? f.training : {}), kinetic: v.kinetic, weightDecay: v.weightDecay }
  if (f.kind === 'neural-ode') {
    Object.assign(training, { depth: v.depth, stepSize: v.stepSize })
    return { ...spec, flow: { ...f, training }, integration: { ...spec.integration, depth: v.depth } }
  }
  if (f.kind === 'trained-dae' || f.kind === 'trained-composed-dae') {
    const integration = spec.integration.solver === 'dopri5' ? { ...spec.integration, depth: v.depth } : { ...spec.integration, depth: v.depth, stepSize: v.depth }
    return { ...spec, flow: { ...f, t: v.depth, training }, integration }
  }
  return { ...spec }
}
