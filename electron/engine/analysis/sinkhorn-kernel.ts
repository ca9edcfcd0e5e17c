// Dense building blocks of the Sinkhorn solvers (sinkhorn.ts): rows of the squared Euclidean cost, exact
// log-sum-exp soft-min updates that also (re)build the stabilised kernel, and the kernel-vector products
// every iteration spends its time in. Flat row-major Float64Arrays; nothing here allocates per entry.

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

/**
 * Exact column soft-min g_j = -eps log sum_i w exp((f_i - C_ij)/eps) and the kernel K [n, m] for (f, g),
 * whose columns then sum to 1/w: three row-major passes (exponents and column maxima, exponentials and
 * column sums, scaling), one exp per entry.
 */
export function colSoftmin(cost: SquaredCost, f: Float64Array, w: number, eps: number, g: Float64Array, K: Float64Array): void {
  const { n, m } = cost
  const inv = 1 / eps
  const mx = new Float64Array(m).fill(-Infinity)
  const sum = new Float64Array(m)
  const c = new Float64Array(m)
  for (let i = 0; i < n; i++) {
    const o = i * m
    const fi = f[i]
    cost.row(i, c)
    for (let j = 0; j < m; j++) {
      const z = (fi - c[j]) * inv
      K[o + j] = z
      if (z > mx[j]) mx[j] = z
    }
  }
  for (let i = 0; i < n; i++) {
    const o = i * m
    for (let j = 0; j < m; j++) {
      const e = Math.exp(K[o + j] - mx[j])
      K[o + j] = e
      sum[j] += e
    }
  }
  for (let j = 0; j < m; j++) {
    g[j] = -eps * (mx[j] + Math.log(sum[j] * w))
    sum[j] = 1 / (sum[j] * w)
  }
  for (let i = 0; i < n; i++) {
    const o = i * m
    for (let j = 0; j < m; j++) {
      const k = K[o + j] * sum[j]
      K[o + j] = k < KERNEL_FLOOR ? 0 : k
    }
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

/**
 * out_i = sum_j K_ij v_j, eight rows at a time: each load of v serves eight products and the eight
 * independent sums keep the floating-point adders busy (about 20% faster than four rows here; V8 has no SIMD).
 */
export function rowProducts(K: Float64Array, n: number, m: number, v: Float64Array, out: Float64Array): void {
  let i = 0
  for (; i + 7 < n; i += 8) {
    const o0 = i * m
    const o1 = o0 + m
    const o2 = o1 + m
    const o3 = o2 + m
    const o4 = o3 + m
    const o5 = o4 + m
    const o6 = o5 + m
    const o7 = o6 + m
    let s0 = 0
    let s1 = 0
    let s2 = 0
    let s3 = 0
    let s4 = 0
    let s5 = 0
    let s6 = 0
    let s7 = 0
    for (let j = 0; j < m; j++) {
      const vj = v[j]
      s0 += K[o0 + j] * vj
      s1 += K[o1 + j] * vj
      s2 += K[o2 + j] * vj
      s3 += K[o3 + j] * vj
      s4 += K[o4 + j] * vj
      s5 += K[o5 + j] * vj
      s6 += K[o6 + j] * vj
      s7 += K[o7 + j] * vj
    }
    out[i] = s0
    out[i + 1] = s1
    out[i + 2] = s2
    out[i + 3] = s3
    out[i + 4] = s4
    out[i + 5] = s5
    out[i + 6] = s6
    out[i + 7] = s7
  }
  for (; i < n; i++) {
    const o = i * m
    let s = 0
    for (let j = 0; j < m; j++) s += K[o + j] * v[j]
    out[i] = s
  }
}

/** out_j = sum_i c_i K_ij, eight rows at a time (one load and store of out per eight products). */
export function columnProducts(K: Float64Array, n: number, m: number, c: Float64Array, out: Float64Array): void {
  out.fill(0)
  let i = 0
  for (; i + 7 < n; i += 8) {
    const o0 = i * m
    const o1 = o0 + m
    const o2 = o1 + m
    const o3 = o2 + m
    const o4 = o3 + m
    const o5 = o4 + m
    const o6 = o5 + m
    const o7 = o6 + m
    const c0 = c[i]
    const c1 = c[i + 1]
    const c2 = c[i + 2]
    const c3 = c[i + 3]
    const c4 = c[i + 4]
    const c5 = c[i + 5]
    const c6 = c[i + 6]
    const c7 = c[i + 7]
    for (let j = 0; j < m; j++)
      out[j] += c0 * K[o0 + j] + c1 * K[o1 + j] + (c2 * K[o2 + j] + c3 * K[o3 + j]) + (c4 * K[o4 + j] + c5 * K[o5 + j] + (c6 * K[o6 + j] + c7 * K[o7 + j]))
  }
  for (; i < n; i++) {
    const o = i * m
    const ci = c[i]
    for (let j = 0; j < m; j++) out[j] += ci * K[o + j]
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
