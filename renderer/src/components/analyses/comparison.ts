// The comparison of two layer analyses as the compare screen reads it (shared/layer-compare.ts, from
// layers.compare): which metrics have a value on either side, one metric's A/B series over the paired
// rows for an overlaid chart, which layer each 3-D view shows at a row, and how each metric is written.
// Pure, so it is tested on its own.
import type { AnalysisComparison, ComparedMetric } from '@shared/layer-compare'
import type { NumberStyle } from '@/components/analyze/report'

/** the metrics offered, in the analysis page's column order (width is a property, not a metric) */
export const METRIC_ORDER: readonly ComparedMetric[] = [
  'knnPreservation',
  'distanceCorrelation',
  'ckaToInput',
  'ckaToPrevious',
  'merging',
  'entropy',
  'separability',
  'update',
  'w2FromPrevious',
  'velocity',
  'kineticEnergy',
  'motionRatio',
  'shiftEnergy',
  'shiftMmd',
  'shiftSlicedW2'
]

const PERCENT = new Set<ComparedMetric>(['knnPreservation', 'merging'])
export const styleOf = (m: ComparedMetric): NumberStyle => (PERCENT.has(m) ? 'percent' : m === 'motionRatio' ? 'ratio' : 'plain')

/** Metrics with at least one value on either side (a column of gaps says nothing). */
export function metricsWithValues(c: AnalysisComparison): ComparedMetric[] {
  return METRIC_ORDER.filter((m) => c.layers.some((l) => l.metrics[m] && (l.metrics[m].a !== null || l.metrics[m].b !== null)))
}

/** One metric over the paired rows (x = row position), A and B; a side without the layer is a gap. */
export function overlay(c: AnalysisComparison, m: ComparedMetric): { xs: number[]; a: (number | null)[]; b: (number | null)[] } {
  return { xs: c.layers.map((_, i) => i), a: c.layers.map((l) => l.metrics[m]?.a ?? null), b: c.layers.map((l) => l.metrics[m]?.b ?? null) }
}

/**
 * The layer each side's 3-D view shows at comparison row `row`: that side's partner, or, when it has
 * none at this row, its nearest partnered layer before (else after) so the view never goes blank.
 */
export function viewLayers(c: AnalysisComparison, row: number): { a: number; b: number; aPaired: boolean; bPaired: boolean } {
  const pick = (side: 'a' | 'b'): [number, boolean] => {
    const here = c.layers[row]?.[side]
    if (here) return [here.index, true]
    for (let i = row - 1; i >= 0; i--) {
      const x = c.layers[i][side]
      if (x) return [x.index, false]
    }
    for (let i = row + 1; i < c.layers.length; i++) {
      const x = c.layers[i][side]
      if (x) return [x.index, false]
    }
    return [0, false]
  }
  const [a, aPaired] = pick('a')
  const [b, bPaired] = pick('b')
  return { a, b, aPaired, bPaired }
}

/** The row label: the shared name, or "A name / B name", with "—" for a missing side. */
export function rowLabel(c: AnalysisComparison, row: number): string {
  const l = c.layers[row]
  if (!l) return ''
  if (l.a && l.b && l.a.name === l.b.name) return l.a.name
  return `${l.a?.name ?? '—'} / ${l.b?.name ?? '—'}`
}
