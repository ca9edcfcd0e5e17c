// A whole run at two threads against the same run at one: the engine's own pool (sized by the setting,
// workers found from the sources) moves the particles, the run records its thread count, and positions
// and per-depth metrics (their statistics computed on the pool's workers) are those of the single-thread run;
// a neural ODE classifier trained with its batches split across the pool (Jacobian probes included)
// follows the single-thread training curve.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { initBackend } from '../../../../electron/engine/backend'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { runExperiment } from '../../../../electron/engine/jobs/runner'
import { runTrainedExperiment } from '../../../../electron/engine/jobs/trained/runner'
import { disposeEnginePool, enginePool } from '../../../../electron/engine/pool/engine-pool'
import { setThreadSetting } from '../../../../electron/engine/pool/sizing'

afterAll(async () => {
  setThreadSetting(undefined)
  await disposeEnginePool()
})

const spec = { ...JSON.parse(readFileSync(join(__dirname, '../../../../examples/paper-47.json'), 'utf8')), particles: { kind: 'sample', count: 3000 } }

describe('a run on two threads', () => {
  it('records its threads and gives the single-thread run', async () => {
    const backend = await initBackend('wasm')
    const run = async (threads: number) => {
      setThreadSetting(threads)
      return runExperiment(spec, { ctx: createJobContext(new AbortController().signal), backend })
    }
    const one = await run(1)
    const two = await run(2)
    expect(enginePool(2)?.size).toBe(2)
    expect(one.manifest.threads).toBe(1)
    expect(two.manifest.threads).toBe(2)
    let diff = 0
    for (let i = 0; i < one.trajectories.length; i++) diff = Math.max(diff, Math.abs(one.trajectories[i] - two.trajectories[i]))
    expect(diff).toBeLessThan(1e-6)
    expect(two.manifest.metrics.map((m) => m.entropy)).toEqual(one.manifest.metrics.map((m) => m.entropy))
    // the per-depth metrics ran on the pool's workers at two threads: the same numbers, not just close ones
    expect(two.manifest.metrics).toStrictEqual(one.manifest.metrics)
    expect(two.manifest.depthAnalysis).toStrictEqual(one.manifest.depthAnalysis)
    const { wallSeconds: _a, ...a } = one.manifest.solverStats
    const { wallSeconds: _b, ...b } = two.manifest.solverStats
    expect(b).toEqual(a)
  })

  it('trains a classifier on the pool as on one thread', async () => {
    const backend = await initBackend('wasm')
    // 600 training rows a batch through 10 RK4 steps with the probe: enough work per worker to be split
    const classify = {
      version: 1,
      name: 'moons on two threads',
      seed: 4,
      distribution: { kind: 'preset', name: 'paper-44' },
      particles: { kind: 'sample', count: 800 },
      flow: {
        kind: 'neural-ode',
        task: 'classify',
        data: { kind: 'builtin', name: 'moons' },
        model: { width: 16, hiddenLayers: 2, augment: 1 },
        training: {
          epochs: 3,
          batchSize: 600,
          learningRate: 0.03,
          solver: 'rk4',
          depth: 1,
          stepSize: 0.1,
          validationFraction: 0.25,
          kinetic: 0.01,
          jacobian: 0.01
        }
      },
      integration: { solver: 'rk4', depth: 1, stepSize: 0.1, samples: 3 }
    }
    const train = async (threads: number) => {
      setThreadSetting(threads)
      return runTrainedExperiment(classify, { ctx: createJobContext(new AbortController().signal), backend })
    }
    const one = (await train(1)).manifest.training!
    const shards = vi.spyOn(enginePool(2)!, 'run')
    const two = (await train(2)).manifest.training!
    // every step went to the pool: 3 epochs x 1 batch x 2 shards
    expect(shards.mock.calls.filter(([kind]) => kind === 'objective-shard').length).toBe(6)
    shards.mockRestore()
    expect(two.curve.length).toBe(one.curve.length)
    two.curve.forEach((row, i) => {
      expect(Math.abs(row.trainLoss - one.curve[i].trainLoss)).toBeLessThan(1e-4 * Math.abs(one.curve[i].trainLoss))
      expect(Math.abs(row.validationLoss! - one.curve[i].validationLoss!)).toBeLessThan(1e-4 * Math.abs(one.curve[i].validationLoss!))
    })
    // the curve moved: three Adam steps at this rate change the loss
    expect(Math.abs(one.curve[2].trainLoss - one.curve[0].trainLoss)).toBeGreaterThan(1e-3)
  }, 120_000)
})
