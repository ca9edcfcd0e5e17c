// compareAnalyses: two layer reports side by side, layer by layer, with b - a for every compared metric
// (shared/layer-compare.ts). Pure; the CLI (`nagare compare-analyses`) and layers.compare both call it.
import {
  COMPARED_METRICS,
  type AnalysisComparison,
  type ComparedLayer,
  type ComparedMetric,
  type ComparedSide,
  type MetricPair
} from '../../../shared/layer-compare'
import type { LayerReport, LayerRow } from '../../../shared/layers'

/** What a comparison needs of an analysis (a LayerAnalysis fits). */
export interface ComparableAnalysis {
  id?: string
  name: string
  report: LayerReport
}

const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

function metricOf(row: LayerRow, m: ComparedMetric): number | null {
  if (m === 'shiftEnergy') return finite(row.shift?.energy)
  if (m === 'shiftMmd') return finite(row.shift?.mmd)
  if (m === 'shiftSlicedW2') return finite(row.shift?.slicedW2)
  return finite(row[m])
}

function pair(a: number | null, b: number | null): MetricPair {
  return { a, b, diff: a !== null && b !== null ? b - a : null }
}

function side(x: ComparableAnalysis): ComparedSide {
  return { ...(x.id !== undefined ? { id: x.id } : {}), name: x.name, layerCount: x.report.rows.length, flagCount: x.report.flags.length, n: x.report.n }
}

/** Names can pair layers when each side's names are unique and the sides share at least one. */
function namesPair(a: LayerRow[], b: LayerRow[]): boolean {
  const na = new Set(a.map((r) => r.name))
  const nb = new Set(b.map((r) => r.name))
  if (na.size !== a.length || nb.size !== b.length) return false
  return a.some((r) => nb.has(r.name))
}

/** Pairs of row indices: by name in a's order (b's unpaired rows after their predecessor), or by position. */
function pairRows(a: LayerRow[], b: LayerRow[], byName: boolean): [number | null, number | null][] {
  if (!byName) return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => [i < a.length ? i : null, i < b.length ? i : null])
  const inB = new Map(b.map((r, i) => [r.name, i]))
  const inA = new Set(a.map((r) => r.name))
  const out: [number | null, number | null][] = []
  let nextB = 0
  const flushB = (upto: number): void => {
    for (; nextB < upto; nextB++) if (!inA.has(b[nextB].name)) out.push([null, nextB])
  }
  a.forEach((r, i) => {
    const j = inB.get(r.name)
    if (j !== undefined) {
      flushB(j)
      nextB = Math.max(nextB, j + 1)
    }
    out.push([i, j ?? null])
  })
  flushB(b.length)
  return out
}

const flagsAt = (report: LayerReport, index: number | null): string[] =>
  index === null ? [] : report.flags.filter((f) => f.layer === index).map((f) => f.kind)

export function compareAnalyses(a: ComparableAnalysis, b: ComparableAnalysis): AnalysisComparison {
  const ra = a.report.rows
  const rb = b.report.rows
  const byName = namesPair(ra, rb)
  const layers: ComparedLayer[] = pairRows(ra, rb, byName).map(([i, j]) => {
    const x = i === null ? null : ra[i]
    const y = j === null ? null : rb[j]
    const metrics = Object.fromEntries(COMPARED_METRICS.map((m) => [m, pair(x ? metricOf(x, m) : null, y ? metricOf(y, m) : null)])) as Record<
      ComparedMetric,
      MetricPair
    >
    return {
      a: x ? { index: x.index, name: x.name } : null,
      b: y ? { index: y.index, name: y.name } : null,
      metrics,
      flagsA: flagsAt(a.report, i),
      flagsB: flagsAt(b.report, j)
    }
  })
  // totals over the layers both sides have, so an extra layer on one side does not read as a change
  const both = layers.filter((l) => l.a && l.b)
  const sum = (m: ComparedMetric, s: 'a' | 'b'): number | null => {
    const vs = both.map((l) => l.metrics[m][s]).filter((v): v is number => v !== null)
    return vs.length ? vs.reduce((p, q) => p + q, 0) : null
  }
  return {
    version: 1,
    a: side(a),
    b: side(b),
    matchedBy: byName ? 'name' : 'index',
    layers,
    totals: {
      kineticEnergy: pair(sum('kineticEnergy', 'a'), sum('kineticEnergy', 'b')),
      merging: pair(sum('merging', 'a'), sum('merging', 'b')),
      flags: pair(a.report.flags.length, b.report.flags.length)
    }
  }
}
