// Class separability of a labelled cloud: tr(S_b) / tr(S_w), the between-class scatter (class sizes
// times squared distances of class means to the overall mean) over the within-class scatter.

/**
 * tr(S_b)/tr(S_w) for a flat [n, d] cloud with labels in 0..classes-1 (other labels are ignored).
 * null when fewer than two classes are present or the within-class scatter is zero.
 */
export function separability(x: ArrayLike<number>, n: number, d: number, labels: Int32Array, classes: number): number | null {
  const sums = new Float64Array(classes * d)
  const counts = new Float64Array(classes)
  if (d === 2)
    // d = 2 unrolled (the same sums in the same order): this runs at every depth over every particle
    for (let i = 0; i < n; i++) {
      const c = labels[i]
      if (!(c >= 0 && c < classes)) continue
      counts[c]++
      sums[2 * c] += x[2 * i]
      sums[2 * c + 1] += x[2 * i + 1]
    }
  else
    for (let i = 0; i < n; i++) {
      const c = labels[i]
      if (!(c >= 0 && c < classes)) continue
      counts[c]++
      for (let j = 0; j < d; j++) sums[c * d + j] += x[i * d + j]
    }
  let present = 0
  let total = 0
  const mean = new Float64Array(d)
  for (let c = 0; c < classes; c++) {
    if (counts[c] === 0) continue
    present++
    total += counts[c]
    for (let j = 0; j < d; j++) mean[j] += sums[c * d + j]
  }
  if (present < 2) return null
  for (let j = 0; j < d; j++) mean[j] /= total
  let between = 0
  for (let c = 0; c < classes; c++) {
    if (counts[c] === 0) continue
    for (let j = 0; j < d; j++) {
      sums[c * d + j] /= counts[c]
      between += counts[c] * (sums[c * d + j] - mean[j]) ** 2
    }
  }
  // residuals against the class means in a second pass (no cancellation of large sums of squares)
  let within = 0
  if (d === 2)
    for (let i = 0; i < n; i++) {
      const c = labels[i]
      if (!(c >= 0 && c < classes)) continue
      const r0 = x[2 * i] - sums[2 * c]
      const r1 = x[2 * i + 1] - sums[2 * c + 1]
      within += r0 * r0
      within += r1 * r1
    }
  else
    for (let i = 0; i < n; i++) {
      const c = labels[i]
      if (!(c >= 0 && c < classes)) continue
      for (let j = 0; j < d; j++) {
        const r = x[i * d + j] - sums[c * d + j]
        within += r * r
      }
    }
  return within > 0 ? between / within : null
}
