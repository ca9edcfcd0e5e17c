// Per-depth analysis of Gaussian runs through the real runner, against closed forms (Sonoda & Murata 2019):
// continuous DAE Sigma_t = Sigma_0 - 2tI, so sigma_i(t) = sqrt(lambda_i - 2t), mean |v|^2 = tr(Sigma_t^-1)
// and the kinetic energy is sum_i 0.5 log(lambda_i / (lambda_i - 2T)); the shallow DAE is the linear map
// M_t = Sigma_0 (Sigma_0 + tI)^-1, whose path has energy sum_i lambda_i^3 (lambda_i^-3 - (lambda_i + T)^-3) / 3.
// Particles are points with empirical covariance exactly Sigma_0 = diag(2, 1), so these hold for the sample.
import { beforeAll, describe, expect, it } from 'vitest'
import { gradientFlowSigmas, shapeSigmas } from '../../../../electron/engine/metrics/depth-gaussian'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { runExperiment } from '../../../../electron/engine/jobs/runner'
import { RunManifestSchema, type RunManifest } from '../../../../shared/run'
import { storedEnglish } from '../../../../shared/messages/stored'
import { exactGaussianPoints } from './depth-fixtures'

const LAMBDA = [2, 1]
const T = 0.4
const points = exactGaussianPoints(
  2000,
  [
    [2, 0],
    [0, 1]
  ],
  21
)
let baseline = 0

async function run(
  flow: Record<string, unknown>,
  samples: number,
  integration: Record<string, unknown> = { solver: 'rk4', stepSize: 0.005 }
): Promise<RunManifest> {
  const spec = {
    version: 1,
    name: 'gaussian depth analysis',
    seed: 1,
    distribution: {
      kind: 'gaussian',
      mean: [0, 0],
      covariance: [
        [2, 0],
        [0, 1]
      ]
    },
    particles: { kind: 'points', points },
    flow,
    integration: { depth: T, samples, ...integration }
  }
  const { manifest } = await runExperiment(spec, { ctx: createJobContext(new AbortController().signal), backend: 'test' })
  // what the run store would write and read back
  return RunManifestSchema.parse(JSON.parse(JSON.stringify(manifest)))
}

const continuousEnergy = (t: number): number => LAMBDA.reduce((s, l) => s + 0.5 * Math.log(l / (l - 2 * t)), 0)
const shallowEnergy = (t: number): number => LAMBDA.reduce((s, l) => s + (l ** 3 * (l ** -3 - (l + t) ** -3)) / 3, 0)

beforeAll(async () => {
  await initBackend()
  baseline = tf.memory().numTensors
})

describe('Gaussian shape coordinates', () => {
  it('sigmas are the square roots of the covariance eigenvalues, descending; the gradient flow follows sqrt(s^2 - 2t)', () => {
    // rotated diag(4, 1) by 30 degrees
    const c = Math.cos(Math.PI / 6)
    const s = Math.sin(Math.PI / 6)
    const cov = [
      [4 * c * c + s * s, 3 * c * s],
      [3 * c * s, 4 * s * s + c * c]
    ]
    shapeSigmas(cov).forEach((v, i) => expect(v).toBeCloseTo([2, 1][i], 12))
    expect(gradientFlowSigmas([Math.SQRT2, 1], 0.25).map((v) => v!)).toEqual([Math.sqrt(1.5), Math.sqrt(0.5)].map((v) => expect.closeTo(v, 14)))
    expect(gradientFlowSigmas([Math.SQRT2, 1], 0.5)).toEqual([expect.closeTo(1, 14), null])
    expect(gradientFlowSigmas([Math.SQRT2, 1], 0.7)).toEqual([expect.closeTo(Math.sqrt(0.6), 14), null])
  })
})

describe('per-depth analysis of Gaussian runs', () => {
  it('continuous DAE: sigma trajectory within 1e-3 of sqrt(lambda - 2t), gradient flow identical, energy converges to the closed form', async () => {
    const coarse = await run({ kind: 'continuous-dae' }, 11)
    const fine = await run({ kind: 'continuous-dae' }, 41)
    expect(fine.depthAnalysis).toMatchObject({ velocityMethod: 'field', velocityPoints: 2000, gaussianShape: true, separabilityClasses: null })
    let worst = 0
    for (const r of fine.metrics) {
      const truth = LAMBDA.map((l) => Math.sqrt(l - 2 * r.depth))
      r.sigmas!.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - truth[i]))))
      r.gradientFlowSigmas!.forEach((v, i) => expect(v).toBeCloseTo(truth[i], 5))
      // mean |v|^2 at the samples = tr(Sigma_t^-1) = J(mu_t)
      expect(r.meanSquaredVelocity! / LAMBDA.reduce((s, l) => s + 1 / (l - 2 * r.depth), 0)).toBeCloseTo(1, 4)
      expect(r.separability).toBeUndefined()
    }
    expect(worst).toBeLessThan(1e-3)
    const errFine = Math.abs(fine.metrics.at(-1)!.kineticEnergy! - continuousEnergy(T))
    const errCoarse = Math.abs(coarse.metrics.at(-1)!.kineticEnergy! - continuousEnergy(T))
    // trapezoid rule: second order in the sample spacing (4x finer -> ~16x smaller error)
    expect(errFine / continuousEnergy(T)).toBeLessThan(2e-3)
    expect(errCoarse / errFine).toBeGreaterThan(8)
    // the kinetic energy of the continuous DAE equals the entropy it removes: H(0) - H(T) (dH/dt = -J)
    expect(fine.metrics.at(-1)!.kineticEnergy!).toBeCloseTo(fine.summary.entropyStart - fine.summary.entropyEnd, 2)
    expect(fine.notes.map(storedEnglish).join(' ')).toMatch(/velocity field evaluated at the recorded positions of all 2000 particles/)
    expect(tf.memory().numTensors).toBe(baseline)
  })

  it('continuous DAE in 1-D: speed and path length equal the closed forms of x_t = x_0 sqrt(1 - 2t)', async () => {
    const pts = exactGaussianPoints(1000, [[1]], 22)
    const spec = {
      version: 1,
      name: '1-D',
      seed: 1,
      distribution: { kind: 'preset', name: 'normal-1d' },
      particles: { kind: 'points', points: pts },
      flow: { kind: 'continuous-dae' },
      integration: { solver: 'rk4', stepSize: 0.001, depth: 0.4, samples: 9 }
    }
    const { manifest } = await runExperiment(spec, { ctx: createJobContext(new AbortController().signal), backend: 'test' })
    const meanAbs = pts.reduce((s, p) => s + Math.abs(p[0]), 0) / pts.length
    const a = (t: number) => Math.sqrt(1 - 2 * t)
    manifest.metrics.forEach((r, k) => {
      // the path is monotone, so the broken line's length is the exact path length
      expect(r.pathLength!).toBeCloseTo(meanAbs * (1 - a(r.depth)), 5)
      if (k === 0) {
        expect(r.speed).toBeNull()
        expect(r.slicedW2Step).toBeNull()
        return
      }
      const prev = manifest.metrics[k - 1].depth
      // 1-D W2 between the clouds: the map is monotone, so sqrt(E x0^2) |a(t_k) - a(t_k-1)| with E x0^2 = 1
      expect(r.slicedW2Step!).toBeCloseTo(a(prev) - a(r.depth), 5)
      expect(r.speed!).toBeCloseTo((a(prev) - a(r.depth)) / (r.depth - prev), 4)
    })
  })

  it('shallow DAE (a depth map): the implied velocity energy converges to the closed form of its path', async () => {
    const coarse = await run({ kind: 'shallow-dae' }, 9)
    const fine = await run({ kind: 'shallow-dae' }, 33)
    expect(fine.depthAnalysis?.velocityMethod).toBe('implied')
    expect(fine.metrics[0].meanSquaredVelocity).toBeNull()
    const truth = shallowEnergy(T)
    const errFine = Math.abs(fine.metrics.at(-1)!.kineticEnergy! - truth)
    const errCoarse = Math.abs(coarse.metrics.at(-1)!.kineticEnergy! - truth)
    expect(errFine / truth).toBeLessThan(2e-3)
    expect(errCoarse / errFine).toBeGreaterThan(8)
    // the shallow DAE is not the gradient flow: at T its sigmas are lambda / (lambda + T) * sqrt(lambda), larger
    const end = fine.metrics.at(-1)!
    end.sigmas!.forEach((v, i) => expect(v).toBeCloseTo((LAMBDA[i] / (LAMBDA[i] + T)) * Math.sqrt(LAMBDA[i]), 4))
    end.sigmas!.forEach((v, i) => expect(v).toBeGreaterThan(end.gradientFlowSigmas![i]!))
    expect(fine.notes.map(storedEnglish).join(' ')).toMatch(/implied velocity/)
  })
})
