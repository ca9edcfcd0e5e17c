// Adaptive Dormand-Prince 5(4) with FSAL: error norm RMS((y5 - y4) / (atol + rtol max(|y|, |y_new|)))
// over the whole batch, accept if <= 1, step factor min(10, max(0.2, 0.9 err^(-1/5))); steps are
// clamped to land exactly on every recorded depth.
import * as tf from '@tensorflow/tfjs-core'
import { BlowUpError, EngineError } from '../errors'
import type { VelocityField } from '../flows/types'
import { assertHealthy, checkState, disposeAll, healthOf, validateDepths } from './guard'
import type { AdaptiveOptions, IntegrateHooks, IntegrationResult } from './types'
import { message } from '../../../shared/messages'

const C = [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1]
const A: number[][] = [
  [],
  [1 / 5],
  [3 / 40, 9 / 40],
  [44 / 45, -56 / 15, 32 / 9],
  [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729],
  [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656]
]
/** 5th-order weights; y5 is also where the FSAL stage k7 = f(t + h, y5) is taken */
const B5 = [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84, 0]
/** embedded 4th-order weights */
const B4 = [5179 / 57600, 0, 7571 / 16695, 393 / 640, -92097 / 339200, 187 / 2100, 1 / 40]
const E = B5.map((b, i) => b - B4[i])

/** x + h sum_j c_j k_j, skipping zero coefficients */
function combine(x: tf.Tensor2D, ks: tf.Tensor2D[], coefs: number[], h: number): tf.Tensor2D {
  const terms: tf.Tensor2D[] = [x]
  coefs.forEach((c, j) => {
    if (c !== 0) terms.push(tf.mul(ks[j], c * h))
  })
  return terms.length === 1 ? tf.clone(x) : tf.addN(terms)
}

const rms = (t: tf.Tensor): tf.Scalar => tf.sqrt(tf.mean(tf.square(t))) as tf.Scalar

function download(t: tf.Tensor): Float32Array {
  const v = t.dataSync() as Float32Array
  t.dispose()
  return v
}

/** Hairer's initial step heuristic (Hairer-Norsett-Wanner II.4; SciPy's select_initial_step). One extra NFE. */
function initialStep(field: VelocityField, x: tf.Tensor2D, k1: tf.Tensor2D, t0: number, o: AdaptiveOptions, span: number): number {
  const [d0, d1] = download(
    tf.tidy(() => {
      const scale = tf.add(tf.mul(tf.abs(x), o.rtol), o.atol)
      return tf.stack([rms(tf.div(x, scale)), rms(tf.div(k1, scale))])
    })
  )
  const h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : (0.01 * d0) / d1
  const [d2] = download(
    tf.tidy(() => {
      const scale = tf.add(tf.mul(tf.abs(x), o.rtol), o.atol)
      const f1 = field.velocity(tf.add(x, tf.mul(k1, h0)), t0 + h0)
      return tf.div(rms(tf.div(tf.sub(f1, k1), scale)), h0)
    })
  )
  const h1 = Math.max(d1, d2) <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : (0.01 / Math.max(d1, d2)) ** (1 / 5)
  return Math.min(100 * h0, h1, span)
}

interface Attempt {
  y5: tf.Tensor2D
  k7: tf.Tensor2D
  /** [error norm, max |y5|, finiteness probe of y5] */
  stats: tf.Tensor1D
}

function attempt(field: VelocityField, x: tf.Tensor2D, k1: tf.Tensor2D, t: number, h: number, o: AdaptiveOptions): Attempt {
  return tf.tidy(() => {
    const ks = [k1]
    for (let s = 1; s < 6; s++) ks.push(field.velocity(combine(x, ks, A[s], h), t + C[s] * h))
    const y5 = combine(x, ks, B5, h)
    const k7 = field.velocity(y5, t + h)
    ks.push(k7)
    const err = tf.mul(tf.addN(E.map((e, j) => tf.mul(ks[j], e)).filter((_, j) => E[j] !== 0)), h)
    const scale = tf.add(tf.mul(tf.maximum(tf.abs(x), tf.abs(y5)), o.rtol), o.atol)
    // one download per attempt carries the error norm and the blow-up probe together
    const stats = tf.concat([tf.reshape(rms(tf.div(err, scale)), [1]), healthOf(y5)]) as tf.Tensor1D
    return { y5, k7, stats }
  })
}

/**
 * NFE identity: nfe = 1 (k1 at the start) + 1 if the initial step is estimated (Hairer heuristic)
 * + 6 (accepted + rejected), since FSAL reuses k7 of an accepted step as the next k1.
 * The blow-up check runs on every attempted step (its values ride on the error-norm download).
 */
export async function integrateDopri5(
  field: VelocityField,
  x0: tf.Tensor2D,
  depths: number[],
  o: AdaptiveOptions,
  hooks?: IntegrateHooks
): Promise<IntegrationResult> {
  validateDepths(depths)
  const positions: tf.Tensor2D[] = []
  const t0 = depths[0]
  const tEnd = depths[depths.length - 1]
  let x = x0
  let k1: tf.Tensor2D | undefined
  let nfe = 0
  let accepted = 0
  let rejected = 0
  try {
    checkState(x0, t0)
    positions.push(tf.clone(x0))
    if (tEnd > t0) {
      k1 = tf.tidy(() => field.velocity(x0, t0))
      nfe++
      let h = o.initialStep ?? initialStep(field, x0, k1, t0, o, tEnd - t0)
      if (o.initialStep === undefined) nfe++
      let t = t0
      let next = 1
      /** the last attempt gave a non-finite error estimate */
      let diverged = false
      while (next < depths.length) {
        const target = depths[next]
        if (target <= t) {
          positions.push(tf.clone(x))
          next++
          continue
        }
        if (accepted + rejected >= o.maxSteps)
          throw new EngineError('budget', message('engine.stepBudget', { maxSteps: o.maxSteps, depth: t.toPrecision(6), end: tEnd }))
        if (h < o.minStep && diverged) throw new BlowUpError(t, message('engine.velocityNonFinite'))
        if (h < o.minStep)
          throw new EngineError('budget', message('engine.stepTooSmall', { step: h.toExponential(3), minStep: o.minStep, depth: t.toPrecision(6) }))
        const proposal = h
        // land exactly on the next recorded depth; a step that would stop within 1% of it is stretched to
        // land, so no sliver step is left behind
        const clamped = h * 1.01 >= target - t
        const hUsed = clamped ? target - t : h
        const att = attempt(field, x, k1, t, hUsed, o)
        nfe += 6
        const [errRaw, maxAbs, probe] = download(att.stats)
        // a non-finite error means the trial step diverged: reject and shrink
        const err = Number.isFinite(errRaw) ? errRaw : Infinity
        diverged = err === Infinity
        const factorRaw = err === 0 ? Infinity : 0.9 * err ** -0.2
        const factor = Math.min(10, Math.max(0.2, factorRaw))
        if (err <= 1) {
          const tNew = clamped ? target : t + hUsed
          try {
            assertHealthy(maxAbs, probe, tNew)
          } catch (e) {
            att.y5.dispose()
            att.k7.dispose()
            throw e
          }
          if (x !== x0) x.dispose()
          k1.dispose()
          x = att.y5
          k1 = att.k7
          t = tNew
          accepted++
          h = hUsed * factor
          // a landing step shorter than the proposal says nothing against the proposal unless its own
          // error, extrapolated with the h^5 law, does
          if (clamped) h = Math.max(h, Math.min(proposal, hUsed * factorRaw))
          if (clamped) {
            positions.push(tf.clone(x))
            next++
          }
          await hooks?.onStep?.(t)
        } else {
          att.y5.dispose()
          att.k7.dispose()
          rejected++
          h = hUsed * factor
        }
      }
    } else {
      for (let i = 1; i < depths.length; i++) positions.push(tf.clone(x0))
    }
  } catch (e) {
    disposeAll(positions)
    if (x !== x0) x.dispose()
    k1?.dispose()
    throw e
  }
  if (x !== x0) x.dispose()
  k1?.dispose()
  return { positions, nfe, acceptedSteps: accepted, rejectedSteps: rejected }
}
