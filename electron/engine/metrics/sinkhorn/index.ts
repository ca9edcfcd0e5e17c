// Entropic optimal transport between two particle clouds (squared Euclidean cost, uniform weights) and the
// debiased Sinkhorn divergence S_eps = OT_eps(a,b) - OT_eps(a,a)/2 - OT_eps(b,b)/2 (Feydy et al. 2019).
// Log-domain stabilised (Schmitzer 2019): the potentials f, g live in cost units and the dense kernel
// K_ij = exp((f_i + g_j - C_ij)/eps) is rebuilt around them, so iterations are matrix-vector products on
// bounded numbers whatever eps is; any scaling that leaves [e^-TAU, e^TAU] (or a row/column that
// underflowed) is absorbed into the potentials with an exact log-sum-exp update. The products run in
// WebAssembly SIMD (wasm.ts), one fused pass over the kernel per iteration, from a float32 copy
// of the kernel for large problems (see kernelPrecision); OT(a, b) splits its kernel passes by rows
// across the machine's cores (parallel.ts, shared.ts).
//
// Convention: OT_eps(a,b) = min_P <P, C> + eps KL(P | a x b), reported as the dual value <a, f> + <b, g>.
// With the entropy term S_eps >= 0 with equality iff the clouds coincide, and S_eps -> W2^2 as eps -> 0
// (the eps log n of each term cancels). `transportCost` is <P, C> alone, the number POT's sinkhorn2 returns.
import { checkArgs, dual, float64, HI, LO, useFloat32, type EntropicOtResult, type SinkhornOptions } from './common'
import { planSummary, rowSoftmin, SquaredCost, symmetricKernel } from './kernel'
import { solveShared } from './parallel'
import { SharedProblem } from './shared'
import { KernelArena } from './wasm'
import type { Cloud } from '../types'

export { FLOAT32_KERNEL_ENTRIES, type EntropicOtResult, type SinkhornOptions } from './common'

export interface SinkhornDivergenceResult {
  value: number
  ab: EntropicOtResult
  aa: EntropicOtResult
  bb: EntropicOtResult
}

/**
 * Entropic OT between x [n, d] and y [m, d]. Without annealing and over-relaxation this is POT's
 * sinkhorn_knopp iteration (start from u = 1, update the column potential, then the row potential), so
 * after k iterations the plan equals POT's after k iterations up to rounding.
 */
export function entropicOt(xIn: Cloud, n: number, yIn: Cloud, m: number, d: number, opts: SinkhornOptions): EntropicOtResult {
  checkArgs(n, m, opts)
  const x = float64(xIn)
  const y = float64(yIn)
  const problem = new SharedProblem(x, n, y, m, d, { float32: useFloat32(n, m, opts) })
  try {
    return solveShared(problem, x, y, opts)
  } finally {
    problem.release()
  }
}

/**
 * OT_eps(a, a) of one cloud with itself: the symmetric fixed point p = softmin(p - C) reached by the
 * averaged update p <- (p + T(p))/2 (Feydy et al.), one kernel product per iteration; value 2 <a, p>.
 */
export function symmetricEntropicOt(xIn: Cloud, n: number, d: number, opts: SinkhornOptions): EntropicOtResult {
  checkArgs(n, n, opts)
  const x = float64(xIn)
  const cost = new SquaredCost(x, n, x, n, d)
  const { eps } = opts
  const a = 1 / n
  const arena = new KernelArena(n, n, 2 * n, useFloat32(n, n, opts))
  const K = arena.K
  const p = new Float64Array(n)
  const s = new Float64Array(n).fill(1)
  const as = arena.vector(n)
  const r = arena.vector(n)
  // start from p = T(0), which is exact for the first half-step
  rowSoftmin(cost, new Float64Array(n), a, eps, p)
  symmetricKernel(cost, p, eps, K)
  arena.sync()
  let iterations = 0
  let rebuilds = 1
  let converged = false
  while (iterations < opts.iterations) {
    iterations++
    for (let i = 0; i < n; i++) as[i] = a * s[i]
    arena.dots(0, n, as, r)
    let err = 0
    let ok = true
    for (let i = 0; i < n; i++) {
      err += Math.abs(as[i] * r[i] - a)
      if (!(r[i] > LO && r[i] < HI)) ok = false
    }
    if (err <= opts.tolerance) {
      converged = true
      break
    }
    if (ok) {
      for (let i = 0; i < n; i++) s[i] = Math.sqrt(s[i] / r[i])
      let big = false
      for (let i = 0; i < n; i++) if (!(s[i] > LO && s[i] < HI)) big = true
      if (!big) continue
      for (let i = 0; i < n; i++) p[i] += eps * Math.log(s[i])
    } else {
      // exact averaged step in the log domain: p <- (p + T(p))/2
      for (let i = 0; i < n; i++) p[i] += eps * Math.log(s[i])
      const t = new Float64Array(n)
      rowSoftmin(cost, p, a, eps, t)
      for (let i = 0; i < n; i++) p[i] = 0.5 * (p[i] + t[i])
    }
    s.fill(1)
    symmetricKernel(cost, p, eps, K)
    arena.sync()
    rebuilds++
  }
  const plan = planSummary(cost, K, s, s, a, a)
  return { value: 2 * dual(a, p, s, eps), transportCost: plan.cost, iterations, marginalError: plan.error, converged, rebuilds }
}

/** A centred float64 copy of a cloud and its mean. */
function centred(x: Cloud, n: number, d: number): { c: Float64Array; mean: Float64Array } {
  const mean = new Float64Array(d)
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) mean[k] += x[i * d + k]
  for (let k = 0; k < d; k++) mean[k] /= n
  const c = new Float64Array(n * d)
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) c[i * d + k] = x[i * d + k] - mean[k]
  return { c, mean }
}

/**
 * Debiased Sinkhorn divergence S_eps(a, b) = OT_eps(a,b) - OT_eps(a,a)/2 - OT_eps(b,b)/2.
 * Computed on centred clouds plus |mean_a - mean_b|^2, which is exact: with the means m_a, m_b and
 * delta = m_a - m_b, C_ij = |x~_i - y~_j|^2 + 2 delta.x~_i - 2 delta.y~_j + |delta|^2, and the separable
 * part only shifts the potentials (the plan is unchanged) and adds |delta|^2 to the value. It spares
 * Sinkhorn the slow start of clouds that are far apart compared with sqrt(eps).
 */
export function sinkhornDivergence(x: Cloud, n: number, y: Cloud, m: number, d: number, opts: SinkhornOptions): SinkhornDivergenceResult {
  const cx = centred(x, n, d)
  const cy = centred(y, m, d)
  let shift = 0
  for (let k = 0; k < d; k++) shift += (cx.mean[k] - cy.mean[k]) ** 2
  const ab = entropicOt(cx.c, n, cy.c, m, d, opts)
  const aa = symmetricEntropicOt(cx.c, n, d, opts)
  const bb = symmetricEntropicOt(cy.c, m, d, opts)
  return { value: ab.value + shift - 0.5 * aa.value - 0.5 * bb.value, ab: { ...ab, value: ab.value + shift }, aa, bb }
}
