// Chart data for the per-depth analysis groups (distance, energy and path, merging and separability,
// Gaussian shape): uPlot's aligned columns [depths, series...] plus each series' style and axis.
// A group is absent (null) when the run recorded none of its series (older runs, non-Gaussian data).
import type { DepthMetrics } from '@shared/run'
import { CHART, OKABE_ITO } from '@/styles/palette'

export type DepthGroup = 'distance' | 'energy' | 'merging' | 'shape'
export const DEPTH_GROUPS: readonly DepthGroup[] = ['distance', 'energy', 'merging', 'shape']

export interface SeriesSpec {
  /** i18n key under depth.series (label) and depth.help (one-sentence explanation) */
  key: string
  /** index suffix of the label, e.g. sigma_1 */
  index?: number
  color: string
  /** dashed for reference curves (the gradient flow) */
  dash?: number[]
  /** 'y' (left axis) or 'y2' (right axis: a different unit) */
  scale: 'y' | 'y2'
}

export interface GroupData {
  data: [number[], ...(number | null)[][]]
  series: SeriesSpec[]
}

type Scalar = 'slicedW2ToInput' | 'speed' | 'kineticEnergy' | 'pathLength' | 'mergedFraction' | 'separability'

const finite = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

function column(metrics: readonly DepthMetrics[], key: Scalar): (number | null)[] {
  return metrics.map((m) => finite(m[key]))
}

const has = (metrics: readonly DepthMetrics[], key: keyof DepthMetrics): boolean => metrics.some((m) => m[key] !== undefined && m[key] !== null)

function scalars(metrics: readonly DepthMetrics[], specs: [Scalar, string, 'y' | 'y2'][]): GroupData | null {
  const present = specs.filter(([key]) => has(metrics, key))
  return present.length ? withColumns(metrics, present) : null
}

function withColumns(metrics: readonly DepthMetrics[], specs: [Scalar, string, 'y' | 'y2'][]): GroupData {
  return {
    data: [metrics.map((m) => m.depth), ...specs.map(([key]) => column(metrics, key))],
    series: specs.map(([key, color, scale]) => ({ key, color, scale }))
  }
}

/** The (sigma_i) trajectory of the run (solid) beside the W2 gradient flow of entropy (dashed), same colour per axis. */
function shape(metrics: readonly DepthMetrics[]): GroupData | null {
  const first = metrics.find((m) => m.sigmas)
  if (!first?.sigmas) return null
  const d = first.sigmas.length
  const data: GroupData['data'] = [metrics.map((m) => m.depth)]
  const series: SeriesSpec[] = []
  for (let i = 0; i < d; i++) {
    const color = [OKABE_ITO[3], OKABE_ITO[4], OKABE_ITO[2]][i % 3]
    data.push(metrics.map((m) => finite(m.sigmas?.[i])))
    series.push({ key: 'sigma', index: i + 1, color, scale: 'y' })
    data.push(metrics.map((m) => finite(m.gradientFlowSigmas?.[i])))
    series.push({ key: 'gradientFlow', index: i + 1, color, dash: [6, 4], scale: 'y' })
  }
  return { data, series }
}

export function groupSeries(metrics: readonly DepthMetrics[], group: DepthGroup): GroupData | null {
  if (!metrics.length) return null
  switch (group) {
    case 'distance':
      return scalars(metrics, [
        ['slicedW2ToInput', CHART.w2, 'y'],
        ['speed', OKABE_ITO[5], 'y2']
      ])
    case 'energy':
      return scalars(metrics, [
        ['kineticEnergy', OKABE_ITO[4], 'y'],
        ['pathLength', OKABE_ITO[2], 'y2']
      ])
    case 'merging':
      return scalars(metrics, [
        ['mergedFraction', OKABE_ITO[6], 'y'],
        ['separability', OKABE_ITO[1], 'y2']
      ])
    case 'shape':
      return shape(metrics)
  }
}
