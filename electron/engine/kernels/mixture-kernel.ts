// The fixed-step solvers (Euler, Heun, RK4) run per particle in float64 on a closed-form mixture score:
// the same step grid, dense output, NFE count, blow-up checks and per-step hook as solvers/fixed-step.ts,
// without TF.js. For narrow states (D = 2) TF.js spends its time dispatching ops and moving [n, K*D]
// tensors; here a step is one pass over the chunk in blocks (mixture-step.ts), and the depth's constants
// (one slot per depth, mixture-table.ts) are computed once per step, in the order fixed-step.ts evaluates
// the field so that an undefined depth fails at the same point, and shared by every block. Positions go
// straight into the transport's [S, n, D] output.
import { BlowUpError } from '../errors'
import { message } from '../../../shared/messages'
import { DENSE_OUTPUT, hermiteWeights, planDepths, stepCountOf } from '../solvers/dense-output'
import { CHECK_EVERY, STEPPERS } from '../solvers/fixed-step'
import { assertHealthy, validateDepths } from '../solvers/guard'
import type { FixedStepOptions, IntegrateHooks } from '../solvers/types'
import type { MixtureSlots } from './mixture-table'
import { chunkState, stepChunk, type DenseRow, type StepSlots } from './mixture-step'

/** where the positions go: sample s of particle i is row s * n + first + i of `out` */
export interface KernelSink {
  out: Float32Array
  n: number
  first: number
}

export interface KernelResult {
  nfe: number
  acceptedSteps: number
}

/** x0: m rows of D (float32, as the TF path receives them); depths ascending from depths[0] */
export async function integrateMixture(
  slots: MixtureSlots,
  x0: Float32Array,
  depths: number[],
  options: FixedStepOptions,
  sink: KernelSink,
  hooks?: IntegrateHooks
): Promise<KernelResult> {
  validateDepths(depths)
  const { solver, stepSize: h } = options
  const perStep = STEPPERS[solver].nfe
  if (!(h > 0)) throw new RangeError(`step size must be positive, got ${h}`)
  const D = slots.dim
  const t0 = depths[0]
  const T = depths[depths.length - 1]
  const N = stepCountOf(T - t0, h)
  const plan = planDepths(depths, t0, h, N)
  const tAt = (k: number): number => (k === N ? T : t0 + k * h)
  const hermite = DENSE_OUTPUT[solver] === 'hermite'
  const { out, n, first } = sink
  const st = chunkState(slots.k, D, x0)
  let start = 0
  for (let j = 0; j < x0.length; j++) start = Math.max(start, Math.abs(x0[j]))
  assertHealthy(start, start * 0, t0)
  let next = 0
  const rowOf = (s: number): number => (s * n + first) * D
  const recordNodes = (k: number): void => {
    while (next < plan.length && plan[next].step === k && plan[next].theta === 0) out.set(st.X, rowOf(next++))
  }
  /** the first sample with a dense-output position not finite in float32: refused after the run, as store() does */
  let badSample = -1
  let fValid = false
  let nfe = 0
  let sinceCheck = 0
  for (let k = 0; k < N; k++) {
    recordNodes(k)
    const t = tAt(k)
    const tNew = tAt(k + 1)
    // slots in fixed-step.ts's evaluation order: k1 (unless the last step's end slope is it), the stages,
    // then the end slope the Hermite dense output needs
    const c: StepSlots = { c1: fValid ? null : slots.at(t), mid: null, end: null, next: null }
    if (!fValid) nfe++
    if (solver === 'rk4') c.mid = slots.at(t + h / 2)
    if (solver !== 'euler') c.end = slots.at(t + h)
    nfe += perStep - 1
    const dense: (DenseRow & { s: number })[] = []
    for (; next < plan.length && plan[next].step === k && plan[next].theta > 0; next++) {
      const theta = plan[next].theta
      dense.push({ s: next, at: rowOf(next), w: hermite ? hermiteWeights(theta) : [1 - theta, 0, theta, 0] })
    }
    if (hermite && dense.length > 0) {
      c.next = slots.at(tNew)
      nfe++
    }
    const records = next < plan.length && plan[next].step === k + 1 && plan[next].theta === 0
    const check = sinceCheck + 1 >= CHECK_EVERY || records || k + 1 === N
    const r = stepChunk(st, solver, h, c, dense, out, check)
    if (r.nonFinite && badSample < 0) badSample = dense.find(({ at }) => !out.subarray(at, at + st.X.length).every(Number.isFinite))!.s
    fValid = c.next !== null
    if (check) {
      assertHealthy(r.maxAbs, r.maxAbs * 0, tNew)
      sinceCheck = 0
    } else sinceCheck++
    await hooks?.onStep?.(tNew)
  }
  recordNodes(N)
  if (badSample >= 0) throw new BlowUpError(depths[badSample], message('engine.positionsNonFinite'))
  return { nfe, acceptedSteps: N }
}
