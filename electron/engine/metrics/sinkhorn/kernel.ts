// Dense building blocks of the Sinkhorn solvers (sinkhorn.ts): rows of the squared Euclidean cost and the
// exact log-sum-exp soft-min updates that (re)build the stabilised kernel (the row-parallel passes of
// OT(a, b) are in ops.ts); the kernel-vector products every
// iteration spends its time in are in wasm.ts. Flat row-major Float64Arrays, no per-entry allocation.

/**
 * Kernel entries below this are stored as 0. Between rebuilds the scalings stay within e^+-50, so such an
 * entry weighs less than e^-100 of its row; keeping it would only risk denormal arithmetic, which is
 * many times slower than normal floating point on x86.
 */
const KERNEL_FLOOR = Math.exp(-200)

/** Squared distances |x_i - y_j|^2 one row at a time, y held per coordinate so the inner loop is flat. */
export class SquaredCost {
  private readonly yt: Float64Array

  constructor(
    private readonly x: Float64Array,
    readonly n: number,
    y: Float64Array,
    readonly m: number,
    readonly d: number
  ) {
    this.yt = new Float64Array(m * d)
    for (let j = 0; j < m; j++) for (let k = 0; k < d; k++) this.yt[k * m + j] = y[j * d + k]
  }

  /** out[j] = |x_i - y_j|^2 for j < m */
  row(i: number, out: Float64Array): void {
    const { x, yt, m, d } = this
    const o = i * d
    if (d === 1) {
      const a = x[o]
      for (let j = 0; j < m; j++) {
        const t = a - yt[j]
        out[j] = t * t
      }
    } else if (d === 2) {
      const a = x[o]
      const b = x[o + 1]
      for (let j = 0; j < m; j++) {
        const t = a - yt[j]
        const u = b - yt[m + j]
        out[j] = t * t + u * u
      }
    } else if (d === 3) {
      const a = x[o]
      const b = x[o + 1]
      const c = x[o + 2]
      for (let j = 0; j < m; j++) {
        const t = a - yt[j]
        const u = b - yt[m + j]
        const v = c - yt[2 * m + j]
        out[j] = t * t + u * u + v * v
      }
    } else {
      out.fill(0, 0, m)
      for (let k = 0; k < d; k++) {
        const a = x[o + k]
        const off = k * m
        for (let j = 0; j < m; j++) {
          const t = a - yt[off + j]
          out[j] += t * t
        }
      }
    }
  }
}

/**
 * Exact soft-min of rows, out_i = -eps log sum_j w exp((p_j - C_ij)/eps), by a stable log-sum-exp.
 * With `kernel` [n, m], also writes K_ij = exp((out_i + p_j - C_ij)/eps), whose rows then sum to 1/w.
 */
export function rowSoftmin(cost: SquaredCost, p: Float64Array, w: number, eps: number, out: Float64Array, kernel?: Float64Array): void {
  const { n, m } = cost
  const z = new Float64Array(m)
  const inv = 1 / eps
  for (let i = 0; i < n; i++) {
    cost.row(i, z)
    let mx = -Infinity
    for (let j = 0; j < m; j++) {
      const v = (p[j] - z[j]) * inv
      z[j] = v
      if (v > mx) mx = v
    }
    let s = 0
    if (kernel) {
      const o = i * m
      for (let j = 0; j < m; j++) {
        const e = Math.exp(z[j] - mx)
        kernel[o + j] = e
        s += e
      }
      const c = 1 / (s * w)
      for (let j = 0; j < m; j++) {
        const k = kernel[o + j] * c
        kernel[o + j] = k < KERNEL_FLOOR ? 0 : k
      }
    } else for (let j = 0; j < m; j++) s += Math.exp(z[j] - mx)
    out[i] = -eps * (mx + Math.log(s * w))
  }
}

/** Symmetric kernel K_ij = exp((p_i + p_j - C_ij)/eps) of a cloud with itself, each pair computed once. */
export function symmetricKernel(cost: SquaredCost, p: Float64Array, eps: number, K: Float64Array): void {
  const { n } = cost
  const inv = 1 / eps
  const c = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const pi = p[i]
    cost.row(i, c)
    for (let j = i; j < n; j++) {
      let k = Math.exp((pi + p[j] - c[j]) * inv)
      if (k < KERNEL_FLOOR) k = 0
      K[i * n + j] = k
      K[j * n + i] = k
    }
  }
}

/** <P, C> and the L1 errors of both marginals of P_ij = a u_i K_ij v_j b. */
export function planSummary(cost: SquaredCost, K: Float64Array, u: Float64Array, v: Float64Array, a: number, b: number): { cost: number; error: number } {
  const { n, m } = cost
  const col = new Float64Array(m)
  const c = new Float64Array(m)
  const bv = Float64Array.from(v, (x) => x * b)
  let total = 0
  let error = 0
  for (let i = 0; i < n; i++) {
    const o = i * m
    const ui = a * u[i]
    cost.row(i, c)
    let rowCost = 0
    let row = 0
    for (let j = 0; j < m; j++) {
      const p = ui * K[o + j] * bv[j]
      col[j] += p
      row += p
      rowCost += p * c[j]
    }
    total += rowCost
    error += Math.abs(row - a)
  }
  for (let j = 0; j < m; j++) error += Math.abs(col[j] - b)
  return { cost: total, error }
}
