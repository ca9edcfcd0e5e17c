// The one change-and-re-train panel of a trained run: the run's spec with a changed depth T, step size h,
// every regulariser the wizard offers (weight decay, kinetic lambda_K, Jacobian lambda_J), the extra
// dimensions (neural ODE) and the evaluation's step, or a DAE's noise t, to re-train and compare.
import type { ExperimentSpec } from '@shared/experiment'

export interface RetrainValues {
  depth: number | null
  stepSize: number | null
  kinetic: number | null
  weightDecay: number | null
  /** null: the task refuses the Jacobian term (only solves through depth carry it) */
  jacobian?: number | null
  /** neural ODE only */
  augment?: number | null
  epochs?: number | null
  /** the evaluation's fixed step (absent for dopri5) */
  evalStepSize?: number | null
}

/** Tasks whose loss solves through depth, so the Jacobian term rides along the path. */
export function takesJacobian(spec: ExperimentSpec): boolean {
  return spec.flow.kind === 'neural-ode' && (spec.flow.task === 'classify' || spec.flow.task === 'density')
}

export function retrainValuesOf(spec: ExperimentSpec): RetrainValues | null {
  const f = spec.flow
  const i = spec.integration
  const evalStep = i.solver === 'dopri5' ? {} : { evalStepSize: i.stepSize }
  const jac = takesJacobian(spec) && 'training' in f ? { jacobian: f.training.jacobian } : {}
  if (f.kind === 'neural-ode')
    return {
      depth: f.training.depth,
      stepSize: f.training.stepSize,
      kinetic: f.training.kinetic,
      weightDecay: f.training.weightDecay,
      ...jac,
      augment: f.model.augment,
      epochs: f.training.epochs,
      ...evalStep
    }
  if (f.kind === 'trained-dae' || f.kind === 'trained-composed-dae')
    return { depth: f.t, stepSize: null, kinetic: f.training.kinetic, weightDecay: f.training.weightDecay }
  return null
}

/** The spec to re-train; the evaluation depth follows the training depth (a DAE's follows its noise). */
export function retrainSpec(spec: ExperimentSpec, v: RetrainValues): Record<string, unknown> {
  const f = spec.flow
  const training = {
    ...('training' in f ? f.training : {}),
    kinetic: v.kinetic,
    weightDecay: v.weightDecay,
    ...(v.jacobian !== undefined ? { jacobian: v.jacobian } : {}),
    ...(v.epochs !== undefined ? { epochs: v.epochs } : {})
  }
  if (f.kind === 'neural-ode') {
    Object.assign(training, { depth: v.depth, stepSize: v.stepSize })
    const model = v.augment !== undefined ? { ...f.model, augment: v.augment } : f.model
    const integration = {
      ...spec.integration,
      depth: v.depth,
      ...(v.evalStepSize !== undefined && spec.integration.solver !== 'dopri5' ? { stepSize: v.evalStepSize } : {})
    }
    return { ...spec, flow: { ...f, model, training }, integration }
  }
  if (f.kind === 'trained-dae' || f.kind === 'trained-composed-dae') {
    const integration =
      spec.integration.solver === 'dopri5' ? { ...spec.integration, depth: v.depth } : { ...spec.integration, depth: v.depth, stepSize: v.depth }
    return { ...spec, flow: { ...f, t: v.depth, training }, integration }
  }
  return { ...spec }
}

/**
 * Below this held-out accuracy a classification run suggests remedies (README "Trained flows", measured
 * with scripts/measure/augment-accuracy.ts): training longer helped every built-in 2-D set (circles 74 ->
 * 85 %, spirals 62 -> 68 % from 8 to 30 epochs of the Fast preview), an extra dimension helped the nested
 * circles (85 -> 90 % at 30 epochs) but not spirals (68 -> 60 %), so the defaults keep augment 0.
 */
export const LOW_ACCURACY = 0.9
/** "train longer" multiplies the epochs by this */
export const LONGER = 4
