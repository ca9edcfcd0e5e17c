// compareAnalyses on two analyses with known answers: residual layers that add a constant step c to every
// point have update |c| and kinetic energy |c|^2 / h^2 (closed form), so halving the step must show as a
// drop of 3/4 of the kinetic energy; layers pair by name when names are shared, else by position.
import { describe, expect, it } from 'vitest'
import { analyzeLayers } from '../../../../electron/engine/layers/analyze'
import { compareAnalyses } from '../../../../electron/engine/layers/compare'
import type { LayerData } from '../../../../electron/engine/layers/dumps'

function cloud(n: number): Float64Array {
  const x = new Float64Array(2 * n)
  for (let i = 0; i < n; i++) {
    x[2 * i] = Math.cos(i * 2.4) * (1 + i / n)
    x[2 * i + 1] = Math.sin(i * 2.4) * (1 + i / n)
  }
  return x
}

/** input, then `steps` layers each adding c to every point */
function stepped(names: string[], c: [number, number], n = 30): LayerData[] {
  let x = cloud(n)
  return names.map((name, l) => {
    if (l > 0) x = x.map((v, i) => v + c[i % 2])
    return { name, n, width: 2, data: Float64Array.from(x) }
  })
}

const report = (layers: LayerData[]) => analyzeLayers(layers, { k: 3, seed: 1 })

describe('compareAnalyses', () => {
  it('reports the kinetic energy drop of a halved step, per layer and in total', () => {
    const names = ['input', 'block1', 'block2']
    const a = { id: 'a', name: 'before', report: report(stepped(names, [0.3, 0.4])) }
    const b = { name: 'after', report: report(stepped(names, [0.15, 0.2])) }
    const c = compareAnalyses(a, b)
    expect(c.matchedBy).toBe('name')
    expect(c.a).toEqual({ id: 'a', name: 'before', layerCount: 3, flagCount: a.report.flags.length, n: 30 })
    expect(c.layers.map((l) => [l.a?.name, l.b?.name])).toEqual(names.map((x) => [x, x]))
    // h = 1/2 (two updates on [0, 1]); |c| = 0.5 then 0.25: KE = |c|^2 / h^2 = 1 then 0.25
    for (const l of c.layers.slice(1)) {
      expect(l.metrics.kineticEnergy.a).toBeCloseTo(1, 12)
      expect(l.metrics.kineticEnergy.b).toBeCloseTo(0.25, 12)
      expect(l.metrics.kineticEnergy.diff).toBeCloseTo(-0.75, 12)
      expect(l.metrics.update.diff).toBeCloseTo(-0.25, 12)
    }
    expect(c.layers[0].metrics.kineticEnergy).toEqual({ a: null, b: null, diff: null })
    expect(c.totals.kineticEnergy.a).toBeCloseTo(2, 12)
    expect(c.totals.kineticEnergy.diff).toBeCloseTo(-1.5, 12)
  })

  it('pairs by name across an inserted layer, listing it unpaired', () => {
    const a = { name: 'a', report: report(stepped(['input', 'block1', 'block2'], [0.3, 0.4])) }
    const b = { name: 'b', report: report(stepped(['input', 'block1', 'extra', 'block2'], [0.3, 0.4])) }
    const c = compareAnalyses(a, b)
    expect(c.matchedBy).toBe('name')
    expect(c.layers.map((l) => [l.a?.index ?? null, l.b?.index ?? null])).toEqual([
      [0, 0],
      [1, 1],
      [null, 2],
      [2, 3]
    ])
    expect(c.layers[2].metrics.width).toEqual({ a: null, b: 2, diff: null })
  })

  it('pairs by position when no names are shared, and says so', () => {
    const a = { name: 'a', report: report(stepped(['0', '1', '2'], [0.3, 0.4])) }
    const b = { name: 'b', report: report(stepped(['in', 'd1', 'd2', 'd3'], [0.3, 0.4])) }
    const c = compareAnalyses(a, b)
    expect(c.matchedBy).toBe('index')
    expect(c.layers.map((l) => [l.a?.name ?? null, l.b?.name ?? null])).toEqual([
      ['0', 'in'],
      ['1', 'd1'],
      ['2', 'd2'],
      [null, 'd3']
    ])
    // both stretches are one update size; h differs (1/2 vs 1/3), so KE = 0.25 / h^2 = 1 vs 2.25
    expect(c.layers[1].metrics.kineticEnergy.diff).toBeCloseTo(2.25 - 1, 12)
  })
})
