// A whole run at two threads against the same run at one: the engine's own pool (sized by the setting,
// workers found from the sources) moves the particles, the run records its thread count, and positions
// and per-depth metrics (their statistics computed on the pool's workers) are those of the single-thread run.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { initBackend } from '../../../../electron/engine/backend'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { runExperiment } from '../../../../electron/engine/jobs/runner'
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
})
