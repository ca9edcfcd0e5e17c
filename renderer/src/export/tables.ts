// What a run exports as text: its per-depth metrics and its trajectories as CSV (one header row, numbers
// in full precision, RFC 4180 quoting), and its spec as JSON. Pure, so each is unit-tested.
import type { RunManifest } from '@shared/run'
import type { TrajectoryData } from '@shared/contract'

type Cell = string | number | boolean | null | undefined

function csvCell(v: Cell): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? 'inf' : v < 0 ? '-inf' : 'nan'
  const s = String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Flatten one metrics row: arrays get index suffixes (mean_0, covariance_0_1), nested objects a dotted prefix. */
function flatten(value: unknown, prefix: string, out: Map<string, Cell>): void {
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}_${i}`, out))
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out)
  else out.set(prefix, value as Cell)
}

/** metrics CSV: one row per depth sample, a column per flattened metric (union over rows, first-seen order). */
export function metricsCsv(manifest: RunManifest): string {
  const rows = manifest.metrics.map((r) => {
    const m = new Map<string, Cell>()
    flatten(r, '', m)
    return m
  })
  const columns: string[] = []
  const seen = new Set<string>()
  for (const r of rows)
    for (const k of r.keys())
      if (!seen.has(k)) {
        seen.add(k)
        columns.push(k)
      }
  return [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r.get(c))).join(','))].join('\r\n') + '\r\n'
}

const AXES = ['x', 'y', 'z']

/** trajectories CSV: sample, depth, particle, coordinates (and label) per row, S x N rows. */
export function trajectoriesCsv(t: TrajectoryData): string {
  const [S, N, D] = t.shape
  const head = ['sample', 'depth', 'particle', ...AXES.slice(0, D), ...(t.labels ? ['label'] : [])]
  const lines = [head.join(',')]
  for (let s = 0; s < S; s++)
    for (let i = 0; i < N; i++) {
      const o = (s * N + i) * D
      const coords = Array.from(t.data.subarray(o, o + D), (v) => csvCell(v))
      lines.push([s, csvCell(t.depths[s]), i, ...coords, ...(t.labels ? [t.labels[i]] : [])].join(','))
    }
  return lines.join('\r\n') + '\r\n'
}

/** The spec as a file that `nagare run` and the wizard accept. */
export function specJson(manifest: RunManifest): string {
  return JSON.stringify(manifest.spec, null, 2) + '\n'
}
