// Merging of point pairs: a flow cannot merge points, a coarse discretisation can. The linear field
// v = -a x has the exact flow x e^{-a t} (invertible, contracts by e^{-0.99} = 0.37 at a t = 0.99); one
// Euler step of size h with a h = 0.99 maps x to 0.01 x, which brings every pair closer than 1% of the
// median input distance when it started closer than that median.
import type * as tf from '@tensorflow/tfjs-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { depthMetrics } from '../../../../electron/engine/metrics/depth-metrics'
import { MergingProbe } from '../../../../electron/engine/metrics/depth-merging'
import { initBackend, tf as tfc } from '../../../../electron/engine/backend'
import type { VelocityField } from '../../../../electron/engine/flows/types'
import { integrate } from '../../../../electron/engine/solvers/integrate'
import type { SolverOptions } from '../../../../electron/engine/solvers/types'
import { gaussianCloud, testRng } from './test-rng'
import { englishLines } from '../../../../shared/messages/message'

const A = 0.99
const linearField: VelocityField = { dim: 2, referenceRows: 0, velocity: (x: tf.Tensor2D) => tfc.mul(x, -A), dispose: () => {} }

async function trajectory(x0: Float32Array, n: number, depths: number[], options: SolverOptions): Promise<Float32Array> {
  const r = await integrate(linearField, tfc.tensor2d(x0, [n, 2]), depths, options)
  const out = new Float32Array(depths.length * n * 2)
  for (let s = 0; s < depths.length; s++) out.set(await r.positions[s].data(), s * n * 2)
  r.positions.forEach((p) => p.dispose())
  return out
}

beforeAll(async () => {
  await initBackend()
})

describe('merging', () => {
  it('the probe counts apart pairs that end closer than endRatio x the input median (brute-force check)', () => {
    const n = 400
    const x0 = gaussianCloud(n, [0, 0], [1, 1], 11)
    // contract the left half-plane 200x: only pairs with both points at x < 0 can merge
    const x1 = x0.map((v, i) => (x0[i - (i % 2)] < 0 ? v / 200 : v))
    const probe = new MergingProbe(x0, n, 2, testRng(4), { pairs: 5000, startRatio: 0.1, endRatio: 0.01 })
    const c = probe.constants
    expect(c.pairs).toBe(5000)
    // brute force over all pairs: the share of merged among apart ones, for comparison with the sampled estimate
    const dist = (x: Float32Array, i: number, j: number) => Math.hypot(x[2 * i] - x[2 * j], x[2 * i + 1] - x[2 * j + 1])
    let apart = 0
    let merged = 0
    const all: number[] = []
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) all.push(dist(x0, i, j))
    all.sort((a, b) => a - b)
    const med = all[all.length >> 1]
    expect(c.inputMedianDistance / med).toBeGreaterThan(0.95)
    expect(c.inputMedianDistance / med).toBeLessThan(1.05)
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        if (dist(x0, i, j) <= 0.1 * med) continue
        apart++
        if (dist(x1, i, j) < 0.01 * med) merged++
      }
    const truth = merged / apart
    // both points on the left (1/4 of pairs), and 0.005 d0 < 0.01 med, i.e. d0 < 2 med (most of them)
    expect(truth).toBeGreaterThan(0.15)
    expect(Math.abs(probe.fraction(x1) - truth)).toBeLessThan(0.02)
    expect(probe.fraction(x0)).toBe(0)
  })

  it('one big Euler step merges about half of the pairs; the exact flow (RK4) merges none', async () => {
    const n = 2000
    const x0 = gaussianCloud(n, [0, 0], [1, 1], 12)
    // two samples: fixed-step solvers also stop at every recorded depth
    const depths = [0, 1]
    const euler = await trajectory(x0, n, depths, { solver: 'euler', stepSize: 1 })
    const exact = await trajectory(x0, n, depths, { solver: 'rk4', stepSize: 0.01 })
    // the Euler broken line is linear between steps: x(1) = 0.01 x0
    expect(euler[n * 2] / x0[0]).toBeCloseTo(1 - A, 4)
    expect(exact[n * 2] / x0[0]).toBeCloseTo(Math.exp(-A), 5)
    const e = await depthMetrics(euler, [2, n, 2], depths, { rng: testRng(5) })
    const x = await depthMetrics(exact, [2, n, 2], depths, { rng: testRng(5) })
    // merged iff 0.01 d0 < 0.01 med, i.e. d0 < med: half the pairs, less the ~1% closer than 0.1 med
    expect(e.rows[1].mergedFraction).toBeGreaterThan(0.45)
    expect(e.rows[1].mergedFraction).toBeLessThan(0.51)
    expect(e.rows[0].mergedFraction).toBe(0)
    x.rows.forEach((r) => expect(r.mergedFraction).toBe(0))
    expect(e.constants.merging).toMatchObject({ pairs: 20_000, startRatio: 0.1, endRatio: 0.01 })
    // numbers of five digits or more are rendered grouped
    expect(englishLines(e.notes)).toMatch(/Merging: 20,000 seeded particle pairs/)
  })
})
