// metrics.csv: one row per depth sample, the DepthMetrics flattened into plain columns that a
// spreadsheet or pandas reads directly (numbers in shortest round-trip form; an empty cell where a
// value is undefined, e.g. the speed at depth 0). The per-depth analysis columns follow when recorded.
import type { DepthMetrics } from '../../../shared/run'

type Cell = number | string | null | undefined

/** Scalar analysis columns: CSV name and field, written when the first row has the field. */
const SCALARS: [string, keyof DepthMetrics][] = [
  ['sliced_w2_step', 'slicedW2Step'],
  ['speed', 'speed'],
  ['mean_sq_velocity', 'meanSquaredVelocity'],
  ['kinetic_energy', 'kineticEnergy'],
  ['path_length', 'pathLength'],
  ['merged_fraction', 'mergedFraction'],
  ['separability', 'separability']
]

function presentScalars(rows: readonly DepthMetrics[]): [string, keyof DepthMetrics][] {
  const first = rows[0]
  return first ? SCALARS.filter(([, key]) => key in first && first[key] !== undefined) : []
}

/** Header of metrics.csv; without rows (or rows of an older run) only the original columns. */
export function metricsCsvHeader(dim: number, rows: readonly DepthMetrics[] = []): string[] {
  const cols = ['depth']
  for (let i = 0; i < dim; i++) cols.push(`mean_${i}`)
  for (let i = 0; i < dim; i++) for (let j = i; j < dim; j++) cols.push(`cov_${i}_${j}`)
  cols.push('entropy', 'entropy_method', 'sliced_w2_to_input')
  for (let i = 0; i < dim; i++) cols.push(`w2_axis_${i}`)
  for (const [name] of presentScalars(rows)) cols.push(name)
  if (rows[0]?.sigmas) for (let i = 0; i < dim; i++) cols.push(`sigma_${i}`)
  if (rows[0]?.gradientFlowSigmas) for (let i = 0; i < dim; i++) cols.push(`gradient_flow_sigma_${i}`)
  return cols
}

const text = (c: Cell): string => (c === null || c === undefined ? '' : String(c))

export function metricsCsv(rows: readonly DepthMetrics[], dim: number): string {
  const scalars = presentScalars(rows)
  const lines = [metricsCsvHeader(dim, rows).join(',')]
  for (const r of rows) {
    const cells: Cell[] = [r.depth, ...r.mean]
    for (let i = 0; i < dim; i++) for (let j = i; j < dim; j++) cells.push(r.covariance[i][j])
    cells.push(r.entropy, r.entropyMethod, r.slicedW2ToInput, ...r.w2AxisToInput)
    for (const [, key] of scalars) cells.push(r[key] as Cell)
    if (rows[0].sigmas) for (let i = 0; i < dim; i++) cells.push(r.sigmas?.[i])
    if (rows[0].gradientFlowSigmas) for (let i = 0; i < dim; i++) cells.push(r.gradientFlowSigmas?.[i])
    lines.push(cells.map(text).join(','))
  }
  return lines.join('\n') + '\n'
}
