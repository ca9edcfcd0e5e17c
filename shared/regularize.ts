// The one-click fix for Nagare's own trained flows: a copy of a trained run's spec with the kinetic or the
// Jacobian regulariser switched on (or made ten times stronger), to re-train and compare before/after.
// Which regulariser a spec can take follows the spec's own rule (shared/experiment.ts): the Jacobian term
// only where training solves through depth (a neural ODE classifying or fitting a density). Pure, and in
// shared/ so the engine's tests can re-train from exactly the spec the screen would start.
import type { ExperimentSpec } from './experiment'
import { LIMITS } from './limits'

export type Regularizer = 'kinetic' | 'jacobian'
export const REGULARIZERS: readonly Regularizer[] = ['kinetic', 'jacobian']

/** the weight switched on when a run had none: a clear but not dominating share of a typical loss */
export const SUGGESTED_WEIGHT: Record<Regularizer, number> = { kinetic: 0.1, jacobian: 0.01 }

type Trained = { kind: string; task?: string; training: Record<string, unknown> }
const trainedFlow = (spec: ExperimentSpec): Trained | null => {
  const f = spec.flow as unknown as Trained
  return f && typeof f === 'object' && f.training && typeof f.training === 'object' ? f : null
}

export function canRegularize(spec: ExperimentSpec, which: Regularizer): boolean {
  const f = trainedFlow(spec)
  if (!f) return false
  if (which === 'kinetic') return f.kind === 'neural-ode' || f.kind === 'trained-dae' || f.kind === 'trained-composed-dae'
  return f.kind === 'neural-ode' && (f.task === 'classify' || f.task === 'density')
}

/** the new weight: the suggested one when off, else ten times the current one */
export function nextWeight(current: unknown): number {
  return typeof current === 'number' && current > 0 ? current * 10 : NaN
}

/** A copy of the spec with `which` on (its weight returned too), named after the original. */
export function regularizedSpec(spec: ExperimentSpec, which: Regularizer, suffix: string): { spec: Record<string, unknown>; weight: number } {
  const f = trainedFlow(spec)
  if (!f) throw new Error('not a trained flow')
  const raised = nextWeight(f.training[which])
  const weight = Number.isNaN(raised) ? SUGGESTED_WEIGHT[which] : raised
  const name = `${spec.name} ${suffix}`.slice(0, LIMITS.maxNameLength)
  return {
    spec: { ...JSON.parse(JSON.stringify(spec)), name, flow: { ...JSON.parse(JSON.stringify(f)), training: { ...f.training, [which]: weight } } },
    weight
  }
}
