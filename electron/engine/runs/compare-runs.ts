// compareRuns: two runs' per-depth metrics side by side (shared/run-compare.ts), for the before/after of
// a re-train with regularization; pure, on the metrics the run manifests already hold.
import type { DepthMetrics } from '../../../shared/run'
import { RUN_COMPARED_METRICS, type ComparedDepth, type RunComparedMetric, type RunComparison, type RunMetricPair } from '../../../shared/run-compare'

export interface ComparableRun {
  id?: string
  name: string
  metrics: DepthMetrics[]
}

const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const pair = (a: number | null, b: number | null): RunMetricPair => ({ a, b, diff: a !== null && b !== null ? b - a : null })
const last = (r: ComparableRun): DepthMetrics | undefined => r.metrics[r.metrics.length - 1]

function sameDepths(a: DepthMetrics[], b: DepthMetrics[]): boolean {
  return a.length === b.length && a.every((m, i) => Math.abs(m.depth - b[i].depth) <= 1e-9 * Math.max(1, Math.abs(m.depth)))
}

/** index of b's sample nearest to the share `f` of b's total depth */
function nearestShare(b: DepthMetrics[], f: number): number {
  const d0 = b[0].depth
  const span = b[b.length - 1].depth - d0
  let best = 0
  for (let j = 1; j < b.length; j++) if (Math.abs((b[j].depth - d0) / (span || 1) - f) < Math.abs((b[best].depth - d0) / (span || 1) - f)) best = j
  return best
}

export function compareRuns(a: ComparableRun, b: ComparableRun): RunComparison {
  const byDepth = sameDepths(a.metrics, b.metrics)
  const ma = a.metrics
  const mb = b.metrics
  const spanA = ma.length ? ma[ma.length - 1].depth - ma[0].depth : 0
  const depths: ComparedDepth[] = ma.map((x, i) => {
    const j = byDepth ? i : mb.length ? nearestShare(mb, spanA > 0 ? (x.depth - ma[0].depth) / spanA : 0) : -1
    const y = mb[j]
    const metrics = Object.fromEntries(RUN_COMPARED_METRICS.map((k) => [k, pair(finite(x[k]), y ? finite(y[k]) : null)])) as Record<RunComparedMetric, RunMetricPair>
    return { a: { sample: i, depth: x.depth }, b: { sample: j, depth: y ? y.depth : NaN }, metrics }
  })
  const ke = pair(finite(last(a)?.kineticEnergy), finite(last(b)?.kineticEnergy))
  const side = (r: ComparableRun) => ({ ...(r.id !== undefined ? { id: r.id } : {}), name: r.name, samples: r.metrics.length, depth: last(r)?.depth ?? 0 })
  return {
    version: 1,
    a: side(a),
    b: side(b),
    matchedBy: byDepth ? 'depth' : 'fraction',
    depths: mb.length ? depths : [],
    kineticEnergy: { ...ke, drop: ke.a !== null && ke.b !== null && ke.a > 0 ? 1 - ke.b / ke.a : null }
  }
}
