// What the axes of each view mean, and where they go: pure descriptions used by the Axes object and
// the legend overlay.
import { niceTicks, formatTicks } from '../charts/ticks'
import { project, type Bounds, type Projection, type ViewMode } from './projection'

export type AxisId = 'x' | 'y' | 'z' | 'depth'

export interface AxisSpec {
  id: AxisId
  /** world-space ends of the axis, at the low and high value */
  from: [number, number, number]
  to: [number, number, number]
  low: number
  high: number
  /** round values along the axis (nice-number ticks) and their world positions */
  ticks: { value: number; at: [number, number, number] }[]
  /** the ticks' step, which sets their decimals */
  step: number
}

/** Ticks per axis aimed at: enough to read a value, few enough to stay apart on a small view. */
export const TICK_TARGET = 5

/** The axes of each view, in drawing order (data axes, then depth in 1-D/2-D). */
export const AXIS_IDS: Record<ViewMode, AxisId[]> = {
  '1d': ['x', 'depth'],
  '2d': ['x', 'y', 'depth'],
  '3d': ['x', 'y', 'z']
}

/** Text drawn into the scene (axis names and tick values), supplied in the user's language. */
export interface SceneText {
  axisNames: Record<AxisId, string>
  formatTick: (v: number) => string
  /** tick labels of one axis, with the step's decimals (charts/ticks formatTicks in the UI locale) */
  formatTicks?: (values: number[], step: number) => string[]
}

export const DEFAULT_TEXT: SceneText = {
  axisNames: { x: 'x', y: 'y', z: 'z', depth: 'depth t' },
  formatTick: (v) => formatTick(v),
  formatTicks: (values, step) => formatTicks(values, step, 'en')
}

/** The point a fraction f of the way from a to b. */
const lerp3 = (a: readonly number[], b: readonly number[], f: number): [number, number, number] =>
  [0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * f) as [number, number, number]

/** An axis from `from` (value low) to `to` (value high) with its round-number ticks; the projection is affine. */
function withTicks(id: AxisId, from: [number, number, number], to: [number, number, number], low: number, high: number): AxisSpec {
  const { step, ticks } = niceTicks(low, high, TICK_TARGET)
  const span = high - low
  return { id, from, to, low, high, step, ticks: ticks.map((value) => ({ value, at: lerp3(from, to, span > 0 ? (value - low) / span : 0) })) }
}

/** Message keys (under trajectory.axes) describing each axis of the view, for the legend. */
export function axisMeaning(mode: ViewMode): string[] {
  if (mode === '1d') return ['xHorizontal', 'depthLine']
  if (mode === '2d') return ['xRight', 'yInto', 'depthPlane']
  return ['xRight', 'yInto', 'zUp', 'trails']
}

/** Axes drawn from the low corner of the box along each data axis (and depth in 1-D/2-D). */
export function axisSpecs(projection: Projection, bounds: Bounds, depthRange: [number, number]): AxisSpec[] {
  const dim = bounds.min.length
  const lo = [...bounds.min.slice(0, 3)]
  while (lo.length < 3) lo.push(0)
  const ids = AXIS_IDS[projection.mode]
  const out: AxisSpec[] = []
  const from = project(projection, lo, depthRange[0])
  for (let a = 0; a < Math.min(dim, 3); a++) {
    const hi = [...lo]
    hi[a] = bounds.max[a]
    out.push(withTicks(ids[a], from, project(projection, hi, depthRange[0]), bounds.min[a], bounds.max[a]))
  }
  if (projection.mode !== '3d') {
    out.push(withTicks('depth', from, project(projection, lo, depthRange[1]), depthRange[0], depthRange[1]))
  }
  return out
}

/**
 * A short, readable number for tick labels in the given locale: 3 significant digits, scientific
 * notation only for very large or very small magnitudes.
 */
export function formatTick(v: number, locale = 'en'): string {
  if (!Number.isFinite(v)) return String(v)
  if (v === 0) return '0'
  const a = Math.abs(v)
  const options: Intl.NumberFormatOptions = a >= 1e5 || a < 1e-3 ? { notation: 'scientific', maximumFractionDigits: 2 } : { maximumSignificantDigits: 3 }
  return new Intl.NumberFormat(locale, options).format(v)
}
