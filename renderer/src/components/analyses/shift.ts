// A shift analysis (reference data and compare data through one model) as the analysis page reads it:
// both clouds in one trajectory set for the 3-D view (reference first, labelled 0, compare labelled 1,
// so the view colours them apart and its legend names them), and the per-layer shift rows. Pure.
import type { TrajectoryData } from '@shared/contract'
import type { LayerAnalysis, LayerReport, ShiftRow } from '@shared/layers'

/** Reference then compare points per layer, [layers, N + M, 3], labels 0 / 1; null without both. */
export function twoClouds(a: Pick<LayerAnalysis, 'projection' | 'compareProjection'>): TrajectoryData | null {
  const p = a.projection
  const c = a.compareProjection
  if (!p || !c || p.shape[0] !== c.shape[0] || p.shape[2] !== c.shape[2]) return null
  const [L, N, D] = p.shape
  const M = c.shape[1]
  const data = new Float32Array(L * (N + M) * D)
  for (let l = 0; l < L; l++) {
    data.set(p.data.subarray(l * N * D, (l + 1) * N * D), l * (N + M) * D)
    data.set(c.data.subarray(l * M * D, (l + 1) * M * D), l * (N + M) * D + N * D)
  }
  const labels = new Int32Array(N + M)
  labels.fill(1, N)
  return { shape: [L, N + M, D], depths: Array.from({ length: L }, (_, i) => i), data, labels }
}

export interface ShiftTableRow {
  index: number
  name: string
  shift: ShiftRow
}

/** The rows that carry a shift measurement, in layer order (empty for an analysis of one data set). */
export function shiftRows(report: Pick<LayerReport, 'rows'> | null | undefined): ShiftTableRow[] {
  return (report?.rows ?? [])
    .filter((r) => r.shift && typeof r.shift.energy === 'number')
    .map((r) => ({ index: r.index, name: r.name, shift: r.shift as ShiftRow }))
}
