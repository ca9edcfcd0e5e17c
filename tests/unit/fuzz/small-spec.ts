// A fast-check generator of small valid experiment specs (a few particles, a few steps) that run in ms.
import fc from 'fast-check'
import { resolveDistribution, singularTime, type DistributionSpec } from '../../../shared/experiment'
import { PRESET_NAMES, presetDimension } from '../../../shared/presets'

/** A symmetric positive-definite d x d matrix: A A^T + 0.2 I with A's entries in [-1, 1]. */
const spd = (d: number): fc.Arbitrary<number[][]> =>
  fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d * d, maxLength: d * d }).map((a) =>
    Array.from({ length: d }, (_, i) =>
      Array.from({ length: d }, (_, j) => {
        let s = i === j ? 0.2 : 0
        for (let k = 0; k < d; k++) s += a[i * d + k] * a[j * d + k]
        return s
      })
    )
  )
// symmetric to the last bit: compute the upper triangle once and mirror it
const mirrored = (m: number[][]): number[][] => m.map((row, i) => row.map((v, j) => (j < i ? m[j][i] : v)))

const vec = (d: number): fc.Arbitrary<number[]> => fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: d, maxLength: d })

const distribution = fc.integer({ min: 1, max: 3 }).chain((d) =>
  fc.oneof(
    fc.tuple(vec(d), spd(d)).map(([mean, c]) => ({ dim: d, dist: { kind: 'gaussian', mean, covariance: mirrored(c) }, minEig: 0.2 })),
    fc.tuple(vec(d), vec(d), spd(d), spd(d)).map(([m1, m2, c1, c2]) => ({
      dim: d,
      dist: { kind: 'gmm', weights: [0.25, 0.75], means: [m1, m2], covariances: [mirrored(c1), mirrored(c2)] },
      minEig: 0.2
    })),
    fc.constantFrom(...PRESET_NAMES).map((name) => ({
      dim: presetDimension(name),
      dist: { kind: 'preset', name },
      minEig: 2 * singularTime(resolveDistribution({ kind: 'preset', name } as DistributionSpec))
    }))
  )
)

/** A small spec object (input form); the caller validates it with parseSpec. */
export const smallSpec = fc
  .tuple(
    distribution,
    fc.integer({ min: 0, max: 2 }),
    fc.integer({ min: 0, max: 3 }),
    fc.constantFrom('euler', 'heun', 'rk4', 'dopri5'),
    fc.integer({ min: 1, max: 4 }),
    fc.integer({ min: 2, max: 4 }),
    fc.nat({ max: 1000 })
  )
  .chain(([{ dim, dist, minEig }, pk, fk, solver, steps, samples, seed]) => {
    const sampled = (dist as { kind: string; name?: string }).name?.startsWith('swiss-roll') ?? false
    const particles = [
      fc.integer({ min: 4, max: 24 }).map((count) => ({ kind: 'sample', count })),
      fc.constant({ kind: 'grid', counts: 3 }),
      fc.array(vec(dim), { minLength: 4, maxLength: 8 }).map((points) => ({ kind: 'points', points }))
    ][sampled && pk === 1 ? 0 : pk] // a grid's default bounds need a mixture's moments
    const flowKind = sampled ? 3 : fk
    const flow = [
      { kind: 'continuous-dae' },
      { kind: 'shallow-dae' },
      { kind: 'composed-dae', layers: 2 },
      { kind: 'empirical-dae', bandwidth: 0.5, referenceSize: 3 }
    ][flowKind]
    // continuous DAE: stay before t* = minEig / 2
    const depth = flowKind === 0 ? Math.min(0.08, minEig / 3) : 0.1
    const integration = solver === 'dopri5' ? { solver, depth, samples, maxSteps: 200 } : { solver, depth, stepSize: depth / steps, samples }
    return particles.map((p) => ({ version: 1, name: 'fuzz', seed, distribution: dist, particles: p, flow, integration }))
  })
