// Spawner for the supervisor that runs the engine host in a worker thread (browser mode, tests).
import { Worker, type WorkerOptions } from 'node:worker_threads'
import type { HostConfig } from './protocol'
import type { SpawnEngine } from './supervisor'
import { message, type MessageParam } from '../../shared/messages'

export function workerSpawner(file: string | URL, config: HostConfig, options: Omit<WorkerOptions, 'workerData'> = {}): SpawnEngine {
  return (handlers) => {
    const worker = new Worker(file, { ...options, workerData: config })
    let lastError: MessageParam = ''
    worker.on('message', (m: unknown) => handlers.message(m))
    worker.on('error', (e: Error) => {
      lastError = e?.message ?? String(e)
    })
    worker.on('messageerror', (e: Error) => {
      lastError = message('engine.unreadableMessage', { detail: e?.message ?? String(e) })
    })
    worker.on('exit', (code: number) =>
      handlers.exit(lastError ? message('engine.exitCodeWhy', { code, detail: lastError }) : message('engine.exitCode', { code }))
    )
    return {
      send: (message) => worker.postMessage(message),
      kill: () => void worker.terminate().catch(() => undefined)
    }
  }
}
