// Gaussian closed forms (REFERENCE eqs. 34-37): continuous trajectories, the shallow map, their
// pushforward covariances, and the (44) entropy table computed from those covariances.
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { resolveDistribution } from '../../../../shared/experiment'
import { symmetricEigen, type Matrix } from '../../../../shared/matrix'
import { buildFlow } from '../../../../electron/engine/flows/build-flow'
import { integrate } from '../../../../electron/engine/solvers/integrate'
import { mapRows, rows, specOf } from './helpers'

const M0 = [0.5, -0.3]
const S0: Matrix = [
  [2, 0.6],
  [0.6, 1]
]
const POINTS = [
  [0.5, -0.3],
  [2.5, 1],
  [-1.5, 0.7],
  [1, -2.2],
  [-0.4, -1.1]
]

/** m0 + V diag(f(lambda)) V^T (x - m0): a spectral function of Sigma0 applied to x - m0 */
function spectralMap(x: number[], f: (lambda: number) => number): number[] {
  const { values, vectors: V } = symmetricEigen(S0)
  const d = [x[0] - M0[0], x[1] - M0[1]]
  const c = values.map((l, k) => f(l) * (V[0][k] * d[0] + V[1][k] * d[1]))
  return [0, 1].map((i) => M0[i] + V[i][0] * c[0] + V[i][1] * c[1])
}

function spectralMatrix(f: (lambda: number) => number): Matrix {
  const { values, vectors: V } = symmetricEigen(S0)
  return [0, 1].map((i) => [0, 1].map((j) => values.reduce((s, l, k) => s + V[i][k] * f(l) * V[j][k], 0)))
}

const entropy = (c: Matrix): number => 0.5 * Math.log((2 * Math.PI * Math.E) ** c.length * (c.length === 1 ? c[0][0] : c[0][0] * c[1][1] - c[0][1] * c[1][0]))

beforeAll(async () => {
  await initBackend('wasm')
})

const gaussianSpec = (flow: 'continuous-dae' | 'shallow-dae', depth = 0.3) =>
  specOf({
    distribution: { kind: 'gaussian', mean: M0, covariance: S0 },
    flow: { kind: flow },
    integration: { solver: 'rk4', depth, stepSize: 0.002, samples: 4 }
  })

describe('Gaussian continuous DAE', () => {
  it('trajectories follow m0 + (I - 2t Sigma0^-1)^(1/2) (x - m0) with a correlated Sigma0', async () => {
    // lambda_min(S0) = 0.719 -> t* = 0.3595; integrate to 0.3 where the flow is stiff-ish
    const spec = gaussianSpec('continuous-dae')
    const flow = buildFlow(spec, resolveDistribution(spec.distribution))
    if (flow.type !== 'field') throw new Error('field expected')
    const x0 = tf.tensor2d(POINTS)
    const depths = [0, 0.1, 0.2, 0.3]
    const r = await integrate(flow.field, x0, depths, { solver: 'rk4', stepSize: 0.002 })
    depths.forEach((t, i) => {
      const got = rows(r.positions[i])
      POINTS.forEach((p, k) => {
        const want = spectralMap(p, (l) => Math.sqrt(1 - (2 * t) / l))
        expect(Math.abs(got[k][0] - want[0])).toBeLessThan(1e-5)
        expect(Math.abs(got[k][1] - want[1])).toBeLessThan(1e-5)
      })
    })
    r.positions.forEach((p) => p.dispose())
    x0.dispose()
  })

  it('exact covariance is Sigma0 - 2tI', () => {
    const spec = gaussianSpec('continuous-dae')
    const flow = buildFlow(spec, resolveDistribution(spec.distribution))
    const c = flow.gaussianCovarianceAt!(0.2)
    expect(c[0][0]).toBeCloseTo(1.6, 12)
    expect(c[0][1]).toBeCloseTo(0.6, 12)
    expect(c[1][1]).toBeCloseTo(0.6, 12)
  })

  it('1-D: x_t = x0 sqrt(1 - 2t / s^2) (s^2 = 2.5, to t = 1)', async () => {
    const spec = specOf({
      distribution: { kind: 'gaussian', mean: [0], covariance: [[2.5]] },
      integration: { solver: 'rk4', depth: 1, stepSize: 0.005, samples: 3 }
    })
    const flow = buildFlow(spec, resolveDistribution(spec.distribution))
    if (flow.type !== 'field') throw new Error('field expected')
    const xs = [-3, -1, 0.25, 2]
    const x0 = tf.tensor2d(xs.map((x) => [x]))
    const r = await integrate(flow.field, x0, [0, 0.5, 1], { solver: 'rk4', stepSize: 0.005 })
    ;[0, 0.5, 1].forEach((t, i) => {
      const got = r.positions[i].dataSync()
      xs.forEach((x, k) => expect(Math.abs(got[k] - x * Math.sqrt(1 - (2 * t) / 2.5))).toBeLessThan(5e-6))
    })
    r.positions.forEach((p) => p.dispose())
    x0.dispose()
  })
})

describe('Gaussian shallow DAE', () => {
  it('is the map m0 + Sigma0 (Sigma0 + tI)^-1 (x - m0) at t = 0.1, 0.5, 2 and 50', () => {
    const spec = gaussianSpec('shallow-dae')
    const flow = buildFlow(spec, resolveDistribution(spec.distribution))
    if (flow.type !== 'map') throw new Error('map expected')
    const x0 = tf.tensor2d(POINTS)
    for (const t of [0.1, 0.5, 2, 50]) {
      const got = mapRows(flow.map, x0, t)
      POINTS.forEach((p, k) => {
        const want = spectralMap(p, (l) => l / (l + t))
        expect(Math.abs(got[k][0] - want[0])).toBeLessThan(2e-6)
        expect(Math.abs(got[k][1] - want[1])).toBeLessThan(2e-6)
      })
    }
    // depth 0 is the identity
    const evaluated = flow.map.evaluations
    expect(mapRows(flow.map, x0, 0)).toEqual(rows(x0))
    expect(flow.map.evaluations).toBe(evaluated)
    x0.dispose()
  })

  it('exact covariance is Sigma0 (I + t Sigma0^-1)^-2', () => {
    const spec = gaussianSpec('shallow-dae')
    const flow = buildFlow(spec, resolveDistribution(spec.distribution))
    for (const t of [0.3, 1.7]) {
      const want = spectralMatrix((l) => l / (1 + t / l) ** 2)
      const got = flow.gaussianCovarianceAt!(t)
      got.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(want[i][j], 12)))
    }
  })
})

describe('(44) entropy table from the exact pushforward covariances', () => {
  it('continuous and shallow entropies match the closed forms', () => {
    const spec = (kind: 'continuous-dae' | 'shallow-dae') =>
      specOf({ distribution: { kind: 'preset', name: 'paper-44' }, flow: { kind }, integration: { solver: 'rk4', depth: 0.4, stepSize: 0.01, samples: 2 } })
    const cont = buildFlow(spec('continuous-dae'), resolveDistribution(spec('continuous-dae').distribution))
    const shal = buildFlow(spec('shallow-dae'), resolveDistribution(spec('shallow-dae').distribution))
    const ts = [0, 0.1, 0.25, 0.4]
    const wantC = [3.184451, 3.020199, 2.694036, 2.124319]
    const wantS = [3.184451, 3.04035, 2.843524, 2.665657]
    ts.forEach((t, i) => {
      expect(Math.abs(entropy(cont.gaussianCovarianceAt!(t)) - wantC[i])).toBeLessThan(1e-6)
      expect(Math.abs(entropy(shal.gaussianCovarianceAt!(t)) - wantS[i])).toBeLessThan(1e-6)
    })
  })
})
