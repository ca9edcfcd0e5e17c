// A pool of engine workers started from the sources (tsx), on the wasm backend this thread starts too: the
// tests that run engine tasks on worker threads share this one way of making it.
import { join } from 'node:path'
import { initBackend } from '../../../../electron/engine/backend'
import { WorkerPool } from '../../../../electron/engine/pool/pool'

const root = join(__dirname, '../../../..')

export async function sourcePool(size = 2): Promise<WorkerPool> {
  const backend = await initBackend('wasm')
  return new WorkerPool({ size, script: { path: join(root, 'electron/engine/pool/worker.ts'), execArgv: ['--require', 'tsx/cjs'] }, workerData: { backend } })
}
