// The engine's one worker pool, shared by every job of the process: sized to the thread setting when a
// job asks for it, and absent at one thread (the work then stays on the engine's own thread, as before).
import { tf } from '../backend'
import { workerScript } from '../worker-script'
import { WorkerPool } from './pool'
import { engineThreads } from './sizing'

let shared: WorkerPool | undefined

/** The pool for `threads` workers (default: the setting), or undefined when one thread is asked for. */
export function enginePool(threads = engineThreads()): WorkerPool | undefined {
  if (threads <= 1) return undefined
  if (!shared) {
    const script = workerScript('pool-worker', __dirname, 'worker.ts')
    // the workers compute on the backend this thread chose, so results match it
    shared = new WorkerPool({ size: threads, script, workerData: { backend: tf.getBackend() } })
  } else if (shared.size !== threads) shared.resize(threads)
  return shared
}

/** Stop the pool's workers (engine shutdown, tests). */
export async function disposeEnginePool(): Promise<void> {
  const p = shared
  shared = undefined
  await p?.dispose()
}
