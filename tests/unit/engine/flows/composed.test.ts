// Composed DAE: the "deeper converges faster" table, Fig. 4 shallow variances, the broken-line
// interpolation between layers, the mixture approximation note, and no tensors left behind.
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { resolveDistribution } from '../../../../shared/experiment'
import { english } from '../../../../shared/messages'
import { buildFlow } from '../../../../electron/engine/flows/build-flow'
import type { DepthMap, Flow } from '../../../../electron/engine/flows/types'
import { mapRows, specOf } from './helpers'

beforeAll(async () => {
  await initBackend('wasm')
})

const normalSpec = (flow: { kind: 'composed-dae'; layers: number } | { kind: 'shallow-dae' }, depth: number) =>
  specOf({ distribution: { kind: 'preset', name: 'normal-1d' }, flow, integration: { solver: 'rk4', depth, stepSize: depth / 10, samples: 2 } })

function mapOf(f: Flow): DepthMap {
  if (f.type !== 'map') throw new Error('map expected')
  return f.map
}

/** slope of the (affine, 1-D) map x0 -> position at depth t, from transported grid points */
function slopeAt(map: DepthMap, t: number): number {
  const x0 = tf.tensor2d([[-2], [-1], [0], [1], [2]])
  const y = mapRows(map, x0, t).map((r) => r[0])
  x0.dispose()
  // least-squares slope through the five points
  return (-2 * y[0] - y[1] + y[3] + 2 * y[4]) / 10
}

describe('composed DAE on N(0, 1), total noise 0.25', () => {
  const table: [number, number][] = [
    [1, 0.64],
    [2, 0.589014],
    [10, 0.523602],
    [100, 0.502572]
  ]
  it.each(table)('L = %i gives variance %f (closed form and transported particles)', (layers, variance) => {
    const flow = buildFlow(normalSpec({ kind: 'composed-dae', layers }, 0.25), resolveDistribution({ kind: 'preset', name: 'normal-1d' }))
    expect(flow.notes).toEqual([])
    expect(Math.abs(flow.gaussianCovarianceAt!(0.25)[0][0] - variance)).toBeLessThan(1e-6)
    const map = mapOf(flow)
    const before = tf.memory().numTensors
    expect(Math.abs(slopeAt(map, 0.25) ** 2 - variance)).toBeLessThan(1e-5)
    expect(map.evaluations).toBe(layers)
    map.dispose()
    expect(tf.memory().numTensors).toBe(before)
  })

  it('between layer boundaries the position is the linear interpolation of the two layer outputs', () => {
    const layers = 10
    const dt = 0.025
    const flow = buildFlow(normalSpec({ kind: 'composed-dae', layers }, 0.25), resolveDistribution({ kind: 'preset', name: 'normal-1d' }))
    const map = mapOf(flow)
    // independent 1-D recursion: after layer l the map is x0 -> prod (s_i / (s_i + dt)) x0, s <- s^3 / (s + dt)^2
    const t = 0.25 * 0.37 // 3.7 layers: between layer 3 and 4
    let s = 1
    let slope = 1
    for (let l = 0; l < 3; l++) {
      slope *= s / (s + dt)
      s = s ** 3 / (s + dt) ** 2
    }
    const a = 0.7
    const want = slope * (1 - a + (a * s) / (s + dt))
    expect(Math.abs(slopeAt(map, t) - want)).toBeLessThan(2e-6)
    expect(Math.abs(flow.gaussianCovarianceAt!(t)[0][0] - want ** 2)).toBeLessThan(1e-12)
    // three whole layers plus the fourth for the interpolation
    expect(map.evaluations).toBe(4)
    map.dispose()
  })

  it('continuing from a cached layer gives the same positions as starting afresh, for any order of depths', () => {
    const flow = buildFlow(normalSpec({ kind: 'composed-dae', layers: 40 }, 0.25), resolveDistribution({ kind: 'preset', name: 'normal-1d' }))
    const map = mapOf(flow)
    const before = tf.memory().numTensors
    const x0 = tf.tensor2d([[-1.5], [0.3], [2]])
    const depths = [0, 0.05, 0.1, 0.13, 0.25]
    const forward = depths.map((t) => mapRows(map, x0, t))
    // ascending depths continue the walk: 40 layers to 0.25, plus one interpolation step at 0.13 (layer 20.8)
    expect(map.evaluations).toBe(41)
    const backward = [...depths]
      .reverse()
      .map((t) => mapRows(map, x0, t))
      .reverse()
    forward.forEach((f, i) => f.forEach((r, k) => expect(r[0]).toBeCloseTo(backward[i][k][0], 6)))
    // a different batch is not confused with the cached one
    const x1 = tf.tensor2d([[1], [1], [1]])
    const y1 = mapRows(map, x1, 0.25)
    y1.forEach((r) => expect(Math.abs(r[0] - Math.sqrt(flow.gaussianCovarianceAt!(0.25)[0][0]))).toBeLessThan(1e-5))
    x0.dispose()
    x1.dispose()
    map.dispose()
    expect(tf.memory().numTensors).toBe(before)
  })
})

describe('shallow DAE on N(0, 1) (Fig. 4)', () => {
  it('pushforward variance is 0.444444 at t = 0.5 and 0.25 at t = 1', () => {
    const flow = buildFlow(normalSpec({ kind: 'shallow-dae' }, 1), resolveDistribution({ kind: 'preset', name: 'normal-1d' }))
    expect(Math.abs(flow.gaussianCovarianceAt!(0.5)[0][0] - 0.444444)).toBeLessThan(1e-6)
    expect(Math.abs(flow.gaussianCovarianceAt!(1)[0][0] - 0.25)).toBeLessThan(1e-12)
    expect(Math.abs(slopeAt(mapOf(flow), 0.5) ** 2 - 0.444444)).toBeLessThan(1e-6)
    expect(Math.abs(slopeAt(mapOf(flow), 1) ** 2 - 0.25)).toBeLessThan(1e-6)
  })
})

describe('composed DAE on mixtures', () => {
  const p47 = resolveDistribution({ kind: 'preset', name: 'paper-47' })
  const spec = (layers: number) =>
    specOf({
      distribution: { kind: 'preset', name: 'paper-47' },
      flow: { kind: 'composed-dae', layers },
      integration: { solver: 'rk4', depth: 0.45, stepSize: 0.05, samples: 2 }
    })

  it('says it is the component-wise approximation and has no Gaussian covariance', () => {
    const flow = buildFlow(spec(5), p47)
    expect(flow.notes.map((m) => m.key)).toEqual(['engine.noteComponentwise'])
    expect(flow.notes.map(english).join(' ')).toMatch(/component-wise approximation/)
    expect(flow.gaussianCovarianceAt).toBeUndefined()
  })

  it('one layer is exactly the shallow DAE of the mixture', () => {
    const composed = mapOf(buildFlow(spec(1), p47))
    const shallow = mapOf(buildFlow(specOf({ distribution: { kind: 'preset', name: 'paper-47' }, flow: { kind: 'shallow-dae' } }), p47))
    const x0 = tf.tensor2d([
      [-2, 1],
      [0, 0],
      [0.4, -1.3],
      [3, 2]
    ])
    const a = mapRows(composed, x0, 0.45)
    const b = mapRows(shallow, x0, 0.45)
    a.forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(b[i][j], 6)))
    composed.dispose()
    x0.dispose()
  })

  it('a mixture of two identical Gaussians behaves exactly like the single Gaussian', () => {
    const twin = resolveDistribution({ kind: 'gmm', weights: [0.3, 0.7], means: [[0.5], [0.5]], covariances: [[[1.2]], [[1.2]]] })
    const single = resolveDistribution({ kind: 'gaussian', mean: [0.5], covariance: [[1.2]] })
    const mk = (d: typeof twin) =>
      mapOf(
        buildFlow(
          specOf({
            distribution: { kind: 'gmm', weights: [1], means: [[0]], covariances: [[[1]]] },
            flow: { kind: 'composed-dae', layers: 7 },
            integration: { solver: 'rk4', depth: 0.6, stepSize: 0.1, samples: 2 }
          }),
          d
        )
      )
    const a = mk(twin)
    const b = mk(single)
    const x0 = tf.tensor2d([[-1], [0.5], [2.5]])
    for (const t of [0.2, 0.6]) {
      const ya = mapRows(a, x0, t).flat()
      const yb = mapRows(b, x0, t).flat()
      ya.forEach((v, i) => expect(v).toBeCloseTo(yb[i], 5))
    }
    a.dispose()
    b.dispose()
    x0.dispose()
  })
})
