// Run exports as text: the metrics CSV (a column per flattened metric, union over rows, RFC 4180), the
// trajectories CSV (S x N rows, labels when present) and the spec JSON (a valid spec again).
import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import { parseSpec } from '@shared/experiment'
import { metricsCsv, specJson, trajectoriesCsv } from '@/export/tables'
import { fileStem } from '@/export/download'
import { manifestFixture, trajectoriesFixture } from '../helpers'

describe('metricsCsv', () => {
  it('has one row per depth sample and a column per flattened metric, parseable as CSV', () => {
    const m = manifestFixture('run-1', 4, 0.3)
    const parsed = Papa.parse<string[]>(metricsCsv(m).trim(), { skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    const [header, ...rows] = parsed.data
    expect(rows).toHaveLength(m.metrics.length)
    expect(header).toContain('depth')
    expect(header).toContain('mean_0')
    expect(header).toContain('covariance_0_1')
    const depthCol = header.indexOf('depth')
    rows.forEach((r, i) => expect(Number(r[depthCol])).toBe(m.metrics[i].depth))
    const cov01 = header.indexOf('covariance_0_1')
    expect(Number(rows[1][cov01])).toBe(m.metrics[1].covariance[0][1])
  })
})

describe('trajectoriesCsv', () => {
  it('writes sample, depth, particle, coordinates and label for every particle at every sample', () => {
    const t = trajectoriesFixture(3)
    const [S, N, D] = t.shape
    const parsed = Papa.parse<string[]>(trajectoriesCsv(t).trim(), { skipEmptyLines: true })
    const [header, ...rows] = parsed.data
    expect(header.slice(0, 3 + D)).toEqual(['sample', 'depth', 'particle', 'x', 'y', 'z'].slice(0, 3 + D))
    expect(rows).toHaveLength(S * N)
    const last = rows[rows.length - 1]
    expect(Number(last[0])).toBe(S - 1)
    expect(Number(last[2])).toBe(N - 1)
    for (let k = 0; k < D; k++) expect(Number(last[3 + k])).toBe(t.data[(S * N - 1) * D + k])
  })
})

describe('specJson and file names', () => {
  it('round-trips the spec and makes safe file stems', () => {
    const m = manifestFixture('run-1', 4, 0.3)
    expect(parseSpec(JSON.parse(specJson(m))).ok).toBe(true)
    expect(fileStem('(47) 二つの "Gaussians"/a')).toBe('47-Gaussians-a')
    expect(fileStem('日本語')).toBe('nagare-run')
  })
})
