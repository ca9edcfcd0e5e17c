// Chart data from a run manifest: one metric against depth, in uPlot's aligned-columns layout.
import type { DepthMetrics } from '@shared/run'

export type MetricKey = 'entropy' | 'slicedW2ToInput'

/** [depths, values] for one per-depth metric; non-finite values become null (a gap, not a spike). */
export function metricSeries(metrics: readonly DepthMetrics[], key: MetricKey): [number[], (number | null)[]] {
  const xs = metrics.map((m) => m.depth)
  const ys = metrics.map((m) => (Number.isFinite(m[key]) ? m[key] : null))
  return [xs, ys]
}
