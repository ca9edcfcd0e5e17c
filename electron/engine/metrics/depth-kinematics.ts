// Kinematics of a recorded trajectory [S, N, D]: per-step mean displacement and mean squared
// displacement (path length and the implied velocity of the broken line), mean |v|^2 of a velocity
// sample, and the cumulative trapezoid integral over depth used for the kinetic energy.

export interface StepStatistics {
  /** mean over particles of |x_k - x_{k-1}| */
  meanStep: number
  /** mean over particles of |x_k - x_{k-1}|^2 */
  meanSquaredStep: number
}

/** One pass over two consecutive clouds (flat [n, d], same particle order). */
export function stepStatistics(prev: Float32Array, next: Float32Array, n: number, d: number): StepStatistics {
  let sum = 0
  let sumSq = 0
  if (d === 3) {
    // the common cases unrolled (the same sums as the loop below): this runs S * N times per run
    for (let i = 0; i < 3 * n; i += 3) {
      const a = next[i] - prev[i]
      const b = next[i + 1] - prev[i + 1]
      const c = next[i + 2] - prev[i + 2]
      const q = a * a + b * b + c * c
      sumSq += q
      sum += Math.sqrt(q)
    }
  } else if (d === 2) {
    for (let i = 0; i < 2 * n; i += 2) {
      const a = next[i] - prev[i]
      const b = next[i + 1] - prev[i + 1]
      const q = a * a + b * b
      sumSq += q
      sum += Math.sqrt(q)
    }
  } else {
    for (let i = 0; i < n; i++) {
      let q = 0
      for (let j = 0; j < d; j++) {
        const a = next[i * d + j] - prev[i * d + j]
        q += a * a
      }
      sumSq += q
      sum += Math.sqrt(q)
    }
  }
  return { meanStep: n > 0 ? sum / n : 0, meanSquaredStep: n > 0 ? sumSq / n : 0 }
}

/** Mean over rows of |v|^2 for a flat [n, d] array. */
export function meanSquaredNorm(v: ArrayLike<number>, n: number, d: number): number {
  let s = 0
  for (let i = 0; i < n * d; i++) s += v[i] * v[i]
  return n > 0 ? s / n : 0
}
