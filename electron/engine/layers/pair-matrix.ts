// The two n x n matrices the layer metrics are built on, squared distances (kNN) and inner products (CKA's
// Gram matrix), with each row paired to four partners at once: the row's value is loaded once for four
// sums, which halves the time of the plain double loop in V8 (measured: 2.5 s -> 1.3 s CPU at n = 1000,
// w = 2048). Each entry still adds its terms in feature order 0, 1, ..., w - 1 into its own accumulator,
// so the result is bitwise the plain loop's: this changes the speed, not the numbers.

/** Row i against rows j..j+3: four sums over the features, written to out[i n + j ..]. */
function fourSquaredDistances(x: Float64Array, w: number, i: number, j: number, out: Float64Array, at: number): void {
  const oi = i * w
  const o0 = j * w
  const o1 = o0 + w
  const o2 = o1 + w
  const o3 = o2 + w
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  for (let c = 0; c < w; c++) {
    const v = x[oi + c]
    const t0 = v - x[o0 + c]
    const t1 = v - x[o1 + c]
    const t2 = v - x[o2 + c]
    const t3 = v - x[o3 + c]
    s0 += t0 * t0
    s1 += t1 * t1
    s2 += t2 * t2
    s3 += t3 * t3
  }
  out[at] = s0
  out[at + 1] = s1
  out[at + 2] = s2
  out[at + 3] = s3
}

function fourDots(x: Float64Array, w: number, i: number, j: number, out: Float64Array, at: number): void {
  const oi = i * w
  const o0 = j * w
  const o1 = o0 + w
  const o2 = o1 + w
  const o3 = o2 + w
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  for (let c = 0; c < w; c++) {
    const v = x[oi + c]
    s0 += v * x[o0 + c]
    s1 += v * x[o1 + c]
    s2 += v * x[o2 + c]
    s3 += v * x[o3 + c]
  }
  out[at] = s0
  out[at + 1] = s1
  out[at + 2] = s2
  out[at + 3] = s3
}

function mirror(out: Float64Array, n: number): Float64Array {
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out[j * n + i] = out[i * n + j]
  return out
}

/** The symmetric [n, n] matrix of squared distances between the rows of x [n, w] (zero diagonal). */
export function squaredDistanceMatrix(x: Float64Array, n: number, w: number): Float64Array {
  const out = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    let j = i + 1
    for (; j + 3 < n; j += 4) fourSquaredDistances(x, w, i, j, out, i * n + j)
    for (; j < n; j++) {
      let s = 0
      for (let c = 0; c < w; c++) {
        const t = x[i * w + c] - x[j * w + c]
        s += t * t
      }
      out[i * n + j] = s
    }
  }
  return mirror(out, n)
}

/** The Gram matrix X X^T [n, n] of the rows of x [n, w]. */
export function gramMatrix(x: Float64Array, n: number, w: number): Float64Array {
  const out = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    let j = i
    for (; j + 3 < n; j += 4) fourDots(x, w, i, j, out, i * n + j)
    for (; j < n; j++) {
      let s = 0
      for (let c = 0; c < w; c++) s += x[i * w + c] * x[j * w + c]
      out[i * n + j] = s
    }
  }
  return mirror(out, n)
}
