// metrics.csv: one row per depth sample, the DepthMetrics flattened into plain columns that a
// spreadsheet or pandas reads directly (numbers in shortest round-trip form).
import type { DepthMetrics } from '../../../shared/run'

export function metricsCsvHeader(dim: number): string[] {
  const cols = ['depth']
  for (let i = 0; i < dim; i++) cols.push(`mean_${i}`)
  for (let i = 0; i < dim; i++) for (let j = i; j < dim; j++) cols.push(`cov_${i}_${j}`)
  cols.push('entropy', 'entropy_method', 'sliced_w2_to_input')
  for (let i = 0; i < dim; i++) cols.push(`w2_axis_${i}`)
  return cols
}

export function metricsCsv(rows: readonly DepthMetrics[], dim: number): string {
  const lines = [metricsCsvHeader(dim).join(',')]
  for (const r of rows) {
    const cells: (number | string)[] = [r.depth, ...r.mean]
    for (let i = 0; i < dim; i++) for (let j = i; j < dim; j++) cells.push(r.covariance[i][j])
    cells.push(r.entropy, r.entropyMethod, r.slicedW2ToInput, ...r.w2AxisToInput)
    lines.push(cells.map(String).join(','))
  }
  return lines.join('\n') + '\n'
}
