// The (sigma_1, sigma_2) plane geometry: equal scales on both axes, y up, the gradient-flow line stops
// at its singular time, markers interpolate linearly in depth, null for runs without sigmas.
import { describe, expect, it } from 'vitest'
import type { DepthMetrics } from '@shared/run'
import { sigmaPlane } from '@/charts/sigmaPlane'
import { manifestFixture } from '../helpers'

function rows(): DepthMetrics[] {
  // depths 0, 0.1, 0.2, 0.3; run sigmas (2 - t, 1 - t); flow (2, 1) shifted, singular at the last sample
  return manifestFixture('r', 4, 0.3).metrics.map((m, k) => ({
    ...m,
    sigmas: [2 - m.depth, 1 - m.depth],
    gradientFlowSigmas: [1.9 - m.depth, k === 3 ? null : 0.9]
  }))
}

describe('sigmaPlane', () => {
  it('maps sigma to pixels with one scale (max sigma_1 x 1.05 fills the square), y up', () => {
    // 320 x 240 with pad 36: square of 168 px, top at 36; max = 2 * 1.05 = 2.1
    const g = sigmaPlane(rows(), 0, 320, 240)!
    expect(g.box).toEqual({ left: 36, top: 36, size: 168 })
    const [x0, y0] = g.run.split(' ')[0].split(',').map(Number)
    expect(x0).toBeCloseTo(36 + (2 / 2.1) * 168, 1)
    expect(y0).toBeCloseTo(36 + 168 - (1 / 2.1) * 168, 1)
    expect(g.run.split(' ')).toHaveLength(4)
    // the flow stops before its singular time
    expect(g.flow.split(' ')).toHaveLength(3)
    // nice tick step: the first of 0.1, 0.2, 0.5, 1 not below max / 4 = 0.525
    expect(g.ticks.map((t) => t.value)).toEqual([0, 1, 2])
    expect(g.ticks[0].x).toBe(36)
    expect(g.ticks[0].y).toBe(204)
  })

  it('markers follow the depth, interpolated between samples; none for the flow past t*', () => {
    const g = sigmaPlane(rows(), 0.15, 320, 240)!
    const px = (s: number) => 36 + (s / 2.1) * 168
    expect(g.runMarker!.x).toBeCloseTo(px(1.85), 9)
    expect(g.runMarker!.y).toBeCloseTo(204 - (0.85 / 2.1) * 168, 9)
    expect(g.flowMarker!.x).toBeCloseTo(px(1.75), 9)
    expect(sigmaPlane(rows(), 0.25, 320, 240)!.flowMarker).toBeNull()
    expect(sigmaPlane(rows(), 0.3, 320, 240)!.runMarker!.x).toBeCloseTo(px(1.7), 9)
  })

  it('is null without sigmas (non-Gaussian or older runs) or with one dimension', () => {
    expect(sigmaPlane(manifestFixture('r', 4, 0.3).metrics, 0, 320, 240)).toBeNull()
    expect(
      sigmaPlane(
        rows().map((r) => ({ ...r, sigmas: [1] })),
        0,
        320,
        240
      )
    ).toBeNull()
  })
})
