// What the axes of each view mean, and where they go: pure descriptions used by the Axes object and
// the legend overlay.
import { project, type Bounds, type Projection, type ViewMode } from './projection'

export type AxisId = 'x' | 'y' | 'z' | 'depth'

export interface AxisSpec {
  id: AxisId
  /** world-space ends of the axis, at the low and high value */
  from: [number, number, number]
  to: [number, number, number]
  low: number
  high: number
}

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
}

export const DEFAULT_TEXT: SceneText = {
  axisNames: { x: 'x', y: 'y', z: 'z', depth: 'depth t' },
  formatTick: (v) => formatTick(v)
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
    out.push({ id: ids[a], from, to: project(projection, hi, depthRange[0]), low: bounds.min[a], high: bounds.max[a] })
  }
  if (projection.mode !== '3d') {
    out.push({ id: 'depth', from, to: project(projection, lo, depthRange[1]), low: depthRange[0], high: depthRange[1] })
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
  const options: Intl.NumberFormatOptions =
    a >= 1e5 || a < 1e-3 ? { notation: 'scientific', maximumFractionDigits: 2 } : { maximumSignificantDigits: 3 }
  return new Intl.NumberFormat(locale, options).format(v)
}
