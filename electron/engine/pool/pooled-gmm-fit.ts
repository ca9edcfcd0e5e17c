// The EM fit of an imported dataset's mixture away from the engine's thread, which it would otherwise hold
// for seconds (K = 16 on 20,000 rows): on a pool worker when there is a pool, else on the engine thread
// with a pause between EM iterations so other calls are answered meanwhile. Either way the same seeded
// fit, bit for bit, and a job's cancel stops it.
import { setImmediate as nextTurn } from 'node:timers/promises'
import { fitGaussianMixture, fitGaussianMixtureYielding, type GmmFit } from '../sampling/gmm-fit'
import { createRng } from '../sampling/random'
import type { WorkerPool } from './pool'
import { whileRunning } from './while-running'

/** what the 'gmm-fit' task carries: the rows (moved to the worker) and what seeds the fit */
export interface GmmFitTask {
  rows: Float64Array
  n: number
  d: number
  components: number
  seed: number
}

export interface FitPlace {
  /** the engine's pool; absent at one thread */
  pool?: WorkerPool
  /** a job's cancel point, polled while the fit runs */
  checkpoint?: () => Promise<void>
}

const optionsOf = (t: GmmFitTask): { components: number; rng: ReturnType<typeof createRng> } => ({
  components: t.components,
  rng: createRng(t.seed).fork('mixture-fit')
})

/** the fit itself, as the pool worker runs it */
export function gmmFitTask(task: GmmFitTask): GmmFit {
  return fitGaussianMixture(task.rows, task.n, task.d, optionsOf(task))
}

export async function fitOffEngineThread(task: GmmFitTask, place: FitPlace = {}): Promise<GmmFit> {
  const { pool, checkpoint } = place
  if (!pool) {
    return fitGaussianMixtureYielding(task.rows, task.n, task.d, optionsOf(task), async () => {
      await nextTurn()
      await checkpoint?.()
    })
  }
  // the rows move to the worker: a copy of their own (at most maxRows x d values), so the caller's array stays whole
  const rows = task.rows.slice()
  const controller = new AbortController()
  const fit = pool.run<GmmFit>('gmm-fit', { ...task, rows }, { signal: controller.signal, transfer: [rows.buffer] })
  return whileRunning(fit, checkpoint, async () => {
    controller.abort()
    await fit.catch(() => undefined)
  })
}
