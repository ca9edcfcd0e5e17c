// The fixed-step solvers (fixed-step.ts) over plain arrays, for fields that run outside TF.js (an
// onnxruntime field, onnx-field/): the same T/h steps of h, the same dense output at recorded depths
// between steps (linear for Euler, cubic Hermite for Heun and RK4, the end slope reused as the next
// step's k1), the same evaluation count and blow-up checks, so a run's numbers do not depend on which
// kernels computed the field.
import type { ArrayField } from '../onnx-field/onnx-field'
import { DENSE_OUTPUT, hermiteWeights, planDepths, stepCountOf } from './dense-output'
import { STEPPERS } from './fixed-step'
import { assertHealthy, validateDepths } from './guard'
import type { FixedStepOptions, IntegrateHooks } from './types'

export interface ArrayIntegration {
  /** one [n, D] array per requested depth */
  positions: Float32Array[]
  nfe: number
  acceptedSteps: number
  rejectedSteps: number
}

function check(x: Float32Array, depth: number): void {
  let max = 0
  let probe = 0
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i])
    if (a > max) max = a
    probe += x[i] * 0
  }
  assertHealthy(max, probe, depth)
}

function dense(theta: number, h: number, x: Float32Array, xNew: Float32Array, f: Float32Array, fNew: Float32Array | null): Float32Array {
  const out = new Float32Array(x.length)
  if (!fNew) {
    for (let i = 0; i < x.length; i++) out[i] = x[i] * (1 - theta) + xNew[i] * theta
    return out
  }
  const [a, b, c, d] = hermiteWeights(theta)
  for (let i = 0; i < x.length; i++) out[i] = a * x[i] + b * h * f[i] + c * xNew[i] + d * h * fNew[i]
  return out
}

export async function integrateFixedArrays(
  field: ArrayField,
  x0: Float32Array,
  n: number,
  depths: number[],
  options: FixedStepOptions,
  hooks?: IntegrateHooks
): Promise<ArrayIntegration> {
  validateDepths(depths)
  const perStep = STEPPERS[options.solver].nfe
  const h = options.stepSize
  if (!(h > 0)) throw new RangeError(`step size must be positive, got ${h}`)
  const t0 = depths[0]
  const T = depths[depths.length - 1]
  const N = stepCountOf(T - t0, h)
  const plan = planDepths(depths, t0, h, N)
  const tAt = (k: number): number => (k === N ? T : t0 + k * h)
  const kind = DENSE_OUTPUT[options.solver]
  const positions: Float32Array[] = []
  let x = x0
  let k1: Float32Array | null = null
  let nfe = 0
  let next = 0
  const recordNodes = (k: number): void => {
    while (next < plan.length && plan[next].step === k && plan[next].theta === 0) {
      positions.push(x.slice())
      next++
    }
  }
  check(x0, t0)
  for (let k = 0; k < N; k++) {
    recordNodes(k)
    const t = tAt(k)
    const tNew = tAt(k + 1)
    if (!k1) {
      k1 = await field.velocity(x, n, t)
      nfe++
    }
    const xNew = await field.step(x, k1, n, t, h)
    nfe += perStep - 1
    const inside: number[] = []
    while (next < plan.length && plan[next].step === k && plan[next].theta > 0) inside.push(plan[next++].theta)
    let k1Next: Float32Array | null = null
    if (inside.length > 0 && kind === 'hermite') {
      k1Next = await field.velocity(xNew, n, tNew)
      nfe++
    }
    for (const theta of inside) positions.push(dense(theta, h, x, xNew, k1, k1Next))
    k1 = k1Next
    x = xNew
    // every step: a pass over n x D floats costs little next to a field evaluation
    check(x, tNew)
    await hooks?.onStep?.(tNew)
  }
  recordNodes(N)
  return { positions, nfe, acceptedSteps: N, rejectedSteps: 0 }
}
