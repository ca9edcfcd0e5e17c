// Geometry of the (sigma_1, sigma_2) plane (the paper's Gaussian shape coordinates): the run's
// trajectory, the W2 gradient flow of entropy from the same start, and markers at the scrubber's depth,
// as SVG point lists in a square plot with equal scales (so shapes are not distorted).
import type { DepthMetrics } from '@shared/run'

export interface PlanePoint {
  x: number
  y: number
}

export interface PlaneGeometry {
  /** SVG polyline points of the run, then of the gradient flow (stops at its singular time) */
  run: string
  flow: string
  /** positions at the current depth (linear in depth between samples); flow null past its singular time */
  runMarker: PlanePoint | null
  flowMarker: PlanePoint | null
  /** sigma value and pixel position of each tick (same ticks on both axes) */
  ticks: { value: number; x: number; y: number }[]
  /** plot square in pixels */
  box: { left: number; top: number; size: number }
}

function niceStep(max: number): number {
  const raw = max / 4
  const p = 10 ** Math.floor(Math.log10(raw))
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw
}

/** Interpolated pair at depth t; null when either end is missing. */
function at(depths: number[], pairs: ([number, number] | null)[], t: number): [number, number] | null {
  if (!depths.length) return null
  let k = depths.findIndex((d) => d >= t)
  if (k < 0) k = depths.length - 1
  if (k === 0 || depths[k] === t) return pairs[k]
  const a = pairs[k - 1]
  const b = pairs[k]
  if (!a || !b) return null
  const w = (t - depths[k - 1]) / (depths[k] - depths[k - 1])
  return [a[0] + w * (b[0] - a[0]), a[1] + w * (b[1] - a[1])]
}

export function sigmaPlane(metrics: readonly DepthMetrics[], depth: number, width: number, height: number, pad = 36): PlaneGeometry | null {
  if (!metrics.length || !metrics.every((m) => m.sigmas && m.sigmas.length >= 2)) return null
  const depths = metrics.map((m) => m.depth)
  const run = metrics.map((m) => [m.sigmas![0], m.sigmas![1]] as [number, number])
  const flow = metrics.map((m) => {
    const g = m.gradientFlowSigmas
    return g && g[0] != null && g[1] != null ? ([g[0], g[1]] as [number, number]) : null
  })
  const max = Math.max(...run.map((p) => p[0]), ...flow.map((p) => (p ? p[0] : 0))) * 1.05 || 1
  const size = Math.max(10, Math.min(width, height) - 2 * pad)
  const box = { left: pad, top: (height - size) / 2, size }
  const px = (p: [number, number]): PlanePoint => ({ x: box.left + (p[0] / max) * size, y: box.top + size - (p[1] / max) * size })
  const line = (ps: ([number, number] | null)[]): string => {
    const out: string[] = []
    for (const p of ps) {
      if (!p) break
      const q = px(p)
      out.push(`${q.x.toFixed(1)},${q.y.toFixed(1)}`)
    }
    return out.join(' ')
  }
  const step = niceStep(max)
  const ticks: PlaneGeometry['ticks'] = []
  for (let v = 0; v <= max + 1e-12; v += step) {
    const q = px([v, v])
    ticks.push({ value: +v.toPrecision(6), x: q.x, y: q.y })
  }
  const r = at(depths, run, depth)
  const f = at(depths, flow, depth)
  return { run: line(run), flow: line(flow), runMarker: r ? px(r) : null, flowMarker: f ? px(f) : null, ticks, box }
}
