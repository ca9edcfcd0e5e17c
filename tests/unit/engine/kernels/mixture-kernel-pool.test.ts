// The mixture kernel inside pool workers: the shard path calls transport() with the engine's integrate,
// so a pooled continuous-DAE run must give bit for bit the positions the kernel gives on this thread
// (float64 kernel), not the TF.js path's (float32, about 1e-7 apart), with the same solver statistics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PRESETS } from '../../../../shared/presets'
import type { MixtureDef } from '../../../../shared/presets'
import type { WorkerPool } from '../../../../electron/engine/pool/pool'
import { sourcePool } from '../pool/source-pool'
import { sampleDepths } from '../../../../electron/engine/solvers/integrate'
import { cloud, maxRelDiff, tfIntegrate, transport, transportInput } from './helpers'

let pool: WorkerPool
beforeAll(async () => {
  pool = await sourcePool()
})
afterAll(() => pool.dispose())

describe('mixture kernel on the pool', () => {
  it('paper (47) over 2 workers equals one thread exactly, and the TF.js path to float32', async () => {
    const mix = PRESETS['paper-47'] as MixtureDef
    const n = 3001
    const x0 = cloud(n, 2, 11)
    for (const solver of ['euler', 'rk4'] as const) {
      const input = transportInput(mix, x0, sampleDepths(0.45, 46), { solver, stepSize: 0.005 })
      const pooled = await transport({ ...input, pool })
      const here = await transport(input)
      const tf = await transport({ ...input, integrate: tfIntegrate })
      expect(maxRelDiff(pooled.trajectories, here.trajectories)).toBe(0)
      // the shards wrote into the run's shared array in place
      expect(pooled.trajectories.buffer).toBeInstanceOf(SharedArrayBuffer)
      const tfGap = maxRelDiff(here.trajectories, tf.trajectories)
      expect(tfGap).toBeGreaterThan(0)
      expect(tfGap).toBeLessThan(1e-5)
      const { wallSeconds: _a, ...a } = pooled.stats
      const { wallSeconds: _b, ...b } = here.stats
      expect(a).toEqual(b)
    }
  })
})
