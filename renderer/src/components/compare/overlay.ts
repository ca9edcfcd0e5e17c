// Two runs' per-depth metric on one x axis: the union of their depth samples, each series null where its
// run has no sample (uPlot draws the gaps as joins), and a run's depth clamped to its own range.
export interface DepthSeries {
  depths: number[]
  values: number[]
}

export function joinDepthSeries(a: DepthSeries, b: DepthSeries): { xs: number[]; ya: (number | null)[]; yb: (number | null)[] } {
  const xs = Array.from(new Set([...a.depths, ...b.depths])).sort((p, q) => p - q)
  const at = (s: DepthSeries): (number | null)[] => {
    const map = new Map(s.depths.map((d, i) => [d, s.values[i]]))
    return xs.map((x) => map.get(x) ?? null)
  }
  return { xs, ya: at(a), yb: at(b) }
}

/** The depth a run shows when the shared scrubber is at `depth` (runs may end at different depths). */
export function clampDepth(depth: number, maxDepth: number): number {
  return Math.min(Math.max(depth, 0), maxDepth)
}
