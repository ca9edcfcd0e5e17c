// Empirical DAE: Nadaraya-Watson score on a reference cloud of N(0, 1). With a smooth reference
// (normal quantiles) the flow is the continuous DAE of the cloud smoothed by N(0, h): we check it
// against that bandwidth-corrected closed form tightly and against the exact continuous DAE loosely.
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { buildFlow } from '../../../../electron/engine/flows/build-flow'
import { nadarayaWatson } from '../../../../electron/engine/flows/empirical-dae'
import { integrate } from '../../../../electron/engine/solvers/integrate'
import { createRng } from '../../../../electron/engine/sampling/random'
import { sampleDistribution } from '../../../../electron/engine/sampling/distributions'
import { resolveDistribution } from '../../../../shared/experiment'
import { specOf } from './helpers'

/** inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9) */
function probit(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239]
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
  const lo = 0.02425
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p))
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
  }
  if (p > 1 - lo) return -probit(1 - p)
  const q = p - 0.5
  const r = q * q
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
}

beforeAll(async () => {
  await initBackend('wasm')
})

const spec = (bandwidth: number, referenceSize: number) =>
  specOf({
    distribution: { kind: 'preset', name: 'normal-1d' },
    flow: { kind: 'empirical-dae', bandwidth, referenceSize },
    particles: { kind: 'sample', count: referenceSize + TEST_POINTS.length },
    integration: { solver: 'rk4', depth: 0.2, stepSize: 0.01, samples: 2 }
  })

const TEST_POINTS = [-1.5, -0.5, 0.5, 1.5]

/** transports reference + test points; returns the final positions of both */
async function transport(reference: number[], h: number, depth: number, stepSize: number): Promise<{ cloud: number[]; points: number[] }> {
  const flow = buildFlow(spec(h, reference.length), resolveDistribution({ kind: 'preset', name: 'normal-1d' }))
  if (flow.type !== 'field') throw new Error('field expected')
  expect(flow.field.referenceRows).toBe(reference.length)
  const x0 = tf.tensor2d([...reference, ...TEST_POINTS].map((v) => [v]))
  const r = await integrate(flow.field, x0, [0, depth], { solver: 'rk4', stepSize })
  const out = Array.from(r.positions[1].dataSync())
  r.positions.forEach((p) => p.dispose())
  x0.dispose()
  flow.field.dispose()
  return { cloud: out.slice(0, reference.length), points: out.slice(reference.length) }
}

const variance = (v: number[]): number => {
  const m = v.reduce((a, b) => a + b, 0) / v.length
  return v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length
}

/**
 * Continuous DAE of a Gaussian cloud smoothed by the bandwidth: v = -(x - m) / (s^2 + h), so
 * s^2 + h ln s^2 = s0^2 + h ln s0^2 - 2t (solved by Newton) and every point scales like s.
 */
function smoothedVariance(s0: number, h: number, t: number): number {
  const target = s0 + h * Math.log(s0) - 2 * t
  let s = s0 - 2 * t
  for (let i = 0; i < 50; i++) s -= (s + h * Math.log(s) - target) / (1 + h / s)
  return s
}

describe('empirical DAE', () => {
  it('NW of a kernel-dominated cloud is the smoothed posterior mean, also across kernel blocks', () => {
    // two reference points: NW is their softmax-weighted mean, by hand
    const y = tf.tensor2d([[0], [1]])
    const x = tf.tensor2d([[0.2], [3]])
    const got = tf.tidy(() => nadarayaWatson(x, y, 0.5))
    const w1 = (v: number) => Math.exp(-((v - 1) ** 2) / 1) / (Math.exp(-(v ** 2) / 1) + Math.exp(-((v - 1) ** 2) / 1))
    expect(got.dataSync()[0]).toBeCloseTo(w1(0.2), 6)
    expect(got.dataSync()[1]).toBeCloseTo(w1(3), 6)
    got.dispose()
    // far from every reference point (exponents ~ -1e4) the stabilised softmax still picks the nearest
    const far = tf.tensor2d([[-150], [160]])
    const nearest = tf.tidy(() => nadarayaWatson(far, y, 1))
    expect(Array.from(nearest.dataSync())).toEqual([0, 1])
    nearest.dispose()
    ;[y, x, far].forEach((t) => t.dispose())
    // more rows than one kernel block (2^22 entries): 3000 x 2000 = 6e6 entries, split into blocks
    const ref = tf.tensor2d(Array.from({ length: 2000 }, (_, i) => [probit((i + 0.5) / 2000)]))
    const xs = tf.tensor2d(Array.from({ length: 3000 }, (_, i) => [-2 + (4 * i) / 2999]))
    const before = tf.memory().numTensors
    const nw = tf.tidy(() => nadarayaWatson(xs, ref, 0.04))
    expect(tf.memory().numTensors).toBe(before + 1)
    const v = nw.dataSync()
    // the cloud is ~N(0, 1): NW_h(x) ~ x / (1 + h)
    for (let i = 0; i < 3000; i += 299) expect(Math.abs(v[i] - (-2 + (4 * i) / 2999) / 1.04)).toBeLessThan(2e-3)
    ;[ref, xs, nw].forEach((t) => t.dispose())
  })

  // The flow is anti-diffusive (it solves the backward heat equation): structure below the bandwidth
  // scale grows up to exp(0.74 t / h). At h = 0.01, t = 0.2 (growth ~1e6) even float32 round-off breaks a
  // smooth cloud into clusters, and sampling noise does so at much smaller t / h.
  it('on a smooth N(0, 1) reference follows the continuous DAE of the cloud smoothed by the bandwidth', async () => {
    const R = 1000
    const h = 0.05
    const T = 0.2
    const reference = Array.from({ length: R }, (_, i) => probit((i + 0.5) / R))
    const { cloud, points } = await transport(reference, h, T, 0.02)
    const s0 = variance(reference)
    const s = smoothedVariance(s0, h, T)
    const scale = Math.sqrt(s / s0)
    // measured: 3.6e-4 at |x| = 1.5 (the quantile cloud is not exactly Gaussian)
    TEST_POINTS.forEach((x, i) => expect(Math.abs(points[i] - x * scale)).toBeLessThan(1e-3))
    expect(Math.abs(variance(cloud) - s)).toBeLessThan(0.005)
    // against the exact continuous DAE x sqrt(1 - 2t) the bandwidth bias shows: measured 0.0226 at |x| = 1.5
    TEST_POINTS.forEach((x, i) => expect(Math.abs(points[i] - x * Math.sqrt(1 - 2 * T))).toBeLessThan(0.02 * Math.max(1, Math.abs(x))))
  })

  it('on a random N(0, 1) sample (R = 2000, h = 0.1) follows it within sampling noise and bandwidth bias', async () => {
    const R = 2000
    const h = 0.1
    const T = 0.2
    const reference = Array.from(sampleDistribution(resolveDistribution({ kind: 'preset', name: 'normal-1d' }), R, createRng(3)).positions)
    const { cloud, points } = await transport(reference, h, T, 0.04)
    const s0 = variance(reference)
    const s = smoothedVariance(s0, h, T)
    // measured over seeds 3, 4: cloud variance within 0.007 of the smoothed model, points within 0.06
    expect(Math.abs(variance(cloud) - s)).toBeLessThan(0.02)
    TEST_POINTS.forEach((x, i) => expect(Math.abs(points[i] - x * Math.sqrt(s / s0))).toBeLessThan(0.1))
    // the exact continuous DAE (variance 1 - 2t) differs by the bandwidth bias, about 0.045 here
    expect(Math.abs(variance(cloud) - (s0 - 2 * T))).toBeLessThan(0.08)
  })
})
