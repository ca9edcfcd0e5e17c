// The row-parallel passes of Sinkhorn (kernel build, the fused iteration pass, the plan summary) as ONE
// plain-JavaScript source text, compiled on the calling thread and in each helper thread, so every
// thread runs the very same code on its own rows of a shared kernel. A source text rather than a module:
// a worker started from it needs no bundler entry and no TypeScript loader, in the built app and in tests.
//
// Every pass works on rows [i0, i1) and writes only those rows of K, or its own thread's slot of the
// partial sums (column maxima, column sums, w, scalar results), which the calling thread then merges.

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
  const FLOOR = ${KERNEL_FLOOR}, LO = ${Math.exp(-TAU)}, HI = ${Math.exp(TAU)}, BLOCK = ${ROW_BLOCK}
  const kBytes = V.K32 ? 4 : 8
  function costRow(i, out) {
    const o = i * d
    if (d === 1) { const a = x[o]; for (let j = 0; j < m; j++) { const t = a - yt[j]; out[j] = t * t } }
    else if (d === 2) { const a = x[o], b = x[o + 1]; for (let j = 0; j < m; j++) { const t = a - yt[j], u = b - yt[m + j]; out[j] = t * t + u * u } }
    else if (d === 3) { const a = x[o], b = x[o + 1], c = x[o + 2]; for (let j = 0; j < m; j++) { const t = a - yt[j], u = b - yt[m + j], w = c - yt[2 * m + j]; out[j] = t * t + u * u + w * w } }
    else { out.fill(0, 0, m); for (let k = 0; k < d; k++) { const a = x[o + k], off = k * m; for (let j = 0; j < m; j++) { const t = a - yt[off + j]; out[j] += t * t } } }
  }
  // column maxima of (f_i - C_ij) / eps over this thread's rows, into colA[t]
  function colMax(t, i0, i1, p) {
    const inv = p[0], c = V.scratch[t], mx = V.colA[t], f = V.f
    mx.fill(-Infinity)
    for (let i = i0; i < i1; i++) {
      const fi = f[i]
      costRow(i, c)
      for (let j = 0; j < m; j++) { const z = (fi - c[j]) * inv; if (z > mx[j]) mx[j] = z }
    }
  }
  // K_ij = exp((f_i - C_ij) / eps - max_j) for this thread's rows (merged maxima in colA[0]); column sums into colB[t]
  function colExp(t, i0, i1, p) {
    const inv = p[0], c = V.scratch[t], mx = V.colA[0], sum = V.colB[t], f = V.f, K = V.K, K32 = V.K32
    sum.fill(0)
    for (let i = i0; i < i1; i++) {
      const o = i * m, fi = f[i]
      costRow(i, c)
      for (let j = 0; j < m; j++) {
        let e = Math.exp((fi - c[j]) * inv - mx[j])
        if (e < FLOOR) e = 0
        K[o + j] = e
        sum[j] += e
      }
      if (K32) K32.set(K.subarray(o, o + m), o)
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
    const a = p[0], b = p[1], c = V.scratch[t], col = V.colB[t], K = V.K, u = V.u, v = V.v
    col.fill(0)
    let total = 0, error = 0
    for (let i = i0; i < i1; i++) {
      const o = i * m, ui = a * u[i]
      costRow(i, c)
      let rowCost = 0, row = 0
      for (let j = 0; j < m; j++) {
        const q = ui * K[o + j] * (b * v[j])
        col[j] += q
        row += q
        rowCost += q * c[j]
      }
      total += rowCost
      error += Math.abs(row - a)
    }
    V.out[t][0] = total
    V.out[t][1] = error
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
  return { dots, axpy }
}`

interface Compiled {
  makeOps(v: OpsViews, w: WasmKernels): Ops
  makeJsKernels(buffer: ArrayBufferLike, float32: boolean): WasmKernels
}
let compiled: Compiled | undefined

/** The ops and the plain-JS kernels, compiled on this thread from the text the helper threads evaluate. */
export function opsModule(): Compiled {
  // no user input reaches this text
  compiled ??= new Function(`${OPS_SOURCE}\nreturn { makeOps, makeJsKernels }`)() as Compiled
  return compiled
}
