// The row-parallel passes of Sinkhorn (kernel build, the fused iteration pass, the plan summary), run by
// the calling thread and by each helper thread (worker.ts imports this module), so every thread runs the
// very same code on its own rows of a shared kernel.
//
// Every pass works on rows [i0, i1) and writes only those rows of K, or its own thread's slot of the
// partial sums (column maxima, column sums, w, scalar results), which the calling thread then merges.
// The dense row loops run in the kernels W (WebAssembly SIMD, wasm.ts, or makeJsKernels below).

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
/** Kernel entries below this are stored as 0 (see kernel.ts: avoids denormal arithmetic). */
export const KERNEL_FLOOR = Math.exp(-200)

export type OpName = 'colMax' | 'colExp' | 'rowPass' | 'plan'
/** op(t, i0, i1, p): p holds the op's scalar parameters */
export type Ops = Record<OpName, (t: number, i0: number, i1: number, p: Float64Array) => void>

/**
 * The passes over views V with kernels W.
 * Parameters per op (p): colMax [inv]; colExp [inv]; rowPass [a, omega, fuse]; plan [a, b].
 * Results in V.out[t]: rowPass [rowError, ok]; plan [cost, rowError].
 */
export function makeOps(V: OpsViews, W: WasmKernels): Ops {
  const m = V.m,
    d = V.d,
    x = V.x,
    yt = V.yt
  const LO = Math.exp(-TAU),
    HI = Math.exp(TAU),
    BLOCK = ROW_BLOCK
  const kBytes = V.K32 ? 4 : 8
  // the row of squared distances C_i. into out (a view into the shared memory)
  function costRow(i: number, out: Float64Array): void {
    if (d === 0) out.fill(0, 0, m)
    else W.costRow(x.byteOffset + 8 * i * d, yt.byteOffset, d, m, out.byteOffset)
  }
  // column maxima of (f_i - C_ij) / eps over this thread's rows, into colA[t]
  function colMax(t: number, i0: number, i1: number, p: Float64Array): void {
    const inv = p[0],
      c = V.scratch[t],
      mx = V.colA[t],
      f = V.f
    mx.fill(-Infinity)
    for (let i = i0; i < i1; i++) {
      costRow(i, c)
      W.maxRow(c.byteOffset, mx.byteOffset, m, f[i], inv)
    }
  }
  // K_ij = exp((f_i - C_ij) / eps - max_j) for this thread's rows (merged maxima in colA[0]); column sums into colB[t]
  // (the exponentials in W.expRow: a vectorised exp in wasm, ~10x Math.exp)
  function colExp(t: number, i0: number, i1: number, p: Float64Array): void {
    const inv = p[0],
      c = V.scratch[t],
      sum = V.colB[t],
      f = V.f
    const cB = c.byteOffset,
      mxB = V.colA[0].byteOffset,
      sB = sum.byteOffset,
      kB = V.K.byteOffset,
      k32B = V.K32 ? V.K32.byteOffset : -1
    sum.fill(0)
    for (let i = i0; i < i1; i++) {
      costRow(i, c)
      W.expRow(cB, mxB, kB + 8 * i * m, k32B < 0 ? -1 : k32B + 4 * i * m, sB, m, f[i], inv)
    }
  }
  // the fused iteration pass: r = K (b v) on these rows, the over-relaxed row update of u, and this
  // thread's share of K^T (a u) into colB[t] (when fuse)
  function rowPass(t: number, i0: number, i1: number, p: Float64Array): void {
    const a = p[0],
      omega = p[1],
      fuse = p[2] !== 0
    const u = V.u,
      au = V.au,
      r = V.r,
      w = V.colB[t]
    let ok = true,
      err = 0
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
  function plan(t: number, i0: number, i1: number, p: Float64Array): void {
    const a = p[0],
      b = p[1],
      c = V.scratch[t],
      col = V.colB[t],
      u = V.u,
      o = V.out[t]
    const cB = c.byteOffset,
      kB = V.K.byteOffset,
      vB = V.v.byteOffset,
      colB = col.byteOffset,
      oB = o.byteOffset + 16
    col.fill(0)
    let total = 0,
      error = 0
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

/** The wasm kernels the ops call, from the module's exports (float32: the products read the float32 kernel). */
export function pickKernels(e: Record<string, (...a: number[]) => void>, float32: boolean): WasmKernels {
  const rows = { costRow: e.costRow, planRow: e.planRow, maxRow: e.maxRow }
  return float32 ? { dots: e.dots32, axpy: e.axpy32, expRow: e.expRow32, ...rows } : { dots: e.dots, axpy: e.axpy, expRow: e.expRow, ...rows }
}
