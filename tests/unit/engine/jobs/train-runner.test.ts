// The trained-flow runner end to end on DAEs: a composed DAE (L = 4, N(0,1), t = 0.25) transports the
// variance to the CDAE closed form; the saved model reloads to the same outputs; one seed reproduces
// the run; cancel stops within one batch; numTensors returns to its baseline every time.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { storedEnglish } from '../../../../shared/messages'
import { RunManifestSchema } from '../../../../shared/run'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { CancelledError } from '../../../../electron/engine/errors'
import { createJobContext, type JobContext } from '../../../../electron/engine/jobs/context'
import { isTrainedKind, runTrainedExperiment } from '../../../../electron/engine/jobs/trained/runner'
import { loadTrainedField } from '../../../../electron/engine/models/model-io'
import type { RunContent } from '../../../../electron/engine/runs/run-folder'
import { daeFinalStates } from '../../../../electron/engine/training/reintegrate'

let baseline = 0
beforeAll(async () => {
  await initBackend('wasm')
  baseline = tf.memory().numTensors
})

const ctx = (): JobContext => createJobContext(new AbortController().signal)

const cdaeSpec = {
  version: 1,
  name: 'trained cdae',
  seed: 3,
  distribution: { kind: 'preset', name: 'normal-1d' },
  particles: { kind: 'sample', count: 20000 },
  flow: {
    kind: 'trained-composed-dae',
    t: 0.25,
    layers: 4,
    model: { width: 16, hiddenLayers: 1, init: 'small-output' },
    training: { epochs: 6, batchSize: 1024, learningRate: 0.005, samples: 16384 }
  },
  integration: { solver: 'euler', depth: 0.25, stepSize: 0.25, samples: 5 }
}

/** CDAE closed form for N(0, 1): each layer maps N(0, s) to N(0, s^3 / (s + dt)^2) (Sonoda & Murata 2019) */
function cdaeVariance(L: number, t: number): number {
  let s = 1
  for (let l = 0; l < L; l++) s = s ** 3 / (s + t / L) ** 2
  return s
}

describe('trained composed DAE through the runner', () => {
  let run: RunContent
  beforeAll(async () => {
    run = await runTrainedExperiment(cdaeSpec, { ctx: ctx(), backend: 'wasm', appVersion: '0.0.0-test' })
  }, 120_000)

  it('transported variance within 0.03 of the CDAE closed form (L = 4, t = 0.25); memory back at baseline', () => {
    expect(isTrainedKind('trained-composed-dae')).toBe(true)
    expect(isTrainedKind('composed-dae')).toBe(false)
    const { manifest, trajectories } = run
    const N = 20000
    const last = trajectories.subarray(4 * N, 5 * N)
    let m = 0
    for (const v of last) m += v / N
    let v2 = 0
    for (const v of last) v2 += (v - m) ** 2 / N
    const exact = cdaeVariance(4, 0.25)
    expect(exact).toBeCloseTo(0.552296, 5)
    expect(Math.abs(v2 - exact)).toBeLessThanOrEqual(0.03)
    // the report says the same, against the exact closed-form covariance
    const cf = manifest.training!.closedForm!
    expect(cf.varianceClosedForm![0]).toBeCloseTo(exact, 6)
    expect(Math.abs(cf.varianceLearned![0] - exact)).toBeLessThanOrEqual(0.03)
    expect(RunManifestSchema.safeParse(manifest).success).toBe(true)
    expect(manifest.training!.curve.filter((r) => r.layer === 3)).toHaveLength(6)
    expect(manifest.training!.robustness.map((r) => storedEnglish(r.method))).toEqual([expect.stringContaining('euler'), expect.stringContaining('dopri5')])
    expect(manifest.training!.robustness.map((r) => (r.method as { key: string }).key)).toEqual(['engine.robustHalfStep', 'engine.robustDopri'])
    expect(tf.memory().numTensors).toBe(baseline)
  })

  it('the saved model (model/model.json + weights.bin) reloads and re-integrates to the same outputs', async () => {
    expect(run.extra?.map((e) => e.path)).toEqual(['model/model.json', 'model/weights.bin'])
    const dir = await mkdtemp(join(tmpdir(), 'nagare-train-'))
    try {
      await mkdir(join(dir, 'model'))
      for (const f of run.extra!) await writeFile(join(dir, f.path), f.data)
      const model = await loadTrainedField(dir)
      const n = 500
      const x0 = run.trajectories.subarray(0, n)
      const out = await daeFinalStates(model, x0, n, { solver: 'euler', stepSize: 1 })
      const final = run.trajectories.subarray(4 * 20000, 4 * 20000 + n)
      for (let i = 0; i < n; i++) expect(out.x[i]).toBeCloseTo(final[i], 5)
      model.dispose()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
    expect(tf.memory().numTensors).toBe(baseline)
  })
})

describe('trained shallow DAE (examples/trained-dae.json)', () => {
  it('learns x / (1 + t) on N(0, 1) with t = 0.5: mean absolute error to the closed form <= 0.05', async () => {
    const spec = JSON.parse(await readFile(join(__dirname, '../../../../examples/trained-dae.json'), 'utf8'))
    spec.particles.count = 2000
    const r = await runTrainedExperiment(spec, { ctx: ctx(), backend: 'wasm' })
    const cf = r.manifest.training!.closedForm!
    expect(cf.description).toMatchObject({ key: 'engine.exactShallow' })
    expect(storedEnglish(cf.description)).toContain('shallow DAE')
    expect(cf.meanAbsError).toBeLessThanOrEqual(0.05)
    // independent check on the particles: g(x) = x / 1.5
    const N = 2000
    let mae = 0
    for (let i = 0; i < N; i++) mae += Math.abs(r.trajectories[10 * N + i] - r.trajectories[i] / 1.5) / N
    expect(mae).toBeLessThanOrEqual(0.05)
    // the pushforward variance approaches the shallow closed form 1 / (1 + t)^2 = 0.444 (Fig. 4)
    expect(Math.abs(cf.varianceLearned![0] - 0.444444)).toBeLessThan(0.04)
    expect(tf.memory().numTensors).toBe(baseline)
  }, 120_000)
})

const small = {
  version: 1,
  name: 'trained dae',
  seed: 5,
  distribution: { kind: 'preset', name: 'paper-45' },
  particles: { kind: 'sample', count: 300 },
  flow: {
    kind: 'trained-dae',
    t: 0.3,
    model: { width: 8, hiddenLayers: 1 },
    training: { epochs: 3, batchSize: 128, samples: 1024, kinetic: 0.01, weightDecay: 1e-4 }
  },
  integration: { solver: 'euler', depth: 0.3, stepSize: 0.3, samples: 3 }
}

describe('reproducibility and cancel', () => {
  it('the same seed gives the identical loss curve and weights; another training seed does not', async () => {
    const a = await runTrainedExperiment(small, { ctx: ctx(), backend: 'wasm' })
    const b = await runTrainedExperiment(small, { ctx: ctx(), backend: 'wasm' })
    const c = await runTrainedExperiment({ ...small, flow: { ...small.flow, training: { ...small.flow.training, seed: 6 } } }, { ctx: ctx(), backend: 'wasm' })
    const curve = (r: RunContent): number[] => r.manifest.training!.curve.flatMap((e) => [e.trainLoss, e.validationLoss ?? NaN, e.kinetic ?? NaN])
    const weights = (r: RunContent): number[] => Array.from(r.extra![1].data as Uint8Array)
    expect(curve(a)).toEqual(curve(b))
    expect(weights(a)).toEqual(weights(b))
    expect(Array.from(a.trajectories)).toEqual(Array.from(b.trajectories))
    expect(curve(a)).not.toEqual(curve(c))
    expect(weights(a)).not.toEqual(weights(c))
    // it trains: the data loss falls, and the mixture's shallow DAE closed form is reported
    const tr = a.manifest.training!
    expect(tr.curve[2].trainLoss).toBeLessThan(tr.curve[0].trainLoss)
    expect(storedEnglish(tr.closedForm!.description)).toContain('shallow DAE')
    expect(tf.memory().numTensors).toBe(baseline)
  }, 120_000)

  it('cancel stops within one batch and leaves numTensors at its baseline', async () => {
    const controller = new AbortController()
    const inner = createJobContext(controller.signal)
    let batchesAfterCancel = 0
    let checkpoints = 0
    const job: JobContext = {
      get cancelled() {
        return inner.cancelled
      },
      progress: () => {},
      checkpoint: async () => {
        if (controller.signal.aborted) batchesAfterCancel++
        // cancel arrives during the 5th batch (the first checkpoint precedes training)
        if (++checkpoints === 5) controller.abort()
        return inner.checkpoint()
      }
    }
    const spec = { ...small, flow: { ...small.flow, training: { ...small.flow.training, epochs: 50 } } }
    await expect(runTrainedExperiment(spec, { ctx: job, backend: 'wasm' })).rejects.toBeInstanceOf(CancelledError)
    // the checkpoint that saw the cancel threw: no further batch ran
    expect(batchesAfterCancel).toBe(0)
    expect(checkpoints).toBe(5)
    expect(tf.memory().numTensors).toBe(baseline)
  }, 60_000)
})
