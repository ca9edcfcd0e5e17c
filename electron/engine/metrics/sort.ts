// Fast ascending sort of float32 values (LSD radix sort on order-preserving uint32 keys): the per-depth
// metrics sort hundreds of arrays of up to 10^5 values, where this is ~3x faster than TypedArray.sort.
// NaN sorts above +Infinity (and -NaN below -Infinity); the engine rejects non-finite positions earlier.

const BITS = 11
const BUCKETS = 1 << BITS
const MASK = BUCKETS - 1

/** Reusable buffers so repeated sorts of the same length allocate nothing. */
export class Float32Sorter {
  private keys = new Int32Array(0)
  private tmp = new Int32Array(0)
  private readonly counts = new Int32Array(BUCKETS * 3)

  /** Sort `values` ascending into `out` (which may be `values` itself). Returns `out`. */
  sort(values: Float32Array, out: Float32Array = new Float32Array(values.length)): Float32Array {
    return this.sortStrided(values, 0, 1, values.length, out)
  }

  /**
   * Sort column `axis` of the flat row-major [n, d] cloud `x` into `out` (length n): the same result as
   * sorting column(x, n, d, axis), read in place (the per-depth metrics sort every axis of 10^6 rows).
   */
  sortColumn(x: Float32Array, n: number, d: number, axis: number, out: Float32Array): Float32Array {
    if (x.length !== n * d || axis < 0 || axis >= d) throw new Error(`no column ${axis} in [${n}, ${d}] (${x.length} values)`)
    return this.sortStrided(x, axis, d, n, out)
  }

  /** values[offset + i * stride] for i < n, ascending, into `out` */
  private sortStrided(values: Float32Array, offset: number, stride: number, n: number, out: Float32Array): Float32Array {
    if (out.length !== n) throw new Error('output length must equal input length')
    // below a few thousand values the bucket bookkeeping costs more than a comparison sort
    if (n < 4096) {
      if (stride === 1) {
        if (out !== values) out.set(values)
      } else for (let i = 0; i < n; i++) out[i] = values[offset + i * stride]
      return out.sort()
    }
    if (this.keys.length < n) {
      this.keys = new Int32Array(n)
      this.tmp = new Int32Array(n)
    }
    const bits = new Int32Array(values.buffer, values.byteOffset, values.length)
    const c = this.counts
    c.fill(0)
    const a = this.keys
    const b = this.tmp
    // flip all bits of negatives, only the sign bit of positives: unsigned order == float order
    // (int32 arithmetic throughout keeps V8 on untagged integers)
    for (let i = 0, p = offset; i < n; i++, p += stride) {
      const x = bits[p]
      const k = x ^ ((x >> 31) | 0x80000000)
      c[k & MASK]++
      c[BUCKETS + ((k >>> BITS) & MASK)]++
      c[2 * BUCKETS + (k >>> (2 * BITS))]++
    }
    for (let p = 0; p < 3; p++) {
      let s = 0
      const off = p * BUCKETS
      for (let j = 0; j < BUCKETS; j++) {
        const v = c[off + j]
        c[off + j] = s
        s += v
      }
    }
    // the first pass reads the floats (keys made on the fly) and the last writes them back: two passes
    // over the n values fewer than keying and unkeying separately
    for (let i = 0, p = offset; i < n; i++, p += stride) {
      const x = bits[p]
      const k = x ^ ((x >> 31) | 0x80000000)
      a[c[k & MASK]++] = k
    }
    for (let i = 0; i < n; i++) {
      const k = a[i]
      b[c[BUCKETS + ((k >>> BITS) & MASK)]++] = k
    }
    const o = new Int32Array(out.buffer, out.byteOffset, n)
    const top = 2 * BUCKETS
    for (let i = 0; i < n; i++) {
      const k = b[i]
      o[c[top + (k >>> (2 * BITS))]++] = k ^ ((~k >> 31) | 0x80000000)
    }
    return out
  }
}

/** k-th smallest value (0-based) of `a`, rearranging it (Hoare selection, expected O(n)). */
export function selectKth(a: Float64Array, k: number): number {
  let lo = 0
  let hi = a.length - 1
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1]
    let i = lo
    let j = hi
    while (i <= j) {
      while (a[i] < pivot) i++
      while (a[j] > pivot) j--
      if (i <= j) {
        const t = a[i]
        a[i] = a[j]
        a[j] = t
        i++
        j--
      }
    }
    if (k <= j) hi = j
    else if (k >= i) lo = i
    else return a[k]
  }
  return a[k]
}
