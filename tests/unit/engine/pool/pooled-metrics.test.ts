// The per-depth metrics with their depth statistics on two pool workers against the same metrics on this
// thread: exactly equal (the workers run the same arithmetic in the same order on the same float32
// clouds, and numbers cross threads bit for bit), for several depth counts, D = 1, 2, 3, kNN and
// closed-form entropy, subsampled and whole clouds, with the tracker's labels, Gaussian shape and a
// velocity field. A cancel stops the busy workers; a worker that dies fails the metrics with the crash message.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initBackend } from '../../../../electron/engine/backend'
import { CancelledError, EngineError } from '../../../../electron/engine/errors'
import { createJobContext } from '../../../../electron/engine/jobs/context'
import { depthMetrics, type DepthMetricsOptions } from '../../../../electron/engine/metrics/depth-metrics'
import { WorkerPool } from '../../../../electron/engine/pool/pool'
import { rangeDepths } from '../../../../electron/engine/pool/pooled-metrics'
import { message } from '../../../../shared/messages'
import { testRng } from '../metrics/test-rng'

const root = join(__dirname, '../../../..')
const tsx = ['--require', 'tsx/cjs']
let pool: WorkerPool
let backend: string
beforeAll(async () => {
  backend = await initBackend('wasm')
  pool = new WorkerPool({ size: 2, script: { path: join(root, 'electron/engine/pool/worker.ts'), execArgv: tsx }, workerData: { backend } })
})
afterAll(() => pool.dispose())

/** S depth samples of a seeded cloud under a nonlinear, depth-dependent map (shear, scale, swirl). */
function trajectory(S: number, n: number, d: number, seed: number): { traj: Float32Array; depths: number[] } {
  const rng = testRng(seed)
  const x0 = Float32Array.from({ length: n * d }, () => rng.normal())
  const depths = Array.from({ length: S }, (_, s) => 0.05 * s + 0.01 * s * s)
  const traj = new Float32Array(S * n * d)
  depths.forEach((t, s) => {
    for (let i = 0; i < n; i++)
      for (let j = 0; j < d; j++) {
        const a = x0[i * d + j]
        const b = x0[i * d + ((j + 1) % d)]
        traj[(s * n + i) * d + j] = a * (1 - 0.3 * t) + t * Math.tanh(b) + 0.2 * t * t * Math.sin(3 * a)
      }
  })
  return { traj, depths }
}

type Extra = Omit<DepthMetricsOptions, 'rng'>

async function both(S: number, n: number, d: number, extra: Extra = {}, seed = 1) {
  const { traj, depths } = trajectory(S, n, d, seed)
  const here = await depthMetrics(traj, [S, n, d], depths, { rng: testRng(seed + 100), ...extra })
  const seen: number[] = []
  const pooled = await depthMetrics(traj, [S, n, d], depths, { rng: testRng(seed + 100), ...extra, pool, onSample: (s) => void seen.push(s) })
  // progress still comes once per depth, in order
  expect(seen).toEqual(depths.map((_, s) => s))
  return { here, pooled }
}

describe('depth metrics on the pool', () => {
  it('equal this thread exactly for D = 1, 2, 3 and several depth counts (kNN entropy, subsamples)', async () => {
    for (const [S, n, d] of [
      [2, 5_000, 1],
      [9, 12_000, 2],
      [5, 3_000, 3],
      [17, 4_500, 2],
      [12, 11_000, 3]
    ]) {
      // more than one range per worker, so ranges start primed with the depth before them
      if (S > 8) expect(Math.ceil(S / rangeDepths(S, n, d, pool.size))).toBeGreaterThan(pool.size)
      const { here, pooled } = await both(S, n, d, {}, S + d)
      expect(pooled).toStrictEqual(here)
      expect(here.rows.every((r) => r.entropyMethod === 'knn' && Number.isFinite(r.entropy))).toBe(true)
      expect(here.rows.slice(1).every((r) => r.slicedW2Step! > 0)).toBe(true)
    }
  })

  it('equal this thread with the closed-form entropy, labels, the Gaussian shape and a velocity field', async () => {
    const n = 6_000
    for (const d of [1, 2, 3]) {
      const labels = Int32Array.from({ length: n }, (_, i) => (i * 7) % 3)
      // the closed form is not finite at the last depth (a singular covariance): that depth falls back to kNN
      const gaussianCovarianceAt = (t: number) =>
        Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => (a === b ? (t > 0.5 ? 0 : 1 - t) : 0)))
      const velocity = async (x: Float32Array, idx: Int32Array) =>
        Float32Array.from({ length: idx.length * d }, (_, k) => Math.sin(x[idx[Math.floor(k / d)] * d + (k % d)]))
      const { here, pooled } = await both(8, n, d, { labels, gaussianCovarianceAt, gaussianShape: true, velocity, velocityMaxPoints: 1_000 }, 40 + d)
      expect(pooled).toStrictEqual(here)
      expect(here.rows[0].entropyMethod).toBe('closed-form')
      expect(here.rows.at(-1)!.entropyMethod).toBe('knn')
      expect(here.rows[1].separability).toBeGreaterThan(0)
      expect(here.rows[1].sigmas).toHaveLength(d)
      expect(here.constants.velocityMethod).toBe('field')
    }
  })

  it('a single particle: entropy 0 with its note, as on this thread', async () => {
    const { here, pooled } = await both(4, 1, 2)
    expect(pooled).toStrictEqual(here)
    expect(here.rows.every((r) => r.entropy === 0)).toBe(true)
  })

  it('stops the busy workers on cancel, and the pool serves the next job', async () => {
    const n = 400_000
    const { traj, depths } = trajectory(16, n, 2, 9)
    const controller = new AbortController()
    const ctx = createJobContext(controller.signal)
    const started = pool.started
    const seen: number[] = []
    const job = depthMetrics(traj, [16, n, 2], depths, {
      rng: testRng(9),
      pool,
      checkpoint: () => ctx.checkpoint(),
      onSample: async (s) => {
        seen.push(s)
        if (s === 0) controller.abort()
        await ctx.checkpoint()
      }
    })
    await expect(job).rejects.toBeInstanceOf(CancelledError)
    expect(seen).toEqual([0])
    // the workers still busy with later depths were terminated: fresh ones take their places
    const { here, pooled } = await both(3, 2_000, 2)
    expect(pooled).toStrictEqual(here)
    expect(pool.started).toBeGreaterThan(started)
  })

  it('fails with the engine crash message when a worker dies', async () => {
    const crashing = new WorkerPool({ size: 2, script: { path: join(__dirname, 'metrics-crash-worker.ts'), execArgv: tsx }, workerData: { backend } })
    try {
      const { traj, depths } = trajectory(10, 2_000, 2, 3)
      const e = await depthMetrics(traj, [10, 2_000, 2], depths, { rng: testRng(3), pool: crashing }).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(EngineError)
      expect((e as EngineError).code).toBe('engine-crashed')
      expect((e as EngineError).msg).toEqual(message('engine.crashed', { reason: message('pool.threadExited', { code: 3 }) }))
    } finally {
      await crashing.dispose()
    }
  })
})
