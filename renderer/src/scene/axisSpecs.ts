// What the axes of each view mean, and where they go: pure descriptions used by the Axes object and
// the legend overlay.
import { project, type Bounds, type Projection, type ViewMode } from './projection'

export interface AxisSpec {
  name: string
  /** world-space ends of the axis, at the low and high value */
  from: [number, number, number]
  to: [number, number, number]
  low: number
  high: number
}

export const AXIS_NAMES: Record<ViewMode, string[]> = {
  '1d': ['x', 'depth t'],
  '2d': ['x', 'y', 'depth t'],
  '3d': ['x', 'y', 'z']
}

/** One line per axis, in plain words, for the legend. */
export function axisMeaning(mode: ViewMode): string[] {
  if (mode === '1d') return ['x: horizontal', 'depth t: up (the line marks the current depth)']
  if (mode === '2d') return ['x: right', 'y: into the view', 'depth t: up (the plane marks the current depth)']
  return ['x: right', 'y: into the view', 'z: up', 'trails: the last few depth samples']
}

/** Axes drawn from the low corner of the box along each data axis (and depth in 1-D/2-D). */
export function axisSpecs(projection: Projection, bounds: Bounds, depthRange: [number, number]): AxisSpec[] {
  const dim = bounds.min.length
  const lo = [...bounds.min.slice(0, 3)]
  while (lo.length < 3) lo.push(0)
  const names = AXIS_NAMES[projection.mode]
  const out: AxisSpec[] = []
  const from = project(projection, lo, depthRange[0])
  for (let a = 0; a < Math.min(dim, 3); a++) {
    const hi = [...lo]
    hi[a] = bounds.max[a]
    out.push({ name: names[a], from, to: project(projection, hi, depthRange[0]), low: bounds.min[a], high: bounds.max[a] })
  }
  if (projection.mode !== '3d') {
    out.push({ name: names[names.length - 1], from, to: project(projection, lo, depthRange[1]), low: depthRange[0], high: depthRange[1] })
  }
  return out
}

/** A short, readable number for tick labels (3 significant digits, no exponent for everyday sizes). */
export function formatTick(v: number): string {
  if (!Number.isFinite(v)) return String(v)
  if (v === 0) return '0'
  const a = Math.abs(v)
  if (a >= 1e5 || a < 1e-3) return v.toExponential(2)
  return String(Number(v.toPrecision(3)))
}
