// Checkpoint and resume of trained flows through the runner. Independent truth is reproducibility: a run
// cancelled mid-training and restarted with the same spec must end with the same bits (loss curve,
// weights, trajectories) as an uninterrupted run with the same seed on the same backend.
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { message, stored, storedEnglish } from '../../../../shared/messages'
import { parseSpec, type ExperimentSpec } from '../../../../shared/experiment'
import { RunManifestSchema } from '../../../../shared/run'
import { initBackend, tf } from '../../../../electron/engine/backend'
import { CHECKPOINT_FILE, checkpointDir, specKey } from '../../../../electron/engine/checkpoints/store'
import { CancelledError } from '../../../../electron/engine/errors'
import { createJobContext, type JobContext } from '../../../../electron/engine/jobs/context'
import { runTrainedExperiment } from '../../../../electron/engine/jobs/trained/runner'
import type { RunContent } from '../../../../electron/engine/runs/run-folder'

let baseline = 0
const dirs: string[] = []
beforeAll(async () => {
  await initBackend('wasm')
  baseline = tf.memory().numTensors
})
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

async function workspace(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'nagare-ckpt-'))
  dirs.push(d)
  return d
}

const plainCtx = (): JobContext => createJobContext(new AbortController().signal)

/** a context whose `at`-th checkpoint() call cancels (the first call precedes training, then one per batch) */
function cancellingCtx(at: number): JobContext {
  let calls = 0
  return {
    cancelled: false,
    progress: () => {},
    checkpoint: async () => {
      if (++calls === at) throw new CancelledError()
    }
  }
}

const parsed = (v: unknown): ExperimentSpec => {
  const r = parseSpec(v)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.spec
}

// 240 points, 20% held out: 192 training rows in 3 batches of 64 per epoch
const moons = {
  version: 1,
  name: 'moons resume',
  seed: 11,
  distribution: { kind: 'preset', name: 'paper-44' },
  particles: { kind: 'sample', count: 240 },
  flow: {
    kind: 'neural-ode',
    task: 'classify',
    data: { kind: 'builtin', name: 'moons' },
    model: { width: 8, hiddenLayers: 2, augment: 1 },
    training: {
      epochs: 6,
      batchSize: 64,
      learningRate: 0.02,
      solver: 'rk4',
      depth: 1,
      stepSize: 0.25,
      kinetic: 0.01,
      jacobian: 0.01,
      earlyStopping: { patience: 50 }
    }
  },
  integration: { solver: 'rk4', depth: 1, stepSize: 0.25, samples: 3 }
}

const curveBits = (r: RunContent): number[] =>
  r.manifest.training!.curve.flatMap((e) => [e.epoch, e.layer ?? -1, e.trainLoss, e.validationLoss ?? NaN, e.kinetic ?? NaN, e.jacobian ?? NaN, e.nfe])
const weightBytes = (r: RunContent): number[] => Array.from(r.extra![1].data as Uint8Array)

/** uninterrupted run, then a run cancelled at checkpoint call `cancelAt` and its restart, all with a workspace */
async function interruptedAndWhole(spec: unknown, cancelAt: number): Promise<{ whole: RunContent; resumed: RunContent; ws: string; leftover: boolean }> {
  const wsWhole = await workspace()
  const whole = await runTrainedExperiment(spec, { ctx: plainCtx(), backend: 'wasm', workspace: wsWhole })
  expect(await readdir(join(wsWhole, 'checkpoints'))).toEqual([])
  const ws = await workspace()
  await expect(runTrainedExperiment(spec, { ctx: cancellingCtx(cancelAt), backend: 'wasm', workspace: ws })).rejects.toBeInstanceOf(CancelledError)
  expect(tf.memory().numTensors).toBe(baseline)
  const file = join(checkpointDir(ws, specKey(parsed(spec))), CHECKPOINT_FILE)
  const leftover = existsSync(file)
  const resumed = await runTrainedExperiment(spec, { ctx: plainCtx(), backend: 'wasm', workspace: ws })
  return { whole, resumed, ws, leftover }
}

describe('classification: cancel in epoch 3 of 6, restart', () => {
  it('resumes from epoch 2 and ends bit-identical to an uninterrupted run; the checkpoint is removed', async () => {
    // call 1 before training, calls 2-7 the 6 batches of epochs 1-2, call 9 the 2nd batch of epoch 3
    const { whole, resumed, ws, leftover } = await interruptedAndWhole(moons, 9)
    expect(leftover).toBe(true)
    const tr = resumed.manifest.training!
    expect(tr.resumedFrom).toEqual({ epoch: 2 })
    expect(whole.manifest.training!.resumedFrom).toBeUndefined()
    expect(resumed.manifest.notes).toContainEqual(stored(message('engine.noteResumed', { epoch: 2, epochs: 6 })))
    expect(tr.curve).toHaveLength(6)
    expect(curveBits(resumed)).toEqual(curveBits(whole))
    expect(weightBytes(resumed)).toEqual(weightBytes(whole))
    expect(Array.from(resumed.trajectories)).toEqual(Array.from(whole.trajectories))
    expect(tr.heldOut!.accuracy).toBe(whole.manifest.training!.heldOut!.accuracy)
    expect(resumed.manifest.labels).toBe('class')
    expect(RunManifestSchema.safeParse(resumed.manifest).success).toBe(true)
    expect(existsSync(checkpointDir(ws, specKey(parsed(moons))))).toBe(false)
    expect(tf.memory().numTensors).toBe(baseline)
  }, 120_000)

  it('without a workspace no checkpoint is written and the result is the same as with one', async () => {
    const ws = await workspace()
    const a = await runTrainedExperiment(moons, { ctx: plainCtx(), backend: 'wasm' })
    const b = await runTrainedExperiment(moons, { ctx: plainCtx(), backend: 'wasm', workspace: ws })
    expect(curveBits(a)).toEqual(curveBits(b))
    expect(weightBytes(a)).toEqual(weightBytes(b))
    expect(tf.memory().numTensors).toBe(baseline)
  }, 60_000)
})

describe('damaged checkpoints', () => {
  it('garbage, or a flipped byte inside a valid envelope, is ignored with a note: training starts from scratch', async () => {
    const reference = await runTrainedExperiment(moons, { ctx: plainCtx(), backend: 'wasm' })
    // a real checkpoint to damage: cancel in epoch 2
    const ws = await workspace()
    await expect(runTrainedExperiment(moons, { ctx: cancellingCtx(6), backend: 'wasm', workspace: ws })).rejects.toBeInstanceOf(CancelledError)
    const file = join(checkpointDir(ws, specKey(parsed(moons))), CHECKPOINT_FILE)
    const good = await readFile(file, 'utf8')
    const env = JSON.parse(good) as { body: string }
    const i = env.body.indexOf('"weights":["') + 14
    const flipped = env.body.slice(0, i) + (env.body[i] === 'A' ? 'B' : 'A') + env.body.slice(i + 1)
    for (const damaged of ['{"format": "nagare-training-ch', JSON.stringify({ ...env, body: flipped })]) {
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, damaged)
      const r = await runTrainedExperiment(moons, { ctx: plainCtx(), backend: 'wasm', workspace: ws })
      expect(r.manifest.notes.map(storedEnglish).find((n) => n.includes('could not be read'))).toMatch(/training started from scratch/)
      expect(r.manifest.notes.some((n) => typeof n !== 'string' && n.key === 'engine.noteCheckpointUnreadable')).toBe(true)
      expect(r.manifest.training!.resumedFrom).toBeUndefined()
      expect(curveBits(r)).toEqual(curveBits(reference))
      expect(weightBytes(r)).toEqual(weightBytes(reference))
      expect(existsSync(file)).toBe(false)
    }
    expect(tf.memory().numTensors).toBe(baseline)
  }, 120_000)
})

describe('staged training: composed DAE layers and learned continuous DAE stages', () => {
  it('composed DAE (L = 3, 3 epochs per layer) cancelled in layer 2 resumes there, bit-identical', async () => {
    const spec = {
      version: 1,
      name: 'cdae resume',
      seed: 4,
      distribution: { kind: 'preset', name: 'normal-1d' },
      particles: { kind: 'sample', count: 300 },
      flow: {
        kind: 'trained-composed-dae',
        t: 0.3,
        layers: 3,
        model: { width: 8, hiddenLayers: 1 },
        training: { epochs: 3, batchSize: 128, samples: 512, weightDecay: 1e-4 }
      },
      integration: { solver: 'euler', depth: 0.3, stepSize: 0.1, samples: 4 }
    }
    // 409 training rows: 4 batches per epoch; layer 1 = calls 2-13, layer 2 epoch 1 = calls 14-17, cancel at 19
    const { whole, resumed, leftover } = await interruptedAndWhole(spec, 19)
    expect(leftover).toBe(true)
    expect(resumed.manifest.training!.resumedFrom).toEqual({ epoch: 1, layer: 1 })
    expect(resumed.manifest.training!.curve.map((e) => e.layer)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2])
    expect(curveBits(resumed)).toEqual(curveBits(whole))
    expect(weightBytes(resumed)).toEqual(weightBytes(whole))
    expect(Array.from(resumed.trajectories)).toEqual(Array.from(whole.trajectories))
    expect(tf.memory().numTensors).toBe(baseline)
  }, 120_000)

  it('learned continuous DAE (3 stages, 2 epochs each) cancelled in stage 3 resumes after stage 2, bit-identical', async () => {
    const spec = {
      version: 1,
      name: 'transport resume',
      seed: 8,
      distribution: { kind: 'preset', name: 'paper-45' },
      particles: { kind: 'sample', count: 200 },
      flow: {
        kind: 'neural-ode',
        task: 'transport',
        model: { width: 8, hiddenLayers: 1 },
        training: { epochs: 2, batchSize: 256, samples: 256, depth: 0.3, stepSize: 0.1, solver: 'euler' }
      },
      integration: { solver: 'euler', depth: 0.3, stepSize: 0.1, samples: 4 }
    }
    // 205 training rows; stage k has k * 205 rows per epoch: 1, 2, 3 batches -> stages 1-2 = calls 2-7, cancel at 9
    const { whole, resumed, leftover } = await interruptedAndWhole(spec, 9)
    expect(leftover).toBe(true)
    expect(resumed.manifest.training!.resumedFrom).toEqual({ epoch: 2, layer: 1 })
    expect(curveBits(resumed)).toEqual(curveBits(whole))
    expect(weightBytes(resumed)).toEqual(weightBytes(whole))
    expect(Array.from(resumed.trajectories)).toEqual(Array.from(whole.trajectories))
    expect(tf.memory().numTensors).toBe(baseline)
  }, 120_000)
})
