// The fixed-step grid of a spec: a fixed-step solver takes exactly T/h steps of size h (h is the layer's
// thickness in the paper), so T/h must be a whole number; a step size that does not divide the depth is
// refused with a suggestion. Also the singular-time warning threshold of the continuous DAE.
import { type Message, message } from './messages'

/** Number of fixed steps of size h in [0, T], or NaN when T / h is not (within 1e-9) a whole number. */
export function wholeSteps(depth: number, stepSize: number): number {
  const n = Math.round(depth / stepSize)
  return n >= 1 && Math.abs(n * stepSize - depth) <= 1e-9 * Math.max(1, depth) ? n : Number.NaN
}

/** Flow kinds integrated by the solver (the others are maps, which ignore the step size). */
const INTEGRATED_KINDS = new Set(['continuous-dae', 'empirical-dae', 'neural-ode'])

export const isIntegratedKind = (kind: string): boolean => INTEGRATED_KINDS.has(kind)

/**
 * The largest step size h' <= h with at most 3 significant digits that divides `depth` into whole steps
 * (0.4 and 0.03 -> 0.025), else depth / ceil(depth / h) to 6 digits; what the refusal suggests.
 */
export function suggestStepSize(depth: number, stepSize: number): number {
  const first = Math.max(1, Math.ceil(depth / stepSize - 1e-9))
  for (let n = first; n <= first * 4; n++) {
    const nice = Number((depth / n).toPrecision(3))
    if (!Number.isNaN(wholeSteps(depth, nice))) return nice
  }
  return Number((depth / first).toPrecision(6))
}

const STAGES = { euler: 1, heun: 2, rk4: 4 } as const

/**
 * Field evaluations of one fixed-step integration recording `samples` evenly spaced depths: the T/h steps'
 * stages, plus one end slope when Hermite output (Heun, RK4) falls inside the last step (earlier end
 * slopes are the next step's first stage). What the engine's solver counts, for the cost panel.
 */
export function fixedStepNfe(solver: 'euler' | 'heun' | 'rk4', depth: number, stepSize: number, samples: number): number {
  const steps = wholeSteps(depth, stepSize)
  if (Number.isNaN(steps)) return Number.NaN
  // recorded depth i lies at u = i N / (S - 1) steps; inside the last step when N - 1 < u < N (off the grid)
  const tol = 1e-9 * steps
  const inside = Array.from({ length: samples }, (_, i) => (i * steps) / (samples - 1)).some((u) => u > steps - 1 + tol && u < steps - tol)
  return steps * STAGES[solver] + (solver !== 'euler' && inside ? 1 : 0)
}

interface GridSpec {
  flow: { kind: string }
  integration: { solver: string; depth: number; stepSize?: number }
}

/** The refusal of a fixed-step spec whose step size does not divide its depth (none when it does). */
export function stepGridErrors(spec: GridSpec): { field: string; message: Message }[] {
  const i = spec.integration
  if (i.solver === 'dopri5' || i.stepSize === undefined || !INTEGRATED_KINDS.has(spec.flow.kind)) return []
  if (!Number.isNaN(wholeSteps(i.depth, i.stepSize))) return []
  const steps = Number((i.depth / i.stepSize).toFixed(3))
  return [
    {
      field: 'integration.stepSize',
      message: message('steps.notWhole', { depth: i.depth, stepSize: i.stepSize, steps, suggestion: suggestStepSize(i.depth, i.stepSize) })
    }
  ]
}

/**
 * A depth past this fraction of the continuous DAE's singular time t* gets a warning (wizard and run
 * notes): the kinetic energy grows like 1 / (t* - t), ten times its start at 0.9 t* for N(0, 1).
 */
export const NEAR_SINGULAR_FRACTION = 0.9

export function nearSingular(depth: number, tStar: number | null): boolean {
  return tStar !== null && Number.isFinite(tStar) && depth > NEAR_SINGULAR_FRACTION * tStar && depth < tStar
}
