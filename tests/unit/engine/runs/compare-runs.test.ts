// compareRuns on two straight-line flows x(t) = x0 + t v with known kinetic energy: mean |v|^2 = |v|^2 and
// the cumulative kinetic energy at depth t is |v|^2 t, so halving v must show as a 75% drop; pairing by
// depth when both sample the same depths, else by the share of the total depth.
import { describe, expect, it } from 'vitest'
import type { DepthMetrics } from '../../../../shared/run'
import { compareRuns } from '../../../../electron/engine/runs/compare-runs'

function straight(speed: number, depths: number[]): DepthMetrics[] {
  return depths.map((t) => ({
    depth: t,
    mean: [speed * t, 0],
    covariance: [
      [1, 0],
      [0, 1]
    ],
    entropy: Math.log(2 * Math.PI * Math.E),
    entropyMethod: 'closed-form',
    slicedW2ToInput: (speed * t) / Math.SQRT2,
    w2AxisToInput: [speed * t, 0],
    meanSquaredVelocity: speed * speed,
    kineticEnergy: speed * speed * t,
    pathLength: speed * t
  }))
}

describe('compareRuns', () => {
  it('shows the kinetic energy drop of a halved velocity, depth by depth', () => {
    const depths = [0, 0.25, 0.5, 0.75, 1]
    const c = compareRuns({ id: 'a', name: 'flagged', metrics: straight(2, depths) }, { name: 're-trained', metrics: straight(1, depths) })
    expect(c.matchedBy).toBe('depth')
    expect(c.kineticEnergy).toEqual({ a: 4, b: 1, diff: -3, drop: 0.75 })
    c.depths.forEach((d, i) => {
      expect(d.b.sample).toBe(i)
      expect(d.metrics.kineticEnergy.diff).toBeCloseTo(-3 * depths[i], 12)
      expect(d.metrics.meanSquaredVelocity).toEqual({ a: 4, b: 1, diff: -3 })
      expect(d.metrics.mergedFraction).toEqual({ a: null, b: null, diff: null })
    })
  })

  it('pairs by share of depth when the runs sample differently', () => {
    const c = compareRuns({ name: 'a', metrics: straight(2, [0, 0.25, 0.5, 0.75, 1]) }, { name: 'b', metrics: straight(1, [0, 1, 2]) })
    expect(c.matchedBy).toBe('fraction')
    expect(c.depths.map((d) => d.b.sample)).toEqual([0, 0, 1, 1, 2])
    // b runs to depth 2: its final kinetic energy is 1 * 2
    expect(c.kineticEnergy).toMatchObject({ a: 4, b: 2, drop: 0.5 })
  })
})
