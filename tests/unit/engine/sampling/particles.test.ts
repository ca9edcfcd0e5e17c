// Particles: seeded samples with labels, grids (bounds, order, labels) and explicit points.
import { describe, expect, it } from 'vitest'
import { resolveDistribution } from '../../../../shared/experiment'
import { makeParticles } from '../../../../electron/engine/sampling/particles'
import { createRng } from '../../../../electron/engine/sampling/random'
import { specOf } from '../flows/helpers'

describe('makeParticles', () => {
  it('samples reproducibly with component labels', () => {
    const spec = specOf({ particles: { kind: 'sample', count: 300 } })
    const d = resolveDistribution(spec.distribution)
    const a = makeParticles(spec, d, createRng(4))
    const b = makeParticles(spec, d, createRng(4))
    expect(a.count).toBe(300)
    expect(a.dim).toBe(2)
    expect(a.positions.length).toBe(600)
    expect(Array.from(a.positions)).toEqual(Array.from(b.positions))
    expect(a.labels!.length).toBe(300)
  })

  it('grid defaults to mean +- 3 std per axis, first axis slowest, labels by likeliest component', () => {
    // paper 44: N(0, diag(2, 1)) -> bounds [-3 sqrt 2, 3 sqrt 2] x [-3, 3]
    const spec = specOf({ distribution: { kind: 'preset', name: 'paper-44' }, particles: { kind: 'grid', counts: [3, 2] } })
    const p = makeParticles(spec, resolveDistribution(spec.distribution), createRng(1))
    const s = 3 * Math.SQRT2
    const expected = [
      [-s, -3],
      [-s, 3],
      [0, -3],
      [0, 3],
      [s, -3],
      [s, 3]
    ]
    expect(p.count).toBe(6)
    expected.flat().forEach((v, i) => expect(p.positions[i]).toBeCloseTo(v, 5))
    expect(Array.from(p.labels!)).toEqual([0, 0, 0, 0, 0, 0])
  })

  it('grid for paper 45 spans the mixture spread and labels the side of each point', () => {
    // mixture variance along x: 1 + 1 = 2 -> bounds +- 3 sqrt 2
    const spec = specOf({ particles: { kind: 'grid', counts: 5 } })
    const p = makeParticles(spec, resolveDistribution(spec.distribution), createRng(1))
    expect(p.count).toBe(25)
    expect(p.positions[0]).toBeCloseTo(-3 * Math.SQRT2, 5)
    expect(p.positions[1]).toBeCloseTo(-3, 5)
    const labels = Array.from(p.labels!)
    for (let i = 0; i < 25; i++) {
      const x = p.positions[2 * i]
      if (x < 0) expect(labels[i]).toBe(0)
      if (x > 0) expect(labels[i]).toBe(1)
    }
  })

  it('grid honours explicit bounds and one point per axis sits at the middle', () => {
    const spec = specOf({
      particles: {
        kind: 'grid',
        counts: [1, 3],
        bounds: [
          [0, 2],
          [-1, 1]
        ]
      }
    })
    const p = makeParticles(spec, resolveDistribution(spec.distribution), createRng(1))
    expect(Array.from(p.positions)).toEqual([1, -1, 1, 0, 1, 1])
  })

  it('grid on a swiss roll uses bounds estimated from a forked sample, deterministically', () => {
    const spec = specOf({
      distribution: { kind: 'preset', name: 'swiss-roll-2d' },
      flow: { kind: 'empirical-dae', bandwidth: 0.05, referenceSize: 10 },
      particles: { kind: 'grid', counts: 4 }
    })
    const d = resolveDistribution(spec.distribution)
    const a = makeParticles(spec, d, createRng(2))
    const b = makeParticles(spec, d, createRng(2))
    expect(a.labels).toBeUndefined()
    expect(Array.from(a.positions)).toEqual(Array.from(b.positions))
    // the roll spans roughly [-2.8, 2.0] in x; mean +- 3 std covers it
    expect(a.positions[0]).toBeLessThan(-2.5)
    expect(a.positions[a.positions.length - 2]).toBeGreaterThan(2)
  })

  it('points are taken as given, labelled by the likeliest component', () => {
    const spec = specOf({
      distribution: { kind: 'preset', name: 'paper-46' },
      particles: {
        kind: 'points',
        points: [
          [-3, 0],
          [0, 0],
          [2, 1]
        ]
      }
    })
    const p = makeParticles(spec, resolveDistribution(spec.distribution), createRng(1))
    expect(Array.from(p.positions)).toEqual([-3, 0, 0, 0, 2, 1])
    // at the origin the heavier component (0.8) wins
    expect(Array.from(p.labels!)).toEqual([0, 1, 1])
  })
})
