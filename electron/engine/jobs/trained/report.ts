// The trained run's quality numbers: learned versus closed form (where the data is Gaussian or a
// mixture), held-out accuracy and path length, and solver robustness (re-integration with half the
// step and with dopri5, "a network is an Euler broken line").
import * as tf from '@tensorflow/tfjs-core'
import type { ExperimentSpec, TrainedFlowSpec } from '../../../../shared/experiment'
import type { MixtureDef } from '../../../../shared/presets'
import type { Displacement, TrainingReport } from '../../../../shared/training'
import { cloudCovariance, cloudMean } from '../../metrics/moments'
import { mixtureLogDensity, prepareMixture } from '../../sampling/mixture'
import { createRng } from '../../sampling/random'
import { composedDae } from '../../flows/composed-dae'
import { continuousCovarianceAt, continuousDaeField } from '../../flows/continuous-dae'
import { shallowCovariance, shallowStep } from '../../flows/shallow-dae'
import { neuralOdeField } from '../../flows/trained-flows'
import type { SolverOptions } from '../../solvers/types'
import { predictClasses } from '../../training/tasks/classify'
import { meanLogLikelihood, sampleBackwards } from '../../training/tasks/density'
import { daeFinalStates, displacement, finalStates, meanPathLength, type Outputs } from '../../training/reintegrate'
import type { TrainedSetup } from './flow-kinds'
import { message, stored, type Message } from '../../../../shared/messages'

/** rows used for the robustness re-integrations */
export const ROBUSTNESS_ROWS = 2000
export const ROBUSTNESS_RTOL = 1e-5
export const ROBUSTNESS_ATOL = 1e-6

const diag = (m: number[][]): number[] => m.map((r, i) => r[i])

/** Learned final positions (state coordinates [n, S]) against the closed form on the same starting points. */
export async function closedFormComparison(
  spec: ExperimentSpec,
  setup: TrainedSetup,
  x0: Float32Array,
  learned: Float32Array,
  n: number
): Promise<TrainingReport['closedForm']> {
  const dist = setup.dist
  const flow = spec.flow as TrainedFlowSpec
  if (!dist || dist.kind !== 'mixture' || flow.model.augment > 0) return undefined
  const mix: MixtureDef = dist
  const D = mix.means[0].length
  const single = mix.weights.length === 1
  let exact: Float32Array
  let cov: number[][] | undefined
  let description: Message
  if (flow.kind === 'trained-dae') {
    exact = tf.tidy(() => shallowStep(tf.tensor2d(x0, [n, D]), mix.weights, mix.means, mix.covariances, flow.t).dataSync() as Float32Array)
    if (single) cov = shallowCovariance(mix.covariances[0], flow.t)
    description = message('engine.exactShallow', { t: flow.t })
  } else if (flow.kind === 'trained-composed-dae') {
    const c = composedDae(mix, flow.layers, flow.t)
    try {
      exact = tf.tidy(() => c.map.positionsAt(tf.tensor2d(x0, [n, D]), flow.t).dataSync() as Float32Array)
    } finally {
      c.map.dispose()
    }
    if (single) cov = c.covarianceAt(flow.t)
    description = message(single ? 'engine.exactComposed' : 'engine.exactComposedMixture', { layers: flow.layers, noise: flow.t / flow.layers })
  } else if (flow.task === 'transport') {
    const depth = spec.integration.depth
    const field = continuousDaeField(mix)
    try {
      exact = (await finalStates(field, x0, n, depth, { solver: 'rk4', stepSize: depth / Math.max(10, Math.ceil(depth / 0.005)) })).x
    } catch {
      return undefined
    } finally {
      field.dispose()
    }
    if (single) cov = continuousCovarianceAt(mix, depth)
    description = message('engine.exactContinuous', { depth })
  } else return undefined
  let maxAbs = 0
  let sumAbs = 0
  for (let i = 0; i < n * D; i++) {
    const e = Math.abs(learned[i] - exact[i])
    sumAbs += e
    maxAbs = Math.max(maxAbs, e)
  }
  return {
    description: stored(description),
    meanAbsError: sumAbs / (n * D),
    maxAbsError: maxAbs,
    varianceLearned: diag(cloudCovariance(learned, n, D)),
    varianceClosedForm: cov ? diag(cov) : diag(cloudCovariance(exact, n, D))
  }
}

export interface QualityNumbers {
  robustness: Displacement[]
  heldOut?: TrainingReport['heldOut']
}

function accuracyOf(setup: TrainedSetup, out: Outputs, n: number): number | undefined {
  const labels = setup.heldOut?.labels
  if (!labels) return undefined
  const pred = predictClasses(setup.model, out.x, n)
  let ok = 0
  for (let i = 0; i < n; i++) if (pred[i] === labels[i]) ok++
  return ok / n
}

/** Re-integrates the trained flow as trained, with half the step, and with dopri5; held-out numbers for classification. */
export async function qualityNumbers(setup: TrainedSetup): Promise<QualityNumbers> {
  const { model } = setup
  const meta = model.meta
  const S = meta.field.dim
  const source = setup.heldOut ? setup.heldOut.x : setup.particles.positions
  const n = Math.min(ROBUSTNESS_ROWS, setup.heldOut ? setup.heldOut.n : setup.particles.count)
  const x0 = source.subarray(0, n * S)
  const dopri: SolverOptions = { solver: 'dopri5', rtol: ROBUSTNESS_RTOL, atol: ROBUSTNESS_ATOL, minStep: 1e-9, maxSteps: 100_000 }
  const isDae = meta.task === 'dae' || meta.task === 'composed-dae'
  const field = isDae ? undefined : neuralOdeField(model)
  const run = (o: SolverOptions): Promise<Outputs> => (field ? finalStates(field, x0, n, meta.depth, o) : daeFinalStates(model, x0, n, o))
  try {
    const trained: SolverOptions = { solver: meta.solver, stepSize: meta.stepSize }
    const ref = await run(trained)
    const refAcc = accuracyOf(setup, ref, n)
    const robustness: Displacement[] = []
    const variants: Array<[Message, SolverOptions]> = [
      [message('engine.robustHalfStep', { solver: meta.solver, step: meta.stepSize / 2 }), { solver: meta.solver, stepSize: meta.stepSize / 2 }],
      [message('engine.robustDopri', { rtol: ROBUSTNESS_RTOL, atol: ROBUSTNESS_ATOL }), dopri]
    ]
    for (const [method, o] of variants) {
      const out = await run(o)
      const d = displacement(ref.x, out.x, n, S)
      const acc = accuracyOf(setup, out, n)
      robustness.push({
        method: stored(method),
        ...(o.solver === 'dopri5' ? { rtol: o.rtol } : { stepSize: o.stepSize }),
        nfe: out.nfe,
        maxDisplacement: d.max,
        meanDisplacement: d.mean,
        ...(acc !== undefined && refAcc !== undefined ? { accuracy: acc, accuracyChange: acc - refAcc } : {})
      })
    }
    let heldOut: TrainingReport['heldOut']
    if (setup.heldOut && field) {
      const steps = Math.round(meta.depth / meta.stepSize)
      heldOut = {
        count: n,
        ...(refAcc !== undefined ? { accuracy: refAcc } : {}),
        meanPathLength: await meanPathLength(field, x0, n, meta.depth, steps, trained)
      }
    }
    return { robustness, ...(heldOut ? { heldOut } : {}) }
  } finally {
    field?.dispose()
  }
}

/** Density: held-out mean log-likelihood (and under the true density when known), and backward samples' moments. */
export function densityNumbers(setup: TrainedSetup, seed: number): Pick<TrainingReport, 'heldOut' | 'generated'> {
  const held = setup.densityHeldOut
  if (!held) return {}
  const { model } = setup
  const meta = model.meta
  const D = meta.field.dim
  const n = Math.min(ROBUSTNESS_ROWS, held.length / D)
  const rows = held.subarray(0, n * D)
  const logLikelihood = meanLogLikelihood(model, rows, n, meta)
  let logLikelihoodTrue: number | undefined
  if (setup.dist?.kind === 'mixture' && meta.augment === 0) {
    const p = prepareMixture(setup.dist)
    logLikelihoodTrue = 0
    for (let i = 0; i < n; i++) logLikelihoodTrue += mixtureLogDensity(p, rows, i * D) / n
  }
  const count = Math.min(ROBUSTNESS_ROWS, setup.particles.count)
  const samples = sampleBackwards(model, count, meta, createRng(seed).fork('generated'))
  const mean = cloudMean(samples, count, D)
  const data = setup.particles.positions
  const dataMean = cloudMean(data, setup.particles.count, D)
  return {
    heldOut: { count: n, logLikelihood, ...(logLikelihoodTrue !== undefined ? { logLikelihoodTrue } : {}) },
    generated: {
      count,
      mean,
      covariance: cloudCovariance(samples, count, D, mean),
      dataMean,
      dataCovariance: cloudCovariance(data, setup.particles.count, D, dataMean)
    }
  }
}
