// The row-parallel passes of Sinkhorn (kernel build, the fused iteration pass, the plan summary) as ONE
// plain-JavaScript source text, compiled on the calling thread and in each helper thread, so every
// thread runs the very same code on its own rows of a shared kernel. A source text rather than a module:
// a worker started from it needs no bundler entry and no TypeScript loader, in the built app and in tests.
//
// Every pass works on rows [i0, i1) and writes only those rows of K, or its own thread's slot of the
// partial sums (column maxima, column sums, w, scalar results), which the calling thread then merges.
// The dense row loops run in the kernels W (WebAssembly SIMD, sinkhorn-wasm.ts, or makeJsKernels below).

/** Views over the shared memory, as the ops see them (thread t uses index t of the per-thread arrays). */
export interface OpsViews {
  n: number
  m: number
  d: number
  x: Float64Array
  /** y transposed to [d, m] */
  yt: Float64Array
  K: Float64Array
  K32: Float32Array | null
  f: Float64Array
  g: Float64Array
  u: Float64Array
  v: Float64Array
  bv: Float64Array
  au: Float64Array
  r: Float64Array
  /** per thread: scratch row, column maxima, column sums / w partials */
  scratch: Float64Array[]
  colA: Float64Array[]
  colB: Float64Array[]
  /** per thread: 4 scalar results */
  out: Float64Array[]
}

export interface WasmKernels {
  dots(k: number, rows: number, m: number, v: number, out: number): void
  axpy(k: number, rows: number, m: number, c: number, w: number): void
  /** for j < m: e = exp((fi - c_j) inv - mx_j), 0 below KERNEL_FLOOR; k64_j = e, k32_j = f32(e) when k32 >= 0, sum_j += e */
  expRow(c: number, mx: number, k64: number, k32: number, sum: number, m: number, fi: number, inv: number): void
  /** out_j = sum_k (x_ik - yt_kj)^2 from xi = the address of x_i and yt that of y transposed */
  costRow(xi: number, yt: number, d: number, m: number, out: number): void
  /** q_j = (ui k_j)(b v_j): col_j += q_j, out[0] = sum_j q_j, out[1] = sum_j q_j c_j */
  planRow(c: number, k: number, v: number, col: number, m: number, out: number, ui: number, b: number): void
  /** mx_j = max(mx_j, (fi - c_j) inv) (a NaN never replaces mx_j) */
  maxRow(c: number, mx: number, m: number, fi: number, inv: number): void
}

/** rows per fused block: eight rows of a 2,000-column kernel (128 kB) stay in cache between the two products */
export const ROW_BLOCK = 8
/** Scalings stay within e^-TAU..e^TAU between rebuilds: entries that matter keep full float64 precision. */
export const TAU = 50
/** Kernel entries below this are stored as 0 (see sinkhorn-kernel.ts: avoids denormal arithmetic). */
export const KERNEL_FLOOR = Math.exp(-200)

export type OpName = 'colMax' | 'colExp' | 'rowPass' | 'plan'
/** op(t, i0, i1, p): p holds the op's scalar parameters */
export type Ops = Record<OpName, (t: number, i0: number, i1: number, p: Float64Array) => void>

/**
 * The source of `function makeOps(V, W) { ... return { colMax, colExp, rowPass, plan } }`.
 * Parameters per op (p): colMax [inv]; colExp [inv]; rowPass [a, omega, fuse]; plan [a, b].
 * Results in V.out[t]: rowPass [rowError, ok]; plan [cost, rowError].
 */
export const OPS_SOURCE = `
function makeOps(V, W) {
  const n = V.n, m = V.m, d = V.d, x = V.x, yt = V.yt
  const LO = ${Math.exp(-TAU)}, HI = ${Math.exp(TAU)}, BLOCK = ${ROW_BLOCK}
  const kBytes = V.K32 ? 4 : 8
  // the row of squared distances C_i. into out (a view into the shared memory)
  function costRow(i, out) {
    if (d === 0) out.fill(0, 0, m)
    else W.costRow(x.byteOffset + 8 * i * d, yt.byteOffset, d, m, out.byteOffset)
  }
  // column maxima of (f_i - C_ij) / eps over this thread's rows, into colA[t]
  function colMax(t, i0, i1, p) {
    const inv = p[0], c = V.scratch[t], mx = V.colA[t], f = V.f
    mx.fill(-Infinity)
    for (let i = i0; i < i1; i++) {
      costRow(i, c)
      W.maxRow(c.byteOffset, mx.byteOffset, m, f[i], inv)
    }
  }
  // K_ij = exp((f_i - C_ij) / eps - max_j) for this thread's rows (merged maxima in colA[0]); column sums into colB[t]
  // (the exponentials in W.expRow: a vectorised exp in wasm, ~10x Math.exp)
  function colExp(t, i0, i1, p) {
    const inv = p[0], c = V.scratch[t], sum = V.colB[t], f = V.f
    const cB = c.byteOffset, mxB = V.colA[0].byteOffset, sB = sum.byteOffset, kB = V.K.byteOffset, k32B = V.K32 ? V.K32.byteOffset : -1
    sum.fill(0)
    for (let i = i0; i < i1; i++) {
      costRow(i, c)
      W.expRow(cB, mxB, kB + 8 * i * m, k32B < 0 ? -1 : k32B + 4 * i * m, sB, m, f[i], inv)
    }
  }
  // the fused iteration pass: r = K (b v) on these rows, the over-relaxed row update of u, and this
  // thread's share of K^T (a u) into colB[t] (when fuse)
  function rowPass(t, i0, i1, p) {
    const a = p[0], omega = p[1], fuse = p[2] !== 0
    const u = V.u, au = V.au, r = V.r, w = V.colB[t]
    let ok = true, err = 0
    if (fuse) w.fill(0)
    for (let b0 = i0; b0 < i1; b0 += BLOCK) {
      const rows = Math.min(BLOCK, i1 - b0)
      W.dots(kBytes * b0 * m, rows, m, V.bv.byteOffset, r.byteOffset + 8 * b0)
      for (let i = b0; i < b0 + rows; i++) {
        const ri = r[i]
        if (!(ri > LO && ri < HI)) ok = false
        u[i] = omega === 1 ? 1 / ri : Math.exp((1 - omega) * Math.log(u[i]) - omega * Math.log(ri))
        au[i] = a * u[i]
        err += Math.abs(au[i] * ri - a)
      }
      if (fuse) W.axpy(kBytes * b0 * m, rows, m, au.byteOffset + 8 * b0, w.byteOffset)
    }
    V.out[t][0] = err
    V.out[t][1] = ok ? 1 : 0
  }
  // <P, C> over these rows, their row-marginal error, and column sums of P into colB[t]
  function plan(t, i0, i1, p) {
    const a = p[0], b = p[1], c = V.scratch[t], col = V.colB[t], u = V.u, o = V.out[t]
    const cB = c.byteOffset, kB = V.K.byteOffset, vB = V.v.byteOffset, colB = col.byteOffset, oB = o.byteOffset + 16
    col.fill(0)
    let total = 0, error = 0
    for (let i = i0; i < i1; i++) {
      costRow(i, c)
      W.planRow(cB, kB + 8 * i * m, vB, colB, m, oB, a * u[i], b)
      total += o[3]
      error += Math.abs(o[2] - a)
    }
    o[0] = total
    o[1] = error
  }
  return { colMax, colExp, rowPass, plan }
}
// the two kernel products in plain JavaScript over the shared buffer (same signature as the wasm ones:
// byte addresses), for where WebAssembly SIMD is unavailable
function makeJsKernels(buffer, float32) {
  const K = float32 ? new Float32Array(buffer) : new Float64Array(buffer)
  const F = new Float64Array(buffer)
  const kb = float32 ? 4 : 8
  function dots(k, rows, m, v, out) {
    let o = k / kb
    const vi = v / 8, oi = out / 8
    for (let r = 0; r < rows; r++, o += m) {
      let s = 0
      for (let j = 0; j < m; j++) s += K[o + j] * F[vi + j]
      F[oi + r] = s
    }
  }
  function axpy(k, rows, m, c, w) {
    let o = k / kb
    const ci = c / 8, wi = w / 8
    for (let r = 0; r < rows; r++, o += m) {
      const cr = F[ci + r]
      for (let j = 0; j < m; j++) F[wi + j] += cr * K[o + j]
    }
  }
  // Math.exp, the floor as in the wasm expRow (which may differ from it by an ulp or so)
  const F32 = new Float32Array(buffer)
  function expRow(c, mx, k64, k32, sum, m, fi, inv) {
    const ci = c / 8, mi = mx / 8, ki = k64 / 8, si = sum / 8, k4 = k32 / 4
    for (let j = 0; j < m; j++) {
      let e = Math.exp((fi - F[ci + j]) * inv - F[mi + j])
      if (e < ${KERNEL_FLOOR}) e = 0
      F[ki + j] = e
      if (k32 >= 0) F32[k4 + j] = e
      F[si + j] += e
    }
  }
  function costRow(xi, yt, d, m, out) {
    const xo = xi / 8, yo = yt / 8, oo = out / 8
    const a0 = F[xo]
    for (let j = 0; j < m; j++) { const t = a0 - F[yo + j]; F[oo + j] = t * t }
    for (let k = 1; k < d; k++) {
      const a = F[xo + k], off = yo + k * m
      for (let j = 0; j < m; j++) { const t = a - F[off + j]; F[oo + j] += t * t }
    }
  }
  function planRow(c, k, v, col, m, out, ui, b) {
    const ci = c / 8, ki = k / 8, vi = v / 8, coli = col / 8
    let row = 0, cost = 0
    for (let j = 0; j < m; j++) {
      const q = ui * F[ki + j] * (b * F[vi + j])
      F[coli + j] += q
      row += q
      cost += q * F[ci + j]
    }
    F[out / 8] = row
    F[out / 8 + 1] = cost
  }
  function maxRow(c, mx, m, fi, inv) {
    const ci = c / 8, mi = mx / 8
    for (let j = 0; j < m; j++) { const z = (fi - F[ci + j]) * inv; if (z > F[mi + j]) F[mi + j] = z }
  }
  return { dots, axpy, expRow, costRow, planRow, maxRow }
}
// the wasm kernels the ops call, from the module's exports (float32: the products read the float32 kernel)
function pickKernels(e, float32) {
  const rows = { costRow: e.costRow, planRow: e.planRow, maxRow: e.maxRow }
  return float32 ? { dots: e.dots32, axpy: e.axpy32, expRow: e.expRow32, ...rows } : { dots: e.dots, axpy: e.axpy, expRow: e.expRow, ...rows }
}`

interface Compiled {
  makeOps(v: OpsViews, w: WasmKernels): Ops
  makeJsKernels(buffer: ArrayBufferLike, float32: boolean): WasmKernels
  pickKernels(exports: Record<string, (...a: number[]) => void>, float32: boolean): WasmKernels
}
let compiled: Compiled | undefined

/** The ops and the plain-JS kernels, compiled on this thread from the text the helper threads evaluate. */
export function opsModule(): Compiled {
  // no user input reaches this text
  compiled ??= new Function(`${OPS_SOURCE}\nreturn { makeOps, makeJsKernels, pickKernels }`)() as Compiled
  return compiled
}
