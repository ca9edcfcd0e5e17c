// Entropic OT with the kernel passes split by rows across threads (shared.ts): the same
// iteration as the single-thread solver (index.ts) — start from u = 1, update the column
// potential, then the row potential, with exact log-domain rebuilds whenever a scaling leaves
// [e^-TAU, e^TAU] — so after k iterations the plan equals POT's after k iterations up to rounding.
import { dual, HI, LO, relaxed, startEps, type EntropicOtResult, type SinkhornOptions } from './common'
import { rowSoftmin, SquaredCost } from './kernel'
import type { SharedProblem } from './shared'

/** Exact column soft-min in scaling form (see colSoftmin in kernel.ts), row-parallel. */
function colSoftmin(P: SharedProblem, w: number, eps: number, scratch: Float64Array): void {
  const { m, g, v, colA } = P.V
  P.run('colMax', 1 / eps)
  const mx = colA[0]
  for (let t = 1; t < P.threads; t++) {
    const q = colA[t]
    for (let j = 0; j < m; j++) if (q[j] > mx[j]) mx[j] = q[j]
  }
  P.run('colExp', 1 / eps)
  P.sumColumns('colB', m, scratch)
  for (let j = 0; j < m; j++) {
    g[j] = -eps * mx[j]
    v[j] = 1 / (scratch[j] * w)
  }
}

export function solveShared(P: SharedProblem, x: Float64Array, y: Float64Array, opts: SinkhornOptions): EntropicOtResult {
  const { n, m, d, K, K32, f, g, u, v, bv, au, out } = P.V
  const cost = new SquaredCost(x, n, y, m, d)
  const a = 1 / n
  const b = 1 / m
  const w = new Float64Array(m)
  const sync = (): void => void K32?.set(K)
  u.fill(1)
  v.fill(1)
  let eps = startEps(x, n, y, m, d, opts)
  let omega = opts.overRelaxation ?? 1
  let exactRows = false
  let bestError = Infinity

  // iteration 1, first half, exactly in the log domain (f = 0)
  colSoftmin(P, a, eps, w)
  let rebuilds = 1
  let iterations = 0
  let converged = false
  for (;;) {
    iterations++
    // row update: u = 1 / (K (b v)), over-relaxed; unless this is the last half-step the same pass adds
    // each row block's share of K^T (a u) while it is in cache
    let ok = !exactRows
    let rowError = 0
    const fuse = iterations < opts.iterations
    if (ok) {
      for (let j = 0; j < m; j++) bv[j] = b * v[j]
      P.run('rowPass', a, omega, fuse ? 1 : 0)
      rowError = P.sumOut(0)
      for (let t = 0; t < P.threads; t++) if (out[t][1] !== 1) ok = false
      if (fuse) P.sumColumns('colB', m, w)
    }
    exactRows = false
    if (!ok) {
      // absorb g and redo this half exactly (a row underflowed, a scaling grew too large, or eps changed)
      for (let j = 0; j < m; j++) g[j] += eps * Math.log(v[j])
      rowSoftmin(cost, g, b, eps, f, K)
      sync()
      u.fill(1)
      v.fill(1)
      rowError = 0
      rebuilds++
    }
    if (iterations >= opts.iterations) break
    // column update: v = 1 / (K^T (a u)); the same products give the current column marginals
    if (!ok) {
      au.fill(a)
      const acc = P.V.colB[0]
      acc.fill(0)
      P.kernels.axpy(0, n, m, au.byteOffset, acc.byteOffset)
      w.set(acc.subarray(0, m))
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
      colSoftmin(P, a, eps, w)
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
  P.run('plan', a, b)
  P.sumColumns('colB', m, w)
  let planError = P.sumOut(1)
  for (let j = 0; j < m; j++) planError += Math.abs(w[j] - b)
  return { value: dual(a, f, u, eps) + dual(b, g, v, eps), transportCost: P.sumOut(0), iterations, marginalError: planError, converged, rebuilds }
}
