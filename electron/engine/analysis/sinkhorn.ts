// Entropic optimal transport between two particle clouds (squared Euclidean cost, uniform weights) and the
// debiased Sinkhorn divergence S_eps = OT_eps(a,b) - OT_eps(a,a)/2 - OT_eps(b,b)/2 (Feydy et al. 2019).
// Log-domain stabilised (Schmitzer 2019): the potentials f, g live in cost units and the dense kernel
// K_ij = exp((f_i + g_j - C_ij)/eps) is rebuilt around them, so iterations are matrix-vector products on
// bounded numbers whatever eps is; any scaling that leaves [e^-TAU, e^TAU] (or a row/column that
// underflowed) is absorbed into the potentials with an exact log-sum-exp update. The products run in
// WebAssembly SIMD (sinkhorn-wasm.ts), one fused pass over the kernel per iteration, from a float32 copy
// of the kernel for large problems (see kernelPrecision).
//
// Convention: OT_eps(a,b) = min_P <P, C> + eps KL(P | a x b), reported as the dual value <a, f> + <b, g>.
// With the entropy term S_eps >= 0 with equality iff the clouds coincide, and S_eps -> W2^2 as eps -> 0
// (the eps log n of each term cancels). `transportCost` is <P, C> alone, the number POT's sinkhorn2 returns.
import { colSoftmin, planSummary, rowSoftmin, SquaredCost, symmetricKernel } from './sinkhorn-kernel'
import { KernelArena } from './sinkhorn-wasm'
import type { Cloud } from './types'

export interface SinkhornOptions {
  /** entropic regularisation, in squared-distance units (> 0) */
  eps: number
  /** most iterations (one update of each potential; the symmetric terms count one averaged update) */
  iterations: number
  /** stop when the plan's marginals are within this of the weights (L1, rows + columns); 0 never stops early */
  tolerance: number
  /**
   * eps-scaling factor q in (0, 1) (0 or absent: off): start at the squared diameter of the clouds and
   * multiply eps by q each iteration until the target (each such step is an exact log-domain update);
   * these steps count as iterations. Without it eps is fixed from the first iteration, as in POT. Clouds far apart
   * relative to sqrt(eps) need it: from a cold start at small eps, mass moves a little per iteration.
   * The symmetric terms OT(a,a), OT(b,b) do not use it (their averaged iteration converges from T(0)).
   */
  annealing?: number
  /**
   * over-relaxation omega in [1, 2) (Thibault et al. 2021): s <- s^(1-omega) / q^omega for the scaling
   * updates. Several times fewer iterations at moderate eps; it is only locally convergent, so it falls
   * back to 1 if the marginal error at the target eps grows tenfold. Default 1 (POT).
   */
  overRelaxation?: number
  /**
   * storage of the kernel the iterations read: float64, or float32 (half the memory traffic of the
   * products, which bound the iterations; every product, sum and potential stays float64, and the kernel
   * is rebuilt in float64, so the result moves by about 1e-7 relative). Default 'auto': float32 from
   * FLOAT32_KERNEL_ENTRIES entries on, where sampling error dwarfs that.
   */
  kernelPrecision?: 'auto' | 'float64' | 'float32'
}

export interface EntropicOtResult {
  /** OT_eps with the entropy term (dual value) */
  value: number
  /** <P, C> of the final plan */
  transportCost: number
  iterations: number
  /** L1 distance of the final plan's row and column sums from the weights (rows exact without over-relaxation) */
  marginalError: number
  converged: boolean
  /** exact log-domain kernel rebuilds (the initial one included) */
  rebuilds: number
}

export interface SinkhornDivergenceResult {
  value: number
  ab: EntropicOtResult
  aa: EntropicOtResult
  bb: EntropicOtResult
}

/** Scalings stay within e^-TAU..e^TAU between rebuilds: entries that matter keep full float64 precision. */
const TAU = 50
const LO = Math.exp(-TAU)
const HI = Math.exp(TAU)
/** kernels with at least this many entries (e.g. 512 x 512) are stored in float32 under 'auto' */
export const FLOAT32_KERNEL_ENTRIES = 2 ** 18

function useFloat32(n: number, m: number, opts: SinkhornOptions): boolean {
  const p = opts.kernelPrecision ?? 'auto'
  return p === 'float32' || (p === 'auto' && n * m >= FLOAT32_KERNEL_ENTRIES)
}

/** rows per fused block: eight rows of a 2,000-column kernel (128 kB) stay in cache between the two products */
const ROW_BLOCK = 8

function float64(x: Cloud): Float64Array {
  return x instanceof Float64Array ? x : Float64Array.from(x)
}

function checkArgs(n: number, m: number, opts: SinkhornOptions): void {
  if (n < 1 || m < 1) throw new Error('Sinkhorn needs two non-empty clouds')
  if (!(opts.eps > 0) || !Number.isFinite(opts.eps)) throw new Error(`eps must be a positive number, got ${opts.eps}`)
  if (!(opts.iterations >= 1)) throw new Error(`iterations must be at least 1, got ${opts.iterations}`)
  if (opts.annealing !== undefined && !(opts.annealing >= 0 && opts.annealing < 1)) throw new Error(`annealing must be in [0, 1), got ${opts.annealing}`)
  if (opts.overRelaxation !== undefined && !(opts.overRelaxation >= 1 && opts.overRelaxation < 2)) throw new Error(`overRelaxation must be in [1, 2), got ${opts.overRelaxation}`)
  if (n * m > 2 ** 27) throw new Error(`a ${n} x ${m} Sinkhorn kernel is too large: subsample the clouds`)
}

/** The starting eps of the annealing: an upper bound of every squared distance (bounding box diagonal). */
function startEps(x: Float64Array, n: number, y: Float64Array, m: number, d: number, opts: SinkhornOptions): number {
  if (!opts.annealing) return opts.eps
  let diam = 0
  for (let k = 0; k < d; k++) {
    let lo = Infinity
    let hi = -Infinity
    for (let i = 0; i < n; i++) {
      lo = Math.min(lo, x[i * d + k])
      hi = Math.max(hi, x[i * d + k])
    }
    for (let j = 0; j < m; j++) {
      lo = Math.min(lo, y[j * d + k])
      hi = Math.max(hi, y[j * d + k])
    }
    diam += (hi - lo) ** 2
  }
  return Math.max(opts.eps, diam)
}

function dual(weight: number, anchor: Float64Array, scaling: Float64Array, eps: number): number {
  let s = 0
  for (let i = 0; i < anchor.length; i++) s += anchor[i] + eps * Math.log(scaling[i])
  return weight * s
}

/** Over-relaxed scaling update s <- s^(1 - omega) / q^omega (omega = 1: the Sinkhorn update 1/q). */
function relaxed(s: number, q: number, omega: number): number {
  return omega === 1 ? 1 / q : Math.exp((1 - omega) * Math.log(s) - omega * Math.log(q))
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
  const cost = new SquaredCost(x, n, y, m, d)
  const a = 1 / n
  const b = 1 / m
  // the kernel and the vectors its products read or write live in the SIMD kernels' memory
  const arena = new KernelArena(n, m, 2 * n + 2 * m, useFloat32(n, m, opts))
  const K = arena.K
  const f = new Float64Array(n)
  const g = new Float64Array(m)
  const u = new Float64Array(n).fill(1)
  const v = new Float64Array(m).fill(1)
  const au = arena.vector(n)
  const bv = arena.vector(m)
  const r = arena.vector(n)
  const w = arena.vector(m)
  let eps = startEps(x, n, y, m, d, opts)
  let omega = opts.overRelaxation ?? 1
  let exactRows = false
  let bestError = Infinity

  // iteration 1, first half, exactly in the log domain (f = 0)
  colSoftmin(cost, f, a, eps, g, K, v)
  arena.sync()
  let rebuilds = 1
  let iterations = 0
  let converged = false
  for (;;) {
    iterations++
    // row update: u = 1 / (K (b v)), over-relaxed
    let ok = !exactRows
    let rowError = 0
    // unless this is the last half-step, each block of rows also adds its share of K^T (a u) to w while
    // it is in cache: one pass over the kernel per iteration instead of two
    const fuse = iterations < opts.iterations
    if (ok) {
      for (let j = 0; j < m; j++) bv[j] = b * v[j]
      if (fuse) w.fill(0)
      for (let i0 = 0; i0 < n; i0 += ROW_BLOCK) {
        const rows = Math.min(ROW_BLOCK, n - i0)
        arena.dots(i0, rows, bv, r.subarray(i0))
        for (let i = i0; i < i0 + rows; i++) {
          const ri = r[i]
          if (!(ri > LO && ri < HI)) ok = false
          u[i] = relaxed(u[i], ri, omega)
          au[i] = a * u[i]
          rowError += Math.abs(au[i] * ri - a)
        }
        if (fuse) arena.axpy(i0, rows, au.subarray(i0), w)
      }
    }
    exactRows = false
    if (!ok) {
      // absorb g and redo this half exactly (a row underflowed, a scaling grew too large, or eps changed)
      for (let j = 0; j < m; j++) g[j] += eps * Math.log(v[j])
      rowSoftmin(cost, g, b, eps, f, K)
      arena.sync()
      u.fill(1)
      v.fill(1)
      rowError = 0
      rebuilds++
    }
    if (iterations >= opts.iterations) break
    // column update: v = 1 / (K^T (a u)); the same products give the current column marginals
    if (!ok) {
      au.fill(a)
      w.fill(0)
      arena.axpy(0, n, au, w)
    }
    let error = rowError
    for (let j = 0; j < m; j++) error += Math.abs(b * v[j] * w[j] - b)
    if (eps === opts.eps) {
      if (error <= opts.tolerance) {
        converged = true
        break
      }
      // over-relaxation is only locally convergent: fall back to plain Sinkhorn if the error grows
      if (!(error <= 10 * bestError)) omega = 1
      bestError = Math.min(bestError, error)
    }
    ok = true
    for (let j = 0; j < m; j++) {
      const wj = w[j]
      if (!(wj > LO && wj < HI)) ok = false
      v[j] = relaxed(v[j], wj, omega)
    }
    if (!ok) {
      for (let i = 0; i < n; i++) f[i] += eps * Math.log(u[i])
      colSoftmin(cost, f, a, eps, g, K, v)
      arena.sync()
      u.fill(1)
      rebuilds++
    }
    if (eps > opts.eps) {
      // next eps of the annealing: the next row update is exact at the new eps and rebuilds the kernel
      for (let j = 0; j < m; j++) g[j] += eps * Math.log(v[j])
      v.fill(1)
      eps = Math.max(opts.eps, eps * (opts.annealing as number))
      exactRows = true
    }
  }
  const plan = planSummary(cost, K, u, v, a, b)
  return { value: dual(a, f, u, eps) + dual(b, g, v, eps), transportCost: plan.cost, iterations, marginalError: plan.error, converged, rebuilds }
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
